// kind "terms": every occurrence of a listed term, unless an allow context covers it.
#include "rules/kinds.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

class TermsRule : public ReplyRule {
 public:
  explicit TermsRule(TermList terms) : terms_(std::move(terms)) {}
  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    for (const Hit& h : allowed_hits(hits, Role::kTerm))
      out.push_back({view.norm.begin_of(h.start), view.norm.end_of(h.end), terms_.uses[h.term]});
  }

 private:
  TermList terms_;
};

}  // namespace

std::unique_ptr<ReplyRule> compile_terms(const nlohmann::json& rule, KindContext& ctx) {
  TermList terms;
  if (!read_terms(rule, "terms", Role::kTerm, ctx, terms)) return nullptr;
  return std::make_unique<TermsRule>(std::move(terms));
}

// kind "substitution": a term list whose every term says what to write instead.
std::unique_ptr<ReplyRule> compile_substitution(const nlohmann::json& rule, KindContext& ctx) {
  TermList terms;
  if (!read_terms(rule, "terms", Role::kTerm, ctx, terms)) return nullptr;
  bool ok = true;
  for (std::size_t i = 0; i < terms.uses.size(); ++i)
    if (terms.uses[i].empty()) {
      ctx.error("pack.E102", "/terms/" + std::to_string(i),
                "a substitution term needs \"use\": the wording to write instead");
      ok = false;
    }
  if (!ok) return nullptr;
  return std::make_unique<TermsRule>(std::move(terms));
}

}  // namespace kefu
