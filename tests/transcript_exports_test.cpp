// Issue 12: chat exports as the seller workbenches and Excel write them (tests/fixtures/exports,
// written for these tests): roles, message counts, the slow reply and first response, the format
// named; one fine per clause; the per-agent scorecard; files that are not chats.
#include <gtest/gtest.h>

#include "kefu/transcript_stream.h"
#include "test_support.h"
#include "transcript/scorecard.h"

namespace kefu {
namespace {

const std::string kDir = "tests/fixtures/exports/";

nlohmann::json run_json(const std::string& text, const std::string& platform = "taobao",
                        Output* raw = nullptr) {
  Options o;
  o.platform = platform;
  o.format = Format::kJson;
  const Output out = transcript(text, o);
  if (raw) *raw = out;
  if (out.status == 2) return nlohmann::json();
  return nlohmann::json::parse(out.out);
}

nlohmann::json run_file(const std::string& name) {
  return run_json(test::read_file(test::source_path(kDir + name)));
}

std::vector<std::string> rules_of(const nlohmann::json& doc) {
  std::vector<std::string> out;
  for (const auto& f : doc["findings"]) out.push_back(f["rule"]);
  return out;
}

// The same chat in five layouts: 6 messages, buyer tb_lily and one agent, the 6分29秒 wait found
// on the buyer's second question, a 19-second first response.
struct Layout {
  const char* file;
  const char* format;
  std::size_t messages;
  const char* agent;
};

class SameChat : public ::testing::TestWithParam<Layout> {};

TEST_P(SameChat, RolesCountsSlowReplyAndFirstResponse) {
  const Layout& l = GetParam();
  const auto doc = run_file(l.file);
  ASSERT_TRUE(doc.is_object()) << l.file;
  EXPECT_EQ(doc["input"]["format"], l.format);
  EXPECT_EQ(doc["summary"]["messages"], l.messages);
  ASSERT_GE(doc["conversations"].size(), 1u);
  const auto& c = doc["conversations"][0];
  EXPECT_EQ(c["buyer"], "tb_lily");
  EXPECT_EQ(c["roles_guessed"], false);
  EXPECT_EQ(c["messages"][0]["from"], "buyer");
  EXPECT_EQ(c["messages"][0]["time"], "2024-06-18T10:00:01+08:00");
  EXPECT_EQ(c["messages"][0]["text"], "在吗");  // no time left inside the text
  EXPECT_EQ(c["messages"][1]["from"], "agent");
  EXPECT_EQ(c["messages"][1]["name"], l.agent);
  EXPECT_EQ(c["figures"]["first_response_seconds"], 19);
  EXPECT_EQ(c["figures"]["longest_wait_seconds"], 389);
  bool slow = false;
  for (const auto& f : doc["findings"])
    if (f["rule"] == "shop.slow-response") {
      slow = true;
      EXPECT_EQ(f["message_index"], 2);
      EXPECT_EQ(f["detail"], "买家等待 6分29秒 才得到回复 (规定 5分00秒 内)");
    }
  EXPECT_TRUE(slow) << doc["findings"].dump();
  // The buyer's 在吗 is never the agent's missing greeting.
  for (const auto& f : doc["findings"]) EXPECT_NE(f["rule"], "shop.greeting-missing") << l.file;
  ASSERT_EQ(doc["agents"].size(), 1u);
  EXPECT_EQ(doc["agents"][0]["name"], l.agent);
  EXPECT_EQ(doc["agents"][0]["conversations"], doc["conversations"].size());
  EXPECT_EQ(doc["agents"][0]["figures"]["first_response_seconds"],
            doc["figures"]["first_response_seconds"]);
}

INSTANTIATE_TEST_SUITE_P(
    Exports, SameChat,
    ::testing::Values(Layout{"heading_space.txt", "heading_then_text", 6, "松鼠铺子旗舰店:小萌"},
                      Layout{"heading_paren.txt", "heading_then_text", 6, "松鼠铺子旗舰店:小萌"},
                      Layout{"heading_time_first.txt", "heading_then_text", 6,
                             "松鼠铺子旗舰店:小萌"},
                      Layout{"excel.csv", "csv", 6, "松鼠铺子旗舰店:小萌"},
                      Layout{"export.tsv", "tsv", 7, "小萌"}));

TEST(TranscriptExports, HeadingLinesWrapTheirMessageLines) {
  const auto doc = run_file("heading_space.txt");
  EXPECT_EQ(doc["conversations"][0]["messages"][2]["text"], "这款坚果礼盒还有货吗\n什么时候能发货");
  EXPECT_EQ(doc["conversations"].size(), 1u);  // blank lines between messages do not split it
  // `name(time): text` keeps the text on the heading line.
  EXPECT_EQ(run_file("heading_paren.txt")["conversations"][0]["messages"][4]["text"], "好的");
}

TEST(TranscriptExports, CsvCellsAreUnquotedWithTheirLineBreaks) {
  const auto doc = run_file("excel.csv");
  EXPECT_EQ(doc["input"]["columns"], "时间, 发送方, 昵称, 内容");
  const auto& m = doc["conversations"][0]["messages"];
  EXPECT_EQ(m[2]["text"], "这款坚果礼盒还有货吗,\n什么时候发货？");
  EXPECT_EQ(m[3]["text"], "亲，有货的哦，\"今天\"下单\n明天就能为您发出");
  EXPECT_EQ(m[0]["line"], 2);
  EXPECT_EQ(m[3]["line"], 6);
  // Fed in pieces of every size the same report comes out (quoted cells across pieces).
  const std::string text = test::read_file(test::source_path(kDir + "excel.csv"));
  Options o;
  o.format = Format::kJson;
  o.platform = "taobao";
  const std::string whole = transcript(text, o).out;
  for (std::size_t piece : {1u, 2u, 3u, 7u, 64u}) {
    TranscriptStream s(o);
    for (std::size_t at = 0; at < text.size(); at += piece)
      s.feed(std::string_view(text).substr(at, piece));
    std::vector<std::string> after;
    Output out = s.finish(after);
    std::string all = out.out;
    for (std::size_t k = 0; k < after.size(); ++k) all += s.take(k) + after[k];
    EXPECT_EQ(all, whole) << "pieces of " << piece;
  }
}

TEST(TranscriptExports, TsvConversationColumnSplitsConversationsAndRoleWordsSettleRoles) {
  const auto doc = run_file("export.tsv");
  ASSERT_EQ(doc["conversations"].size(), 2u);
  EXPECT_EQ(doc["conversations"][1]["buyer"], "jd_wang");
  EXPECT_EQ(doc["conversations"][1]["messages"][1]["from"], "agent");
  EXPECT_EQ(doc["agents"][0]["conversations"], 2);
  EXPECT_EQ(doc["agents"][0]["messages"], 3);
}

// A bare 嗯 breaks three rules of one clause of the shop code: one finding, one fine.
TEST(TranscriptExports, OneFinePerClause) {
  const auto doc = run_json(
      "[2024-06-18 10:00:00] 买家: 有货吗\n[2024-06-18 10:00:20] 客服: 嗯\n[2024-06-18 10:00:40] "
      "买家: 好\n");
  int clause2 = 0;
  for (const auto& r : rules_of(doc))
    clause2 += r == "shop.short-reply" || r == "shop.interjection-only" || r == "shop.cold-wording";
  EXPECT_EQ(clause2, 1) << doc["findings"].dump();
  EXPECT_EQ(doc["summary"]["folded_same_clause"], 2);
  // 10 yuan for the clause, 10 each for the missing greeting and closing: shop code, money, no
  // points.
  EXPECT_EQ(doc["penalties"]["yuan"]["shop"], 30);
  EXPECT_EQ(doc["penalties"]["points"]["total"], 0);
}

TEST(TranscriptExports, PenaltiesAreMoneyOrPointsAndSplitByAuthority) {
  EXPECT_TRUE(penalty_amount("每句扣除10元").yuan);
  EXPECT_EQ(penalty_amount("每句扣除10元").value, 10);
  EXPECT_TRUE(penalty_amount("扣6分").points);
  EXPECT_EQ(penalty_amount("扣6分").value, 6);
  // Minutes are no points; a 万元 range and a sanction without a number are unquantified.
  const PenaltyAmount slow = penalty_amount("超过5分钟应答或无应答每次扣除20元");
  EXPECT_TRUE(slow.yuan);
  EXPECT_EQ(slow.value, 20);
  EXPECT_FALSE(penalty_amount("计入3分钟回复率（不应低于70%）").points);
  EXPECT_FALSE(penalty_amount("罚款20万–100万元").yuan);
  EXPECT_FALSE(penalty_amount("全店商品下架并禁止上新3天").yuan);
  RuleMeta shop, law, platform;
  shop.pack = "shop";
  law.pack = "common";
  law.penalty = "广告主罚款20万–100万元（广告法第57条）";
  platform.pack = "taobao";
  EXPECT_EQ(authority_of(shop), kShopCode);
  EXPECT_EQ(authority_of(law), kLaw);
  EXPECT_EQ(authority_of(platform), kPlatformRule);
}

TEST(TranscriptExports, TwoAgentsEachGetTheirScorecard) {
  const auto doc = run_file("two_agents.csv");
  ASSERT_TRUE(doc.is_object());
  ASSERT_EQ(doc["agents"].size(), 2u) << doc["agents"].dump();
  const auto& a = doc["agents"][0];
  const auto& b = doc["agents"][1];
  EXPECT_EQ(a["name"], "松鼠铺子旗舰店:小萌");
  EXPECT_EQ(a["conversations"], 2);
  EXPECT_EQ(a["messages"], 4);
  EXPECT_EQ(a["figures"]["first_response_seconds"], 15);  // (10 + 20) / 2
  EXPECT_EQ(a["findings"], 0);
  EXPECT_EQ(b["name"], "松鼠铺子旗舰店:小美");
  EXPECT_EQ(b["conversations"], 1);
  EXPECT_EQ(b["messages"], 2);
  EXPECT_EQ(b["figures"]["first_response_seconds"], 400);
  EXPECT_EQ(b["findings_by_category"]["slow_response"], 1);
  EXPECT_EQ(b["findings_by_category"]["short_reply"], 1);
  EXPECT_EQ(b["findings_by_category"]["greeting_missing"], 1);  // 嗯 opens her conversation
  EXPECT_EQ(b["penalties"]["yuan"]["shop"], 40);  // 20 slow + 10 clause 2 + 10 greeting
  EXPECT_EQ(doc["shops"][0], "松鼠铺子旗舰店");
  EXPECT_EQ(doc["period"]["from"], "2024-06-18 09:00:00");
  EXPECT_EQ(doc["period"]["to"], "2024-06-18 15:07:00");
  // Every speaker listed for the page to settle, agents first.
  ASSERT_GE(doc["speakers"].size(), 5u);
  EXPECT_EQ(doc["speakers"][0]["from"], "agent");
}

// An export that stops right after the agent's answer: no time has passed, nothing is owed yet.
TEST(TranscriptExports, NoTimeRuleBeforeItsWindowPasses) {
  const auto doc = run_json(
      "[2024-06-18 10:00:00] 买家: 有红色吗\n[2024-06-18 10:00:30] 客服: 亲，有红色的哦\n");
  for (const auto& r : rules_of(doc)) EXPECT_NE(r, "shop.no-followup");
  const auto ordered = run_json(
      "[2024-06-18 10:00:00] 系统: 买家已下单\n[2024-06-18 10:01:00] 客服: 亲，感谢支持\n");
  for (const auto& r : rules_of(ordered)) EXPECT_NE(r, "shop.order-unverified");
}

TEST(TranscriptExports, FilesThatAreNoChatSayWhatWasExpected) {
  Output out;
  run_json(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "taobao", &out);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find("这是一张图片"), std::string::npos) << out.err;
  // The page decodes a file it cannot read as lossy UTF-8: the photo's first byte is U+FFFD.
  run_json("\xEF\xBF\xBDPNG\r\n\x1a\n", "taobao", &out);
  EXPECT_NE(out.err.find("这是一张图片"), std::string::npos) << out.err;
  run_json(std::string("PK\x03\x04\x14\0\x06\0", 8) + "[Content_Types].xml", "taobao", &out);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find("另存为"), std::string::npos) << out.err;
  EXPECT_NE(out.err.find("CSV"), std::string::npos) << out.err;
  run_json("%PDF-1.7\n", "taobao", &out);
  EXPECT_NE(out.err.find("PDF"), std::string::npos) << out.err;
  run_json("今天天气不错\n我们去公园吧\n", "taobao", &out);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find("没有找到任何消息"), std::string::npos) << out.err;
}

// A CSV whose header names no message column is not taken for a spreadsheet; one whose rows
// lack cells says so per row.
TEST(TranscriptExports, SpreadsheetsNeedAMessageColumn) {
  Output out;
  run_json("a,b,c\n1,2,3\n", "taobao", &out);
  EXPECT_EQ(out.status, 2);
  const auto doc =
      run_json("时间,发送方,内容\n2024-06-18 10:00:00,买家\n2024-06-18 10:00:05,客服,亲，您好\n",
               "taobao", &out);
  EXPECT_EQ(doc["summary"]["messages"], 1);
  EXPECT_NE(out.err.find("没有「内容」列"), std::string::npos) << out.err;
}

}  // namespace
}  // namespace kefu
