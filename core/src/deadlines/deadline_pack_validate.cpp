// Validation of the "deadlines" and "points" sections of a pack (called by validate_pack).
#include "deadlines/deadline_pack.h"
#include "deadlines/deadline_rule.h"
#include "deadlines/points.h"

namespace kefu {

void validate_deadlines_section(const nlohmann::json& doc, const std::string& file,
                                std::vector<Error>& errors) {
  if (!doc.contains("deadlines")) return;
  const auto& arr = doc["deadlines"];
  if (!arr.is_array()) {
    errors.push_back({"pack.E201", file, "/deadlines", 0, 0, "must be an array"});
    return;
  }
  // Built-in packs are held to two examples per rule, as reply rules are held to three.
  const bool builtin = file.rfind("rules/", 0) == 0;
  std::vector<std::pair<std::string, std::string>> seen;  // id, pointer
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string ptr = "/deadlines/" + std::to_string(i);
    DeadlineRule rule;
    read_deadline_rule(arr[i], file, ptr, builtin ? 2 : 1, rule, errors);
    if (rule.id.empty()) continue;
    for (const auto& [id, where] : seen)
      if (id == rule.id)
        errors.push_back({"pack.E207", file, ptr + "/id", 0, 0,
                          "duplicate id \"" + rule.id + "\" (first at " + where + ")"});
    seen.emplace_back(rule.id, ptr);
  }
}

void validate_points_section(const nlohmann::json& doc, const std::string& file,
                             std::vector<Error>& errors) {
  if (!doc.contains("points")) return;
  PointsTable table;
  read_points_table(doc["points"], file, table, errors);
}

}  // namespace kefu
