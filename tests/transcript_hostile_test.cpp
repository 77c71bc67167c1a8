// Broken and hostile transcripts end in a clear report naming the line, never a crash or a hang:
// binary junk, 200,000 lines with no separator, times going backwards, one enormous message.
#include <gtest/gtest.h>

#include "kefu/kefu.h"
#include "test_support.h"
#include "text/utf8.h"

namespace kefu {
namespace {

Output run(const std::string& text, Format format = Format::kText) {
  Options o;
  o.format = format;
  return transcript(text, o);
}

std::string junk(std::size_t n) {
  std::string s(n, '\0');
  std::uint32_t x = 12345;
  for (auto& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 23);
  }
  return s;
}

TEST(TranscriptHostile, BinaryJunkIsABadInputNamingTheFirstLine) {
  const Output out = run(junk(1 << 20));
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err.rfind("[transcript.E312] transcript:1: 这不是聊天记录，而是二进制数据：", 0),
            0u)
      << out.err.substr(0, 500);
  EXPECT_NE(out.err.find("[transcript.E301] transcript:1: "), std::string::npos)
      << out.err.substr(0, 500);
  EXPECT_LT(out.err.size(), 20000u);  // capped notes, not a line per junk line
  const Output json = run(junk(1 << 16), Format::kJson);
  EXPECT_EQ(json.status, 2);
  const auto doc = nlohmann::json::parse(json.out);  // valid JSON even for junk input
  EXPECT_EQ(doc["errors"][0]["code"], "transcript.E312");
}

// Random bytes now and then make a line that starts `K: ` — a message by the letter of the
// untimed form. A file that is mostly control bytes is still no transcript, and UTF-16 is named.
TEST(TranscriptHostile, JunkWithAStrayMessageLineIsStillBinary) {
  std::string text = junk(1 << 18);
  text.insert(text.size() / 2, "\nK: 亲，您好\n");
  const Output out = run(text, Format::kCsv);
  EXPECT_EQ(out.status, 2);
  EXPECT_TRUE(out.out.empty());
  EXPECT_EQ(out.err.rfind("[transcript.E312] transcript:", 0), 0u) << out.err.substr(0, 300);
  EXPECT_NE(out.err.find("binary data, not a transcript"), std::string::npos);
  const Output utf16 =
      run(std::string("\xFF\xFE[\x00"
                      "1\x00"
                      "0\x00:\x00",
                      10));
  EXPECT_EQ(utf16.status, 2);
  EXPECT_EQ(utf16.err.rfind("[transcript.E312] transcript:1: 这个文件是 UTF-16 编码", 0), 0u)
      << utf16.err;
  // A real export with one stray control byte is read as ever.
  const Output one = run("[10:00:00] 买家: 在吗\x01\n[10:00:20] 客服: 亲，在的呢，请问需要什么\n");
  EXPECT_NE(one.status, 2) << one.err;
}

TEST(TranscriptHostile, TwoHundredThousandLinesWithoutSeparator) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "这是一行没有分隔符的文字 " + std::to_string(i) + "\n";
  const Output out = run(text);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find("[transcript.E301] transcript:1: not a message"), std::string::npos);
  EXPECT_NE(out.err.find("[transcript.E301] transcript: and 199980 more like this"),
            std::string::npos)
      << out.err;

  // The same lines after one real message are its continuation: one long message, checked.
  const Output joined = run("[10:00:00] 客服: 亲，您好\n" + text);
  EXPECT_NE(joined.status, 2) << joined.err;
  EXPECT_NE(joined.out.find("1 段会话, 1 条消息"), std::string::npos) << joined.out.substr(0, 300);
}

TEST(TranscriptHostile, TimesGoingBackwardsAreNotedByLine) {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    char line[64];
    std::snprintf(line, sizeof line, "[2024-06-18 %02d:%02d:00] %s: 第%d条\n", 20 - i / 60 % 20,
                  59 - i % 60, i % 2 ? "客服" : "买家", i);
    text += line;
  }
  const Output out = run(text, Format::kJson);
  ASSERT_NE(out.status, 2) << out.err.substr(0, 300);
  EXPECT_NE(
      out.err.find(
          "[transcript.E302] transcript:2: time 2024-06-18 20:58:00 is earlier than the message "
          "before it (line 1); this message is left out of the time rules"),
      std::string::npos)
      << out.err.substr(0, 400);
  const auto doc = nlohmann::json::parse(out.out);
  EXPECT_EQ(doc["summary"]["messages"], 1000);
}

TEST(TranscriptHostile, OneEnormousMessageAndEmptyInput) {
  const Output big = run("买家: 在吗\n客服: " + std::string(5 << 20, 'a') + "\n");
  EXPECT_NE(big.status, 2) << big.err.substr(0, 300);
  const Output empty = run("");
  EXPECT_EQ(empty.status, 2);
  EXPECT_EQ(empty.err.rfind("[transcript.E312]", 0), 0u);
  const Output blank = run("\n\n   \n");
  EXPECT_EQ(blank.status, 2);
}

TEST(TranscriptHostile, AHugeConversationIsCheckedInParts) {
  std::string text;
  for (int i = 0; i < 50000; ++i)
    text += i % 2 ? "客服: 亲，好的呢，马上为您处理\n" : "买家: 在吗\n";
  Options o;
  o.format = Format::kJson;
  const Output out = transcript(text, o);
  ASSERT_NE(out.status, 2) << out.err.substr(0, 300);
  const auto doc = nlohmann::json::parse(out.out);
  EXPECT_EQ(doc["summary"]["messages"], 50000);
  EXPECT_EQ(doc["summary"]["conversations"], 3);
  EXPECT_NE(out.err.find(
                "[transcript.E305] transcript:20001: a conversation of more than 20000 messages is "
                "checked in parts; a new part starts here"),
            std::string::npos)
      << out.err.substr(0, 500);
}

TEST(TranscriptHostile, InvalidUtf8InAMessageIsAWarningWithItsLine) {
  const Output out =
      run("[10:00:00] 买家: 在吗\n[10:00:10] 客服: 亲，\xff\xfe在的呢，请问需要什么\n");
  EXPECT_NE(out.status, 2);
  EXPECT_NE(out.err.find("[input.E101] transcript:2: invalid UTF-8 byte 0xff"), std::string::npos)
      << out.err;
}

// Found by fuzz_transcript: a name holding a UTF-8-encoded surrogate (ED AE B6) passed the
// name check, and the conversation header printed it raw, so the report was not UTF-8. Overlong
// forms and code points past U+10FFFF are no names either.
TEST(TranscriptHostile, NamesThatAreNotWellFormedUtf8AreNoNames) {
  for (const std::string bad : {"\xed\xae\xb6", "\xe0\x80\xaf", "\xc0\xaf", "\xf4\x90\x80\x80"}) {
    const std::string input =
        "[10:00:00] 买家: 在吗\n[10:00:30] 客服: 亲，在的呢\n[10:01:00] 买" + bad + ": 好的\n";
    for (Format f : {Format::kText, Format::kJson, Format::kCsv}) {
      const Output out = run(input, f);
      EXPECT_NE(out.status, 2) << out.err;
      EXPECT_EQ(out.out.find(std::string("买") + bad), std::string::npos)
          << "the raw name was printed";
      EXPECT_EQ(decode_utf8(out.out).invalid_count, 0u) << "report is not valid UTF-8";
      EXPECT_NE(out.err.find("transcript:3:"), std::string::npos) << out.err;
    }
  }
}

TEST(TranscriptHostile, WrongFormatIsAUsageError) {
  Options o;
  o.format = Format::kMarkdown;
  const Output out = transcript("买家: 在吗", o);
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err, "[usage.E002]: transcript prints text, json or csv\n");
}

}  // namespace
}  // namespace kefu
