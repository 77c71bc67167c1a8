// kind "only_terms": the whole reply, when every one of its characters belongs to a listed
// term (嗯嗯。 / 哦哦 / 不知道): an answer that says nothing.
#include <algorithm>

#include "rules/kinds.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

class OnlyTermsRule : public ReplyRule {
 public:
  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    const std::size_t n = view.norm.match.size();
    if (n == 0) return;
    auto terms = allowed_hits(hits, Role::kTerm);
    std::sort(terms.begin(), terms.end(),
              [](const Hit& x, const Hit& y) { return x.start < y.start; });
    std::uint32_t covered = 0;
    for (const Hit& h : terms) {
      if (h.start > covered) return;
      covered = std::max(covered, h.end);
    }
    if (covered >= n) out.push_back({0, static_cast<std::uint32_t>(view.original.size()), {}});
  }
};

}  // namespace

std::unique_ptr<ReplyRule> compile_only_terms(const nlohmann::json& rule, KindContext& ctx) {
  TermList terms;
  if (!read_terms(rule, "terms", Role::kTerm, ctx, terms)) return nullptr;
  return std::make_unique<OnlyTermsRule>();
}

}  // namespace kefu
