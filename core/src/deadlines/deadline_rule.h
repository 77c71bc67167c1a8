// A deadline rule as pack data (the "deadlines" section): which clock, started by which event,
// how long, counted how, under which conditions, closed by which events. Reading and validating
// are one step, so the engine and `kefu-lint validate` can never disagree about a rule.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"

namespace kefu {

enum class Counting {
  kExact,      // platform timers: the duration to the second from the event (3 days = 72 h)
  kCivilDays,  // Civil Code art. 201: starts the next day, ends 23:59:59 of the last day
};

// One running clock: the latest present event of `from` plus a duration.
struct DeadlineClock {
  std::vector<std::string> from;
  std::int64_t amount = 0;
  std::string unit;  // "days", "hours" or "minutes"
  Counting counting = Counting::kExact;
};

// Facts a rule applies under; an unset condition does not matter.
struct DeadlineConditions {
  std::vector<std::string> shipping;  // any of these methods
  int presale = -1;                   // -1 any, 0 no presale_ship_by, 1 presale_ship_by given
  int vat_invoice = -1, invoice_committed = -1, return_required = -1;
};

struct DeadlineRule {
  std::string id, kind, title, title_en, party;
  std::string consequence, consequence_en, penalty, source, follows;
  std::vector<std::string> requires_events;  // all must be present (besides a start)
  std::vector<DeadlineClock> clocks;         // the due time is the latest of these
  std::string due_at;                        // or: the due time is this fact itself
  bool due_end_of_day = false;               // ... at 23:59:59 of its day
  std::vector<std::string> due_at_from;      // with due_at: the events that start the clock
  DeadlineConditions when;
  // Events that count only from the clock's start: met_by on time is met (late is overdue);
  // void_by before the due time makes the clock moot. only_before: the rule is left out when one
  // of these happened at or before the start (refund_unshipped needs a refund asked unshipped).
  std::vector<std::string> met_by, void_by, only_before;
  // "promise": the shop's promised ship time (promised_ship_by, or promised_ship_hours from the
  // clock's start) replaces the duration when the facts give one; platforms judge against it.
  bool promise = false;
  // "estimate": the duration is not a platform's stated default (no source gives one); the
  // answer says so and asks for the shop's promise instead of passing it off as a rule.
  bool estimate = false;
  // "replaces": rules of a borrowed pack this one stands in for (a platform's own ship_by for the
  // one it borrows with the rest of another platform's deadlines).
  std::vector<std::string> replaces;
  const nlohmann::json* examples = nullptr;
  std::string file, pointer;  // where it came from, for messages
};

// Reads one element of a "deadlines" array. Appends pack.E2xx errors naming the JSON pointer
// (`pointer` is the element's, e.g. "/deadlines/3") and returns false when it is not valid.
// `min_examples` is 2 for built-in packs (every rule's examples run as tests), 1 for users'.
bool read_deadline_rule(const nlohmann::json& j, const std::string& file,
                        const std::string& pointer, std::size_t min_examples, DeadlineRule& out,
                        std::vector<Error>& errors);

}  // namespace kefu
