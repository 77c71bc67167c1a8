// The rule kinds that apply to a whole conversation (transcripts), as opposed to one reply.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace kefu {

bool is_conversation_kind(std::string_view kind);
std::vector<std::string_view> conversation_kind_names();

// Checks the kind-specific fields of a conversation rule at `pointer` in `file`.
void validate_conversation_rule(const nlohmann::json& rule, const std::string& file,
                                const std::string& pointer, std::vector<Error>& errors);

}  // namespace kefu
