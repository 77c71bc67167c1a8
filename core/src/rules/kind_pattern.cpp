// kind "pattern": an ordered sequence of elements (literals, @lexicons, alternatives, optional
// elements), each at most `max_gap` normalized characters after the one before, all inside one
// sentence (or clause), on the readings the rule accepts. The elements' words come from the
// shared automaton; this file only joins those hits, each step looking at the nearest earlier
// chain, so the work is linear in the hits (no backtracking). See docs/rule-language.md.
#include <algorithm>

#include "pack/pack.h"
#include "rules/kinds.h"
#include "rules/scope.h"
#include "rules/term_list.h"

namespace kefu {
namespace {

constexpr std::size_t kMaxElements = 32;    // per sequence
constexpr std::size_t kMaxSequences = 256;  // per rule
constexpr int kDefaultGap = 6;

struct Element {
  bool optional = false;
  int gap = kDefaultGap;  // most characters between the previous present element and this one
};

class PatternRule : public ReplyRule {
 public:
  PatternRule(std::vector<Element> elements, std::vector<std::vector<std::uint32_t>> sequences,
              ScopeSpec spec)
      : elements_(std::move(elements)), sequences_(std::move(sequences)), spec_(spec) {
    required_in_.resize(elements_.size());
    required_count_.resize(sequences_.size(), 0);
    for (std::uint32_t q = 0; q < sequences_.size(); ++q)
      for (std::uint32_t g : sequences_[q])
        if (!elements_[g].optional) {
          required_in_[g].push_back(q);
          ++required_count_[q];
        }
  }

  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    // A match lies inside one sentence, so the hits are taken a sentence at a time: they come by
    // end position, which keeps each sentence's hits together. Most sentences lack some required
    // element of every sequence, which a count tells before any sorting; a long paste thus costs
    // a pass over its hits, not a sort of all of them (common words like 不 hit everywhere).
    Scratch work;
    work.seen.assign(elements_.size(), 0);
    work.present.assign(sequences_.size(), 0);
    work.by_element.resize(elements_.size());
    const TextScope* scope = view.scope;
    for (std::size_t i = 0; i < hits.size();) {
      std::size_t j = i + 1;
      if (scope) {
        const std::uint32_t unit = scope->unit_of(hits[i].end - 1, false);
        while (j < hits.size() && scope->unit_of(hits[j].end - 1, false) == unit) ++j;
      } else {
        j = hits.size();
      }
      run_sentence(view, hits.data() + i, hits.data() + j, work, out);
      i = j;
    }
  }

  bool joins_touching_hits() const override { return true; }

  // A pattern matches inside one sentence, so each sequence's required elements must all hit
  // in the sentence of the match (the hits a sentence groups are those ending in it).
  std::vector<std::vector<std::uint32_t>> required_term_sets() const override {
    std::vector<std::vector<std::uint32_t>> sets;
    for (const auto& seq : sequences_) {
      std::vector<std::uint32_t> required;
      for (std::uint32_t g : seq)
        if (!elements_[g].optional) required.push_back(g);
      sets.push_back(std::move(required));
    }
    return sets;
  }

 private:
  // Buffers reused from sentence to sentence, and the end of the last finding (one finding per
  // stretch of text, across sentences too).
  // A chain is a partial match: the element hits so far, linked backwards.
  struct Chain {
    std::uint32_t first, end;  // the match so far: first character, one past the last
    std::uint32_t hit_start;   // this element's hit: [hit_start, end)
    std::int32_t parent;       // the chain it extends, -1 for none
  };
  struct Scratch {
    std::vector<std::uint8_t> seen;      // per element: has a hit in this sentence
    std::vector<std::uint32_t> present;  // per sequence: required elements with a hit
    std::vector<std::vector<Hit>> by_element;
    std::vector<Hit> group;
    std::vector<Chain> chains;
    std::vector<std::int32_t> complete, avail, made, merged;
    std::vector<Span> spans;
    std::uint32_t last_end = 0;
    bool any = false;
  };

  void run_sentence(const ReplyView& view, const Hit* begin, const Hit* end, Scratch& work,
                    std::vector<RawFinding>& out) const {
    // Whether some sequence has a hit for each of its required elements: each element present
    // (counted once) adds one to the sequences that require it.
    bool possible = false;
    for (const Hit* h = begin; h != end; ++h) {
      if (h->role != Role::kTerm || work.seen[h->term]) continue;
      work.seen[h->term] = 1;
      for (std::uint32_t q : required_in_[h->term])
        possible |= ++work.present[q] == required_count_[q];
    }
    for (const Hit* h = begin; h != end; ++h) {
      if (h->role != Role::kTerm || !work.seen[h->term]) continue;
      work.seen[h->term] = 0;
      for (std::uint32_t q : required_in_[h->term]) work.present[q] = 0;
    }
    if (!possible) return;
    work.group.assign(begin, end);
    std::vector<std::vector<Hit>>& by_element = work.by_element;
    for (auto& v : by_element) v.clear();
    for (const Hit& h : allowed_hits(work.group, Role::kTerm)) by_element[h.term].push_back(h);
    auto by_start = [](const Hit& x, const Hit& y) {
      return x.start < y.start || (x.start == y.start && x.end < y.end);
    };
    for (auto& v : by_element) {
      std::sort(v.begin(), v.end(), by_start);
      join_touching(v, view.norm);
    }

    std::vector<Chain>& chains = work.chains;
    chains.clear();
    auto by_end = [&chains](std::int32_t x, std::int32_t y) {
      const Chain &a = chains[x], &b = chains[y];
      return a.end != b.end ? a.end < b.end : a.first < b.first;
    };
    const TextScope* scope = view.scope;
    std::vector<std::int32_t>&complete = work.complete, &avail = work.avail, &made = work.made,
    &merged = work.merged;
    complete.clear();
    for (const auto& seq : sequences_) {
      avail.clear();
      bool can_start = true, possible = true;
      for (std::uint32_t g : seq) {
        const Element& el = elements_[g];
        const auto& hs = by_element[g];
        made.clear();
        std::size_t p = 0;
        std::int32_t best = -1;  // the chain ending last before the hit (the nearest)
        for (const Hit& h : hs) {
          for (; p < avail.size() && chains[avail[p]].end <= h.start; ++p) best = avail[p];
          // Only the nearest chain needs checking: one that ends earlier is farther away and,
          // sentences being ordered, never in the hit's sentence when the nearest is not.
          std::int32_t parent = -1;
          if (best >= 0) {
            const Chain& c = chains[best];
            bool ok = static_cast<int>(h.start - c.end) <= el.gap;
            if (ok && scope)
              ok = scope->unit_of(c.first, spec_.clause) == scope->unit_of(h.end - 1, spec_.clause);
            if (ok) parent = best;
          }
          if (parent < 0 && !can_start) continue;
          const std::uint32_t first = parent >= 0 ? chains[parent].first : h.start;
          chains.push_back({first, h.end, h.start, parent});
          made.push_back(static_cast<std::int32_t>(chains.size() - 1));
        }
        std::sort(made.begin(), made.end(), by_end);
        if (el.optional) {
          // An absent optional element is skipped: the chains before it stay available.
          merged.clear();
          std::merge(avail.begin(), avail.end(), made.begin(), made.end(),
                     std::back_inserter(merged), by_end);
          avail.swap(merged);
        } else {
          avail.swap(made);
          can_start = false;
          if (avail.empty()) {
            possible = false;
            break;
          }
        }
      }
      if (possible) complete.insert(complete.end(), avail.begin(), avail.end());
    }
    if (complete.empty()) return;
    std::sort(complete.begin(), complete.end(), by_end);
    // One finding per stretch of text: the earliest-ending match that reads right, then the
    // next one starting after it.
    std::uint32_t& last_end = work.last_end;
    bool& any = work.any;
    std::vector<Span>& spans = work.spans;
    for (std::int32_t id : complete) {
      const Chain& c = chains[id];
      if (any && c.first < last_end) continue;
      if (scope) {
        spans.clear();
        for (std::int32_t k = id; k >= 0; k = chains[k].parent)
          spans.push_back({chains[k].hit_start, chains[k].end});
        std::reverse(spans.begin(), spans.end());
        if (!scope->fires(spec_, spans.data(), spans.size())) continue;
      }
      out.push_back({view.norm.begin_of(c.first), view.norm.end_of(c.end), {}});
      last_end = c.end;
      any = true;
    }
  }

  // An element's hits that touch or overlap are one hit (「30」 of @digit is one number), after
  // allow contexts have had their say on each. The checker may have joined some while scanning
  // (joins_touching_hits); joining the rest here makes the result the same either way.
  static void join_touching(std::vector<Hit>& v, const NormalizedText& norm) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < v.size(); ++r) {
      if (w > 0 && norm.touching(v[w - 1].end, v[r].start)) {
        v[w - 1].start = std::min(v[w - 1].start, v[r].start);
        v[w - 1].end = std::max(v[w - 1].end, v[r].end);
      } else {
        v[w++] = v[r];
      }
    }
    v.resize(w);
  }

  std::vector<Element> elements_;
  std::vector<std::vector<std::uint32_t>> sequences_;    // element indices
  std::vector<std::vector<std::uint32_t>> required_in_;  // per element: sequences requiring it
  std::vector<std::uint32_t> required_count_;            // per sequence: its required elements
  ScopeSpec spec_;
};

// Registers one element's alternatives under index `g`; false (with errors) when it is broken.
bool read_element(const nlohmann::json& v, const std::string& ptr, std::uint32_t g, int rule_gap,
                  KindContext& ctx, Element& out) {
  out.gap = rule_gap;
  auto alternatives = [&](const nlohmann::json& list, const std::string& p) {
    if (!list.is_array() || list.empty()) {
      ctx.error("pack.E215", p, "备选项不能为空：至少写一个词或 @词表");
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < list.size(); ++i)
      ok &= register_term(list[i], p + "/" + std::to_string(i), Role::kTerm, g, ctx);
    return ok;
  };
  if (v.is_string()) return register_term(v, ptr, Role::kTerm, g, ctx);
  if (v.is_array()) return alternatives(v, ptr);
  if (!v.is_object()) {
    ctx.error("pack.E201", ptr, "模式元素必须是字符串、字符串数组或 {\"any\": [...]} 对象");
    return false;
  }
  bool ok = true;
  for (auto it = v.begin(); it != v.end(); ++it)
    if (it.key() != "any" && it.key() != "term" && it.key() != "optional" &&
        it.key() != "max_gap" && it.key() != "allow") {
      ctx.error("pack.E103", ptr + "/" + it.key(),
                "未知字段；模式元素有 any、term、optional、max_gap、allow");
      ok = false;
    }
  if (v.contains("any") == v.contains("term")) {
    ctx.error("pack.E215", ptr, "模式元素需要 \"any\"（备选项数组）或 \"term\"（一个词）之一");
    return false;
  }
  ok &= v.contains("any") ? alternatives(v["any"], ptr + "/any")
                          : register_term(v["term"], ptr + "/term", Role::kTerm, g, ctx);
  if (v.contains("optional")) {
    if (!v["optional"].is_boolean()) {
      ctx.error("pack.E201", ptr + "/optional", "必须是 true 或 false");
      ok = false;
    } else {
      out.optional = v["optional"].get<bool>();
    }
  }
  if (v.contains("max_gap")) {
    const auto& m = v["max_gap"];
    if (!m.is_number_integer() || m.get<long long>() < 0 ||
        m.get<long long>() > Limits::kMaxWithin) {
      ctx.error("pack.E210", ptr + "/max_gap",
                "必须是 0 到 " + std::to_string(Limits::kMaxWithin) + " 之间的整数");
      ok = false;
    } else {
      out.gap = static_cast<int>(m.get<long long>());
    }
  }
  if (v.contains("allow")) ok &= register_allow(v["allow"], ptr + "/allow", g, ctx, Role::kTerm);
  return ok;
}

}  // namespace

std::unique_ptr<ReplyRule> compile_pattern(const nlohmann::json& rule, KindContext& ctx) {
  const bool one = rule.contains("pattern"), many = rule.contains("patterns");
  if (one == many) {
    ctx.error("pack.E215", "",
              "pattern 规则需要 \"pattern\"（一个元素序列）或 \"patterns\"（多个序列）之一");
    return nullptr;
  }
  ScopeSpec spec;
  bool ok = read_scope_spec(rule, ctx, spec);
  int gap = kDefaultGap;
  ok &= read_int(rule, "max_gap", 0, Limits::kMaxWithin, gap, ctx, false);

  // The sequences as written, with their JSON pointers.
  std::vector<std::pair<const nlohmann::json*, std::string>> seqs;
  if (one) {
    seqs.push_back({&rule["pattern"], "/pattern"});
  } else if (!rule["patterns"].is_array() || rule["patterns"].empty()) {
    ctx.error("pack.E215", "/patterns", "必须是非空数组，每个元素是一个模式（元素序列）");
    return nullptr;
  } else if (rule["patterns"].size() > kMaxSequences) {
    ctx.error("pack.E210", "/patterns",
              "模式有 " + std::to_string(rule["patterns"].size()) + " 个，上限是 " +
                  std::to_string(kMaxSequences));
    return nullptr;
  } else {
    for (std::size_t i = 0; i < rule["patterns"].size(); ++i)
      seqs.push_back({&rule["patterns"][i], "/patterns/" + std::to_string(i)});
  }

  std::vector<Element> elements;
  std::vector<std::vector<std::uint32_t>> sequences;
  for (const auto& [seq, ptr] : seqs) {
    if (!seq->is_array() || seq->empty()) {
      ctx.error("pack.E215", ptr, "模式不能为空：至少需要一个非可选元素");
      ok = false;
      continue;
    }
    if (seq->size() > kMaxElements) {
      ctx.error("pack.E210", ptr,
                "模式有 " + std::to_string(seq->size()) + " 个元素，上限是 " +
                    std::to_string(kMaxElements));
      ok = false;
      continue;
    }
    std::vector<std::uint32_t> ids;
    bool required = false;
    for (std::size_t i = 0; i < seq->size(); ++i) {
      const auto g = static_cast<std::uint32_t>(elements.size());
      Element el;
      ok &= read_element((*seq)[i], ptr + "/" + std::to_string(i), g, gap, ctx, el);
      required |= !el.optional;
      elements.push_back(el);
      ids.push_back(g);
    }
    if (!required) {
      ctx.error("pack.E215", ptr, "模式不能为空：至少需要一个非可选元素");
      ok = false;
    }
    sequences.push_back(std::move(ids));
  }
  if (rule.contains("allow"))
    ok &= register_allow(rule["allow"], "/allow", kAllTerms, ctx, Role::kTerm);
  if (!ok) return nullptr;
  return std::make_unique<PatternRule>(std::move(elements), std::move(sequences), spec);
}

}  // namespace kefu
