// The training handout (kefu-lint rules --format html): cover, contents by category, per rule the
// penalty labelled by authority, model and bad replies and a citation; the cheat sheet, the order
// deadlines and the source list; never an internal file name (issue 13).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "kefu/kefu.h"

namespace kefu {
namespace {

Output handout(const std::string& platform, const std::string& shop = "") {
  Options o;
  o.platform = platform;
  o.format = Format::kHtml;
  o.now = "2026-12-03 10:00";
  o.shop_name = shop;
  return rules(o);
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size()))
    ++n;
  return n;
}

TEST(HandbookHandout, EveryPlatformHasContentsAndNoInternalFileNames) {
  for (const auto& p : platforms()) {
    SCOPED_TRACE(p);
    const Output out = handout(p);
    ASSERT_EQ(out.status, 0) << out.err;
    const std::string& h = out.out;
    EXPECT_NE(h.find("<nav class=\"toc\">"), std::string::npos);
    EXPECT_NE(h.find("<h2>目录</h2>"), std::string::npos);
    EXPECT_NE(h.find("id=\"cheatsheet\""), std::string::npos);
    EXPECT_NE(h.find("id=\"deadlines\""), std::string::npos) << "order deadlines table";
    EXPECT_NE(h.find("id=\"sources\""), std::string::npos);
    EXPECT_NE(h.find("2026-12-03"), std::string::npos) << "date on the cover";
    EXPECT_NE(h.find("data-version>r"), std::string::npos) << "rule-set version on the cover";
    // Every category in the contents links to a section that exists.
    static const std::regex link("href=\"#(cat-[a-z_]+)\"");
    int links = 0;
    for (std::sregex_iterator it(h.begin(), h.end(), link), end; it != end; ++it, ++links)
      EXPECT_NE(h.find("id=\"" + (*it)[1].str() + "\""), std::string::npos) << (*it)[1];
    EXPECT_GE(links, 8);
    static const std::regex internal(R"(\d{3}_[0-9a-f]{16}\.txt|rule-sources|seed-only|§)");
    std::smatch m;
    EXPECT_FALSE(std::regex_search(h, m, internal)) << "internal reference: " << m.str(0);
    EXPECT_EQ(h.find("未规定"), std::string::npos);
  }
}

TEST(HandbookHandout, EachRuleHasLabelledPenaltyRepliesAndCitation) {
  const std::string h = handout("taobao").out;
  static const std::regex article(R"(<article class="rule"[\s\S]*?</article>)");
  int n = 0;
  for (std::sregex_iterator it(h.begin(), h.end(), article), end; it != end; ++it, ++n) {
    const std::string a = it->str();
    const bool labelled = a.find("class=\"authority ") != std::string::npos;
    const bool none = a.find("无明确处罚（服务规范）") != std::string::npos;
    EXPECT_TRUE(labelled != none) << a.substr(0, 200);
    const auto good = a.substr(a.find("<ul class=\"good\">"));
    EXPECT_GE(count(good.substr(0, good.find("</ul>")), "<li>"), 2) << a.substr(0, 200);
    const auto bad = a.substr(a.find("<ul class=\"bad\">"));
    EXPECT_GE(count(bad.substr(0, bad.find("</ul>")), "<li>"), 2) << a.substr(0, 200);
    EXPECT_NE(a.find("<p class=\"cite\">来源："), std::string::npos);
    EXPECT_NE(a.find(" · "), std::string::npos) << "citation is title · issuer · date";
  }
  EXPECT_GE(n, 30);
  // The shop's own fines are labelled 店规, the advertising law's fines 法律.
  EXPECT_NE(h.find("<span class=\"authority shop\">店规</span>每句扣除10元"), std::string::npos);
  EXPECT_NE(h.find("<span class=\"authority law\">法律</span>"), std::string::npos);
}

TEST(HandbookHandout, ShopNameOnTheCoverOnlyWhenGiven) {
  EXPECT_NE(handout("jd", "小美的店").out.find("<dt>店铺</dt><dd>小美的店</dd>"),
            std::string::npos);
  EXPECT_EQ(handout("jd").out.find("<dt>店铺</dt>"), std::string::npos);
  EXPECT_NE(handout("jd", "<b>").out.find("&lt;b&gt;"), std::string::npos) << "escaped";
}

TEST(HandbookHandout, JsonListsTheCitedSources) {
  Options o;
  o.platform = "pdd";
  o.format = Format::kJson;
  const auto j = nlohmann::json::parse(rules(o).out);
  ASSERT_TRUE(j.contains("sources"));
  EXPECT_GE(j["sources"].size(), 5u);
  bool pdd = false;
  for (const auto& s : j["sources"]) {
    EXPECT_FALSE(s["citation"].get<std::string>().empty());
    pdd |= s["issuer"] == "拼多多";
  }
  EXPECT_TRUE(pdd);
  for (const auto& r : j["rules"]) {
    EXPECT_EQ(r["source"].get<std::string>().find(".txt"), std::string::npos) << r["id"];
    if (!r["penalty"].get<std::string>().empty()) EXPECT_NE(r["authority"], "") << r["id"];
  }
}

// A user pack cites its own registered source or free text; an id-shaped typo is an error.
TEST(HandbookHandout, UserPackSourcesAreCheckedAndCited) {
  const std::string rule =
      R"({"id":"my.x","kind":"terms","category":"rude","severity":"error","title":"t","message":"m","penalty":"扣10元","authority":"shop",)"
      R"("terms":["笨蛋"],"examples":{"bad":["你个笨蛋"],"good":["好的"]},"source":)";
  Options o;
  o.format = Format::kHtml;
  o.packs = {
      {"my.json",
       R"({"pack":"my","sources":[{"id":"my-code","kind":"shop","title":"本店客服手册","issuer":"小美的店","date":"2025"}],"rules":[)" +
           rule + R"("my-code（第3条）"}]})"}};
  const Output ok = rules(o);
  ASSERT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("本店客服手册 · 小美的店 · 2025（第3条）"), std::string::npos);
  o.packs = {{"my.json", R"({"pack":"my","rules":[)" + rule + R"("my-cod"}]})"}};
  const Output bad = rules(o);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE((bad.out + bad.err).find("pack.E233"), std::string::npos) << bad.out;
  EXPECT_NE((bad.out + bad.err).find("不在来源登记中"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace kefu
