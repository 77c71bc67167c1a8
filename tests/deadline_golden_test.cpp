// Golden files for the deadlines and points commands (STYLE §10): the exact bytes of the text
// timeline and of the JSON, errors included. KEFU_UPDATE_GOLDEN=1 rewrites those that differ
// and fails the run; review the diff and rerun.
#include <dirent.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "golden_support.h"
#include "kefu/kefu.h"
#include "test_support.h"

namespace kefu {
namespace {

struct DeadlineGolden {
  std::string name, command, input, now;
  Format format;
  std::string extension;
};

void PrintTo(const DeadlineGolden& c, std::ostream* os) { *os << c.name << " " << c.extension; }

std::vector<DeadlineGolden> cases() {
  const auto doc = nlohmann::json::parse(
      test::read_file(test::source_path("tests/golden/deadlines/cases.json")));
  std::vector<DeadlineGolden> out;
  for (const auto& c : doc["cases"])
    for (const auto& f : c["formats"]) {
      const bool json = f == "json";
      const std::string command = c.value("command", "deadlines");
      const std::string input =
          command == "points" ? c["request"].dump() : c["input"].get<std::string>();
      out.push_back({c["name"], command, input, c.value("now", ""),
                     json ? Format::kJson : Format::kText, json ? "json" : "txt"});
    }
  return out;
}

std::string run(const DeadlineGolden& c) {
  Options o;
  o.format = c.format;
  o.now = c.now;
  o.clock_unix = 1718676000;  // only when neither --now nor the input gives a time
  Output out;
  if (c.command == "points") {
    out = points(c.input, o);
  } else {
    out = deadlines(test::read_file(test::source_path("tests/fixtures/deadlines/" + c.input)), o);
  }
  return "status " + std::to_string(out.status) + "\n" + out.out +
         (out.err.empty() ? "" : "--- stderr\n" + out.err);
}

class DeadlineGoldenFile : public testing::TestWithParam<DeadlineGolden> {};

TEST_P(DeadlineGoldenFile, OutputMatches) {
  const auto& c = GetParam();
  const std::string actual = run(c);
  const std::string path =
      test::source_path("tests/golden/deadlines/" + c.name + ".out." + c.extension);
  test::expect_golden(path, actual);
}

INSTANTIATE_TEST_SUITE_P(Deadlines, DeadlineGoldenFile, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<DeadlineGolden>& info) {
                           std::string s = info.param.name + "_" + info.param.extension;
                           for (char& ch : s)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// A golden output whose case was removed from cases.json would go stale unseen.
TEST(DeadlineGoldenFiles, EveryOutputFileHasACase) {
  std::set<std::string> expected;
  for (const auto& c : cases()) expected.insert(c.name + ".out." + c.extension);
  DIR* dir = opendir(test::source_path("tests/golden/deadlines").c_str());
  ASSERT_NE(dir, nullptr);
  std::size_t outputs = 0;
  while (const dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.find(".out.") == std::string::npos) continue;
    ++outputs;
    EXPECT_TRUE(expected.count(name))
        << "tests/golden/deadlines/" << name << " has no case in cases.json";
  }
  closedir(dir);
  EXPECT_EQ(outputs, expected.size()) << "a case has no golden file";
}

// A reader of cases.json that found none would run nothing and pass.
TEST(DeadlineGoldenFiles, TheCasesAreFound) {
  EXPECT_GE(cases().size(), 18u) << "deadline and points cases x formats";
}

}  // namespace
}  // namespace kefu
