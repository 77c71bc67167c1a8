// Checks one conversation: every agent message through the reply rules, then the conversation
// rules of the loaded packs, then the response-time figures.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "api/engine.h"
#include "reply/finding.h"
#include "transcript/conversation.h"
#include "transcript/conversation_kinds.h"
#include "transcript/figures.h"

namespace kefu {

struct MessageFinding {
  std::size_t message = 0;  // index in the conversation
  Finding finding;          // start/end are code points of that message's text
  std::string detail;       // conversation rules: what happened ("买家等待 6分05秒 …")
};

struct ConversationResult {
  std::vector<MessageFinding> findings;  // in message order, one per message per clause
  std::size_t folded = 0;                // findings folded into another of the same clause
  Figures figures;
  std::vector<Wait> waits;  // each timed buyer message's wait (for the scorecard)
};

class TranscriptChecker {
 public:
  // Compiles the conversation rules and reads the settings of `engine`'s packs.
  static std::unique_ptr<TranscriptChecker> build(const Engine& engine, std::vector<Error>& errors);

  void check(const Conversation& c, ConversationResult& out, Notes& notes) const;
  const TranscriptSettings& settings() const { return settings_; }
  // "Now" for the time rules whose window is still open when the export ends (a follow-up owed
  // after the last message): without it they do not fire. Beijing time with a date.
  bool set_now(std::string_view now, std::vector<Error>& errors);

 private:
  bool has_now_ = false;
  std::int64_t now_ = 0;
  const Engine* engine_ = nullptr;
  std::vector<ConversationRule> rules_;
  TranscriptSettings settings_;
};

// A finding on the first `max_chars` characters of a message (conversation rules point at the
// message, not at words in it).
Finding message_span_finding(const RuleMeta* rule, std::string_view text, std::size_t max_chars,
                             bool from_end = false);

}  // namespace kefu
