#include "deadlines/deadline_set.h"

namespace kefu {

std::vector<DeadlineRule> deadline_rules(const PackSet& set, std::vector<Error>& errors) {
  std::vector<DeadlineRule> out;
  for (const auto& item : set.items("deadlines")) {
    DeadlineRule rule;
    if (read_deadline_rule(*item.value, item.pack->file, item.pointer, 0, rule, errors))
      out.push_back(std::move(rule));
  }
  return out;
}

DueSoonPolicy due_soon_policy(const PackSet& set) {
  DueSoonPolicy p;
  const nlohmann::json* s = set.setting("due_soon");
  if (!s || !s->is_object()) return p;
  if (s->contains("hours") && (*s)["hours"].is_number_integer()) p.hours = (*s)["hours"].get<std::int64_t>();
  if (s->contains("percent") && (*s)["percent"].is_number_integer())
    p.percent = (*s)["percent"].get<std::int64_t>();
  return p;
}

}  // namespace kefu
