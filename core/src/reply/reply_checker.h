// Checks one reply against every reply-scope rule of a pack set: one pass of the shared
// automaton over the normalized text, then each rule evaluates its own hits.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "pack/pack.h"
#include "reply/finding.h"
#include "rules/rule_meta.h"

namespace kefu {

struct DecodedText;
class CompiledRules;
struct TermEnv;

struct ReplyResult {
  std::vector<Finding> findings;  // sorted by start, then rule order
  std::vector<Error> warnings;    // e.g. invalid UTF-8 bytes (input.E101)
};

class ReplyChecker {
 public:
  // Compiles the reply rules of `packs`; conversation-kind rules are skipped. Returns null and
  // fills `errors` when a rule does not compile.
  static std::unique_ptr<ReplyChecker> build(const PackSet& packs, std::vector<Error>& errors);
  ~ReplyChecker();

  ReplyResult check(std::string_view utf8) const;
  std::vector<Finding> check_decoded(const DecodedText& text) const;
  // The text with detector findings (phone, ID, card, e-mail, handles, addresses) masked.
  std::string mask(std::string_view utf8) const;

  const std::vector<RuleMeta>& rules() const;  // every rule of the set, reply and conversation
  const RuleMeta* find_rule(std::string_view id) const;
  // Lexicons, stand-ins, blockers and scope cues of the loaded packs (conversation rules match
  // their terms with them).
  const TermEnv& term_env() const;

 private:
  ReplyChecker();
  std::unique_ptr<CompiledRules> compiled_;
};

}  // namespace kefu
