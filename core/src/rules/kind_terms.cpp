// kind "terms": every occurrence of a listed term, unless an allow context covers it.
#include "rules/kinds.h"
#include "rules/scope.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

class TermsRule : public ReplyRule {
 public:
  TermsRule(TermList terms, ScopeSpec spec) : terms_(std::move(terms)), spec_(spec) {}
  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    for (const Hit& h : allowed_hits(hits, Role::kTerm)) {
      const Span span{h.start, h.end};
      if (view.scope && !view.scope->fires(spec_, &span, 1)) continue;
      out.push_back({view.norm.begin_of(h.start), view.norm.end_of(h.end), terms_.uses[h.term]});
    }
  }

 private:
  TermList terms_;
  ScopeSpec spec_;
};

}  // namespace

std::unique_ptr<ReplyRule> compile_terms(const nlohmann::json& rule, KindContext& ctx) {
  TermList terms;
  ScopeSpec spec;
  bool ok = read_scope_spec(rule, ctx, spec);
  if (!read_terms(rule, "terms", Role::kTerm, ctx, terms) || !ok) return nullptr;
  return std::make_unique<TermsRule>(std::move(terms), spec);
}

// kind "substitution": a term list whose every term says what to write instead.
std::unique_ptr<ReplyRule> compile_substitution(const nlohmann::json& rule, KindContext& ctx) {
  TermList terms;
  ScopeSpec spec;
  bool ok = read_scope_spec(rule, ctx, spec);
  if (!read_terms(rule, "terms", Role::kTerm, ctx, terms)) return nullptr;
  for (std::size_t i = 0; i < terms.uses.size(); ++i)
    if (terms.uses[i].empty()) {
      ctx.error("pack.E102", "/terms/" + std::to_string(i),
                "a substitution term needs \"use\": the wording to write instead");
      ok = false;
    }
  if (!ok) return nullptr;
  return std::make_unique<TermsRule>(std::move(terms), spec);
}

}  // namespace kefu
