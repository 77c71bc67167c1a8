// Validation of the "deadlines" and "points" sections of a pack (called by validate_pack).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"

namespace kefu {

void validate_deadlines_section(const nlohmann::json& doc, const std::string& file,
                                std::vector<Error>& errors);
void validate_points_section(const nlohmann::json& doc, const std::string& file,
                             std::vector<Error>& errors);

}  // namespace kefu
