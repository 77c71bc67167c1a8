#include "deadlines/deadline_engine.h"

#include <algorithm>

#include "time/civil.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

std::int64_t unit_seconds(const std::string& unit) {
  return unit == "days" ? time::kDay : unit == "hours" ? 3600 : 60;
}

// The latest of `events` that happened; false when none did.
bool latest_present(const OrderFacts& facts, const std::vector<std::string>& events,
                    std::string& name, std::int64_t& at) {
  bool found = false;
  for (const auto& e : events)
    if (const std::int64_t* t = facts.event(e); t && (!found || *t > at)) {
      found = true;
      name = e;
      at = *t;
    }
  return found;
}

std::int64_t clock_due(const DeadlineClock& c, std::int64_t start) {
  if (c.counting == Counting::kCivilDays) return time::end_of_beijing_day(start, c.amount);
  return start + c.amount * unit_seconds(c.unit);
}

int flag_value(bool b) { return b ? 1 : 0; }

// The earliest of `events` that happened at or after `from`; false when none did.
bool first_event_from(const OrderFacts& facts, const std::vector<std::string>& events,
                      std::int64_t from, std::string& name, std::int64_t& at) {
  bool found = false;
  for (const auto& e : events)
    if (const std::int64_t* t = facts.event(e); t && *t >= from && (!found || *t < at)) {
      found = true;
      name = e;
      at = *t;
    }
  return found;
}

std::size_t kind_rank(const std::string& kind) {
  const auto& kinds = vocab::deadline_kinds();
  return static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
}

}  // namespace

std::int64_t DueSoonPolicy::window(std::int64_t clock_seconds) const {
  const std::int64_t by_hours = hours * 3600;
  const std::int64_t by_share = std::max<std::int64_t>(clock_seconds, 0) * percent / 100;
  return std::min(by_hours, by_share);
}

// The conditions of `when` only (shipping, presale, invoice and return flags).
bool conditions_hold(const DeadlineRule& rule, const OrderFacts& facts) {
  const auto& w = rule.when;
  if (!w.shipping.empty() &&
      std::find(w.shipping.begin(), w.shipping.end(), facts.shipping) == w.shipping.end())
    return false;
  if (w.presale >= 0 && w.presale != flag_value(facts.presale_ship_by.has_value())) return false;
  if (w.vat_invoice >= 0 && w.vat_invoice != flag_value(facts.vat_invoice)) return false;
  if (w.invoice_committed >= 0 && w.invoice_committed != flag_value(facts.invoice_committed))
    return false;
  if (w.return_required >= 0 && w.return_required != flag_value(facts.return_required))
    return false;
  return true;
}

bool rule_applies(const DeadlineRule& rule, const OrderFacts& facts) {
  if (!conditions_hold(rule, facts)) return false;
  for (const auto& e : rule.requires_events)
    if (!facts.event(e)) return false;
  return true;
}

std::vector<Deadline> compute_deadlines(const std::vector<DeadlineRule>& rules,
                                        const OrderFacts& facts, std::int64_t now,
                                        const DueSoonPolicy& policy) {
  std::vector<Deadline> out;
  for (const auto& rule : rules) {
    if (!rule_applies(rule, facts)) continue;
    Deadline d;
    d.rule = &rule;
    if (!rule.due_at.empty()) {
      const std::int64_t* at = facts.fact(rule.due_at);
      if (!at || !latest_present(facts, rule.due_at_from, d.starts_from, d.start)) continue;
      d.due = rule.due_end_of_day ? time::end_of_beijing_day(*at) : *at;
    } else {
      // The later of the clocks; every clock must have started ("later of 15 days from success
      // and 10 days from request" is not known until both happened).
      bool all = !rule.clocks.empty();
      bool first = true;
      for (const auto& c : rule.clocks) {
        std::string name;
        std::int64_t start = 0;
        if (!latest_present(facts, c.from, name, start)) {
          all = false;
          break;
        }
        const std::int64_t due = clock_due(c, start);
        if (first || due > d.due) d.due = due, d.start = start, d.starts_from = name;
        first = false;
      }
      if (!all) continue;
      if (rule.promise) {
        // The shop's promise, when given, is what the platform judges against; the clock still
        // starts at the rule's event (a promise of 24 h runs from payment, or from 成团 where a
        // group buy forms first).
        if (facts.promised_ship_by)
          d.due = *facts.promised_ship_by, d.basis = "promised_ship_by";
        else if (facts.promised_ship_hours)
          d.due = d.start + *facts.promised_ship_hours * 3600, d.basis = "promised_ship_hours";
        else
          d.basis = rule.estimate ? "estimate" : "platform_default";
      }
    }

    std::string met_name, void_name;
    std::int64_t met_at = 0, void_at = 0;
    bool started_late = false;
    for (const auto& e : rule.only_before)
      if (const std::int64_t* t = facts.event(e); t && *t <= d.start) started_late = true;
    if (started_late) continue;

    const bool met = first_event_from(facts, rule.met_by, d.start, met_name, met_at);
    const bool voided = first_event_from(facts, rule.void_by, d.start, void_name, void_at) &&
                        void_at <= d.due && (!met || void_at < met_at);
    if (voided) {
      d.status = "void";
      d.closed_by = void_name;
      d.closed_at = void_at;
      d.left_seconds = d.due - void_at;
    } else if (met) {
      d.status = met_at <= d.due ? "met" : "overdue";
      d.closed_by = met_name;
      d.closed_at = met_at;
      d.left_seconds = d.due - met_at;
    } else {
      d.left_seconds = d.due - now;
      if (d.left_seconds < 0)
        d.status = "overdue";
      else if (d.left_seconds <= policy.window(d.due - d.start))
        d.status = "due_soon";
      else
        d.status = "pending";
    }
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    if (a.due != b.due) return a.due < b.due;
    const std::size_t ka = kind_rank(a.rule->kind), kb = kind_rank(b.rule->kind);
    if (ka != kb) return ka < kb;
    return a.rule->id < b.rule->id;
  });
  return out;
}

std::vector<WaitingClock> waiting_clocks(const std::vector<DeadlineRule>& rules,
                                         const OrderFacts& facts,
                                         const std::vector<Deadline>& running) {
  std::vector<WaitingClock> out;
  for (const auto& rule : rules) {
    if (!conditions_hold(rule, facts)) continue;
    bool runs = false;
    for (const auto& d : running) runs |= d.rule == &rule;
    if (runs) continue;
    std::string needs;
    for (const auto& e : rule.requires_events)
      if (needs.empty() && !facts.event(e)) needs = e;
    // A clock of "from": any one of its events starts it; name the first the rule lists.
    auto first_missing = [&](const std::vector<std::string>& from) {
      for (const auto& e : from)
        if (facts.event(e)) return;
      if (needs.empty() && !from.empty()) needs = from.front();
    };
    if (!rule.due_at.empty()) {
      first_missing(rule.due_at_from);
      if (needs.empty() && !facts.fact(rule.due_at)) needs = rule.due_at;
    } else {
      for (const auto& c : rule.clocks) first_missing(c.from);
    }
    // Every event is there and still no clock: it was voided before it started (only_before).
    if (!needs.empty()) out.push_back({&rule, needs});
  }
  return out;
}

}  // namespace kefu
