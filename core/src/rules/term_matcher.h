// A term list matched the way reply rules match: normalization, stand-ins, @lexicons, blockers
// and readings, through one small automaton. For rules that ask "does this message say one of
// these?" (the conversation kinds) rather than "where".
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "match/automaton.h"
#include "rules/rule_kind.h"
#include "rules/scope.h"

namespace kefu {

class TermMatcher {
 public:
  // `list`: an array of terms as written (strings or @lexicon). Errors go to `errors` at `file`
  // + `pointer`; null when there are any.
  static std::shared_ptr<const TermMatcher> compile(const nlohmann::json& list, const TermEnv& env,
                                                    const ScopeSpec& spec, const std::string& file,
                                                    const std::string& pointer,
                                                    std::vector<Error>& errors);

  // Whether `original` (a message's characters) contains a term on an accepted reading.
  bool found(std::u32string_view original) const;

  // The readings that count when a rule does not say: all of them (conversation rules
  // counted every occurrence before readings existed).
  static ScopeSpec any_reading() {
    ScopeSpec s;
    s.readings = 0x0F;
    return s;
  }

 private:
  struct Owner {
    Role role;
    std::uint32_t term;  // kCue: the cue's index in the environment
    Role protects;
  };
  std::vector<Owner> owners_;
  Automaton automaton_;
  ScopeSpec spec_;
  std::vector<Reading> cue_readings_;  // per cue of the environment (Owner::term of a kCue)
};

}  // namespace kefu
