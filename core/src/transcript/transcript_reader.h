// Reads a transcript into conversations and hands each one to a sink as soon as it is complete,
// so a 50 MB export is never held as more than the input itself plus one conversation.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "transcript/conversation.h"

namespace kefu {

// How a spreadsheet export names its columns: the header cells that mean each field and the
// values of a role column, read from the packs' `settings.transcript_columns` (rules/common.json)
// so a workbench that writes 发送时间 instead of 时间 is a data change, not a code change.
struct TranscriptColumns {
  std::vector<std::string> time, role, name, text, conversation;  // header synonyms
  // Exports with a column for each side (客服账号, 买家昵称) and a role column saying who spoke.
  std::vector<std::string> agent_name, buyer_name;
  std::vector<std::string> buyer, agent, system;  // values of the role column
  bool empty() const { return text.empty(); }
  // From a `transcript_columns` object; errors name `file` and `pointer`.
  static bool from_json(const nlohmann::json& v, const std::string& file,
                        const std::string& pointer, TranscriptColumns& out,
                        std::vector<Error>& errors);
  // The built-in common pack's, for runs that load no pack setting them.
  static const TranscriptColumns& builtin();
};

// The layout the reader met most: what the report names as the format it read.
enum class Layout : std::uint8_t { kTimedLines, kHeading, kUntimed, kCsv, kTsv, kJson };
const char* layout_name(
    Layout l);  // "timed_lines", "heading_then_text", "untimed_lines", "csv", "tsv", "json"
const char* layout_label(Layout l);  // 每行「[时间] 名字: 消息」…

// Text exports: `[time] name: text`, `time name: text`, untimed `G:`/`Q:` (buyer) and `K:`
// (agent) lines, continuation lines, `系统`/`[系统]` events; conversations split by a header line,
// a blank line before a timed message (two blank lines in the untimed form) or a change of buyer.
// Returns the number of messages read.
// Also CSV/TSV with a header row whose cells `columns` knows (quoted cells may hold commas, quotes
// and line breaks); a header-then-text layout (`name 2024-06-18 10:00:01`, `name(2024-06-18
// 10:00:01):` or `2024-06-18 10:00:01 name` on one line, the message on the lines below).
std::size_t read_text_transcript(std::string_view input, const RoleHints& hints,
                                 ConversationSink& sink, Notes& notes);

// The same, fed piece by piece (pieces may end anywhere, inside a line or a character): each
// conversation goes to the sink as soon as the line after it is read, and the reader keeps only
// the open conversation and the unfinished line.
// What the lines looked like: a file whose lines are mostly control bytes is binary data (or
// UTF-16), not a transcript, whatever `K:` a random line happens to start with.
struct TextStats {
  std::size_t lines = 0;                          // not blank
  std::size_t binary = 0;                         // holding a control byte (NUL, ESC, DEL …)
  std::size_t first_binary = 0;                   // its line number
  bool utf16 = false;                             // starts with a UTF-16 byte order mark
  std::size_t most_names = 0;                     // the most nicknames remembered at once (bounded)
  std::size_t by_layout[6] = {0, 0, 0, 0, 0, 0};  // messages read in each Layout
  std::string columns;  // CSV/TSV: the header cells recognised, "时间, 发送方, 昵称, 内容"
  Layout layout() const;  // the layout most messages had
  bool mostly_binary() const { return utf16 || (lines > 0 && binary * 2 > lines); }
};

class TextTranscriptStream {
 public:
  TextTranscriptStream(const RoleHints& hints, ConversationSink& sink, Notes& notes,
                       const TranscriptColumns& columns = TranscriptColumns::builtin());
  ~TextTranscriptStream();
  void feed(std::string_view piece);
  std::size_t finish();  // reads the last line, hands over the last conversation; messages read
  std::size_t peak_buffer() const;  // the most bytes held at once
  const TextStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// JSON: {"messages":[{"time","from","name","text"}]}, {"conversations":[{"messages":[...]}]}, or a
// bare array of messages. Syntax errors are fatal (returned in `errors` with line and column);
// a malformed message is a note. Returns the number of messages read.
std::size_t read_json_transcript(std::string_view input, const RoleHints& hints,
                                 ConversationSink& sink, Notes& notes, std::vector<Error>& errors);

// JSON when the first non-blank character is `{` or `[` followed by JSON, text otherwise.
bool looks_like_json(std::string_view input);

}  // namespace kefu
