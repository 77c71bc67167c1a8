// The error catalog (core/src/common/error_catalog.inc) is the one definition of every code:
// each code the sources use is in it, each entry is complete in both languages, and the named
// constructors print what the call sites printed before they used them.
#include "common/error_catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "kefu/kefu.h"
#include "pack/pack.h"
#include "test_support.h"

namespace kefu {
namespace {

// code -> first place it is used, for every quoted code in core/, cli/, wasm/ and the page.
std::map<std::string, std::string> codes_in_sources() {
  std::map<std::string, std::string> out;
  // Quoted ("pack.E201", 'page.E001') or printed by hand ("[usage.E004]: ").
  const std::regex code(
      "[\"'\\[]((usage|input|transcript|pack|internal|wasm|page)\\.[EW][0-9]{3})[\"'\\]]");
  for (const char* dir : {"core", "cli", "wasm", "web"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::source_path(dir))) {
      const auto ext = entry.path().extension().string();
      if (!entry.is_regular_file() ||
          (ext != ".cpp" && ext != ".h" && ext != ".inc" && ext != ".js"))
        continue;
      if (entry.path().filename() == "error_catalog.inc") continue;
      const std::string text = test::read_file(entry.path().string());
      for (std::sregex_iterator it(text.begin(), text.end(), code), end; it != end; ++it)
        out.emplace((*it)[1], entry.path().lexically_relative(test::source_path("")).string());
    }
  }
  return out;
}

TEST(ErrorCatalog, EveryCodeUsedIsDefined) {
  const auto used = codes_in_sources();
  EXPECT_GE(used.size(), 50u) << "the source scan found too few codes to be looking at the sources";
  for (const auto& [code, where] : used)
    EXPECT_NE(find_error_spec(code), nullptr)
        << code << " (used in " << where << ") is not in error_catalog.inc";
}

TEST(ErrorCatalog, EveryCodeDefinedIsUsedOnce) {
  const auto used = codes_in_sources();
  std::set<std::string_view> seen;
  for (const auto& e : error_catalog()) {
    EXPECT_TRUE(seen.insert(e.code).second) << e.code << " defined twice";
    EXPECT_TRUE(used.count(std::string(e.code))) << e.code << " is defined but nothing reports it";
  }
  EXPECT_GE(error_catalog().size(), 50u);
}

std::set<std::string> slots(std::string_view t) {
  std::set<std::string> out;
  const std::string s(t);
  const std::regex slot("\\{([a-z_]+)\\}");
  for (std::sregex_iterator it(s.begin(), s.end(), slot), end; it != end; ++it)
    out.insert((*it)[1]);
  return out;
}

TEST(ErrorCatalog, EveryEntryHasAMeaningAndBothTemplatesWithTheSameFields) {
  const std::regex shape("(usage|input|transcript|pack|internal|wasm|page)\\.[EW][0-9]{3}");
  for (const auto& e : error_catalog()) {
    EXPECT_TRUE(std::regex_match(std::string(e.code), shape)) << e.code;
    EXPECT_FALSE(e.name.empty()) << e.code;
    EXPECT_GT(e.meaning.size(), 10u) << e.code << " has no meaning";
    EXPECT_EQ(e.meaning.back(), '.') << e.code << ": the meaning is a sentence";
    EXPECT_FALSE(e.zh.empty()) << e.code;
    EXPECT_FALSE(e.en.empty()) << e.code;
    EXPECT_EQ(slots(e.zh), slots(e.en)) << e.code << ": the templates fill different fields";
  }
}

TEST(ErrorCatalog, TemplatesAreFilledAndAMissingFieldShows) {
  EXPECT_EQ(fill_error_template("{command} prints {formats}",
                                {{"command", "rules"}, {"formats", "json"}}),
            "rules prints json");
  EXPECT_EQ(fill_error_template("{a}{b} and {c", {{"a", "1"}}), "1{b} and {c");
  EXPECT_EQ(fill_error_template("", {}), "");
}

// The named constructors print the very bytes the call sites printed before the catalog.
TEST(ErrorCatalog, NamedConstructorsKeepThePrintedForm) {
  EXPECT_EQ(errors::input_too_large(67108865, 67108864, "en").to_string(),
            "[input.E103]: input is 67108865 bytes; the limit is 67108864");
  EXPECT_EQ(errors::input_too_large(9, 8, "zh").to_string(),
            "[input.E103]: 输入有 9 字节，上限是 8");
  EXPECT_EQ(errors::format_not_offered("transcript", "text, json or csv", "en").to_string(),
            "[usage.E002]: transcript prints text, json or csv");
  EXPECT_EQ(errors::internal("check", "boom", "en").to_string(),
            "[internal.E900]: check failed: boom");
  Error placed =
      catalog_error("pack.E217", "en", {{"field", "/title"}}, "my.json", "/rules/0/title");
  EXPECT_EQ(placed.to_string(), "[pack.E217] my.json /rules/0/title: /title must not be empty");
}

// Through the public API: the migrated codes, as a caller sees them.
TEST(ErrorCatalog, MigratedCallSitesAnswerFromTheCatalog) {
  Options o;
  o.format = Format::kMarkdown;
  EXPECT_EQ(rules(o).status, 0);
  o.format = Format::kCsv;
  const Output r = rules(o);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "[usage.E002]: rules prints json, markdown or html\n");
  o.format = Format::kJson;
  const Output big = check(std::string(Limits::kMaxInputBytes + 1, 'a'), o);
  EXPECT_EQ(big.status, 2);
  EXPECT_EQ(nlohmann::json::parse(big.out)["errors"][0]["code"], "input.E103") << big.out;
}

}  // namespace
}  // namespace kefu
