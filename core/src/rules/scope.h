// Sentences, clauses and readings of one reply: where a match may lie and whether a negator,
// prohibitive or hedge (the packs' scope_cues) changes what it means. See docs/rule-language.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "rules/term_env.h"
#include "text/normalize.h"

namespace kefu {

class KindContext;

// A rule's reading settings (fields readings, scope, cue_before, cue_after).
struct ScopeSpec {
  std::uint8_t readings = reading_bit(Reading::kAsserted);
  bool clause = false;       // "scope": "clause"
  bool scope_given = false;  // the rule said "scope" itself
  int cue_before = 6, cue_after = 0;
  // Cues (indices into TermEnv::cues, sorted) that never decide this rule's reading
  // ("ignore_cues"): 两个 hedges 还剩两个 for an out-of-stock rule, not 用两个月 for a promise.
  std::vector<std::uint32_t> ignored_cues;
  bool accepts(Reading r) const { return readings & reading_bit(r); }
};

// Reads the fields above from `rule` (all optional); reports errors through `ctx`, whose
// environment's cues the names in "ignore_cues" must be.
bool read_scope_spec(const nlohmann::json& rule, KindContext& ctx, ScopeSpec& out);

// A match-stream span [start, end).
using Span = std::pair<std::uint32_t, std::uint32_t>;

class TextScope {
 public:
  // `cues`: every cue hit of the reply (start, end, reading), in any order.
  struct Cue {
    std::uint32_t start, end;
    Reading reading;
    std::uint32_t word;  // index into TermEnv::cues
  };
  TextScope(const NormalizedText& norm, std::vector<Cue> cues);

  // The sentence (or clause) number of match-stream character `i`. Inline: pattern rules ask
  // it for every hit of a long paste.
  std::uint32_t unit_of(std::uint32_t i, bool clause) const {
    if (!units_found_) find_units();
    if (i >= sentence_.size()) return sentence_.empty() ? 0 : (clause ? clause_ : sentence_).back();
    return clause ? clause_[i] : sentence_[i];
  }
  // The first match-stream character of sentence `u` (the text's length past the last).
  std::uint32_t sentence_begin(std::uint32_t u) const;
  // The reading of a match made of `spans` (its elements, in text order, non-empty).
  Reading reading(const ScopeSpec& spec, const Span* spans, std::size_t n) const;
  bool fires(const ScopeSpec& spec, const Span* spans, std::size_t n) const {
    if (cues_.empty()) return spec.accepts(Reading::kAsserted);  // the common case, no work
    return spec.accepts(reading(spec, spans, n));
  }

 private:
  void find_units() const;

  const NormalizedText& norm_;
  std::vector<Cue> cues_;                                 // maximal cues only, by start
  mutable std::vector<std::uint32_t> sentence_, clause_;  // per match-stream character
  mutable bool units_found_ = false;
};

}  // namespace kefu
