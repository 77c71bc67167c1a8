// The compile functions of the reply kinds, one file each; registry.cpp lists them.
#pragma once

#include "rules/rule_kind.h"

namespace kefu {

std::unique_ptr<ReplyRule> compile_terms(const nlohmann::json& rule, KindContext& ctx);
std::unique_ptr<ReplyRule> compile_substitution(const nlohmann::json& rule, KindContext& ctx);
std::unique_ptr<ReplyRule> compile_proximity(const nlohmann::json& rule, KindContext& ctx);
std::unique_ptr<ReplyRule> compile_length(const nlohmann::json& rule, KindContext& ctx);
std::unique_ptr<ReplyRule> compile_only_terms(const nlohmann::json& rule, KindContext& ctx);
std::unique_ptr<ReplyRule> compile_detector(const nlohmann::json& rule, KindContext& ctx);
std::unique_ptr<ReplyRule> compile_pattern(const nlohmann::json& rule, KindContext& ctx);

}  // namespace kefu
