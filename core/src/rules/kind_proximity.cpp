// kind "proximity": a term of `a` and a term of `b` at most `within` normalized characters
// apart (in order when `ordered`), unless a negation guard stands between them or just before.
#include <algorithm>

#include "pack/pack.h"
#include "rules/kinds.h"
#include "rules/scope.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

class ProximityRule : public ReplyRule {
 public:
  ProximityRule(int within, bool ordered, int guard_before, ScopeSpec spec)
      : within_(within), ordered_(ordered), guard_before_(guard_before), spec_(spec) {}

  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    auto by_start = [](const Hit& x, const Hit& y) { return x.start < y.start; };
    auto as = allowed_hits(hits, Role::kA);
    auto bs = allowed_hits(hits, Role::kB);
    std::vector<Hit> guards;
    for (const Hit& h : hits)
      if (h.role == Role::kGuard) guards.push_back(h);
    std::sort(bs.begin(), bs.end(), by_start);
    std::sort(guards.begin(), guards.end(), by_start);
    std::uint32_t last_end = 0;
    bool any = false;
    for (const Hit& a : as) {
      // Only b's that start near a can pair with it: terms are at most kMaxTermChars long.
      const std::uint32_t reach = static_cast<std::uint32_t>(within_ + Limits::kMaxTermChars);
      Hit lo{a.start > reach ? a.start - reach : 0, 0, 0, Role::kB};
      for (auto it = std::lower_bound(bs.begin(), bs.end(), lo, by_start);
           it != bs.end() && it->start <= a.end + within_; ++it) {
        const Hit& b = *it;
        if (ordered_ && b.start < a.start) continue;
        const std::uint32_t s = std::min(a.start, b.start), e = std::max(a.end, b.end);
        // Gap between the two spans; overlapping spans have none.
        const std::uint32_t first_end = a.start <= b.start ? a.end : b.end;
        const std::uint32_t second_start = a.start <= b.start ? b.start : a.start;
        const std::uint32_t gap = second_start > first_end ? second_start - first_end : 0;
        if (static_cast<int>(gap) > within_ || guarded(guards, s, e)) continue;
        if (view.scope) {
          // Only a rule that says "scope" itself keeps its pair inside one sentence (or
          // clause): packs written before scopes pair across sentences.
          if (spec_.scope_given &&
              view.scope->unit_of(s, spec_.clause) != view.scope->unit_of(e - 1, spec_.clause))
            continue;
          const bool a_first = a.start <= b.start;
          const Span spans[2] = {a_first ? Span{a.start, a.end} : Span{b.start, b.end},
                                 a_first ? Span{b.start, b.end} : Span{a.start, a.end}};
          if (!view.scope->fires(spec_, spans, 2)) continue;
        }
        if (any && s < last_end) break;  // one finding per stretch of text
        out.push_back({view.norm.begin_of(s), view.norm.end_of(e), {}});
        last_end = e;
        any = true;
        break;
      }
    }
  }

 private:
  // A guard between the pair, or within guard_before characters before it, negates it.
  bool guarded(const std::vector<Hit>& guards, std::uint32_t s, std::uint32_t e) const {
    const std::uint32_t from =
        s > static_cast<std::uint32_t>(guard_before_) ? s - guard_before_ : 0;
    Hit lo{from, 0, 0, Role::kGuard};
    auto it = std::lower_bound(guards.begin(), guards.end(), lo,
                               [](const Hit& x, const Hit& y) { return x.start < y.start; });
    for (; it != guards.end() && it->start < e; ++it)
      if (it->end <= e) return true;
    return false;
  }

  int within_;
  bool ordered_;
  int guard_before_;
  ScopeSpec spec_;
};

}  // namespace

std::unique_ptr<ReplyRule> compile_proximity(const nlohmann::json& rule, KindContext& ctx) {
  TermList a, b, guards;
  bool ok = read_terms(rule, "a", Role::kA, ctx, a);
  ok &= read_terms(rule, "b", Role::kB, ctx, b, true, false);
  ok &= read_terms(rule, "guards", Role::kGuard, ctx, guards, false, false);
  int within = 0, guard_before = 4;
  ok &= read_int(rule, "within", 0, Limits::kMaxWithin, within, ctx, true);
  ok &= read_int(rule, "guard_before", 0, Limits::kMaxWithin, guard_before, ctx, false);
  ScopeSpec spec;
  ok &= read_scope_spec(rule, ctx, spec);
  bool ordered = false;
  if (rule.contains("ordered")) {
    if (!rule["ordered"].is_boolean()) {
      ctx.error("pack.E201", "/ordered", "must be true or false");
      ok = false;
    } else {
      ordered = rule["ordered"].get<bool>();
    }
  }
  if (!ok) return nullptr;
  return std::make_unique<ProximityRule>(within, ordered, guard_before, spec);
}

}  // namespace kefu
