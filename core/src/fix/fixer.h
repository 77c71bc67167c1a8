// Rewrites a reply so that it passes: each finding's sentence (or clause, matched word, whole
// reply, as its template says) is replaced by the first candidate that re-checks clean. A
// candidate that still raises an error or a warning where it was put, or leaves the reply under
// the length rule, is never offered; the finding then stays, with advice on what to do instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fix/fix_pack.h"
#include "reply/finding.h"
#include "reply/reply_checker.h"

namespace kefu {

struct FixChange {
  std::string rule;         // the finding that asked for it (the first, when several did)
  std::uint32_t start = 0;  // code points of the original reply
  std::uint32_t end = 0;
  std::uint32_t start_utf16 = 0, end_utf16 = 0;
  std::string before, after;
};

struct RemainingFinding {
  Finding finding;     // offsets in the fixed text
  std::string advice;  // what to do instead, when no rewrite was offered
};

struct FixResult {
  std::string text;
  std::vector<FixChange> changes;          // in order, not overlapping
  std::vector<RemainingFinding> findings;  // those the fixed text still raises
  std::vector<Error> warnings;             // from decoding the input
};

FixResult fix_reply(const ReplyChecker& checker, const RewriteBook& book, std::string_view utf8);

}  // namespace kefu
