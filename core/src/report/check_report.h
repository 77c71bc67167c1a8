// The `check` command's output: text for people, JSON for tools.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pack/pack.h"
#include "reply/reply_checker.h"

namespace kefu {

std::string check_report_text(std::u32string_view reply, const ReplyResult& result);
// With `findings` false the "findings" array is left empty (the summary still counts them):
// the head of check_values(), whose findings travel as values.
std::string check_report_json(const PackSet& packs, const ReplyResult& result,
                              bool findings = true);
// "…特价商品【不开发票】的哦…": the finding in its context, on one line.
std::string marked_context(std::u32string_view text, std::uint32_t start, std::uint32_t end,
                           std::size_t around = 12);
// "1:7": line and column (1-based, code points) of a code-point offset.
std::string line_column(std::u32string_view text, std::uint32_t offset);

}  // namespace kefu
