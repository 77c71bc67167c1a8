// kind "length": the whole reply, when it has fewer than `min_chars` characters once
// whitespace, punctuation, symbols and emoji are stripped (an empty reply is not a reply).
#include "rules/kinds.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

class LengthRule : public ReplyRule {
 public:
  explicit LengthRule(int min_chars) : min_chars_(min_chars) {}
  void run(const ReplyView& view, const std::vector<Hit>&,
           std::vector<RawFinding>& out) const override {
    std::size_t n = 0;
    const std::size_t enough = static_cast<std::size_t>(min_chars_);
    for (char32_t f : view.norm.folded)
      if ((n += !is_separator(f)) >= enough) return;  // long enough: no need to count on
    if (n > 0 && n < static_cast<std::size_t>(min_chars_))
      out.push_back({0, static_cast<std::uint32_t>(view.original.size()), {}});
  }

 private:
  int min_chars_;
};

}  // namespace

std::unique_ptr<ReplyRule> compile_length(const nlohmann::json& rule, KindContext& ctx) {
  int min_chars = 0;
  if (!read_int(rule, "min_chars", 1, 1000, min_chars, ctx, true)) return nullptr;
  return std::make_unique<LengthRule>(min_chars);
}

}  // namespace kefu
