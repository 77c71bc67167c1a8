#include "rules/scope.h"

#include <algorithm>

#include "pack/pack.h"
#include "rules/rule_kind.h"
#include "rules/term_list.h"
#include "text/utf8.h"

namespace kefu {
namespace {

bool ends_clause(char32_t c) { return c == U'，' || c == U',' || c == U'、' || c == U'､'; }

int strength(Reading r) {
  switch (r) {
    case Reading::kProhibited:
      return 3;
    case Reading::kHedged:
      return 2;
    case Reading::kNegated:
      return 1;
    case Reading::kAsserted:
      return 0;
  }
  return 0;
}

}  // namespace

bool read_scope_spec(const nlohmann::json& rule, KindContext& ctx, ScopeSpec& out) {
  bool ok = true;
  if (rule.contains("readings")) {
    const auto& r = rule["readings"];
    if (!r.is_array() || r.empty()) {
      ctx.error("pack.E201", "/readings",
                "必须是非空数组，元素取 asserted、negated、prohibited、hedged");
      ok = false;
    } else {
      out.readings = 0;
      for (std::size_t i = 0; i < r.size(); ++i) {
        Reading reading;
        if (!r[i].is_string() || !parse_reading(r[i].get<std::string>(), reading)) {
          ctx.error("pack.E214", "/readings/" + std::to_string(i),
                    "未知读法 " + r[i].dump() + "；可选：asserted、negated、prohibited、hedged");
          ok = false;
          continue;
        }
        out.readings |= reading_bit(reading);
      }
    }
  }
  if (rule.contains("scope")) {
    const auto& s = rule["scope"];
    if (s == "clause" || s == "sentence") {
      out.clause = s == "clause";
      out.scope_given = true;
    } else {
      ctx.error("pack.E201", "/scope", "必须是 \"sentence\"（句）或 \"clause\"（分句）");
      ok = false;
    }
  }
  if (rule.contains("ignore_cues")) {
    const auto& list = rule["ignore_cues"];
    if (!list.is_array() || list.empty()) {
      ctx.error("pack.E201", "/ignore_cues", "必须是非空数组，元素是 scope_cues 里的词或 @词表");
      ok = false;
    } else {
      const auto& cues = ctx.env().cues;
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string ptr = "/ignore_cues/" + std::to_string(i);
        std::vector<std::u32string> words;
        if (!ctx.expand(list[i], ptr, words)) {
          ok = false;
          continue;
        }
        for (const auto& w : words) {
          bool known = false;
          for (std::uint32_t k = 0; k < cues.size(); ++k)
            if (cues[k].first == w) {
              out.ignored_cues.push_back(k);
              known = true;
            }
          if (!known) {
            ctx.error("pack.E214", ptr,
                      "「" + encode_utf8(w) + "」不是已加载的范围提示词（scope_cues），无需忽略");
            ok = false;
          }
        }
      }
      std::sort(out.ignored_cues.begin(), out.ignored_cues.end());
    }
  }
  ok &= read_int(rule, "cue_before", 0, Limits::kMaxWithin, out.cue_before, ctx, false);
  ok &= read_int(rule, "cue_after", 0, Limits::kMaxWithin, out.cue_after, ctx, false);
  return ok;
}

TextScope::TextScope(const NormalizedText& norm, std::vector<Cue> cues) : norm_(norm) {
  if (cues.empty()) return;
  // Only maximal cues count: 不能保证 is a hedge, not also a 不 and a 不能. At one start the
  // longest comes first, and among equal spans the strongest reading.
  std::sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return strength(a.reading) > strength(b.reading);
  });
  std::uint32_t reach = 0;
  for (const Cue& c : cues)
    if (c.end > reach) {
      cues_.push_back(c);
      reach = c.end;
    }
}

void TextScope::find_units() const {
  const std::size_t m = norm_.match.size();
  sentence_.resize(m);
  clause_.resize(m);
  std::uint32_t s = 0, c = 0;
  for (std::size_t j = 0; j < m; ++j) {
    // Ends are separators, which the match stream drops: only a gap in the original between
    // neighbours can hold one.
    if (j > 0 && norm_.orig_end[j - 1] != norm_.orig_begin[j]) {
      bool sentence_end = false, clause_end = false;
      for (std::uint32_t k = norm_.orig_end[j - 1]; k < norm_.orig_begin[j]; ++k) {
        sentence_end |= ends_sentence(norm_.folded[k]);
        clause_end |= ends_clause(norm_.folded[k]);
      }
      if (sentence_end) ++s;
      if (sentence_end || clause_end) ++c;
    }
    sentence_[j] = s;
    clause_[j] = c;
  }
  units_found_ = true;
}

std::uint32_t TextScope::sentence_begin(std::uint32_t u) const {
  if (!units_found_) find_units();
  return static_cast<std::uint32_t>(std::lower_bound(sentence_.begin(), sentence_.end(), u) -
                                    sentence_.begin());
}

Reading TextScope::reading(const ScopeSpec& spec, const Span* spans, std::size_t n) const {
  if (cues_.empty() || n == 0) return Reading::kAsserted;
  const std::uint32_t first = spans[0].first, last = spans[n - 1].second;
  const std::uint32_t lo =
      first > static_cast<std::uint32_t>(spec.cue_before) ? first - spec.cue_before : 0;
  const std::uint32_t hi = last + static_cast<std::uint32_t>(spec.cue_after);
  auto it = std::lower_bound(cues_.begin(), cues_.end(), lo,
                             [](const Cue& c, std::uint32_t v) { return c.start < v; });
  Reading best = Reading::kAsserted;
  bool units_known = false;
  std::uint32_t u_first = 0, u_last = 0;
  for (; it != cues_.end() && it->start < hi; ++it) {
    if (it->end > hi || strength(it->reading) <= strength(best)) continue;
    if (!spec.ignored_cues.empty() &&
        std::binary_search(spec.ignored_cues.begin(), spec.ignored_cues.end(), it->word))
      continue;
    bool own = false;  // a rule's own words never decide its reading
    for (std::size_t k = 0; k < n && !own; ++k)
      own = it->start < spans[k].second && spans[k].first < it->end;
    if (own) continue;
    if (!units_known) {
      u_first = unit_of(first, spec.clause);
      u_last = unit_of(last - 1, spec.clause);
      units_known = true;
    }
    if (unit_of(it->start, spec.clause) < u_first || unit_of(it->end - 1, spec.clause) > u_last)
      continue;
    // A negator or hedge scopes over the rest of its clause: one inside a match that spans
    // clauses counts only for the element after it in its own clause (「分期我们没开，手续费您得
    // 自己出」: 没 negates 开, not 手续费…自己出).
    std::size_t next = 0;
    while (next < n && spans[next].first < it->end) ++next;
    if (next > 0 && next < n && unit_of(it->start, true) != unit_of(spans[next].first, true))
      continue;
    best = it->reading;
  }
  return best;
}

}  // namespace kefu
