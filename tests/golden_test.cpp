// Golden files (STYLE §10): the exact bytes of every output format, diffed.
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

struct GoldenCase {
  std::string name, command, platform, input;
  Format format;
  std::string extension;
};

void PrintTo(const GoldenCase& c, std::ostream* os) {
  *os << c.command << " " << c.name << " " << c.extension;
}

std::vector<GoldenCase> cases() {
  auto doc = nlohmann::json::parse(test::read_file(test::source_path("tests/golden/cases.json")));
  std::vector<GoldenCase> out;
  for (const auto& c : doc["cases"]) {
    for (const auto& f : c["formats"]) {
      std::string fmt = f.get<std::string>();
      Format format = fmt == "json"       ? Format::kJson
                      : fmt == "markdown" ? Format::kMarkdown
                      : fmt == "html"     ? Format::kHtml
                      : fmt == "csv"      ? Format::kCsv
                                          : Format::kText;
      std::string ext = fmt == "markdown" ? "md" : fmt == "text" ? "txt" : fmt;
      out.push_back({c["name"], c["command"], c.value("platform", "taobao"), c.value("input", ""),
                     format, ext});
    }
  }
  return out;
}

std::string output_path(const GoldenCase& c) {
  // mask shares the check folder: both read replies.
  const std::string dir = c.command == "mask" ? "check" : c.command;
  return test::source_path("tests/golden/" + dir + "/" + c.name + ".out." + c.extension);
}

std::string run(const GoldenCase& c) {
  Options o;
  o.platform = c.platform;
  o.format = c.format;
  std::string input =
      c.input.empty() ? "" : test::read_file(test::source_path("tests/golden/" + c.input));
  Output out;
  if (c.command == "check")
    out = check(input, o);
  else if (c.command == "rules")
    out = rules(o);
  else if (c.command == "mask")
    out = mask(input, o);
  else
    ADD_FAILURE() << "unknown golden command " << c.command;
  return "status " + std::to_string(out.status) + "\n" + out.out +
         (out.err.empty() ? "" : "--- stderr\n" + out.err);
}

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, OutputMatches) {
  const auto& c = GetParam();
  const std::string actual = run(c);
  const std::string path = output_path(c);
  test::expect_golden(path, actual);
}

INSTANTIATE_TEST_SUITE_P(Cli, Golden, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<GoldenCase>& info) {
                           std::string s = info.param.command + "_" + info.param.name + "_" +
                                           info.param.extension;
                           for (auto& ch : s)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// A golden file without a case (or a case whose file vanished) fails instead of passing quietly.
TEST(GoldenFiles, EveryOutputFileBelongsToACase) {
  std::set<std::string> expected;
  for (const auto& c : cases()) expected.insert(output_path(c));
  for (const char* dir : {"check", "rules"}) {
    std::string d = test::source_path(std::string("tests/golden/") + dir);
    DIR* h = opendir(d.c_str());
    ASSERT_NE(h, nullptr) << d;
    while (dirent* e = readdir(h)) {
      std::string n = e->d_name;
      if (n.find(".out.") != std::string::npos)
        EXPECT_TRUE(expected.count(d + "/" + n)) << "orphan golden file " << d << "/" << n;
    }
    closedir(h);
  }
}

// The cases are read from tests/golden/cases.json: a reader that found none would run nothing
// and pass.
TEST(GoldenFiles, TheCasesAreFound) {
  EXPECT_GE(cases().size(), 16u) << "check, mask and rules cases x formats";
}

}  // namespace
}  // namespace kefu
