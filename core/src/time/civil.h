// Civil-date arithmetic of our own (proleptic Gregorian), so that deadlines never depend on the
// host's time-zone database: the wasm build has none, and a machine set to New York must give
// the same due times as one in Shanghai. Beijing time is UTC+8 with no DST since 1991.
#pragma once

#include <cstdint>
#include <string>

namespace kefu::time {

inline constexpr std::int64_t kBeijingOffset = 8 * 3600;
inline constexpr std::int64_t kDay = 86400;

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// Days since 1970-01-01 for a valid date, and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);

// Instants are Unix seconds; civil times are read and written in Beijing time.
std::int64_t unix_from_beijing(const CivilTime& c);
CivilTime beijing_from_unix(std::int64_t instant);

// 23:59:59 Beijing time of the day `days_after` days after the Beijing day of `instant`.
std::int64_t end_of_beijing_day(std::int64_t instant, std::int64_t days_after = 0);
std::int64_t start_of_beijing_day(std::int64_t instant);

std::string format_iso_beijing(std::int64_t instant);    // 2024-06-18T10:00:00+08:00
std::string format_plain_beijing(std::int64_t instant);  // 2024-06-18 10:00:00

}  // namespace kefu::time
