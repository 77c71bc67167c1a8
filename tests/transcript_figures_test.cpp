// Response-time figures and the JSON shape of transcript findings.
#include <gtest/gtest.h>

#include "report/finding_json.h"
#include "test_support.h"

namespace kefu {
namespace {

nlohmann::json run_json(const std::string& text, const std::string& platform = "taobao") {
  Options o;
  o.platform = platform;
  o.format = Format::kJson;
  const Output out = transcript(text, o);
  return nlohmann::json::parse(out.out);
}

TEST(TranscriptFigures, FirstAverageLongestAndSharesWithinServiceHours) {
  const auto doc = run_json(
      "[2024-06-18 07:50:00] 买家: 早上好\n"  // before 08:00: not counted
      "[2024-06-18 08:01:00] 客服: 亲，您好，早上好\n"
      "[2024-06-18 09:00:00] 买家: 在吗\n"  // round 1: 40 s
      "[2024-06-18 09:00:40] 客服: 亲，在的呢\n"
      "[2024-06-18 09:10:00] 买家: 有红色吗\n"  // round 2: 4 min (both messages of it)
      "[2024-06-18 09:11:00] 买家: ？\n"        // waits 3 min
      "[2024-06-18 09:14:00] 客服: 亲，有红色的\n"
      "[2024-06-18 09:20:00] 买家: 包邮吗\n"  // round 3: 10 min
      "[2024-06-18 09:30:00] 客服: 亲，包邮的，感谢支持\n");
  const auto& f = doc["figures"];
  EXPECT_EQ(f["service_hours"], "08:00-23:00");
  EXPECT_EQ(f["buyer_messages"], 4);
  EXPECT_EQ(f["answered"], 4);
  EXPECT_EQ(f["first_response_seconds"], 40);
  EXPECT_EQ(f["average_response_seconds"], 293);  // (40 + 240 + 600) / 3 = 293.3
  EXPECT_EQ(f["longest_wait_seconds"], 600);
  EXPECT_EQ(f["longest_wait_message_index"], 7);
  EXPECT_EQ(f["answered_within"]["60"]["count"], 1);
  EXPECT_EQ(f["answered_within"]["180"]["count"], 2);
  EXPECT_EQ(f["answered_within"]["300"]["count"], 3);
  EXPECT_EQ(f["answered_within"]["300"]["percent"], 75.0);
  EXPECT_EQ(f["platform_bar"]["title"], "淘宝5分钟回复率");
  EXPECT_EQ(f["platform_bar"]["percent"], 75.0);
  EXPECT_TRUE(f["platform_bar"]["met"].is_null());  // Taobao publishes no number
  ASSERT_EQ(doc["conversations"].size(), 1u);
  EXPECT_EQ(doc["conversations"][0]["figures"], f);
}

TEST(TranscriptFigures, KuaishouBarIsJudgedAgainstSeventyPercent) {
  auto doc = run_json(
      "[10:00:00] 买家: 在吗\n[10:01:00] 客服: 亲，在的\n"
      "[10:02:00] 买家: 有货吗\n[10:06:00] 客服: 亲，有的\n"
      "[10:07:00] 买家: 包邮吗\n[10:08:00] 客服: 亲，包邮的，感谢支持\n",
      "kuaishou");
  const auto& bar = doc["figures"]["platform_bar"];
  EXPECT_EQ(bar["within_seconds"], 180);
  EXPECT_EQ(bar["min_percent"], 70.0);
  EXPECT_EQ(bar["count"], 2);
  EXPECT_EQ(bar["total"], 3);
  EXPECT_EQ(bar["met"], false);  // 66.7% < 70%
}

TEST(TranscriptFigures, OverallFiguresAddUpConversations) {
  auto doc = run_json(
      "[10:00:00] tb_a: 在吗\n[10:00:30] 店铺:小萌: 亲，在的\n\n"
      "[11:00:00] tb_b: 在吗\n[11:02:30] 店铺:小萌: 亲，在的\n");
  ASSERT_EQ(doc["conversations"].size(), 2u);
  EXPECT_EQ(doc["figures"]["first_response_seconds"], 90);  // mean of 30 and 150
  EXPECT_EQ(doc["figures"]["longest_wait_seconds"], 150);
  EXPECT_EQ(doc["figures"]["longest_wait_message_index"], 2);
  EXPECT_EQ(doc["summary"]["conversations"], 2);
}

TEST(TranscriptFigures, UntimedTranscriptsHaveNoFiguresAndANote) {
  Options o;
  o.format = Format::kJson;
  const Output out = transcript("G: 在吗\nK: 亲，在的，请问需要什么\n", o);
  const auto doc = nlohmann::json::parse(out.out);
  EXPECT_EQ(doc["figures"]["timed"], false);
  EXPECT_TRUE(doc["figures"]["first_response_seconds"].is_null());
  EXPECT_EQ(doc["warnings"][0]["code"], "transcript.E303");
}

// The transcript JSON writes findings by hand for speed; they must stay check's finding object
// (finding_to_json) with conversation, message_index, line before and detail after.
TEST(TranscriptFigures, FindingObjectsAreTheCheckFindingPlusWhere) {
  const std::string reply = "特价商品不开发票的哦，加我vx聊";
  Options o;
  o.format = Format::kJson;
  const auto doc = nlohmann::ordered_json::parse(
      transcript("[10:00:00] 买家: 能开发票吗\n[10:00:20] 客服: " + reply + "\n", o).out);
  const Engine& e = test::engine("taobao");
  const auto direct = e.checker->check(reply).findings;
  ASSERT_FALSE(direct.empty());
  std::size_t matched = 0;
  for (const auto& f : direct) {
    nlohmann::ordered_json expected;
    expected["conversation"] = 0;
    expected["message_index"] = 1;
    expected["line"] = 2;
    const auto base = finding_to_json(f);
    for (auto it = base.begin(); it != base.end(); ++it) expected[it.key()] = *it;
    expected["detail"] = "";
    for (const auto& got : doc["findings"])
      if (got["rule"] == f.rule->id && got["start"] == f.start) {
        EXPECT_EQ(got.dump(), expected.dump());
        ++matched;
      }
  }
  EXPECT_EQ(matched, direct.size());
}

}  // namespace
}  // namespace kefu
