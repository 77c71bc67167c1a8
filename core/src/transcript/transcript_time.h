// The times a chat export writes before a message, read as Beijing wall-clock time (UTC+8, no
// DST): `2024-06-18 10:00:01`, `2024/6/18 10:00`, `2024年6月18日 10:00:01`, ISO 8601 with `T`
// and an optional offset (converted to +08:00), or a bare `10:00:01` / `10:00`.
// Kept inside transcript/ because a message time is a prefix of a line, not a whole value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kefu {

struct ClockTime {
  bool has_date = false;
  std::int64_t day = 0;        // days since 1970-01-01 (Beijing), when has_date
  std::int32_t second = 0;     // second of the day, 0..86399
};

enum class TimeRead { kNone, kOk, kInvalid };

// Reads a time at the start of `s`. kOk: `used` bytes were a time. kInvalid: it has the shape of
// a time but impossible values (25:61, 2月30日); `error` says which. kNone: not a time at all.
TimeRead read_time_prefix(std::string_view s, ClockTime& out, std::size_t& used, std::string& error);

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
// "10:00:05" or "2024-06-18 10:00:05"
std::string format_clock(const ClockTime& t);
// "6分05秒", "45秒", "1小时02分"
std::string format_duration(std::int64_t seconds);

}  // namespace kefu
