// Golden files for `transcript` in every format (STYLE §10): text, JSON and CSV, diffed exactly.
// KEFU_UPDATE_GOLDEN=1 rewrites those that differ and fails the run; review the diff and rerun.
#include <dirent.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "golden_support.h"
#include "kefu/kefu.h"
#include "test_support.h"

namespace kefu {
namespace {

const std::string kDir = "tests/golden/transcript/";

struct TranscriptCase {
  std::string name, input, platform, agent, buyer, format;
};

std::string extension(const std::string& format) { return format == "text" ? "txt" : format; }

std::vector<TranscriptCase> cases() {
  auto doc = nlohmann::json::parse(test::read_file(test::source_path(kDir + "cases.json")));
  std::vector<TranscriptCase> out;
  for (const auto& c : doc["cases"])
    for (const auto& f : c["formats"])
      out.push_back({c["name"], c["input"], c.value("platform", "taobao"), c.value("agent", ""),
                     c.value("buyer", ""), f.get<std::string>()});
  return out;
}

std::string run(const TranscriptCase& c) {
  Options o;
  o.platform = c.platform;
  o.agent = c.agent;
  o.buyer = c.buyer;
  o.format = c.format == "json" ? Format::kJson : c.format == "csv" ? Format::kCsv : Format::kText;
  const Output out = transcript(test::read_file(test::source_path(kDir + c.input)), o);
  return "status " + std::to_string(out.status) + "\n" + out.out +
         (out.err.empty() ? "" : "--- stderr\n" + out.err);
}

class TranscriptGolden : public testing::TestWithParam<TranscriptCase> {};

TEST_P(TranscriptGolden, OutputMatches) {
  const auto& c = GetParam();
  const std::string actual = run(c);
  const std::string path = test::source_path(kDir + c.name + ".out." + extension(c.format));
  test::expect_golden(path, actual);
}

INSTANTIATE_TEST_SUITE_P(Cli, TranscriptGolden, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<TranscriptCase>& info) {
                           std::string s = info.param.name + "_" + info.param.format;
                           for (auto& ch : s)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// Every golden output in the folder belongs to a case: a case removed from cases.json cannot
// leave its file behind unnoticed, and every case's input is there.
TEST(TranscriptGolden, NoOrphansAndNoMissingInputs) {
  std::set<std::string> expected_outputs;
  for (const auto& c : cases()) {
    expected_outputs.insert(c.name + ".out." + extension(c.format));
    EXPECT_NO_THROW(test::read_file(test::source_path(kDir + c.input))) << c.input;
  }
  DIR* dir = opendir(test::source_path(kDir).c_str());
  ASSERT_NE(dir, nullptr);
  while (dirent* e = readdir(dir)) {
    const std::string f = e->d_name;
    if (f.find(".out.") != std::string::npos)
      EXPECT_TRUE(expected_outputs.count(f)) << "orphan golden file " << f;
  }
  closedir(dir);
}

TEST(TranscriptGolden, CsvStartsWithBomAndHasOneRowPerFinding) {
  Options o;
  o.format = Format::kCsv;
  const std::string text = test::read_file(test::source_path(kDir + "day-export.txt"));
  const Output csv = transcript(text, o);
  ASSERT_EQ(csv.out.rfind("\xEF\xBB\xBF"
                          "conversation,message_index,",
                          0),
            0u);
  o.format = Format::kJson;
  const auto doc = nlohmann::json::parse(transcript(text, o).out);
  std::size_t rows = 0;
  // The findings table ends at the blank row before the agents' table (issue 12).
  const std::string findings_table = csv.out.substr(0, csv.out.find("\r\n\r\nagent,"));
  ASSERT_NE(findings_table.size(), csv.out.size());
  for (std::size_t at = 0; (at = findings_table.find("\r\n", at)) != std::string::npos; at += 2)
    ++rows;
  ++rows;  // the last row of the table has its \r\n cut off with the blank row
  // Quoted cells may hold line breaks of their own, but never \r\n (texts are joined with \n).
  EXPECT_EQ(rows, doc["findings"].size() + 1);
  EXPECT_GT(doc["findings"].size(), 5u);
}

// A reader of cases.json that found none would run nothing and pass.
TEST(TranscriptGolden, TheCasesAreFound) {
  EXPECT_GE(cases().size(), 13u) << "transcript cases x formats";
}

}  // namespace
}  // namespace kefu
