// The rule handbook (规则手册): every rule of a platform with its penalty, source and examples,
// as JSON (for the page), Markdown and printable HTML (for trainers).
#pragma once

#include <string>
#include <vector>

#include "pack/pack.h"
#include "rules/rule_meta.h"

namespace kefu {

std::string handbook_json(const PackSet& packs, const std::vector<RuleMeta>& rules);
std::string handbook_markdown(const PackSet& packs, const std::vector<RuleMeta>& rules);
std::string handbook_html(const PackSet& packs, const std::vector<RuleMeta>& rules);

}  // namespace kefu
