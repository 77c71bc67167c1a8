// The registry of reply rule kinds (STYLE §6): each kind is one file with a validating compile
// function that registers its terms with the shared automaton and returns a pure evaluator.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "rules/term_env.h"
#include "text/normalize.h"

namespace kefu {

// What a pattern is for, within its rule.
enum class Role : std::uint8_t { kTerm, kAllow, kA, kB, kGuard, kCue };
inline constexpr std::uint32_t kAllTerms = 0xFFFFFFFF;  // an allow context of the whole rule

// One occurrence of a rule's pattern, in match-stream positions [start, end).
struct Hit {
  std::uint32_t start, end;
  std::uint32_t term;  // index within the role's list; for kAllow: the term it protects
  Role role;
  Role protects = Role::kTerm;  // for kAllow: the role of the term it protects
};

// A finding before it is dressed with its rule: original code-point positions.
struct RawFinding {
  std::uint32_t start, end;
  std::string suggestion;  // empty: the rule's own suggestion
};

class TextScope;

struct ReplyView {
  std::u32string_view original;
  const NormalizedText& norm;
  const TextScope* scope = nullptr;  // sentences and readings (rules/scope.h)
};

class ReplyRule {
 public:
  virtual ~ReplyRule() = default;
  // `hits` are this rule's own hits in the order the scan found them (by end position).
  virtual void run(const ReplyView& view, const std::vector<Hit>& hits,
                   std::vector<RawFinding>& out) const = 0;
  // Detectors also mask; the default is not a detector.
  virtual bool masks() const { return false; }
  // Whether hits of one term that touch or overlap may reach run() already joined into one
  // (the checker then joins them while scanning, for terms no allow context can cover). Pattern
  // elements are joined anyway: 「30」 of @digit is one number, not two hits. A long paste of
  // order numbers would otherwise hand such a rule millions of one-digit hits.
  virtual bool joins_touching_hits() const { return false; }
  // The sets of terms a match needs all of, one set per way the rule can match; empty when the
  // rule cannot say (then every hit reaches it). A sentence can hold a match only if it has a
  // hit of some term of each set, so the checker looks for a gated rule's commoner words (不,
  // digits) only in sentences that hold one of its rarer ones.
  virtual std::vector<std::vector<std::uint32_t>> required_term_sets() const { return {}; }
};

// Everything a kind's compile function needs: where the rule is (for errors) and where its
// patterns go.
class KindContext {
 public:
  KindContext(const TermEnv& env, std::vector<Error>& errors, std::string file, std::string pointer)
      : env_(env), errors_(errors), file_(std::move(file)), pointer_(std::move(pointer)) {}
  virtual ~KindContext() = default;

  void error(const std::string& code, const std::string& sub_pointer, const std::string& msg) {
    errors_.push_back({code, file_, pointer_ + sub_pointer, 0, 0, msg});
  }
  std::size_t error_count() const { return errors_.size(); }
  const Equivalents& equivalents() const { return env_.equivalents; }
  const TermEnv& env() const { return env_; }
  // A term as written (a literal or `@lexicon`) -> its normalized strings; reports errors at
  // the rule's pointer + `sub_pointer`.
  bool expand(const nlohmann::json& value, const std::string& sub_pointer,
              std::vector<std::u32string>& out) {
    return expand_term(env_, value, file_, pointer_ + sub_pointer, out, errors_);
  }
  // Registers a normalized term and, unless it is an allow context, the blockers of it (the
  // packs' `blockers`) as allow contexts of the same term.
  void add_term(const std::u32string& normalized, Role role, std::uint32_t term);
  // Registers the normalized pattern (and its stand-in variants) for this rule.
  void add_pattern(const std::u32string& normalized, Role role, std::uint32_t term,
                   Role protects = Role::kTerm);

 protected:
  virtual void add_one(const std::u32string& normalized, Role role, std::uint32_t term,
                       Role protects) = 0;

 private:
  const TermEnv& env_;
  std::vector<Error>& errors_;
  std::string file_, pointer_;
};

using CompileFn = std::unique_ptr<ReplyRule> (*)(const nlohmann::json& rule, KindContext& ctx);

struct ReplyKind {
  std::string_view name;
  CompileFn compile;
};

const std::vector<ReplyKind>& reply_kinds();
const ReplyKind* find_reply_kind(std::string_view name);

}  // namespace kefu
