// The rule handbook (规则手册): every rule of a platform with its penalty, source and examples,
// as JSON (for the page), Markdown, and the printable training handout (HTML; the page prints
// the same HTML, so there is one renderer).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pack/pack.h"
#include "rules/rule_meta.h"

namespace kefu {

struct HandbookOptions {
  std::string shop_name;  // on the cover when given
  std::string date;       // "2026-12-03", shown on the cover
};

std::string handbook_json(const PackSet& packs, const std::vector<RuleMeta>& rules);
std::string handbook_markdown(const PackSet& packs, const std::vector<RuleMeta>& rules);
std::string handbook_html(const PackSet& packs, const std::vector<RuleMeta>& rules,
                          const HandbookOptions& options = {});

// What the handout and the practice show for a rule.
std::string authority_label(const RuleMeta& r);  // 平台规则 / 法律 / 店规, "" without a penalty
std::string penalty_text(const RuleMeta& r);  // 「无明确处罚（服务规范）」 when none
std::vector<std::string> model_replies(const RuleMeta& r,
                                       std::size_t n);  // model, else good examples
std::string ruleset_version(
    const PackSet& packs);  // "r3f9a0c1d": changes when any loaded pack does
std::string platform_title(const std::string& platform);
std::string platform_title(const PackSet& packs);  // also a platform a user pack adds
std::string category_title(const std::string& name);
std::string html_escape(const std::string& s);

}  // namespace kefu
