// kind "proximity": a term of `a` and a term of `b` at most `within` normalized characters
// apart (in order when `ordered`), unless a negation guard stands between them or just before.
#include <algorithm>

#include "pack/pack.h"
#include "rules/kinds.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

class ProximityRule : public ReplyRule {
 public:
  ProximityRule(int within, bool ordered, int guard_before)
      : within_(within), ordered_(ordered), guard_before_(guard_before) {}

  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    const auto as = allowed_hits(hits, Role::kA);
    const auto bs = allowed_hits(hits, Role::kB);
    std::uint32_t last_end = 0;
    for (const Hit& a : as) {
      for (const Hit& b : bs) {
        std::uint32_t s = std::min(a.start, b.start), e = std::max(a.end, b.end);
        if (ordered_ && b.start < a.start) continue;
        // Gap between the two spans; overlapping spans have none.
        std::uint32_t first_end = a.start <= b.start ? a.end : b.end;
        std::uint32_t second_start = a.start <= b.start ? b.start : a.start;
        std::uint32_t gap = second_start > first_end ? second_start - first_end : 0;
        if (static_cast<int>(gap) > within_) continue;
        if (guarded(hits, s, e)) continue;
        if (s < last_end && !out.empty()) continue;  // one finding per stretch of text
        out.push_back({view.norm.begin_of(s), view.norm.end_of(e), {}});
        last_end = e;
        break;
      }
    }
  }

 private:
  bool guarded(const std::vector<Hit>& hits, std::uint32_t s, std::uint32_t e) const {
    std::uint32_t from = s > static_cast<std::uint32_t>(guard_before_) ? s - guard_before_ : 0;
    for (const Hit& g : hits)
      if (g.role == Role::kGuard && g.start >= from && g.end <= e) return true;
    return false;
  }

  int within_;
  bool ordered_;
  int guard_before_;
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
  return std::make_unique<ProximityRule>(within, ordered, guard_before);
}

}  // namespace kefu
