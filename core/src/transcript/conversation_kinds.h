// The rule kinds that apply to a whole conversation (transcripts), as opposed to one reply:
// their fields, their validation (called by the pack validator for every rule whose kind is
// not a reply kind) and their compiled form.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "rules/rule_meta.h"

namespace kefu {

struct TermEnv;
class TermMatcher;

bool is_conversation_kind(std::string_view kind);
std::vector<std::string_view> conversation_kind_names();

// Checks the kind-specific fields of a conversation rule at `pointer` in `file`; with `env`,
// @lexicon references in its terms are checked against it.
void validate_conversation_rule(const nlohmann::json& rule, const std::string& file,
                                const std::string& pointer, std::vector<Error>& errors,
                                const TermEnv* env = nullptr);

enum class ConversationKind {
  kGreeting,
  kClosing,
  kResponseTime,
  kFollowup,
  kOrderVerify,
  kRefundHandle,
  kRepeat
};

// A validated conversation rule, terms normalized the way message texts are.
struct ConversationRule {
  const RuleMeta* meta = nullptr;
  ConversationKind kind = ConversationKind::kGreeting;
  std::vector<std::u32string> terms;      // greeting / closing / verifying / handling wording
  std::vector<std::u32string> events;     // system (or buyer) lines that start the clock
  std::vector<std::u32string> triggers;   // buyer wording that starts the clock (refunds)
  std::vector<std::u32string> closed_by;  // agent wording after which no follow-up is owed
  std::int64_t after = 0, until = 0, within = 0;  // seconds
  // followup: an agent message this long after the agent's one before it (the buyer silent in
  // between) is the follow-up itself, not more of the answer.
  std::int64_t again_after = 60;
  int within_chars = 0, min_chars = 0, min_count = 0;
  // The four term lists matched as reply rules match (stand-ins, @lexicons, blockers and the
  // rule's `readings`); set when compiled with the packs' TermEnv, null for an absent list.
  std::shared_ptr<const TermMatcher> match_terms, match_events, match_triggers, match_closed_by;
};

// Compiles a rule that validate_conversation_rule accepted; false (with errors) otherwise.
bool compile_conversation_rule(const nlohmann::json& rule, const RuleMeta& meta,
                               ConversationRule& out, std::vector<Error>& errors,
                               const TermEnv* env = nullptr);

}  // namespace kefu
