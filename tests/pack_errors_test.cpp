// Broken packs: every error has a stable code, the file, the JSON pointer (or line and column)
// and a sentence; tests assert the whole message (STYLE §8).
#include <gtest/gtest.h>

#include <regex>

#include "kefu/kefu.h"
#include "test_support.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

std::string validate_err(const std::string& json) { return validate("my.json", json).err; }

std::string rule_with(const std::string& fields) {
  return R"({"pack":"my","rules":[{"id":"my.r","kind":"terms","category":"rude","severity":"error",
  "title":"t","message":"m","penalty":"","source":"s","examples":{"bad":["滚"],"good":["好"]})" +
         fields + "}]}";
}

TEST(PackErrors, ValidPackIsOk) {
  Output out = validate("my.json", rule_with(R"(,"terms":["滚"])"));
  EXPECT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(out.err, "my.json: ok, 1 rules\n");
}

TEST(PackErrors, TermMustBeAString) {
  EXPECT_EQ(validate_err(rule_with(R"(,"terms":[3])")),
            "[pack.E201] my.json /rules/0/terms/0: must be a string\n");
}

TEST(PackErrors, InvalidJsonNamesLineAndColumn) {
  EXPECT_EQ(
      validate_err("{\n  \"pack\": \"my\",\n  \"rules\": [,]\n}"),
      "[pack.E100] my.json:3:13: invalid JSON: syntax error while parsing value - unexpected ','; "
      "expected '[', '{', or a literal\n");
}

TEST(PackErrors, UnknownCategoryListsTheVocabulary) {
  std::string err =
      validate_err(R"({"pack":"my","rules":[{"id":"my.r","kind":"terms","category":"rudeness",
  "severity":"error","title":"t","message":"m","penalty":"","source":"s","terms":["滚"],
  "examples":{"bad":["滚"],"good":["好"]}}]})");
  EXPECT_EQ(err.rfind("[pack.E203] my.json /rules/0/category: unknown category \"rudeness\"; "
                      "expected one of: greeting_missing, closing_missing, short_reply,",
                      0),
            0u)
      << err;
}

TEST(PackErrors, UnknownKindSeverityAndMissingFields) {
  std::string err =
      validate_err(R"({"pack":"my","rules":[{"id":"my.r","kind":"regex","category":"rude",
  "severity":"fatal","title":"t","message":"m","source":"s","examples":{"bad":["a"],"good":["b"]}}]})");
  // The kind list grows with the conversation kinds; its reply kinds come first.
  EXPECT_EQ(
      err.rfind(
          "[pack.E102] my.json /rules/0: missing required field \"penalty\"\n"
          "[pack.E205] my.json /rules/0/severity: unknown severity \"fatal\"; expected error, "
          "warning or info\n"
          "[pack.E204] my.json /rules/0/kind: unknown kind \"regex\"; expected one of: terms, "
          "substitution, proximity, length, only_terms, detector",
          0),
      0u)
      << err;
}

TEST(PackErrors, IdMustCarryThePackNameAndBeUnique) {
  std::string r = R"({"id":"%ID%","kind":"terms","category":"rude","severity":"error","title":"t",
  "message":"m","penalty":"","source":"s","terms":["滚"],"examples":{"bad":["滚"],"good":["好"]}})";
  auto with = [&](const std::string& id) { return std::regex_replace(r, std::regex("%ID%"), id); };
  EXPECT_EQ(validate_err(R"({"pack":"my","rules":[)" + with("other.r") + "]}"),
            "[pack.E206] my.json /rules/0/id: \"other.r\" must start with \"my.\"\n");
  EXPECT_EQ(validate_err(R"({"pack":"my","rules":[)" + with("my.r") + "," + with("my.r") + "]}"),
            "[pack.E207] my.json /rules/1/id: duplicate id \"my.r\" (first at /rules/0)\n");
}

TEST(PackErrors, ExamplesAreRequired) {
  EXPECT_EQ(validate_err(R"({"pack":"my","rules":[{"id":"my.r","kind":"terms","category":"rude",
  "severity":"error","title":"t","message":"m","penalty":"","source":"s","terms":["滚"],
  "examples":{"bad":[],"good":["好"]}}]})"),
            "[pack.E208] my.json /rules/0/examples/bad: needs at least 1 bad example, has 0\n");
}

TEST(PackErrors, KindFieldsAreChecked) {
  EXPECT_EQ(validate_err(rule_with(R"(,"terms":[{"term":"滚","alow":["滚蛋"]}])")),
            "[pack.E103] my.json /rules/0/terms/0/alow: unknown field; a term object has \"term\", "
            "\"allow\" and \"use\"\n");
  EXPECT_EQ(validate_err(rule_with(R"(,"terms":["！！"])")),
            "[pack.E209] my.json /rules/0/terms/0: \"！！\" has no characters left after "
            "normalization\n");
  std::string prox = R"({"pack":"my","rules":[{"id":"my.r","kind":"proximity","category":"rude",
  "severity":"error","title":"t","message":"m","penalty":"","source":"s","a":["不"],"b":["发票"],
  "within":5000,"examples":{"bad":["a"],"good":["b"]}}]})";
  EXPECT_EQ(validate_err(prox),
            "[pack.E210] my.json /rules/0/within: 5000 is out of range 0..200\n");
}

TEST(PackErrors, UnknownTopLevelFieldAndBadPackName) {
  EXPECT_EQ(
      validate_err(R"({"pack":"My Pack","rulez":[]})"),
      "[pack.E103] my.json /rulez: unknown field; a pack has pack, title, title_en, description, "
      "platform, extends, equivalents, lexicons, scope_cues, blockers, settings, rules, deadlines, "
      "points, rewrites, phrases, sources\n"
      "[pack.E202] my.json /pack: must be a name of lower-case letters, digits, _ and - (at most "
      "40)\n");
}

TEST(PackErrors, DeepNestingIsRefusedBeforeParsing) {
  std::string deep = "{\"pack\":\"my\",\"settings\":{\"x\":" + std::string(100, '[') +
                     std::string(100, ']') + "}}";
  EXPECT_EQ(validate_err(deep), "[pack.E104] my.json:1:60: nesting deeper than 32 levels\n");
}

TEST(PackErrors, NotAnObject) {
  EXPECT_EQ(validate_err("[1,2]"), "[pack.E101] my.json: a pack must be a JSON object\n");
}

TEST(PackErrors, UserPackThatBreaksGivesStatusTwoWithJsonErrors) {
  Options o;
  o.format = Format::kJson;
  o.packs.push_back({"my.json", rule_with(R"(,"terms":[3])")});
  Output out = check("你好", o);
  EXPECT_EQ(out.status, 2);
  auto j = nlohmann::json::parse(out.out);
  EXPECT_EQ(j["errors"][0]["code"], "pack.E201");
  EXPECT_EQ(j["errors"][0]["pointer"], "/rules/0/terms/0");
  EXPECT_EQ(j["errors"][0]["file"], "my.json");
}

TEST(PackErrors, DuplicateIdAcrossPacks) {
  Options o;
  o.packs.push_back({"a.json", rule_with(R"(,"terms":["滚"])")});
  o.packs.push_back({"b.json", rule_with(R"(,"terms":["滚"])")});
  Output out = check("你好", o);
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err,
            "[pack.E207] b.json /rules/0/id: duplicate id \"my.r\" (first in a.json /rules/0)\n");
}

TEST(PackErrors, UnknownPlatformNamesTheValidOnes) {
  Options o;
  o.platform = "amazon";
  Output out = check("你好", o);
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err, "[usage.E001]: unknown platform \"amazon\"; expected one of: " +
                         vocab::platform_list() + "\n");
}

}  // namespace
}  // namespace kefu
