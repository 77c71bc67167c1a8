// The phrase library (话术库, the packs' `phrases` section): enough of it, clean on every
// platform it is offered for, in that platform's wording, and validated like any pack section.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "fix/fix_pack.h"
#include "test_support.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

TEST(FixPhrases, EveryPhraseIsCleanOnEveryPlatformItIsOfferedFor) {
  std::set<std::string> ids, scenarios;
  for (const auto& p : vocab::platforms()) {
    const std::string platform(p.name);
    const Engine& e = test::engine(platform);
    const auto phrases = phrases_for(e.packs, platform);
    std::set<std::string> here;
    for (const auto& ph : phrases) {
      ids.insert(ph.id);
      scenarios.insert(ph.scenario);
      here.insert(ph.scenario);
      for (const auto& f : e.checker->check(ph.text).findings)
        EXPECT_EQ(f.rule->severity, "info")
            << ph.id << " on " << platform << " raises " << f.rule->id << ": " << ph.text;
    }
    EXPECT_GE(phrases.size(), 100u) << platform;
    EXPECT_GE(here.size(), 12u) << platform;
  }
  EXPECT_GE(ids.size(), 120u);
  EXPECT_GE(scenarios.size(), 12u);
}

TEST(FixPhrases, PlatformsGetTheirOwnWording) {
  const auto jd = phrases_for(test::engine("jd").packs, "jd");
  const auto taobao = phrases_for(test::engine("taobao").packs, "taobao");
  for (const auto& ph : jd) {
    EXPECT_EQ(ph.text.find("本公司"), std::string::npos) << ph.id;
    EXPECT_EQ(ph.text.find("我司"), std::string::npos) << ph.id;
  }
  auto text_of = [](const std::vector<Phrase>& list, const std::string& id) {
    for (const auto& p : list)
      if (p.id == id) return p.text;
    return std::string();
  };
  EXPECT_NE(text_of(jd, "return7-01"), text_of(taobao, "return7-01"));
  EXPECT_NE(text_of(jd, "return7-01").find("15天"), std::string::npos);
  // Wholesale on 1688 has no 七天无理由; a live-room greeting is for Douyin and Kuaishou only.
  const auto b2b = phrases_for(test::engine("1688").packs, "1688");
  EXPECT_EQ(text_of(b2b, "return7-01"), "");
  EXPECT_NE(text_of(b2b, "greet-09"), "");
  EXPECT_EQ(text_of(taobao, "greet-08"), "");
  EXPECT_NE(text_of(phrases_for(test::engine("douyin").packs, "douyin"), "greet-08"), "");
}

TEST(FixPhrases, PublicJsonAndScenarioFilter) {
  Options o;
  o.platform = "jd";
  o.format = Format::kJson;
  const Output all = phrases("", o);
  ASSERT_EQ(all.status, 0) << all.err;
  const auto j = nlohmann::json::parse(all.out);
  EXPECT_EQ(j["platform"], "jd");
  ASSERT_GE(j["phrases"].size(), 100u);
  for (const char* k : {"id", "scenario", "title", "text"})
    EXPECT_TRUE(j["phrases"][0].contains(k)) << k;
  const auto only = nlohmann::json::parse(phrases("发票", o).out);
  ASSERT_FALSE(only["phrases"].empty());
  for (const auto& p : only["phrases"]) EXPECT_EQ(p["scenario"], "发票");
  const Output bad = phrases("发货", o);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--scenario: 没有场景“发货”；jd 的场景有：开场问候、"), std::string::npos)
      << bad.err;
}

TEST(FixPhrases, AShopsOwnPackAddsAndReplacesPhrases) {
  const std::string pack = R"({"pack": "myshop", "phrases": [
    {"id": "greet-01", "scenario": "开场问候", "title": "本店开场", "text": "亲，您好，欢迎来到小美家，有什么可以帮您的呢？"},
    {"id": "myshop-1", "scenario": "本店活动", "title": "周年庆", "text": "亲，周年庆全场满199减20，欢迎选购。"}]})";
  const Engine& e = test::engine("taobao", {{"myshop.json", pack}});
  const auto list = phrases_for(e.packs, "taobao");
  int greet = 0;
  bool mine = false;
  for (const auto& p : list) {
    if (p.id == "greet-01") {
      ++greet;
      EXPECT_EQ(p.title, "本店开场");
    }
    mine |= p.id == "myshop-1";
  }
  EXPECT_EQ(greet, 1);
  EXPECT_TRUE(mine);
}

TEST(FixPhrases, BadPhraseSectionsAreRejectedWithTheirPlace) {
  const std::string pack = R"({"pack": "myshop", "phrases": [
    {"id": "a", "scenario": "发票", "title": "t", "text": "亲，发票可以开。", "platforms": ["weibo"]},
    {"id": "a", "scenario": "发票", "title": "t", "text": 3, "by_platform": {"jd": ""}}]})";
  const Output out = validate("myshop.json", pack);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find("[pack.E202] myshop.json /phrases/0/platforms/0: unknown platform"),
            std::string::npos)
      << out.err;
  EXPECT_NE(out.err.find("[pack.E207] myshop.json /phrases/1/id: duplicate phrase id \"a\""),
            std::string::npos)
      << out.err;
  EXPECT_NE(out.err.find("[pack.E201] myshop.json /phrases/1/text: must be a string"),
            std::string::npos)
      << out.err;
  EXPECT_NE(
      out.err.find("[pack.E201] myshop.json /phrases/1/by_platform/jd: must be a non-empty string"),
      std::string::npos)
      << out.err;
}

}  // namespace
}  // namespace kefu
