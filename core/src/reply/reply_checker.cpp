#include "reply/reply_checker.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "match/automaton.h"
#include "rules/equivalents.h"
#include "rules/rule_kind.h"
#include "rules/scope.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {

class CompiledRules {
 public:
  struct Owner {
    std::uint32_t rule;  // index into reply_rules
    Role role;
    std::uint32_t term;
    bool latin_head, latin_tail;  // needs a non-letter neighbour on that side
    Role protects;                // for kAllow
    bool joins = false;           // touching hits may be joined while scanning (see ReplyRule)
  };
  static constexpr std::uint32_t kCueOwner = 0xFFFFFFFF;  // `rule` of a scope cue's pattern

  std::vector<RuleMeta> metas;              // every rule, reply and conversation
  std::vector<const RuleMeta*> reply_meta;  // per reply rule
  std::vector<std::unique_ptr<ReplyRule>> reply_rules;
  std::vector<std::u32string> patterns;
  std::vector<Owner> owners;  // per pattern
  Automaton automaton;
  // The words a gated rule needs only beside a rarer one (see ReplyRule::required_term_sets):
  // scanned for in the sentences where some gated rule has a hit, not in the whole text.
  std::vector<std::u32string> late_patterns;
  std::vector<Owner> late_owners;  // per late pattern
  Automaton late_automaton;
  std::uint32_t late_longest = 0;   // characters of the longest late pattern
  std::vector<std::uint8_t> gated;  // per reply rule
  TermEnv env;                      // lexicons, stand-ins, blockers and cues of the loaded packs
};

namespace {

class CollectingContext : public KindContext {
 public:
  CollectingContext(CompiledRules& c, std::uint32_t rule, const TermEnv& env,
                    std::vector<Error>& errors, std::string file, std::string pointer)
      : KindContext(env, errors, std::move(file), std::move(pointer)), c_(c), rule_(rule) {}

 protected:
  void add_one(const std::u32string& p, Role role, std::uint32_t term, Role protects) override {
    c_.owners.push_back(
        {rule_, role, term, is_latin_letter(p.front()), is_latin_letter(p.back()), protects});
    c_.patterns.push_back(p);
  }

 private:
  CompiledRules& c_;
  std::uint32_t rule_;
};

// A term that starts or ends with a Latin letter must not be part of a longer Latin word.
bool latin_boundary_ok(const CompiledRules::Owner& o, const NormalizedText& n, std::uint32_t s,
                       std::uint32_t e) {
  if (o.latin_head) {
    std::uint32_t b = n.begin_of(s);
    if (b > 0 && is_latin_letter(n.folded[b - 1])) return false;
  }
  if (o.latin_tail) {
    std::uint32_t a = n.end_of(e);
    if (a < n.folded.size() && is_latin_letter(n.folded[a])) return false;
  }
  return true;
}

// Moves the term owners of a gated rule (from `first` on) that are not its anchors to the late
// automaton. Per set of required terms, the anchor is the term whose shortest word is longest
// (红包 over 不 or a digit): the rarer the anchor, the fewer sentences the late words are
// looked for in. Allow contexts stay: an allow decides on the hit it covers, wherever it ends.
void split_late(CompiledRules& c, std::size_t first,
                const std::vector<std::vector<std::uint32_t>>& sets) {
  std::vector<std::uint32_t> shortest;  // per term: its shortest word
  for (std::size_t k = first; k < c.owners.size(); ++k) {
    const auto& o = c.owners[k];
    if (o.role != Role::kTerm) continue;
    if (o.term >= shortest.size()) shortest.resize(o.term + 1, 0xFFFFFFFF);
    shortest[o.term] = std::min(shortest[o.term], static_cast<std::uint32_t>(c.patterns[k].size()));
  }
  std::vector<std::uint8_t> anchor(shortest.size(), 0);
  for (const auto& set : sets) {
    std::uint32_t best = 0xFFFFFFFF, best_len = 0;
    for (std::uint32_t t : set)
      if (t < shortest.size() && shortest[t] != 0xFFFFFFFF && shortest[t] > best_len) {
        best = t;
        best_len = shortest[t];
      }
    if (best == 0xFFFFFFFF) return;  // a set with no words: leave the rule ungated
    anchor[best] = 1;
  }
  std::size_t w = first;
  for (std::size_t k = first; k < c.owners.size(); ++k) {
    const auto& o = c.owners[k];
    if (o.role == Role::kTerm && !anchor[o.term]) {
      c.late_longest = std::max(c.late_longest, static_cast<std::uint32_t>(c.patterns[k].size()));
      c.late_owners.push_back(o);
      c.late_patterns.push_back(std::move(c.patterns[k]));
    } else {
      if (w != k) {  // a string moved onto itself may be left empty
        c.owners[w] = c.owners[k];
        c.patterns[w] = std::move(c.patterns[k]);
      }
      ++w;
    }
  }
  c.owners.resize(w);
  c.patterns.resize(w);
  c.gated.back() = 1;
}

// Marks the term owners from `first` on (one rule's) whose hits may be joined while scanning:
// those no allow context can cover, since an allow decides on a single hit's span.
void mark_joinable(std::vector<CompiledRules::Owner>& owners, std::size_t first) {
  bool all_protected = false;
  std::vector<std::uint32_t> protected_terms;
  for (std::size_t k = first; k < owners.size(); ++k) {
    const auto& o = owners[k];
    if (o.role != Role::kAllow || o.protects != Role::kTerm) continue;
    if (o.term == kAllTerms)
      all_protected = true;
    else
      protected_terms.push_back(o.term);
  }
  if (all_protected) return;
  std::sort(protected_terms.begin(), protected_terms.end());
  for (std::size_t k = first; k < owners.size(); ++k) {
    auto& o = owners[k];
    o.joins = o.role == Role::kTerm &&
              !std::binary_search(protected_terms.begin(), protected_terms.end(), o.term);
  }
}

// The late words of the gated rules (see CompiledRules), looked for in the sentences where a
// gated rule has a hit (its anchors: nothing else of it is in `hits` yet but allow contexts),
// and given to that rule only for those sentences: the hits it would have had from a scan of
// the whole text, since a sentence without an anchor cannot hold its match.
template <typename Store>
void scan_late(const CompiledRules& c, const NormalizedText& norm, const TextScope& scope,
               Store& store, std::vector<std::vector<Hit>>& hits) {
  const std::size_t rules = c.reply_rules.size();
  std::vector<std::vector<std::uint32_t>> live(rules);  // per gated rule: sentences, ascending
  std::vector<std::uint32_t> any_live;
  for (std::size_t r = 0; r < rules; ++r) {
    if (!c.gated[r]) continue;
    for (const Hit& h : hits[r]) {
      if (h.role != Role::kTerm) continue;
      const std::uint32_t u = scope.unit_of(h.end - 1, false);
      if (live[r].empty() || live[r].back() != u) live[r].push_back(u);
    }
    any_live.insert(any_live.end(), live[r].begin(), live[r].end());
  }
  if (any_live.empty()) return;
  std::sort(any_live.begin(), any_live.end());
  any_live.erase(std::unique(any_live.begin(), any_live.end()), any_live.end());

  std::vector<std::vector<Hit>> late(rules);
  std::vector<std::size_t> cursor(rules, 0);
  const std::u32string_view match = norm.match;
  for (std::size_t i = 0; i < any_live.size();) {
    // A run of consecutive live sentences is one stretch [from, to); hits are kept when they
    // end in it, and the scan starts early enough to see a word that begins before it.
    std::size_t j = i + 1;
    while (j < any_live.size() && any_live[j] == any_live[j - 1] + 1) ++j;
    const std::uint32_t from = scope.sentence_begin(any_live[i]);
    const std::uint32_t to = scope.sentence_begin(any_live[j - 1] + 1);
    i = j;
    const std::uint32_t lead = std::min<std::uint32_t>(from, c.late_longest - 1);
    const std::uint32_t base = from - lead;
    c.late_automaton.scan(match.substr(base, to - base), [&](std::uint32_t id, std::uint32_t e) {
      const std::uint32_t end = base + e;
      if (end <= from) return;
      const auto& o = c.late_owners[id];
      const std::vector<std::uint32_t>& mine = live[o.rule];
      const std::uint32_t u = scope.unit_of(end - 1, false);
      std::size_t& k = cursor[o.rule];
      while (k < mine.size() && mine[k] < u) ++k;
      if (k == mine.size() || mine[k] != u) return;
      store(o, end - c.late_automaton.pattern_length(id), end, late[o.rule]);
    });
  }
  auto by_end = [](const Hit& a, const Hit& b) { return a.end < b.end; };
  std::vector<Hit> merged;
  for (std::size_t r = 0; r < rules; ++r) {
    if (late[r].empty()) continue;
    merged.clear();
    std::merge(hits[r].begin(), hits[r].end(), late[r].begin(), late[r].end(),
               std::back_inserter(merged), by_end);
    hits[r].swap(merged);
  }
}

}  // namespace

ReplyChecker::ReplyChecker() : compiled_(std::make_unique<CompiledRules>()) {}
ReplyChecker::~ReplyChecker() = default;

std::unique_ptr<ReplyChecker> ReplyChecker::build(const PackSet& packs,
                                                  std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  std::unique_ptr<ReplyChecker> checker(new ReplyChecker());
  CompiledRules& c = *checker->compiled_;

  // Stand-ins, lexicons, blockers and scope cues of every pack that contributes rules.
  std::vector<TermEnvSource> sources;
  for (const auto& p : packs.packs)
    if (p.contributes("rules")) sources.push_back({&p.doc, p.file, true});
  TermEnv& env = c.env;
  if (!build_term_env(sources, env, errors)) return nullptr;
  {
    // Scope cues go into the same automaton, owned by no rule.
    CollectingContext ctx(c, CompiledRules::kCueOwner, env, errors, "", "/scope_cues");
    for (std::uint32_t k = 0; k < env.cues.size(); ++k)
      ctx.add_pattern(env.cues[k].first, Role::kCue, k);
  }

  const auto items = packs.items("rules");
  c.metas.resize(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    read_rule_meta(*item.value, item.pack->name, item.pack->file, item.pointer, 0, c.metas[i],
                   errors);
  }
  std::size_t terms = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ReplyKind* kind = find_reply_kind(c.metas[i].kind);
    if (!kind) continue;  // a conversation rule: the transcript checker runs it
    CollectingContext ctx(c, static_cast<std::uint32_t>(c.reply_rules.size()), env, errors,
                          items[i].pack->file, items[i].pointer);
    const std::size_t first_owner = c.owners.size();
    auto rule = kind->compile(*items[i].value, ctx);
    if (!rule) continue;
    if (rule->joins_touching_hits()) mark_joinable(c.owners, first_owner);
    c.gated.push_back(0);
    if (const auto sets = rule->required_term_sets(); !sets.empty())
      split_late(c, first_owner, sets);
    c.reply_rules.push_back(std::move(rule));
    c.reply_meta.push_back(&c.metas[i]);
    terms = c.patterns.size() + c.late_patterns.size();
    if (terms > Limits::kMaxTermsTotal) {
      errors.push_back({"pack.E210", items[i].pack->file, items[i].pointer, 0, 0,
                        "the loaded packs have more than " +
                            std::to_string(Limits::kMaxTermsTotal) +
                            " terms (stand-in variants included)"});
      return nullptr;
    }
  }
  if (errors.size() != before) return nullptr;
  c.automaton = Automaton(c.patterns);
  c.late_automaton = Automaton(c.late_patterns);
  // The automata hold what the scan needs; the strings were only their input.
  c.patterns = {};
  c.late_patterns = {};
  return checker;
}

std::vector<Finding> ReplyChecker::check_decoded(const DecodedText& text) const {
  const CompiledRules& c = *compiled_;
  const std::u32string_view original = text.chars;
  const NormalizedText norm = normalize(original);

  std::vector<std::vector<Hit>> hits(c.reply_rules.size());
  std::vector<TextScope::Cue> cues;
  // Stores a hit of `o`, ending at match position `end`, with the rule's other hits.
  auto store = [&norm](const CompiledRules::Owner& o, std::uint32_t start, std::uint32_t end,
                       std::vector<Hit>& mine) {
    if ((o.latin_head || o.latin_tail) && !latin_boundary_ok(o, norm, start, end)) return;
    if (o.joins && !mine.empty()) {
      // Hits come by end position, so a touching or overlapping one of the same term is
      // usually the last one stored.
      Hit& last = mine.back();
      if (last.role == o.role && last.term == o.term && norm.touching(last.end, start)) {
        last.start = std::min(last.start, start);
        last.end = std::max(last.end, end);
        return;
      }
    }
    mine.push_back({start, end, o.term, o.role, o.protects});
  };
  c.automaton.scan(norm.match, [&](std::uint32_t id, std::uint32_t end) {
    const auto& o = c.owners[id];
    const std::uint32_t start = end - c.automaton.pattern_length(id);
    if (o.rule == CompiledRules::kCueOwner) {
      if ((o.latin_head || o.latin_tail) && !latin_boundary_ok(o, norm, start, end)) return;
      cues.push_back({start, end, c.env.cues[o.term].second, o.term});
      return;
    }
    store(o, start, end, hits[o.rule]);
  });
  const TextScope scope(norm, std::move(cues));
  if (!c.late_owners.empty()) scan_late(c, norm, scope, store, hits);

  struct Tagged {
    RawFinding raw;
    std::uint32_t rule;
  };
  std::vector<Tagged> raw;
  std::vector<RawFinding> out;
  const ReplyView view{original, norm, &scope};
  for (std::uint32_t r = 0; r < c.reply_rules.size(); ++r) {
    out.clear();
    c.reply_rules[r]->run(view, hits[r], out);
    for (auto& f : out) raw.push_back({std::move(f), r});
  }
  // The order of a stable sort by (start, rule, longest first), sorting indices: moving the
  // findings themselves (each with its suggestion string) cost more than comparing them.
  std::vector<std::uint32_t> order(raw.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&raw](std::uint32_t x, std::uint32_t y) {
    const Tagged& a = raw[x];
    const Tagged& b = raw[y];
    if (a.raw.start != b.raw.start) return a.raw.start < b.raw.start;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.raw.end != b.raw.end) return a.raw.end > b.raw.end;
    return x < y;
  });
  // A rule reports a stretch of text once: 微信 inside 加微信 is the same act.
  std::vector<std::uint32_t> reach(c.reply_rules.size(), 0);
  std::vector<bool> seen(c.reply_rules.size(), false);

  // UTF-16 offsets: positions are sorted by start, so one forward walk serves all starts;
  // ends are computed from their start.
  std::vector<Finding> findings;
  findings.reserve(raw.size());
  std::size_t pos = 0, units = 0;
  for (const std::uint32_t i : order) {
    Tagged& t = raw[i];
    if (seen[t.rule] && t.raw.end <= reach[t.rule]) continue;
    seen[t.rule] = true;
    reach[t.rule] = std::max(reach[t.rule], t.raw.end);
    for (; pos < t.raw.start; ++pos) units += original[pos] > 0xFFFF ? 2 : 1;
    Finding f;
    f.rule = c.reply_meta[t.rule];
    f.start = t.raw.start;
    f.end = t.raw.end;
    f.start_utf16 = static_cast<std::uint32_t>(units);
    f.end_utf16 = static_cast<std::uint32_t>(
        units + utf16_length(original.substr(t.raw.start, t.raw.end - t.raw.start)));
    f.text = encode_utf8(original.substr(t.raw.start, t.raw.end - t.raw.start));
    f.suggestion = t.raw.suggestion.empty() ? f.rule->suggestion : std::move(t.raw.suggestion);
    findings.push_back(std::move(f));
  }
  return findings;
}

ReplyResult ReplyChecker::check(std::string_view utf8) const {
  ReplyResult result;
  DecodedText text = decode_utf8(utf8);
  for (const auto& bad : text.invalid) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", bad.value);
    result.warnings.push_back({"input.E101", "", "", 0, 0,
                               std::string("invalid UTF-8 byte ") + hex + " at byte " +
                                   std::to_string(bad.byte_offset) + " (character " +
                                   std::to_string(bad.char_index) + "), read as U+FFFD"});
  }
  if (text.invalid_count > text.invalid.size())
    result.warnings.push_back({"input.E101", "", "", 0, 0,
                               "and " + std::to_string(text.invalid_count - text.invalid.size()) +
                                   " more invalid UTF-8 bytes"});
  result.findings = check_decoded(text);
  return result;
}

std::string ReplyChecker::mask(std::string_view utf8) const {
  DecodedText text = decode_utf8(utf8);
  const auto findings = check_decoded(text);
  std::string out;
  std::uint32_t at = 0;
  for (const auto& f : findings) {
    if (f.start < at) continue;  // overlapping detections: the first one masks
    bool detector = false;
    for (std::size_t r = 0; r < compiled_->reply_rules.size(); ++r)
      if (compiled_->reply_meta[r] == f.rule) detector = compiled_->reply_rules[r]->masks();
    if (!detector) continue;
    out += encode_utf8(std::u32string_view(text.chars).substr(at, f.start - at));
    out += f.suggestion;
    at = f.end;
  }
  out += encode_utf8(std::u32string_view(text.chars).substr(at));
  return out;
}

const std::vector<RuleMeta>& ReplyChecker::rules() const { return compiled_->metas; }

const TermEnv& ReplyChecker::term_env() const { return compiled_->env; }

const RuleMeta* ReplyChecker::find_rule(std::string_view id) const {
  for (const auto& m : compiled_->metas)
    if (m.id == id) return &m;
  return nullptr;
}

}  // namespace kefu
