// Reads the times people and tools write for an order event, as one instant in Beijing time:
//   ISO 8601 with or without an offset   2024-06-18T10:00:00Z, 2024-06-18T10:00:00+08:00
//   the common Chinese forms             2024-06-18 10:00:00, 2024/6/18 10:00, 2024年6月18日 10:00
//   a date alone                         2024-06-18, 2024/6/18, 2024年6月18日 (means 23:59:59)
// A time without an offset is Beijing time, whatever the machine's zone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kefu::time {

struct ParsedTime {
  std::int64_t instant = 0;  // the instant; for a date alone, 23:59:59 Beijing time of that day
  bool date_only = false;
};

// False with `error` set to a sentence naming the bad part ("day 30 does not exist in 2024-02,
// which has 29 days") when the text is not one of the forms above or names an impossible time.
bool parse_time(std::string_view text, ParsedTime& out, std::string& error);
// The same, with the reason in Chinese as well (for messages shown in the Chinese interface).
bool parse_time(std::string_view text, ParsedTime& out, std::string& error, std::string& error_zh);

}  // namespace kefu::time
