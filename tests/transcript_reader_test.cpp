// The transcript readers: every input form of docs/transcripts.md, conversation splitting, roles,
// times, and the notes a user gets for lines that are not messages.
#include "transcript/transcript_reader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace kefu {
namespace {

struct Turn {
  std::size_t line;
  Speaker speaker;
  std::string name, text;
  bool has_time;
  std::int64_t time;
};

struct Read {
  std::vector<std::vector<Turn>> conversations;
  std::vector<std::string> buyers;
  std::vector<Error> notes;
  std::vector<Error> errors;
  std::size_t messages = 0;
};

class Collect : public ConversationSink {
 public:
  explicit Collect(Read& r) : r_(r) {}
  void on_conversation(Conversation& c) override {
    EXPECT_EQ(c.index, r_.conversations.size());
    std::vector<Turn> turns;
    for (const auto& m : c.messages)
      turns.push_back(
          {m.line, m.speaker, std::string(m.name), std::string(m.text), m.has_time, m.time});
    r_.conversations.push_back(turns);
    r_.buyers.emplace_back(c.buyer);
  }

 private:
  Read& r_;
};

Read read_text(const std::string& text, const std::string& agent = "",
               const std::string& buyer = "") {
  Read r;
  Notes notes;
  Collect sink(r);
  r.messages = read_text_transcript(text, RoleHints::from(agent, buyer), sink, notes);
  r.notes = notes.finish();
  return r;
}

Read read_json(const std::string& text) {
  Read r;
  Notes notes;
  Collect sink(r);
  r.messages = read_json_transcript(text, RoleHints{}, sink, notes, r.errors);
  r.notes = notes.finish();
  return r;
}

std::string speakers(const std::vector<Turn>& turns) {
  std::string s;
  for (const auto& t : turns)
    s += t.speaker == Speaker::kBuyer    ? 'B'
         : t.speaker == Speaker::kAgent  ? 'A'
         : t.speaker == Speaker::kSystem ? 'S'
                                         : '?';
  return s;
}

std::string notes_text(const std::vector<Error>& notes) { return join_errors(notes); }

TEST(TranscriptReader, Seed002BargainingDialogueParsesIntoItsTurns) {
  const Read r = read_text(
      test::read_file(test::source_path("tests/fixtures/transcript/seed002_bargaining.txt")));
  ASSERT_EQ(r.conversations.size(), 1u) << notes_text(r.notes);
  const auto& c = r.conversations[0];
  EXPECT_EQ(speakers(c), "BABABABABAABA");
  EXPECT_EQ(c[0].name, "G");
  EXPECT_EQ(c[0].text, "你好 这个款产品多少钱?价格可不可以少点啊。");
  EXPECT_EQ(c[0].line, 3u);
  EXPECT_EQ(c[10].text.rfind("亲,主管说因为天猫价格修改不了", 0), 0u);
  for (const auto& t : c) EXPECT_FALSE(t.has_time);
  // The title line above the dialogue is not a message, and the user is told so.
  ASSERT_FALSE(r.notes.empty());
  EXPECT_EQ(r.notes[0].to_string(),
            "[transcript.E301] transcript:1: not a message (no \"name: text\") and no message "
            "above it, so it is left out");
}

TEST(TranscriptReader, TimedFormsContinuationsSubAccountsAndEvents) {
  const Read r = read_text(
      "[2024-06-18 10:00:01] tb_lily: 在吗\n"
      "2024/6/18 10:00:30 松鼠铺子旗舰店:小萌: 亲，您好\n"
      "请问需要什么\n"
      "收货地址：杭州市\n"
      "10:01:00 tb_lily：这个有货吗\n"
      "[10:02:00] [系统] 买家已下单\n"
      "[2024年6月18日 10:03] 系统: 买家已付款\n");
  ASSERT_EQ(r.conversations.size(), 1u) << notes_text(r.notes);
  const auto& c = r.conversations[0];
  EXPECT_EQ(speakers(c), "BABSS");
  EXPECT_EQ(c[1].name, "松鼠铺子旗舰店:小萌");
  EXPECT_EQ(c[1].text, "亲，您好\n请问需要什么\n收货地址：杭州市");  // `收货地址：` is no speaker
  EXPECT_EQ(c[2].text, "这个有货吗");
  EXPECT_EQ(c[3].name, "[系统]");
  EXPECT_EQ(c[3].text, "买家已下单");
  EXPECT_EQ(c[1].time - c[0].time, 29);
  EXPECT_EQ(c[2].time - c[0].time, 59);
  EXPECT_EQ(c[4].time - c[0].time, 179);
  EXPECT_EQ(r.buyers[0], "tb_lily");
  EXPECT_TRUE(r.notes.empty()) << notes_text(r.notes);
}

TEST(TranscriptReader, ConversationsSplitByHeaderBlankLineAndBuyerChange) {
  const Read r = read_text(
      "=== 会话 1 ===\n"
      "[10:00:00] 买家: 在吗\n"
      "[10:00:10] 客服: 亲，在的\n"
      "会话 2\n"
      "[11:00:00] 买家: 有货吗\n"
      "[11:00:10] 客服: 亲，有的\n"
      "\n"
      "[12:00:00] tb_c: 包邮吗\n"
      "[12:00:10] 客服小美: 亲，包邮\n"
      "[12:01:00] tb_a: 我也问一下\n"
      "[12:01:10] 客服小美: 亲，您说\n"
      "[12:02:00] tb_b: 还有我\n");
  ASSERT_EQ(r.conversations.size(), 5u) << notes_text(r.notes);
  EXPECT_EQ(speakers(r.conversations[0]), "BA");
  EXPECT_EQ(speakers(r.conversations[2]), "BA");
  EXPECT_EQ(speakers(r.conversations[3]), "BA");
  EXPECT_EQ(r.buyers[2], "tb_c");
  EXPECT_EQ(r.buyers[3], "tb_a");
  EXPECT_EQ(r.buyers[4], "tb_b");
}

TEST(TranscriptReader, UntimedFormIgnoresSingleBlankLinesButSplitsOnTwo) {
  const Read r = read_text("G: 在吗\n\nK: 亲，在的\n\n\nQ: 是正品吗\n\nK: 亲，是的\n");
  ASSERT_EQ(r.conversations.size(), 2u);
  EXPECT_EQ(speakers(r.conversations[0]), "BA");
  EXPECT_EQ(speakers(r.conversations[1]), "BA");
}

TEST(TranscriptReader, NicknamesAreGuessedAndSaidSoUnlessNamed) {
  const Read guessed =
      read_text("[10:00:00] 张三: 在吗\n[10:00:10] 小萌: 亲，在的\n[10:01:00] 张三: 好\n");
  ASSERT_EQ(guessed.conversations.size(), 1u);
  EXPECT_EQ(speakers(guessed.conversations[0]), "BAB");
  ASSERT_EQ(guessed.notes.size(), 1u);
  EXPECT_EQ(guessed.notes[0].code, "transcript.E304");
  EXPECT_NE(guessed.notes[0].message.find("张三 = 买家, 小萌 = 客服"), std::string::npos);

  const Read named =
      read_text("[10:00:00] 小萌: 亲，在的\n[10:00:10] 张三: 在吗\n", "小萌", "张三");
  EXPECT_EQ(speakers(named.conversations[0]), "AB");
  EXPECT_TRUE(named.notes.empty());
}

TEST(TranscriptReader, AThirdNicknameIsANewBuyer) {
  const Read r = read_text(
      "[10:00:00] 张三: 在吗\n[10:00:10] 小萌: 亲，在的\n[10:05:00] 李四: 有货吗\n[10:05:10] 小萌: "
      "亲，有的\n");
  ASSERT_EQ(r.conversations.size(), 2u);
  EXPECT_EQ(speakers(r.conversations[0]), "BA");
  EXPECT_EQ(speakers(r.conversations[1]), "BA");
  EXPECT_EQ(r.buyers[1], "李四");
}

TEST(TranscriptReader, MidnightRollsOverAndBackwardsTimesAreNoted) {
  const Read r =
      read_text("[23:59:00] 买家: 在吗\n[00:01:00] 客服: 亲，在的\n[00:00:30] 买家: ？\n");
  ASSERT_EQ(r.conversations.size(), 1u);
  const auto& c = r.conversations[0];
  EXPECT_EQ(c[1].time - c[0].time, 120);
  EXPECT_FALSE(c[2].has_time);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].to_string(),
            "[transcript.E302] transcript:3: time 00:00:30 is earlier than the message before it "
            "(line 2); "
            "this message is left out of the time rules");
}

TEST(TranscriptReader, ImpossibleTimesAreReportedAndKeptAsText) {
  const Read r =
      read_text("[10:00:00] 买家: 在吗\n[25:61:00] 客服: 亲，在的\n2024-02-30 10:00:00 客服: 好\n");
  ASSERT_EQ(r.conversations.size(), 1u);
  EXPECT_EQ(r.conversations[0].size(), 1u);
  EXPECT_EQ(r.conversations[0][0].text,
            "在吗\n[25:61:00] 客服: 亲，在的\n2024-02-30 10:00:00 客服: 好");
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0].to_string(),
            "[transcript.E301] transcript:2: cannot read this line as a message (\"25:61:00\" is "
            "not a time of day); "
            "kept as text of the message above");
  EXPECT_EQ(r.notes[1].to_string(),
            "[transcript.E301] transcript:3: cannot read this line as a message (\"2024-02-30 "
            "10:00:00\" is not a date); "
            "kept as text of the message above");
}

// Every accepted time form, with and without brackets, and the role words workbench exports use
// (顾客 a buyer, 【系统】 an event, 客服01 an agent); a bare clock takes the date before it.
TEST(TranscriptReader, EveryTimeFormAndRoleWordOfTheIssue) {
  const Read r = read_text(
      "2024-06-18T10:00:05+08:00 顾客: 在吗\n"
      "2024年6月18日 10:00:35 客服01: 亲，在的\n"
      "2024/6/18 10:01 顾客: 有货吗\n"
      "[2024-06-18T02:02:00Z] 客服01: 亲，有的\n"
      "10:03:00 顾客: 好\n"
      "[10:03:30] 【系统】 买家已付款\n");
  ASSERT_EQ(r.conversations.size(), 1u) << notes_text(r.notes);
  const auto& c = r.conversations[0];
  EXPECT_EQ(speakers(c), "BABABS");
  const std::int64_t expected[] = {0, 30, 55, 115, 175, 205};
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_TRUE(c[i].has_time) << i;
    EXPECT_EQ(c[i].time - c[0].time, expected[i]) << i;
  }
  EXPECT_EQ(c[5].text, "买家已付款");
  EXPECT_TRUE(r.notes.empty()) << notes_text(r.notes);
}

// --agent / --buyer take comma-separated lists (ASCII or full-width commas) and settle names
// that would otherwise be guessed, with no note.
TEST(TranscriptReader, AgentAndBuyerListsSettleEveryName) {
  const Read r = read_text(
      "[10:00:00] 小萌: 亲，在的\n[10:00:10] 张三: 在吗\n[10:00:20] 小美: 亲，您说\n[10:00:30] "
      "张三: 好\n",
      "小萌，小美", "张三");
  ASSERT_EQ(r.conversations.size(), 1u);
  EXPECT_EQ(speakers(r.conversations[0]), "ABAB");
  EXPECT_EQ(r.buyers[0], "张三");
  EXPECT_TRUE(r.notes.empty()) << notes_text(r.notes);
}

TEST(TranscriptReader, JsonMessagesConversationsAndBareArrays) {
  const Read one = read_json(
      R"({"messages":[{"time":"2024-06-18 10:00:00","from":"buyer","text":"在吗"},)"
      R"({"time":"2024-06-18T02:00:30Z","from":"agent","name":"小萌","text":"亲，\"在的\""},)"
      R"({"time":1718676060,"from":"system","text":"买家已下单"}]})");
  ASSERT_TRUE(one.errors.empty()) << join_errors(one.errors);
  ASSERT_EQ(one.conversations.size(), 1u);
  const auto& c = one.conversations[0];
  EXPECT_EQ(speakers(c), "BAS");
  EXPECT_EQ(c[1].text, "亲，\"在的\"");
  EXPECT_EQ(c[1].time - c[0].time, 30);  // 02:00:30Z is 10:00:30 Beijing
  EXPECT_EQ(c[2].time - c[0].time, 60);  // unix seconds
  const Read many = read_json(
      R"({"conversations":[{"messages":[{"from":"buyer","text":"a"}]},{"messages":[{"from":"agent","text":"b"}]}]})");
  EXPECT_EQ(many.conversations.size(), 2u);
  const Read bare = read_json(R"([{"from":"buyer","text":"a"},{"from":"客服","text":"b"}])");
  ASSERT_EQ(bare.conversations.size(), 1u);
  EXPECT_EQ(speakers(bare.conversations[0]), "BA");
}

TEST(TranscriptReader, JsonErrorsNameThePlace) {
  const Read bad =
      read_json("{\"messages\": [\n  {\"from\": \"buyer\", \"text\": \"a\"},\n  {\"from\": }\n]}");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].code, "transcript.E310");
  EXPECT_EQ(bad.errors[0].line, 3);
  const Read odd = read_json(R"({"messages":[{"from":"robot","text":"a"},{"from":"buyer"}]})");
  ASSERT_EQ(odd.notes.size(), 2u);
  EXPECT_EQ(odd.notes[0].to_string(),
            "[transcript.E304] transcript /messages/0/from: \"from\" must be buyer, agent or "
            "system; read as the buyer");
  EXPECT_EQ(
      odd.notes[1].to_string(),
      "[transcript.E311] transcript /messages/1: a message needs a \"text\" string; left out");
  const Read deep = read_json(std::string(100, '[') + std::string(100, ']'));
  ASSERT_EQ(deep.errors.size(), 1u);
  EXPECT_EQ(deep.errors[0].code, "transcript.E310");
}

TEST(TranscriptReader, LooksLikeJson) {
  EXPECT_TRUE(looks_like_json("  {\"messages\":[]}"));
  EXPECT_TRUE(looks_like_json("[{\"text\":\"a\"}]"));
  EXPECT_FALSE(looks_like_json("[2024-06-18 10:00:00] 买家: 在吗"));
  EXPECT_FALSE(looks_like_json("G: 在吗"));
}

}  // namespace
}  // namespace kefu
