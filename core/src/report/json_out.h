// JSON text as every command prints it: two-space indent, UTF-8 kept as is, and invalid bytes
// replaced rather than thrown about (nlohmann throws on them by default).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"

namespace kefu {

std::string dump_json(const nlohmann::ordered_json& j);
// {"errors":[...]} for status-2 results in JSON format.
std::string errors_json(const std::vector<Error>& errors);

}  // namespace kefu
