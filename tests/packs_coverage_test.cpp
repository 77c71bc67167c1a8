// The built-in packs after issue 10: every reply category on every platform (the duty binds every
// shop), the issue's own examples, and the `asserted` cue list that keeps 不好意思 or 没问题 from
// reading as a negation.
#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace kefu {
namespace {

const char* const kPlatforms[] = {"taobao", "tmall", "jd", "pdd", "douyin", "kuaishou", "1688"};

std::set<std::string> categories_of(const Engine& e, const std::string& text) {
  std::set<std::string> out;
  for (const auto& f : e.checker->check(text).findings)
    if (f.rule->severity != "info") out.insert(f.rule->category);
  return out;
}

// One reply per category whose duty the sources state for every platform.
TEST(PacksCoverage, EveryPlatformChecksTheCommonDuties) {
  const std::pair<const char*, const char*> cases[] = {
      {"亲，特价商品不开发票的哦", "invoice_refusal"},
      {"开发票的话需要加6个点哦", "invoice_fee"},
      {"刷卡付款需要另加3个点手续费", "card_fee"},
      {"我们不支持信用卡付款", "card_refusal"},
      {"超时没付款，我先给您取消订单了", "close_order"},
      {"特价商品不支持七天无理由退货的", "return_refusal"},
      {"确认收货后给您返5元红包", "review_inducement"},
      {"这款是全网最低价了亲", "absolute_claim"},
  };
  for (const char* p : kPlatforms)
    for (const auto& [text, category] : cases)
      EXPECT_EQ(categories_of(test::engine(p), text).count(category), 1u) << p << ": " << text;
}

TEST(PacksCoverage, TheIssueExamples) {
  const auto& e = test::engine("pdd");
  EXPECT_EQ(categories_of(e, "确认收货后给您返5元红包").count("review_inducement"), 1u);
  EXPECT_EQ(categories_of(e, "差评我们会起诉你").count("rude"), 1u);
  EXPECT_EQ(categories_of(e, "今天一定能到").count("false_promise"), 1u);
  EXPECT_EQ(categories_of(e, "七天无理由不包括这款").count("return_refusal"), 1u);
  EXPECT_EQ(categories_of(e, "发票这边暂时给您开不出来").count("invoice_refusal"), 1u);
  EXPECT_EQ(categories_of(e, "刷卡付款需要另加3个点手续费").count("card_fee"), 1u);
  EXPECT_TRUE(categories_of(e, "请不要添加任何站外联系方式哦").empty());
  EXPECT_TRUE(categories_of(e, "东西已经给您包好了").empty());
}

// Readings come from cues, not from lists of exceptions.
TEST(PacksCoverage, ProhibitedNegatedAndHedgedReadings) {
  const auto& e = test::engine("taobao");
  EXPECT_EQ(categories_of(e, "加我微信聊吧").count("off_platform"), 1u);
  EXPECT_TRUE(categories_of(e, "不要加微信哦，在这里聊就行").empty());
  EXPECT_EQ(categories_of(e, "明天一定到").count("false_promise"), 1u);
  EXPECT_TRUE(categories_of(e, "不能保证明天一定到哦").empty());
  EXPECT_TRUE(categories_of(e, "我们从不刷单，销量都是真实的").empty());
  EXPECT_EQ(categories_of(e, "帮忙刷一单，拍了不发货，佣金5元").count("credit_speculation"), 1u);
}

// 不好意思 and 没问题 are listed under scope_cues.asserted: the 不 and 没 inside them do not
// negate, so a fee after them is still a fee and a fee refused after them is still no fee.
TEST(PacksCoverage, PolitenessIsNotNegation) {
  const auto& e = test::engine("jd");
  EXPECT_EQ(categories_of(e, "不好意思，开票要加6个点").count("invoice_fee"), 1u);
  EXPECT_TRUE(categories_of(e, "亲，信用卡付款是没问题的，不加钱").empty());
  EXPECT_TRUE(categories_of(e, "没问题，开发票不收任何费用").empty());
}

}  // namespace
}  // namespace kefu
