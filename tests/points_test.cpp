// The penalty-point calculator over pack data: tiers reached, the next tier, JD's yearly reset.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kefu/kefu.h"

namespace kefu {
namespace {

Output ask(const std::string& request, const std::string& now = "2024-06-18 10:00",
           std::vector<PackFile> packs = {}) {
  Options o;
  o.format = Format::kJson;
  o.now = now;
  o.packs = std::move(packs);
  return points(request, o);
}

nlohmann::json track(const Output& out, const std::string& name) {
  const auto answer = nlohmann::json::parse(out.out);
  for (const auto& t : answer["tracks"])
    if (t["track"] == name) return t;
  return nullptr;
}

TEST(Points, TmallSeriousTiers) {
  struct Case {
    int points;
    nlohmann::json reached;
    nlohmann::json next;
  };
  const Case cases[] = {{0, nullptr, 12}, {11, nullptr, 12}, {12, 12, 24},      {13, 12, 24},
                        {35, 24, 36},     {36, 36, 48},      {48, 48, nullptr}, {60, 48, nullptr}};
  for (const auto& c : cases) {
    const Output out = ask(R"({"platform":"tmall","serious":)" + std::to_string(c.points) + "}");
    const auto t = track(out, "serious");
    EXPECT_EQ(c.reached.is_null() ? t["reached"] : t["reached"]["at"], c.reached) << c.points;
    EXPECT_EQ(c.next.is_null() ? t["next"] : t["next"]["at"], c.next) << c.points;
    EXPECT_EQ(out.status, c.reached.is_null() ? 0 : 1) << c.points;
  }
  const auto t = track(ask(R"({"platform":"tmall","serious":13})"), "serious");
  EXPECT_EQ(t["next"]["points_to_go"], 11);
  EXPECT_NE(t["reached"]["penalty"].get<std::string>().find("违约金2万元"), std::string::npos);
}

TEST(Points, GeneralAndSeriousCountSeparately) {
  const Output out = ask(R"({"platform":"tmall","serious":4,"general":12})");
  EXPECT_TRUE(track(out, "serious")["reached"].is_null());
  EXPECT_EQ(track(out, "general")["reached"]["at"], 12);
  // Tmall borrows only Taobao's deadlines, never its points.
  EXPECT_NE(track(out, "general")["reached"]["penalty"].get<std::string>().find("违约金1万元"),
            std::string::npos);
  EXPECT_EQ(track(ask(R"({"platform":"taobao","general":12})"), "general")["reached"]["penalty"],
            "达到一般违规扣分节点（节点处理措施原文未载明）");
}

TEST(Points, JdTiersAndTheFirstOfJanuaryReset) {
  const Output out = ask(R"({"platform":"jd","serious":50})", "2024-12-31 23:59:59");
  EXPECT_EQ(track(out, "serious")["reached"]["at"], 50);
  EXPECT_EQ(nlohmann::json::parse(out.out)["reset"]["next"], "2025-01-01T00:00:00+08:00");
  EXPECT_EQ(
      nlohmann::json::parse(
          ask(R"({"platform":"jd","serious":1})", "2025-01-01 00:00:00").out)["reset"]["next"],
      "2026-01-01T00:00:00+08:00");
  EXPECT_EQ(track(ask(R"({"platform":"jd","serious":100})"), "serious")["reached"]["at"], 100);
  EXPECT_EQ(track(ask(R"({"platform":"jd","serious":24})"), "serious")["reached"], nullptr);
}

TEST(Points, AskingForATrackThePacksLackWarns) {
  const auto j = nlohmann::json::parse(ask(R"({"platform":"jd","general":3})").out);
  EXPECT_TRUE(j["tracks"].empty());
  EXPECT_EQ(j["warnings"][0]["text"],
            "[input.W306] points /general: the packs give no general tiers for jd");
}

TEST(Points, BadRequestsAreErrors) {
  EXPECT_EQ(ask(R"({"platform":"pdd","serious":3})").err,
            "[input.E306] points /platform: the packs give no penalty-point tiers for pdd\n");
  EXPECT_EQ(
      ask(R"({"platform":"tmall","serious":-1})").err,
      "[input.E301] points /serious: must be a whole number of points from 0 to 100000, not -1\n");
  EXPECT_EQ(ask(R"({"platform":"tmall","serious":"12"})").err,
            "[input.E301] points /serious: must be a whole number of points from 0 to 100000, not "
            "\"12\"\n");
  EXPECT_EQ(
      ask(R"({"platform":"tmall"})").err,
      "[input.E301] points: give the serious and/or general points (--serious N, --general N)\n");
  EXPECT_EQ(ask("nonsense").status, 2);
  EXPECT_EQ(nlohmann::json::parse(ask("nonsense").out)["errors"][0]["code"], "input.E301");
}

TEST(Points, AUserPackReplacesTheTiers) {
  const PackFile mine{
      "mine.json",
      R"({"pack":"mine","points":{"title":"店规","tracks":[{"track":"general","title":"店内扣分","source":"店规",
    "tiers":[{"at":3,"penalty":"警告"},{"at":6,"penalty":"停岗培训"}]}]}})"};
  const Output out = ask(R"({"platform":"pdd","general":7})", "2024-06-18 10:00", {mine});
  EXPECT_EQ(track(out, "general")["reached"]["penalty"], "停岗培训") << out.err;
}

TEST(Points, BrokenTablesAreRefusedOnLoad) {
  Output out = validate(
      "bad.json", R"({"pack":"bad","points":{"tracks":[{"track":"serious","title":"x","source":"s",
    "tiers":[{"at":24,"penalty":"a"},{"at":12,"penalty":"b"}]}]}})");
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find(
                "[pack.E218] bad.json /points/tracks/0/tiers/1/at: tiers must rise: 12 after 24"),
            std::string::npos)
      << out.err;
}

}  // namespace
}  // namespace kefu
