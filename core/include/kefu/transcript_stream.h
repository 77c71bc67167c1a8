// kefu::transcript for exports too large to hold twice: the caller feeds the export in pieces
// and drains the report as it grows, so memory is one conversation and one piece, not the file
// and its report. Strings in, strings out: the caller does the reading and writing (the CLI reads
// 1 MiB at a time). kefu::transcript() is this, fed at once, and prints the same bytes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kefu/kefu.h"

namespace kefu {

class TranscriptStream {
 public:
  explicit TranscriptStream(const Options& options);
  ~TranscriptStream();
  TranscriptStream(const TranscriptStream&) = delete;
  TranscriptStream& operator=(const TranscriptStream&) = delete;

  // The next piece of the export; a piece may end anywhere, inside a line or a character.
  // Text exports are checked conversation by conversation as they arrive; JSON is kept and read
  // at the end (one copy of it).
  void feed(std::string_view piece);

  // The report is parts that grow as conversations are checked (text: one, the conversations;
  // CSV: one, the rows; JSON: two, the findings and the conversations) inside a frame that is
  // known only at the end. take(k) moves out what part k gained since the last call.
  std::size_t parts() const;
  std::string take(std::size_t part);

  // Optional: hands a part over whenever it holds a mebibyte or so, during feed() and finish()
  // alike, so a report never piles up in memory even where checking happens at the end (JSON
  // input is read in finish()). take() still gives whatever is left.
  void on_part(std::function<void(std::size_t part, std::string text)> drain);

  // Ends the input. The report is result.out + part 0 + after[0] + part 1 + after[1] ...;
  // result.status and result.err are those of kefu::transcript. When result.status is 2 (bad
  // usage or input) result.out is the whole error report, `after` is empty and whatever the
  // parts held is to be dropped.
  Output finish(std::vector<std::string>& after);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kefu
