// The bar of issue 11, measured on flagged replies written apart from the packs
// (tests/fixtures/fix/replies.jsonl): at least 95 % of fixes re-check clean on the same platform,
// keep at least 5 characters and keep no handle or phone number of the original. The golden
// (tests/fixtures/fix/golden.jsonl) pins each before/after pair, each read as a sentence an agent
// would send; a change there is a diff to read, never to regenerate blindly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "fix/fixer.h"
#include "test_support.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

std::vector<nlohmann::json> read_jsonl(const std::string& rel) {
  std::vector<nlohmann::json> out;
  std::istringstream in(test::read_file(test::source_path(rel)));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

FixResult fix_on(const std::string& platform, const std::string& text) {
  const Engine& e = test::engine(platform);
  const RewriteBook book(e.packs);
  return fix_reply(*e.checker, book, text);
}

// Runs of 5+ letters/digits (handles, numbers, e-mails) of the original that are still there.
std::vector<std::string> kept_handles(const std::string& before, const std::string& after) {
  std::vector<std::string> out;
  std::string run;
  auto flush = [&] {
    bool digit = false;
    for (char c : run) digit |= c >= '0' && c <= '9';
    if (run.size() >= 5 && digit && after.find(run) != std::string::npos) out.push_back(run);
    run.clear();
  };
  for (char c : before + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '@' || c == '.')
      run += c;
    else
      flush();
  }
  return out;
}

TEST(FixMeasure, NinetyFivePercentOfFlaggedRepliesComeOutClean) {
  const auto cases = read_jsonl("tests/fixtures/fix/replies.jsonl");
  ASSERT_GE(cases.size(), 100u);
  int flagged = 0, good = 0;
  std::string failures;
  for (const auto& c : cases) {
    const std::string platform = c["platform"], text = c["text"];
    const Engine& e = test::engine(platform);
    bool raised = false;
    for (const auto& f : e.checker->check(text).findings) raised |= f.rule->severity != "info";
    if (!raised) {
      // A detection miss, not a fix: listed so the packs can catch up, and not counted.
      std::printf("  not flagged on %s: %s\n", platform.c_str(), text.c_str());
      continue;
    }
    ++flagged;
    const FixResult r = fix_on(platform, text);
    bool clean = true;
    for (const auto& f : r.findings) clean &= f.finding.rule->severity == "info";
    const bool long_enough = content_length(decode_utf8(r.text).chars) >= 5;
    const auto kept = kept_handles(text, r.text);
    if (clean && long_enough && kept.empty())
      ++good;
    else
      failures += "  " + platform + ": " + text + " -> " + r.text + "\n";
  }
  ASSERT_GE(flagged, 100);
  const double rate = 100.0 * good / flagged;
  std::printf("fix: %d of %d flagged replies come out clean, whole and handle-free (%.1f %%)\n",
              good, flagged, rate);
  EXPECT_GE(rate, 95.0) << failures;
}

TEST(FixMeasure, GoldenBeforeAfterPairs) {
  const auto pairs = read_jsonl("tests/fixtures/fix/golden.jsonl");
  ASSERT_GE(pairs.size(), 100u);
  for (const auto& p : pairs) {
    const FixResult r = fix_on(p["platform"], p["before"]);
    EXPECT_EQ(r.text, p["after"].get<std::string>()) << p["platform"] << ": " << p["before"];
  }
}

}  // namespace
}  // namespace kefu
