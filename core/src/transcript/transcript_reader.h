// Reads a transcript into conversations and hands each one to a sink as soon as it is complete,
// so a 50 MB export is never held as more than the input itself plus one conversation.
#pragma once

#include <memory>
#include <string_view>

#include "transcript/conversation.h"

namespace kefu {

// Text exports: `[time] name: text`, `time name: text`, the seeds' untimed `G:`/`K:`/`Q:` lines,
// continuation lines, `系统`/`[系统]` events; conversations split by a header line, a blank line
// before a timed message (two blank lines in the untimed form) or a change of buyer.
// Returns the number of messages read.
std::size_t read_text_transcript(std::string_view input, const RoleHints& hints,
                                 ConversationSink& sink, Notes& notes);

// The same, fed piece by piece (pieces may end anywhere, inside a line or a character): each
// conversation goes to the sink as soon as the line after it is read, and the reader keeps only
// the open conversation and the unfinished line.
// What the lines looked like: a file whose lines are mostly control bytes is binary data (or
// UTF-16), not a transcript, whatever `K:` a random line happens to start with.
struct TextStats {
  std::size_t lines = 0;         // not blank
  std::size_t binary = 0;        // holding a control byte (NUL, ESC, DEL …)
  std::size_t first_binary = 0;  // its line number
  bool utf16 = false;            // starts with a UTF-16 byte order mark
  std::size_t most_names = 0;    // the most nicknames remembered at once (bounded)
  bool mostly_binary() const { return utf16 || (lines > 0 && binary * 2 > lines); }
};

class TextTranscriptStream {
 public:
  TextTranscriptStream(const RoleHints& hints, ConversationSink& sink, Notes& notes);
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
