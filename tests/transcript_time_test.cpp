// The message-time reader: every accepted form (docs/transcripts.md), offsets, impossible values.
#include "transcript/transcript_time.h"

#include <gtest/gtest.h>

namespace kefu {
namespace {

struct Read {
  TimeRead result;
  ClockTime t;
  std::size_t used;
  std::string error;
};

Read read(const std::string& s) {
  Read r{};
  r.result = read_time_prefix(s, r.t, r.used, r.error);
  return r;
}

TEST(TranscriptTime, Forms) {
  for (const char* s :
       {"2024-06-18 10:00:05 rest", "2024/6/18 10:00:05 rest", "2024年6月18日 10:00:05 rest",
        "2024-06-18T10:00:05 rest", "2024-06-18T02:00:05Z rest", "2024-06-18T10:00:05+08:00 rest",
        "2024-06-18 10:00:05.250 rest"}) {
    const Read r = read(s);
    ASSERT_EQ(r.result, TimeRead::kOk) << s;
    EXPECT_EQ(format_clock(r.t), "2024-06-18 10:00:05") << s;
    EXPECT_EQ(std::string(s).substr(r.used), " rest") << s;
  }
  const Read bare = read("9:05 买家");
  ASSERT_EQ(bare.result, TimeRead::kOk);
  EXPECT_FALSE(bare.t.has_date);
  EXPECT_EQ(bare.t.second, 9 * 3600 + 5 * 60);
  EXPECT_EQ(bare.used, 4u);
}

TEST(TranscriptTime, OffsetsCrossDays) {
  const Read r = read("2024-06-18T20:00:00-05:00");
  ASSERT_EQ(r.result, TimeRead::kOk);
  EXPECT_EQ(format_clock(r.t), "2024-06-19 09:00:00");
}

TEST(TranscriptTime, ImpossibleValuesAreNamed) {
  EXPECT_EQ(read("2024-02-30 10:00").error, "\"2024-02-30 10:00\" is not a date");
  EXPECT_EQ(read("2023-02-29 10:00").result, TimeRead::kInvalid);
  EXPECT_EQ(read("2024-02-29 10:00").result, TimeRead::kOk);
  EXPECT_EQ(read("24:00:00").error, "\"24:00:00\" is not a time of day");
  EXPECT_EQ(read("10:61").result, TimeRead::kInvalid);
}

TEST(TranscriptTime, NotTimesAtAll) {
  for (const char* s : {"买家: 10:00", "100:00", "10:000", "2024-06-18", "10点", ""})
    EXPECT_EQ(read(s).result, TimeRead::kNone) << s;
}

TEST(TranscriptTime, Durations) {
  EXPECT_EQ(format_duration(45), "45秒");
  EXPECT_EQ(format_duration(365), "6分05秒");
  EXPECT_EQ(format_duration(3720), "1小时02分");
}

}  // namespace
}  // namespace kefu
