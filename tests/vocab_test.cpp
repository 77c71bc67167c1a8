// The vocabulary is data: rules/vocabulary.json and the platform packs. These tests read it as
// every output does (kefu::vocabulary) and show that a platform pack the code has never seen
// (tests/fixtures/vocab/xhs.json, given as a user pack) is a platform everywhere: in
// vocabulary(), in the platforms a command accepts and names when refusing, and in checks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kefu/kefu.h"
#include "pack/builtin_packs.h"
#include "test_support.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

PackFile xhs_pack() {
  return {"xhs.json", test::read_file(test::source_path("tests/fixtures/vocab/xhs.json"))};
}

nlohmann::json vocabulary_json(std::vector<PackFile> packs = {}) {
  Options o;
  o.format = Format::kJson;
  o.packs = std::move(packs);
  const Output out = vocabulary(o);
  EXPECT_EQ(out.status, 0) << out.err;
  return nlohmann::json::parse(out.out);
}

std::vector<std::string> names(const nlohmann::json& list) {
  std::vector<std::string> out;
  for (const auto& x : list) out.push_back(x.at("name").get<std::string>());
  return out;
}

TEST(Vocabulary, TheBuiltinDataIsSound) {
  EXPECT_TRUE(vocab::data_problems().empty()) << vocab::data_problems().front();
  EXPECT_FALSE(vocab::categories().empty());
  EXPECT_EQ(vocab::severity_rank("error"), 0);
  EXPECT_EQ(vocab::severity_rank("info"), static_cast<int>(vocab::severities().size()) - 1);
  EXPECT_EQ(vocab::severity_rank("no-such"), vocab::severity_rank("info"));
}

// Every platform is a pack of rules/ that says so, named by its own title: nothing else lists them.
TEST(Vocabulary, PlatformsAreThePacksThatDeclareThemselves) {
  std::vector<std::string> declared;
  for (const auto& b : builtin_packs()) {
    const auto doc = nlohmann::json::parse(b.json);
    if (!doc.contains("platform")) continue;
    declared.emplace_back(b.name);
    const vocab::Platform* p = vocab::find_platform(b.name);
    ASSERT_NE(p, nullptr) << b.name;
    EXPECT_EQ(p->title, doc.at("title").get<std::string>());
    EXPECT_EQ(p->title_en, doc.at("title_en").get<std::string>());
  }
  EXPECT_GE(declared.size(), 2u);
  EXPECT_EQ(declared.size(), vocab::platforms().size());
  EXPECT_FALSE(vocab::is_platform("common"));
  EXPECT_FALSE(vocab::is_platform("shop"));
  EXPECT_FALSE(vocab::is_platform("vocabulary"));
  // Display order follows each pack's platform.order.
  for (std::size_t i = 1; i < vocab::platforms().size(); ++i)
    EXPECT_LE(vocab::platforms()[i - 1].order, vocab::platforms()[i].order);
  // The default platform of Options is one of them.
  EXPECT_TRUE(vocab::is_platform(Options{}.platform));
}

TEST(Vocabulary, JsonListsEverySharedWord) {
  const auto v = vocabulary_json();
  std::vector<std::string> expected;
  for (const auto& p : vocab::platforms()) expected.push_back(p.name);
  EXPECT_EQ(names(v["platforms"]), expected);
  EXPECT_EQ(names(v["platforms"]), platforms());
  for (const auto& p : v["platforms"]) EXPECT_TRUE(p["builtin"].get<bool>());
  ASSERT_EQ(v["categories"].size(), vocab::categories().size());
  for (std::size_t i = 0; i < v["categories"].size(); ++i) {
    EXPECT_EQ(v["categories"][i]["name"], vocab::categories()[i].name);
    EXPECT_EQ(v["categories"][i]["title"], vocab::categories()[i].title);
  }
  EXPECT_EQ(names(v["severities"]), (std::vector<std::string>{"error", "warning", "info"}));
  EXPECT_EQ(names(v["deadline_statuses"]),
            (std::vector<std::string>{"pending", "due_soon", "overdue", "met", "void"}));
  EXPECT_EQ(v["deadline_kinds"].size(), vocab::deadline_kinds().size());
  EXPECT_EQ(v["order_events"].size(), vocab::order_events().size());
  EXPECT_EQ(v["shipping_methods"], nlohmann::json::array({"express", "ems", "surface"}));
}

// The handbook's category titles are the vocabulary's, not a copy.
TEST(Vocabulary, RulesJsonCategoriesAreTheVocabulary) {
  Options o;
  o.format = Format::kJson;
  const auto handbook = nlohmann::json::parse(rules(o).out);
  EXPECT_EQ(handbook["categories"], vocabulary_json()["categories"]);
}

TEST(Vocabulary, AFixturePlatformPackIsAPlatformEverywhere) {
  // vocabulary(): after the built-in ones, with its own titles.
  const auto v = vocabulary_json({xhs_pack()});
  const auto& last = v["platforms"].back();
  EXPECT_EQ(last["name"], "xhs");
  EXPECT_EQ(last["title"], "小红书");
  EXPECT_EQ(last["title_en"], "Xiaohongshu");
  EXPECT_FALSE(last["builtin"].get<bool>());
  EXPECT_EQ(v["platforms"].size(), vocab::platforms().size() + 1);

  // Refused without the pack, and the refusal names the platforms there are.
  Options o;
  o.platform = "xhs";
  Output without = check("亲，私信下单更便宜", o);
  EXPECT_EQ(without.status, 2);
  EXPECT_EQ(without.err, "[usage.E001]: unknown platform \"xhs\"; expected one of: " +
                             vocab::platform_list() + "\n");

  // Accepted with it: its rule fires, and the common and shop packs still apply.
  o.packs = {xhs_pack()};
  o.format = Format::kJson;
  Output with = check("亲，私信下单更便宜", o);
  EXPECT_EQ(with.status, 1) << with.err;
  const auto report = nlohmann::json::parse(with.out);
  EXPECT_EQ(report["platform"], "xhs");
  std::vector<std::string> rules_hit;
  for (const auto& f : report["findings"]) rules_hit.push_back(f["rule"]);
  EXPECT_NE(std::find(rules_hit.begin(), rules_hit.end(), "xhs.private-message"), rules_hit.end())
      << with.out;
  EXPECT_EQ(report["packs"], nlohmann::json::array({"common", "shop", "xhs"}));

  // An unknown platform named with the pack given lists the new one too.
  o.platform = "amazon";
  Output wrong = check("你好", o);
  EXPECT_EQ(wrong.err, "[usage.E001]: unknown platform \"amazon\"; expected one of: " +
                           vocab::platform_list() + ", xhs\n");

  // The handbook is titled with the pack's own name for it.
  o.platform = "xhs";
  o.format = Format::kMarkdown;
  EXPECT_EQ(rules(o).out.rfind("# 规则手册 · 小红书\n", 0), 0u);
}

TEST(Vocabulary, AnotherPlatformsPackStaysOut) {
  // On a built-in platform the fixture platform's rule does not apply.
  Options o;
  o.platform = vocab::platforms().front().name;
  o.packs = {xhs_pack()};
  o.format = Format::kJson;
  Output out = check("亲，私信下单更便宜", o);
  EXPECT_EQ(out.out.find("xhs.private-message"), std::string::npos) << out.out;
  EXPECT_EQ(nlohmann::json::parse(out.out)["packs"].back(), o.platform);
}

TEST(Vocabulary, ABadPlatformFieldIsAPackError) {
  Output out = validate("p.json", R"({"pack":"p","platform":{"order":"first","rank":1}})");
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err,
            "[pack.E103] p.json /platform/rank: unknown field; platform has order\n"
            "[pack.E201] p.json /platform/order: must be a whole number from 0 to 1000\n");
  EXPECT_EQ(validate("p.json", R"({"pack":"p","platform":true})").err,
            "[pack.E201] p.json /platform: must be an object such as {\"order\": 10}\n");
  // Only the built-in vocabulary file may carry a vocabulary.
  EXPECT_EQ(validate("p.json", R"({"pack":"p","vocabulary":{}})").status, 2);
  // vocabulary() refuses a pack that does not load, as every command does.
  Options o;
  o.packs = {{"bad.json", "{"}};
  EXPECT_EQ(vocabulary(o).status, 2);
}

TEST(Vocabulary, TextListsPlatformsWithTheirTitles) {
  Options o;
  o.packs = {xhs_pack()};
  const Output out = vocabulary(o);
  EXPECT_EQ(out.status, 0);
  for (const auto& p : vocab::platforms())
    EXPECT_NE(out.out.find("  " + p.name + " "), std::string::npos) << p.name;
  EXPECT_NE(out.out.find("xhs         小红书 / Xiaohongshu  (--pack)\n"), std::string::npos)
      << out.out;
  o.format = Format::kCsv;
  EXPECT_EQ(vocabulary(o).status, 2);
}

}  // namespace
}  // namespace kefu
