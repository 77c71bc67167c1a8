// The "equivalents" section of a pack: stand-ins users write for a word (vx for 微信).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "rules/term_env.h"

namespace kefu {

// Adds the pack's equivalents to `into` (normalized; variants of an existing key are merged).
bool read_equivalents(const nlohmann::json& doc, const std::string& file, Equivalents& into,
                      std::vector<Error>& errors);

}  // namespace kefu
