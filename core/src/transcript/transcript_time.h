// The times a chat export writes before a message, read as Beijing wall-clock time (UTC+8, no
// DST): `2024-06-18 10:00:01`, `2024/6/18 10:00`, `2024年6月18日 10:00:01`, ISO 8601 with `T`
// and an optional offset (converted to +08:00), or a bare `10:00:01` / `10:00`.
// time/time_parse.h reads whole values (and takes a date alone for 23:59:59); a message time is
// a prefix of a line and may be a bare clock, so it is read here, with time/civil.h's calendar.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kefu {

struct ClockTime {
  bool has_date = false;
  std::int64_t day = 0;     // days since 1970-01-01 (Beijing), when has_date
  std::int32_t second = 0;  // second of the day, 0..86399
};

enum class TimeRead { kNone, kOk, kInvalid };

// Reads a time at the start of `s`. kOk: `used` bytes were a time. kInvalid: it has the shape of
// a time but impossible values (25:61, 2月30日); `error` says which. kNone: not a time at all.
TimeRead read_time_prefix(std::string_view s, ClockTime& out, std::size_t& used,
                          std::string& error);

// "10:00:05" or "2024-06-18 10:00:05"
std::string format_clock(const ClockTime& t);
// "6分05秒", "45秒", "1小时02分"
std::string format_duration(std::int64_t seconds);

}  // namespace kefu
