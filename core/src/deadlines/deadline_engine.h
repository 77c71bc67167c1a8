// Order facts + deadline rules + now -> every running clock with its due time and status.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "deadlines/deadline_rule.h"
#include "deadlines/order_facts.h"

namespace kefu {

// When a clock counts as due_soon: inside the last `hours`, or the last `percent` of the clock
// for clocks short enough that this is less (a 10-minute clock is due soon for its last 2).
struct DueSoonPolicy {
  std::int64_t hours = 24;
  std::int64_t percent = 20;
  std::int64_t window(std::int64_t clock_seconds) const;
};

struct Deadline {
  const DeadlineRule* rule = nullptr;
  std::string starts_from;  // the event that started the clock
  std::int64_t start = 0;
  std::int64_t due = 0;
  std::string status;  // pending, due_soon, overdue, met, void
  // Signed seconds from now to due; for a deadline closed by an event (met, void, or overdue
  // because the event came late), from that event to due instead.
  std::int64_t left_seconds = 0;
  std::string closed_by;  // the event that met or voided it, if any
  std::int64_t closed_at = 0;
  // For a rule with "promise": promised_ship_by, promised_ship_hours, platform_default, or
  // estimate (no source states a default; see the rule's "follows"). Empty for other rules.
  std::string basis;
};

// A clock that does not run yet because an event has not happened: "填写付款时间即开始计时".
struct WaitingClock {
  const DeadlineRule* rule = nullptr;
  std::string needs;  // the event that would start it (the first missing one)
};

bool rule_applies(const DeadlineRule& rule, const OrderFacts& facts);

// The deadlines that run on these facts, sorted by due time (then kind order, then rule id).
// Rules whose conditions do not hold or whose start events are missing are left out.
std::vector<Deadline> compute_deadlines(const std::vector<DeadlineRule>& rules,
                                        const OrderFacts& facts, std::int64_t now,
                                        const DueSoonPolicy& policy);

// The rules whose conditions hold but whose start (or required) event is missing, each with the
// event that would start it, in rule order. Rules already in `running` are left out.
std::vector<WaitingClock> waiting_clocks(const std::vector<DeadlineRule>& rules,
                                         const OrderFacts& facts,
                                         const std::vector<Deadline>& running);

}  // namespace kefu
