// Regression (fuzz_transcript): error lines quoted invalid input bytes verbatim — nlohmann's
// parse errors end with "last read: '...'" — so stderr was not UTF-8 although the JSON output
// replaced them. Every rendered error is now UTF-8, bad bytes read as U+FFFD.
#include <gtest/gtest.h>

#include "kefu/kefu.h"
#include "text/utf8.h"

namespace kefu {
namespace {

bool is_utf8(const std::string& s) { return decode_utf8(s).invalid_count == 0; }

TEST(RegressionErrorUtf8, PackSyntaxErrorQuotingABadByteIsUtf8) {
  Output out = validate("my.json", "{\"a\":\xb0}");
  EXPECT_EQ(out.status, 2);
  EXPECT_TRUE(is_utf8(out.err)) << out.err;
  EXPECT_NE(out.err.find("last read: '\"a\":\xEF\xBF\xBD'"), std::string::npos) << out.err;
}

TEST(RegressionErrorUtf8, TranscriptSyntaxErrorQuotingABadByteIsUtf8) {
  for (Format format : {Format::kText, Format::kJson}) {
    Options o;
    o.format = format;
    Output out = transcript(
        "{\"mes\":\xb0"
        "e\"",
        o);
    EXPECT_EQ(out.status, 2);
    EXPECT_TRUE(is_utf8(out.err)) << out.err;
    EXPECT_TRUE(is_utf8(out.out)) << out.out;
  }
}

TEST(RegressionErrorUtf8, FileNamesWithBadBytesAreUtf8Too) {
  Output out = validate("my\xff.json", "[]");
  EXPECT_EQ(out.err, "[pack.E101] my\xEF\xBF\xBD.json: a pack must be a JSON object\n");
}

}  // namespace
}  // namespace kefu
