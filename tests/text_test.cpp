#include <gtest/gtest.h>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

std::u32string U(const std::string& s) { return decode_utf8(s).chars; }
std::string S(std::u32string_view s) { return encode_utf8(s); }

TEST(Utf8, DecodesMixedWidthsAndRoundTrips) {
  const std::string s = "亲，加V信😀";
  DecodedText d = decode_utf8(s);
  EXPECT_EQ(d.chars.size(), 6u);
  EXPECT_EQ(d.invalid_count, 0u);
  EXPECT_EQ(encode_utf8(d.chars), s);
  EXPECT_EQ(utf16_length(d.chars), 7u);  // the emoji is a surrogate pair in JavaScript
}

TEST(Utf8, InvalidBytesBecomeReplacementCharactersAndAreReported) {
  // stray continuation, truncated 3-byte sequence, overlong '/', encoded surrogate, > U+10FFFF
  const std::string s =
      "a\x80"
      "b\xE4\xBD"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\xF4\x90\x80\x80";
  DecodedText d = decode_utf8(s);
  EXPECT_EQ(d.invalid.front().byte_offset, 1u);
  EXPECT_EQ(d.invalid.front().value, 0x80);
  EXPECT_EQ(d.invalid_count, 1u + 2u + 2u + 3u + 4u);
  EXPECT_EQ(d.chars[0], U'a');
  EXPECT_EQ(d.chars[1], 0xFFFDu);
  EXPECT_EQ(d.chars[2], U'b');
}

TEST(Utf8, ReportsAtMostTheFirstTwentyBadBytesButCountsAll) {
  DecodedText d = decode_utf8(std::string(1000, '\xFF'));
  EXPECT_EQ(d.invalid.size(), DecodedText::kMaxReported);
  EXPECT_EQ(d.invalid_count, 1000u);
  EXPECT_EQ(d.chars.size(), 1000u);
}

TEST(Normalize, FoldsWidthCaseCircledDigitsAndTraditional) {
  EXPECT_EQ(S(normalize_term(U("ＶＸ"))), "vx");
  EXPECT_EQ(S(normalize_term(U("Vx"))), "vx");
  EXPECT_EQ(S(normalize_term(U("①②３"))), "123");
  EXPECT_EQ(S(normalize_term(U("不開發票"))), "不开发票");
  EXPECT_EQ(S(normalize_term(U("淘寶天貓客服"))), "淘宝天猫客服");
}

TEST(Normalize, StripsSeparatorsAndEmojiAndCollapsesRepeats) {
  EXPECT_EQ(S(normalize_term(U("加-微-信"))), "加微信");
  EXPECT_EQ(S(normalize_term(U("不 知 道"))), "不知道");
  EXPECT_EQ(S(normalize_term(U("加😀微\u200B信"))), "加微信");
  EXPECT_EQ(S(normalize_term(U("嗯嗯嗯！"))), "嗯");
  EXPECT_EQ(S(normalize_term(U("100元"))), "100元") << "digits are not collapsed";
}

TEST(Normalize, MapsEveryMatchCharacterBackToItsOriginalRun) {
  const std::u32string original = U("亲，加 - 微微信😀");
  NormalizedText n = normalize(original);
  EXPECT_EQ(S(n.match), "亲加微信");
  EXPECT_EQ(n.folded.size(), original.size());
  // 微微 collapsed into one match character covering both originals.
  EXPECT_EQ(n.orig_begin[2], 6u);
  EXPECT_EQ(n.orig_end[2], 8u);
  // The span of 加微信 runs from 加 to 信 with the separators inside it.
  EXPECT_EQ(n.begin_of(1), 2u);
  EXPECT_EQ(n.end_of(4), 9u);
}

TEST(Normalize, ContentLengthIgnoresPunctuationAndEmojiButKeepsRepeats) {
  EXPECT_EQ(content_length(U("嗯嗯嗯😀！！")), 3u);
  EXPECT_EQ(content_length(U("  ")), 0u);
}

}  // namespace
}  // namespace kefu
