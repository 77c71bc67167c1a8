#include "deadlines/deadline_set.h"

#include <algorithm>

namespace kefu {

std::vector<DeadlineRule> deadline_rules(const PackSet& set, std::vector<Error>& errors) {
  std::vector<DeadlineRule> out;
  for (const auto& item : set.items("deadlines")) {
    DeadlineRule rule;
    if (read_deadline_rule(*item.value, item.pack->file, item.pointer, 0, rule, errors))
      out.push_back(std::move(rule));
  }
  // A pack that borrows another's deadlines may stand in for some of them (its own 72 h ship_by
  // for the borrowed one): one clock per duty, never two ship-by times for one order.
  std::vector<std::string> replaced;
  for (const auto& r : out) replaced.insert(replaced.end(), r.replaces.begin(), r.replaces.end());
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const DeadlineRule& r) {
                             return std::find(replaced.begin(), replaced.end(), r.id) !=
                                    replaced.end();
                           }),
            out.end());
  return out;
}

DueSoonPolicy due_soon_policy(const PackSet& set) {
  DueSoonPolicy p;
  const nlohmann::json* s = set.setting("due_soon");
  if (!s || !s->is_object()) return p;
  if (s->contains("hours") && (*s)["hours"].is_number_integer())
    p.hours = (*s)["hours"].get<std::int64_t>();
  if (s->contains("percent") && (*s)["percent"].is_number_integer())
    p.percent = (*s)["percent"].get<std::int64_t>();
  return p;
}

}  // namespace kefu
