// Placeholder until the deadline engine lands: only the shape of the sections is checked.
#include "deadlines/deadline_pack.h"

namespace kefu {

void validate_deadlines_section(const nlohmann::json& doc, const std::string& file,
                                std::vector<Error>& errors) {
  if (doc.contains("deadlines") && !doc["deadlines"].is_array())
    errors.push_back({"pack.E201", file, "/deadlines", 0, 0, "must be an array"});
}

void validate_points_section(const nlohmann::json& doc, const std::string& file,
                             std::vector<Error>& errors) {
  if (doc.contains("points") && !doc["points"].is_object())
    errors.push_back({"pack.E201", file, "/points", 0, 0, "must be an object"});
}

}  // namespace kefu
