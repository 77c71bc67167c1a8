// Each reply kind's behaviour, through a fixture pack (tests/fixtures/packs/kinds.json), so the
// tests do not move when the built-in packs' wording changes.
#include <gtest/gtest.h>

#include "test_support.h"

namespace kefu {
namespace {

const Engine& fixture() {
  static const std::string json =
      test::read_file(test::source_path("tests/fixtures/packs/kinds.json"));
  return test::engine("taobao", {{"kinds.json", json}});
}

std::vector<std::string> texts(const std::string& reply, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& f : test::findings_of(fixture(), reply, rule)) out.push_back(f.text);
  return out;
}

using V = std::vector<std::string>;

TEST(TermsKind, FindsTermsThroughSeparatorsCaseWidthAndStandIns) {
  EXPECT_EQ(texts("加微信聊", "demo.offsite"), V{"加微信"});
  EXPECT_EQ(texts("亲 加-V-信 哦", "demo.offsite"), V{"加-V-信"});
  EXPECT_EQ(texts("加ＶＸ", "demo.offsite"), V{"加ＶＸ"});
  EXPECT_EQ(texts("加 威 信", "demo.offsite"), V{"加 威 信"});
  EXPECT_EQ(texts("加微信，再加微信", "demo.offsite"), (V{"加微信", "加微信"}));
}

TEST(TermsKind, AllowContextsAndLatinWordBoundaries) {
  EXPECT_TRUE(texts("支持微信支付哦", "demo.offsite").empty());
  EXPECT_EQ(texts("微信支付可以，微信聊不行", "demo.offsite"), V{"微信"});
  EXPECT_TRUE(texts("型号vxd", "demo.offsite").empty());
  EXPECT_EQ(texts("加vx", "demo.offsite"), V{"加vx"});
}

TEST(TermsKind, OffsetsAreCodePointsAndUtf16) {
  auto f = test::findings_of(fixture(), "😀😀加微信", "demo.offsite");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].start, 2u);
  EXPECT_EQ(f[0].end, 5u);
  EXPECT_EQ(f[0].start_utf16, 4u);
  EXPECT_EQ(f[0].end_utf16, 7u);
}

TEST(SubstitutionKind, SuggestsTheReplacementForTheWholeRun) {
  auto f = test::findings_of(fixture(), "嗯嗯嗯，好的", "demo.um");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "嗯嗯嗯");
  EXPECT_EQ(f[0].suggestion, "好的呢");
}

TEST(ProximityKind, PairsWithinTheWindowUnlessGuarded) {
  EXPECT_EQ(texts("开发票要加6个税点", "demo.invoice"), V{"发票要加6个税点"});
  EXPECT_EQ(texts("税点要加，发票", "demo.invoice"), V{"税点要加，发票"}) << "unordered";
  EXPECT_TRUE(texts("发票不收取任何费用", "demo.invoice").empty());
  EXPECT_TRUE(texts("发票免费开，税点我们出", "demo.invoice").empty());
  EXPECT_TRUE(
      texts("发票在包裹里，另外这款商品很受欢迎大家都说好，没有税点", "demo.invoice").empty())
      << "too far apart";
}

TEST(LengthKind, CountsCharactersWithoutPunctuationOrEmoji) {
  EXPECT_EQ(texts("好的！😀", "demo.short").size(), 1u);
  EXPECT_TRUE(texts("好的亲，马上发货", "demo.short").empty());
  EXPECT_TRUE(texts("😀！", "demo.short").empty()) << "nothing to count is not a short answer";
  EXPECT_TRUE(texts("", "demo.short").empty());
}

TEST(OnlyTermsKind, WholeReplyMadeOfInterjections) {
  EXPECT_EQ(texts("嗯嗯。哦", "demo.only").size(), 1u);
  EXPECT_EQ(texts("不知道", "demo.only").size(), 1u);
  EXPECT_TRUE(texts("嗯，马上发货", "demo.only").empty());
}

TEST(DetectorKind, FindsAndMasks) {
  auto f = test::findings_of(fixture(), "电话13812345678", "demo.phone");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].suggestion, "138****5678");
  auto h = test::findings_of(fixture(), "微信号：abc_12345", "demo.handle");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].text, "微信号：abc_12345");
  EXPECT_EQ(fixture().checker->mask("电话13812345678，寄到北京市朝阳区建国路88号"),
            "电话138****5678，寄到北京市朝阳区**路**号");
}

TEST(Findings, ComeInTextOrderAndInvalidUtf8IsAWarning) {
  auto r = fixture().checker->check("加微信\xFF电话13812345678");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].to_string(),
            "[input.E101]: invalid UTF-8 byte 0xff at byte 9 (character 3), read as U+FFFD");
  for (std::size_t i = 1; i < r.findings.size(); ++i)
    EXPECT_LE(r.findings[i - 1].start, r.findings[i].start);
}

}  // namespace
}  // namespace kefu
