// The time parser and the civil-date arithmetic: every accepted form, offsets, leap years, year
// ends, and every impossible value with its exact message.
#include "time/time_parse.h"

#include <gtest/gtest.h>

#include "time/civil.h"

namespace kefu::time {
namespace {

std::string iso(std::string_view text) {
  ParsedTime t;
  std::string error;
  if (!parse_time(text, t, error)) return "error: " + error;
  return format_iso_beijing(t.instant) + (t.date_only ? " (day)" : "");
}

TEST(TimeParse, EveryWrittenFormMeansTheSameInstant) {
  const char* forms[] = {
      "2024-06-18 10:00:00",      "2024-06-18 10:00",          "2024/6/18 10:00",
      "2024/06/18 10:00:00",      "2024年6月18日 10:00",       "2024年6月18日10:00",
      "2024年06月18号 10:00:00",  "2024-06-18T10:00:00",       "2024-06-18T10:00:00+08:00",
      "2024-06-18T02:00:00Z",     "2024-06-17T22:00:00-04:00", "2024-06-18T10:00:00.750+08:00",
      "2024-06-18T07:30:00+0530", "  2024-06-18 10:00:00\n"};
  for (const char* f : forms) EXPECT_EQ(iso(f), "2024-06-18T10:00:00+08:00") << f;
}

TEST(TimeParse, UnixValuesAreExact) {
  ParsedTime t;
  std::string e;
  ASSERT_TRUE(parse_time("1970-01-01T08:00:00+08:00", t, e));
  EXPECT_EQ(t.instant, 0);
  ASSERT_TRUE(parse_time("2024-01-01 00:00:00", t, e));
  EXPECT_EQ(t.instant, 1704038400);
}

TEST(TimeParse, ADateAloneMeansTheEndOfThatDay) {
  EXPECT_EQ(iso("2024-06-18"), "2024-06-18T23:59:59+08:00 (day)");
  EXPECT_EQ(iso("2024/6/18"), "2024-06-18T23:59:59+08:00 (day)");
  EXPECT_EQ(iso("2024年6月18日"), "2024-06-18T23:59:59+08:00 (day)");
  EXPECT_EQ(iso("2024-02-29"), "2024-02-29T23:59:59+08:00 (day)");
}

TEST(TimeParse, OffsetsCrossDaysAndYears) {
  EXPECT_EQ(iso("2024-12-31T16:00:00Z"), "2025-01-01T00:00:00+08:00");
  EXPECT_EQ(iso("2024-12-31T15:59:59Z"), "2024-12-31T23:59:59+08:00");
  EXPECT_EQ(iso("2024-02-28T20:00:00-05:00"), "2024-02-29T09:00:00+08:00");
  EXPECT_EQ(iso("2023-02-28T20:00:00-05:00"), "2023-03-01T09:00:00+08:00");
}

TEST(TimeParse, ImpossibleValuesNameThePartAndValue) {
  EXPECT_EQ(iso("2024年2月30日 10:00"),
            "error: day 30 does not exist in 2024-02, which has 29 days");
  EXPECT_EQ(iso("2023-02-29"), "error: day 29 does not exist in 2023-02, which has 28 days");
  EXPECT_EQ(iso("2100-02-29"), "error: day 29 does not exist in 2100-02, which has 28 days");
  EXPECT_EQ(iso("2024-04-31 10:00"), "error: day 31 does not exist in 2024-04, which has 30 days");
  EXPECT_EQ(iso("2024-13-01"), "error: month 13 does not exist");
  EXPECT_EQ(iso("2024-00-10"), "error: month 0 does not exist");
  EXPECT_EQ(iso("2024-06-00"), "error: day 0 does not exist in 2024-06, which has 30 days");
  EXPECT_EQ(iso("2024-06-18 25:00"), "error: hour 25 does not exist (00–23)");
  EXPECT_EQ(iso("2024-06-18 24:00:00"), "error: hour 24 does not exist (00–23)");
  EXPECT_EQ(iso("2024-06-18 10:60"), "error: minute 60 does not exist (00–59)");
  EXPECT_EQ(iso("2024-06-18 10:00:61"), "error: second 61 does not exist (00–59)");
  EXPECT_EQ(iso("2024-06-18T10:00:00+15:00"),
            "error: offset +15:00 does not exist (at most ±14:00)");
  EXPECT_EQ(iso("1969-12-31 10:00"), "error: year 1969 is before 1970");
}

TEST(TimeParse, TextThatIsNotATimeSaysWhatIsExpected) {
  const std::string forms =
      "expected 2024-06-18 10:00:00, 2024/6/18 10:00, 2024年6月18日 10:00, a date alone, or ISO "
      "8601 such as "
      "2024-06-18T10:00:00+08:00";
  EXPECT_EQ(iso("yesterday"), "error: not a time; " + forms);
  EXPECT_EQ(iso(""), "error: empty; " + forms);
  EXPECT_EQ(iso("2024-06-18 10"), "error: the time of day is not HH:MM or HH:MM:SS; " + forms);
  EXPECT_EQ(iso("2024-06-18 10:00 pm"), "error: unexpected text after the time; " + forms);
  EXPECT_EQ(iso("2024-06/18"), "error: no day; " + forms);
  EXPECT_EQ(iso("2024-06-18T10:00:00+8"), "error: the offset is not ±HH:MM");
  EXPECT_EQ(iso("20240618"), "error: not a time; " + forms);
}

TEST(Civil, MonthLengthsAndLeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2024, 12), 31);
  EXPECT_EQ(days_in_month(2024, 13), 0);
}

// Counting day by day from 1970 must agree with the closed-form conversion, both ways.
TEST(Civil, DaysFromCivilAgreesWithCountingDays) {
  std::int64_t n = 0;
  for (int y = 1970; y <= 2130; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= days_in_month(y, m); ++d, ++n) {
        ASSERT_EQ(days_from_civil(y, m, d), n) << y << "-" << m << "-" << d;
        int yy = 0, mm = 0, dd = 0;
        civil_from_days(n, yy, mm, dd);
        ASSERT_TRUE(yy == y && mm == m && dd == d) << n;
      }
}

TEST(Civil, EndOfDayCountsCivilDays) {
  ParsedTime t;
  std::string e;
  ASSERT_TRUE(parse_time("2024-02-27 10:00", t, e));
  EXPECT_EQ(format_iso_beijing(end_of_beijing_day(t.instant, 3)), "2024-03-01T23:59:59+08:00");
  ASSERT_TRUE(parse_time("2023-02-27 10:00", t, e));
  EXPECT_EQ(format_iso_beijing(end_of_beijing_day(t.instant, 3)), "2023-03-02T23:59:59+08:00");
  ASSERT_TRUE(parse_time("2024-12-29 23:59:59", t, e));
  EXPECT_EQ(format_iso_beijing(end_of_beijing_day(t.instant, 7)), "2025-01-05T23:59:59+08:00");
  // 00:30 Beijing is still the previous day in UTC: the Beijing day counts.
  ASSERT_TRUE(parse_time("2024-06-18T00:30:00+08:00", t, e));
  EXPECT_EQ(format_iso_beijing(end_of_beijing_day(t.instant)), "2024-06-18T23:59:59+08:00");
  EXPECT_EQ(format_plain_beijing(start_of_beijing_day(t.instant)), "2024-06-18 00:00:00");
}

}  // namespace
}  // namespace kefu::time
