// The streamed transcript (kefu::TranscriptStream, what the CLI uses): any split of the input
// gives the bytes kefu::transcript gives, and memory is one conversation and one piece, never
// the file (issue 3: "a 50 MB export is checked in bounded memory").
#include "kefu/transcript_stream.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "transcript/transcript_reader.h"

namespace kefu {
namespace {

Options with(Format format, const std::string& platform = "taobao") {
  Options o;
  o.format = format;
  o.platform = platform;
  return o;
}

// Feeds `input` in pieces of the given sizes (cycled), draining the parts after every piece
// as the CLI does, and puts the report together.
Output streamed(const std::string& input, const Options& o, const std::vector<std::size_t>& sizes) {
  TranscriptStream s(o);
  std::vector<std::string> parts(s.parts());
  std::size_t k = 0;
  for (std::size_t at = 0; at < input.size(); at += sizes[k++ % sizes.size()]) {
    s.feed(std::string_view(input).substr(at, sizes[k % sizes.size()]));
    for (std::size_t p = 0; p < parts.size(); ++p) parts[p] += s.take(p);
  }
  std::vector<std::string> after;
  Output out = s.finish(after);
  if (out.status == 2) {
    EXPECT_TRUE(after.empty());
    return out;
  }
  EXPECT_EQ(after.size(), parts.size());
  for (std::size_t p = 0; p < after.size(); ++p) out.out += parts[p] + s.take(p) + after[p];
  return out;
}

std::string golden_input(const std::string& name) {
  return test::read_file(test::source_path("tests/golden/transcript/" + name));
}

// A day's export of `conversations` short timed conversations.
std::string day_export(int conversations) {
  std::string s;
  char line[256];
  for (int c = 0; c < conversations; ++c) {
    const int t = 8 * 3600 + (c * 37) % (14 * 3600);
    std::snprintf(line, sizeof line,
                  "[2024-06-18 %02d:%02d:%02d] tb_%d: 在吗，这个有货吗\n"
                  "[2024-06-18 %02d:%02d:%02d] 松鼠铺子旗舰店:小萌: 亲，有货的，加我vx聊\n"
                  "收货地址：浙江省杭州市\n\n",
                  t / 3600, t / 60 % 60, t % 60, c, (t + 90) / 3600, (t + 90) / 60 % 60,
                  (t + 90) % 60);
    s += line;
  }
  return s;
}

TEST(TranscriptStream, AnySplitGivesTheWholeStringReport) {
  const std::vector<std::vector<std::size_t>> splits = {{1},        {2, 3}, {7},
                                                        {64, 1, 5}, {4096}, {1 << 20}};
  const std::pair<const char*, const char*> inputs[] = {{"day-export.txt", "taobao"},
                                                        {"seed002.txt", "taobao"},
                                                        {"kuaishou-rate.txt", "kuaishou"},
                                                        {"messages.json", "jd"},
                                                        {"nicknames.txt", "pdd"}};
  for (const auto& [name, platform] : inputs) {
    const std::string input = golden_input(name);
    for (Format f : {Format::kText, Format::kJson, Format::kCsv}) {
      const Output whole = transcript(input, with(f, platform));
      ASSERT_NE(whole.status, 2) << name << whole.err;
      for (const auto& sizes : splits) {
        const Output s = streamed(input, with(f, platform), sizes);
        EXPECT_EQ(s.status, whole.status) << name << " piece " << sizes[0];
        EXPECT_EQ(s.out, whole.out) << name << " piece " << sizes[0];
        EXPECT_EQ(s.err, whole.err) << name << " piece " << sizes[0];
      }
    }
  }
}

TEST(TranscriptStream, ByteOrderMarkAndJsonAreRecognisedWhenSplit) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string text =
      bom + "[2024-06-18 10:00:00] 买家: 在吗\n[2024-06-18 10:00:20] 客服: 在\n";
  const std::string json =
      bom + "  \n [ {\"from\":\"buyer\",\"text\":\"在吗\"},{\"from\":\"agent\",\"text\":\"在\"}]";
  for (const std::string& input : {text, json}) {
    const Output whole = transcript(input, with(Format::kJson));
    ASSERT_NE(whole.status, 2) << whole.err;
    EXPECT_NE(whole.out.find("\"agent_messages\": 1"), std::string::npos) << whole.out;
    EXPECT_EQ(streamed(input, with(Format::kJson), {1}).out, whole.out);
    EXPECT_EQ(streamed(input, with(Format::kJson), {2}).out, whole.out);
  }
  // Nothing but the start of a BOM and blanks: no message, in one piece or many.
  for (const std::string& input : {std::string("\xEF\xBB"), std::string(" \n \n")}) {
    EXPECT_EQ(streamed(input, with(Format::kText), {1}).err.rfind("[transcript.E312]", 0), 0u);
    EXPECT_EQ(transcript(input, with(Format::kText)).err.rfind("[transcript.E312]", 0), 0u);
  }
}

TEST(TranscriptStream, ErrorsReplaceTheReportAndNoPartIsKept) {
  // Bad JSON after a good start: exit 2 with the place, whatever the parts held.
  const Output bad = streamed("{\"messages\":[{\"from\":\"buyer\",\"text\":\"a\"},\n{\"from\":}]}",
                              with(Format::kJson), {5});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err.rfind("[transcript.E310] transcript:2:", 0), 0u) << bad.err;
  EXPECT_TRUE(nlohmann::json::accept(bad.out)) << bad.out;
  // A wrong format is a usage error before anything is read; the parts are none.
  TranscriptStream md(with(Format::kMarkdown));
  EXPECT_EQ(md.parts(), 0u);
  md.feed("买家: 在吗\n");
  std::vector<std::string> after;
  EXPECT_EQ(md.finish(after).err, "[usage.E002]: transcript prints text, json or csv\n");
  // Over the input limit, fed in pieces: the size is judged before the (unknown) platform.
  Options o = with(Format::kText);
  o.platform = "no-such-platform";
  TranscriptStream big(o);
  const std::string mib(1 << 20, 'a');
  for (std::size_t i = 0; i < (Limits::kMaxInputBytes >> 20); ++i) big.feed(mib);
  big.feed("a");
  EXPECT_EQ(big.finish(after).err,
            "[input.E103]: input is 67108865 bytes; the limit is 67108864\n");
}

class CountSink : public ConversationSink {
 public:
  void on_conversation(Conversation& c) override {
    ++conversations;
    messages += c.messages.size();
    for (const auto& m : c.messages) text_bytes += m.text.size();
  }
  std::size_t conversations = 0, messages = 0, text_bytes = 0;
};

// The reader keeps the open conversation and the unfinished piece: a 16 MB export fed in 64 KiB
// pieces never has more than a few pieces' worth in memory (it held the whole file before).
TEST(TranscriptStream, TheReaderHoldsOneConversationAndOnePieceNotTheFile) {
  std::string input;
  while (input.size() < (16u << 20)) input += day_export(1000);
  CountSink sink;
  Notes notes;
  TextTranscriptStream reader(RoleHints{}, sink, notes);
  constexpr std::size_t kPiece = 64 << 10;
  for (std::size_t at = 0; at < input.size(); at += kPiece)
    reader.feed(std::string_view(input).substr(at, kPiece));
  EXPECT_EQ(reader.finish(), sink.messages);
  EXPECT_GT(sink.conversations, 50000u);
  EXPECT_LT(reader.peak_buffer(), 2 * kPiece + 4096) << "bytes held at once";
  // Views survive the buffer moving under them: every text arrived whole (continuations included).
  CountSink whole;
  Notes notes2;
  read_text_transcript(input, RoleHints{}, whole, notes2);
  EXPECT_EQ(sink.text_bytes, whole.text_bytes);
  EXPECT_EQ(sink.conversations, whole.conversations);
}

// One conversation with no separator at all is checked in parts of 20,000 messages, so even then
// the reader holds one part, not the file.
TEST(TranscriptStream, AnExportWithNoSeparatorIsHeldOnePartAtATime) {
  std::string input;
  for (int i = 0; input.size() < (12u << 20); ++i)
    input += i % 2 ? "客服: 亲，好的呢，马上为您处理，请稍等一下\n"
                   : "买家: 在吗，我想问一下这个什么时候发货\n";
  CountSink sink;
  Notes notes;
  TextTranscriptStream reader(RoleHints{}, sink, notes);
  for (std::size_t at = 0; at < input.size(); at += 1 << 20)
    reader.feed(std::string_view(input).substr(at, 1 << 20));
  reader.finish();
  EXPECT_GT(sink.conversations, 10u);
  EXPECT_LT(reader.peak_buffer(),
            (20000u * 60) + (2u << 20));  // one part of ~55-byte lines and a piece
}

// Nicknames are remembered across conversations (an agent's stays an agent), but not without
// end: 100,000 buyers, each once, leave a bounded memory of names and every role right.
TEST(TranscriptStream, RememberedNicknamesStayBounded) {
  std::string input;
  for (int c = 0; c < 100000; ++c)
    input += "[10:00:00] buyer" + std::to_string(c) + ": 在吗\n[10:00:10] 小萌: 亲，在的\n\n";
  class Roles : public ConversationSink {
   public:
    void on_conversation(Conversation& c) override {
      ++n;
      wrong += c.messages.size() != 2 || c.messages[0].speaker != Speaker::kBuyer ||
               c.messages[1].speaker != Speaker::kAgent;
    }
    std::size_t n = 0, wrong = 0;
  } sink;
  Notes notes;
  TextTranscriptStream reader(RoleHints{}, sink, notes);
  reader.feed(input);
  reader.finish();
  EXPECT_EQ(sink.n, 100000u);
  EXPECT_EQ(sink.wrong, 0u);
  EXPECT_LE(reader.stats().most_names, 20000u);
}

// The report is handed out as it grows: after each piece, what the parts hold is taken, so the
// caller never needs the report whole.
TEST(TranscriptStream, TheReportIsHandedOutAsItGrows) {
  const std::string input = day_export(20000);  // ~2.6 MB
  for (Format f : {Format::kText, Format::kJson, Format::kCsv}) {
    TranscriptStream s(with(f));
    std::size_t largest = 0, total = 0;
    for (std::size_t at = 0; at < input.size(); at += 256 << 10) {
      s.feed(std::string_view(input).substr(at, 256 << 10));
      for (std::size_t p = 0; p < s.parts(); ++p) {
        const std::size_t n = s.take(p).size();
        largest = std::max(largest, n);
        total += n;
      }
    }
    std::vector<std::string> after;
    const Output out = s.finish(after);
    ASSERT_EQ(out.status, 1) << out.err;
    EXPECT_GT(total, 4 * input.size());  // the report is much larger than the export ...
    EXPECT_LT(largest * 8, total);       // ... but comes out a piece's findings at a time
  }
}

}  // namespace
}  // namespace kefu

namespace kefu {
namespace {

// JSON input is read when it ends, in finish(); with on_part the report still leaves a mebibyte
// at a time, and what was handed out plus what is left is the whole-string report.
TEST(TranscriptStream, OnPartHandsTheReportOverWhileAJsonExportIsRead) {
  std::string input = "{\"conversations\":[";
  for (int c = 0; c < 4000; ++c) {
    char conv[512];
    std::snprintf(conv, sizeof conv,
                  "%s{\"messages\":[{\"time\":\"2024-06-18 "
                  "10:%02d:00\",\"from\":\"buyer\",\"name\":\"tb_%d\",\"text\":\"在吗\"},"
                  "{\"time\":\"2024-06-18 "
                  "10:%02d:40\",\"from\":\"agent\",\"text\":\"嗯，加我vx聊，全网最低价\"}]}",
                  c ? "," : "", c % 60, c, c % 60);
    input += conv;
  }
  input += "]}";
  for (Format f : {Format::kText, Format::kJson, Format::kCsv}) {
    Options o;
    o.format = f;
    const Output whole = transcript(input, o);
    ASSERT_EQ(whole.status, 1) << whole.err;
    TranscriptStream s(o);
    std::vector<std::string> parts(s.parts());
    std::size_t handed = 0, largest = 0;
    s.on_part([&](std::size_t k, std::string text) {
      ++handed;
      largest = std::max(largest, text.size());
      parts[k] += text;
    });
    for (std::size_t at = 0; at < input.size(); at += 100000)
      s.feed(std::string_view(input).substr(at, 100000));
    std::vector<std::string> after;
    Output out = s.finish(after);
    EXPECT_GT(handed, 2u);
    EXPECT_LT(largest, 2u << 20);
    for (std::size_t k = 0; k < after.size(); ++k) out.out += parts[k] + s.take(k) + after[k];
    EXPECT_EQ(out.out, whole.out);
    EXPECT_EQ(out.err, whole.err);
  }
}

}  // namespace
}  // namespace kefu

namespace kefu {
namespace {

// Differential property: random exports built from awkward pieces (continuations, headers,
// blank lines, CRLF, BOM, bad times, control bytes, a lone JSON start, half characters), cut at
// random places, give exactly what the whole string gives.
TEST(TranscriptStream, RandomExportsCutAtRandomGiveTheWholeStringReport) {
  const char* const kPieces[] = {"[2024-06-18 10:00:00] tb_a: 在吗\n",
                                 "[10:00:30] 松鼠铺子旗舰店:小萌: 亲，您好，加我vx\n",
                                 "收货地址：杭州市西湖区文三路478号\n",
                                 "\n",
                                 "\n\n",
                                 "=== 会话 ===\n",
                                 "G: 多少钱\n",
                                 "K: 嗯\n",
                                 "[25:00:00] 客服: 坏时间\n",
                                 "10:05 tb_b: 拍错了，要重拍\n",
                                 "[10:40:00] [系统] 买家申请退款\n",
                                 "\r\n",
                                 "\xEF\xBB\xBF",
                                 "{",
                                 "[",
                                 "\xE4\xBD",
                                 "\x01\x02",
                                 "客服: 亲，本店订单一般48小时内发货，请耐心等待哦\n",
                                 "[2024-06-18 09:00:00] 买家: 时间倒退了\n",
                                 "Q: 是正品吗\n",
                                 "买家: 在吗",
                                 "一行没有冒号的文字\n"};
  constexpr std::size_t kCount = sizeof kPieces / sizeof kPieces[0];
  std::uint32_t x = 20261202;
  auto rnd = [&](std::uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 8) % n;
  };
  for (int round = 0; round < 150; ++round) {
    std::string input;
    const std::uint32_t n = 1 + rnd(60);
    for (std::uint32_t k = 0; k < n; ++k) input += kPieces[rnd(kCount)];
    const Format f = round % 3 == 0 ? Format::kJson : round % 3 == 1 ? Format::kText : Format::kCsv;
    const Output whole = transcript(input, with(f));
    std::vector<std::size_t> sizes;
    for (int k = 0; k < 8; ++k) sizes.push_back(1 + rnd(40));
    const Output s = streamed(input, with(f), sizes);
    ASSERT_EQ(s.status, whole.status) << "round " << round << "\n" << input;
    ASSERT_EQ(s.out, whole.out) << "round " << round << "\n" << input;
    ASSERT_EQ(s.err, whole.err) << "round " << round << "\n" << input;
  }
}

}  // namespace
}  // namespace kefu
