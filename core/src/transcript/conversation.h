// A transcript as the checker sees it: conversations of messages, each message a view into the
// input (or into the conversation's own storage when the input was JSON with escapes).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "transcript/transcript_time.h"

namespace kefu {

enum class Speaker : std::uint8_t { kBuyer, kAgent, kSystem, kUnknown };

const char* speaker_name(Speaker s);   // "buyer", "agent", "system"
const char* speaker_label(Speaker s);  // 买家, 客服, 系统

struct Message {
  std::size_t index = 0;  // in the whole transcript, 0-based
  std::size_t line = 0;   // 1-based first line of the message; 0 for JSON input
  bool has_time = false;
  ClockTime clock;        // as written (Beijing)
  std::int64_t time = 0;  // seconds on one axis for the whole file, when has_time
  Speaker speaker = Speaker::kUnknown;
  std::string_view name;  // as written: 买家, K, 松鼠铺子旗舰店:小萌
  std::string_view text;
};

// A conversation longer than this is checked in parts (with a note), so one enormous
// conversation cannot make memory grow with the file.
inline constexpr std::size_t kMaxMessagesPerConversation = 20000;

struct Conversation {
  std::size_t index = 0;  // 0-based
  std::vector<Message> messages;
  std::deque<std::string> storage;  // owns texts that are not views into the input
  std::string_view buyer;           // the buyer's name when one was named
  bool roles_guessed = false;

  bool timed() const {
    for (const auto& m : messages)
      if (m.has_time) return true;
    return false;
  }
};

// Names the user settled with --agent / --buyer (comma-separated lists).
struct RoleHints {
  std::vector<std::string> agents, buyers;
  static RoleHints from(const std::string& agent, const std::string& buyer);
};

// What a name says about its speaker before any guessing; kUnknown for a free-form nickname.
Speaker speaker_of_name(std::string_view name, const RoleHints& hints);
// True for the role words themselves (买家, G, 客服 …), which never name a particular buyer.
bool is_generic_name(std::string_view name);

// Notes about the input (lines that are not messages, times going backwards …), capped per
// code so that a hostile file of 200,000 bad lines gives a readable report.
class Notes {
 public:
  void add(Error e);
  std::vector<Error> finish() const;
  static constexpr std::size_t kPerCode = 20;

 private:
  std::vector<Error> kept_;
  std::vector<std::pair<std::string, std::size_t>> counts_;  // code, how many were added
};

// One time axis per conversation: a bare clock takes the day of the message before it and rolls
// over midnight when it jumps back by more than half a day; a time earlier than the one before it
// is noted and left out of the time rules (the message itself stays).
class TimeAxis {
 public:
  void reset() { have_last_ = false; }
  // `where` names the message for the note: a line number (line > 0) or a JSON pointer.
  void place(const ClockTime& clock, Message& m, int line, const std::string& pointer,
             Notes& notes);

 private:
  std::int64_t day_ = 0, last_time_ = 0;
  bool have_last_ = false;
  std::string last_where_;
};

// Receives each conversation as soon as it is complete; the parser then reuses nothing of it.
class ConversationSink {
 public:
  virtual ~ConversationSink() = default;
  virtual void on_conversation(Conversation& c) = 0;
};

}  // namespace kefu
