// Scoring the packs against labeled replies (JSON Lines {"id","platform","text","categories"}):
// what `kefu-lint eval` prints. The reading of the corpus and the arithmetic live here; the
// replies are checked by the same engine as `check`.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"
#include "kefu/kefu.h"

namespace kefu {

struct LabeledReply {
  std::string file;
  int line = 0;
  std::string id, platform, text;
  std::set<std::string> expected;  // categories; empty = clean
  std::set<std::string> found;     // categories of its error and warning findings
  std::vector<std::string> rules;  // ids of those findings' rules, in text order, once each
};

struct CategoryScore {
  int tp = 0, fp = 0, fn = 0;
};

struct EvalReport {
  std::vector<LabeledReply> replies;
  std::map<std::string, CategoryScore> categories;
  std::map<std::string, std::map<std::string, int>> confusion;  // expected -> found -> lines
  int clean_lines = 0, clean_kept = 0;
  int expected_total = 0, expected_found = 0;
};

// Reads the labeled lines of `files`; false with errors (input.E3xx, Chinese, file:line). A line's
// platform is one of the built-in ones or one that `packs` (the user's) add.
bool read_labeled(const std::vector<CorpusFile>& files, const std::string& default_platform,
                  std::vector<LabeledReply>& out, std::vector<Error>& errors,
                  const std::vector<PackFile>& packs = {});

class ReplyChecker;
// The checker for a platform, or null (with errors) when its packs do not load. Called once per
// platform, all replies of that platform checked before the next call.
using CheckerFor = std::function<const ReplyChecker*(const std::string& platform)>;

// Fills found/rules of every reply and the scores; false when a checker is missing.
bool score(const CheckerFor& checker_for, EvalReport& report);

// The report in `format` (text or JSON), with status 1 when under a threshold.
Output render_eval(const EvalReport& report, const std::vector<std::string>& files,
                   const EvalThresholds& thresholds, Format format);

}  // namespace kefu
