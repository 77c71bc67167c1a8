// The transcript command's three outputs, written conversation by conversation as the checker
// finishes each one: text for people (figures at the top), JSON for tools (check's findings with
// message_index, plus conversations[] with figures), CSV for spreadsheets (one row a finding).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kefu/kefu.h"
#include "pack/pack.h"
#include "transcript/scorecard.h"
#include "transcript/transcript_checker.h"
#include "transcript/transcript_reader.h"

namespace kefu {

struct TranscriptTotals {
  Figures figures;
  std::size_t messages = 0, by_speaker[3] = {0, 0, 0};   // buyer, agent, system
  std::size_t findings = 0, by_severity[3] = {0, 0, 0};  // error, warning, info
  std::size_t folded = 0;  // findings of a clause already fined for the same message
  Layout layout = Layout::kTimedLines;
  std::string columns;  // a spreadsheet's recognised header cells
  Scorecard card;
};

// A report is parts that grow as conversations are checked (text: the conversations; CSV: the
// rows; JSON: the findings, then the conversations) inside a frame known only at the end (totals
// and figures go first). The caller drains the parts as they grow, so the report never has to be
// held whole: the whole report is head + part 0 + after[0] + part 1 + after[1] ...
class TranscriptReport {
 public:
  virtual ~TranscriptReport() = default;
  virtual void conversation(const Conversation& c, const ConversationResult& r) = 0;
  virtual std::size_t parts() const = 0;
  // What part `k` gained since the last call, moved out.
  std::string take(std::size_t k) {
    std::string s;
    s.swap(part_[k]);
    return s;
  }
  std::size_t held(std::size_t k) const { return part_[k].size(); }
  // Returns the head; `after` gets one piece per part.
  virtual std::string finish(const TranscriptTotals& totals, const std::vector<Error>& notes,
                             std::vector<std::string>& after) = 0;

 protected:
  std::string part_[2];
};

std::unique_ptr<TranscriptReport> make_transcript_report(Format format, const PackSet& packs,
                                                         const TranscriptSettings& settings);

std::size_t severity_rank(const std::string& severity);  // error 0, warning 1, info 2

}  // namespace kefu
