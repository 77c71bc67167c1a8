#include "transcript/transcript_time.h"

#include <cstdio>

#include "time/civil.h"

namespace kefu {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at `i`; returns the count read (0: none).
std::size_t read_number(std::string_view s, std::size_t i, std::size_t max, int& value) {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && n < max && digit(s[i + n])) value = value * 10 + (s[i + n++] - '0');
  return n;
}

bool starts_with(std::string_view s, std::size_t i, std::string_view p) {
  return s.size() >= i + p.size() && s.compare(i, p.size(), p) == 0;
}

// H:MM[:SS][.fff] at i; returns bytes used, 0 if not a clock.
std::size_t read_clock(std::string_view s, std::size_t i, int& h, int& mi, int& sec) {
  std::size_t at = i;
  std::size_t n = read_number(s, at, 2, h);
  if (n == 0) return 0;
  at += n;
  if (at >= s.size() || s[at] != ':') return 0;
  ++at;
  if (read_number(s, at, 2, mi) != 2) return 0;
  at += 2;
  sec = 0;
  if (at < s.size() && s[at] == ':') {
    if (read_number(s, at + 1, 2, sec) != 2) return 0;
    at += 3;
    if (at < s.size() && s[at] == '.') {  // fractions of a second are dropped
      int ignored;
      std::size_t f = read_number(s, at + 1, 9, ignored);
      if (f > 0) at += 1 + f;
    }
  }
  if (at < s.size() && digit(s[at])) return 0;  // 10:000 is not a clock
  return at - i;
}

// Z, +08:00, +0800, -05:00 → seconds east of UTC; returns bytes used.
std::size_t read_offset(std::string_view s, std::size_t i, int& offset) {
  if (i < s.size() && s[i] == 'Z') {
    offset = 0;
    return 1;
  }
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return 0;
  int hh, mm = 0;
  if (read_number(s, i + 1, 2, hh) != 2) return 0;
  std::size_t at = i + 3;
  if (at < s.size() && s[at] == ':') ++at;
  if (read_number(s, at, 2, mm) == 2) at += 2;
  offset = (hh * 3600 + mm * 60) * (s[i] == '-' ? -1 : 1);
  return at - i;
}

}  // namespace

TimeRead read_time_prefix(std::string_view s, ClockTime& out, std::size_t& used,
                          std::string& error) {
  used = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  std::size_t at = 0;
  bool has_date = false;
  std::size_t n = read_number(s, 0, 4, y);
  if (n == 4 && s.size() > 4 && (s[4] == '-' || s[4] == '/')) {
    const char sep = s[4];
    std::size_t m1 = read_number(s, 5, 2, mo);
    if (m1 == 0 || 5 + m1 >= s.size() || s[5 + m1] != sep) return TimeRead::kNone;
    std::size_t d1 = read_number(s, 6 + m1, 2, d);
    if (d1 == 0) return TimeRead::kNone;
    at = 6 + m1 + d1;
    has_date = true;
  } else if (n == 4 && starts_with(s, 4, "年")) {
    std::size_t m1 = read_number(s, 7, 2, mo);
    if (m1 == 0 || !starts_with(s, 7 + m1, "月")) return TimeRead::kNone;
    std::size_t d1 = read_number(s, 10 + m1, 2, d);
    if (d1 == 0) return TimeRead::kNone;
    at = 10 + m1 + d1;
    if (starts_with(s, at, "日"))
      at += 3;
    else if (starts_with(s, at, "号"))
      at += 3;
    has_date = true;
  }
  if (has_date) {
    if (at < s.size() && (s[at] == ' ' || s[at] == 'T')) ++at;
    while (at < s.size() && s[at] == ' ') ++at;
  }
  std::size_t c = read_clock(s, at, h, mi, sec);
  if (c == 0) return TimeRead::kNone;  // a date alone does not time a message
  at += c;
  std::string shown(s.substr(0, at));
  if (has_date && (d < 1 || d > time::days_in_month(y, mo))) {
    error = "\"" + shown + "\" is not a date";
    return TimeRead::kInvalid;
  }
  if (h > 23 || mi > 59 || sec > 59) {
    error = "\"" + shown + "\" is not a time of day";
    return TimeRead::kInvalid;
  }
  std::int64_t day = has_date ? time::days_from_civil(y, mo, d) : 0;
  std::int64_t second = h * 3600 + mi * 60 + sec;
  int offset = 0;
  if (has_date) {
    std::size_t o = read_offset(s, at, offset);
    if (o > 0) {
      at += o;
      std::int64_t absolute = day * 86400 + second - offset + 8 * 3600;
      day = absolute >= 0 ? absolute / 86400 : (absolute - 86399) / 86400;
      second = absolute - day * 86400;
    }
  }
  out.has_date = has_date;
  out.day = day;
  out.second = static_cast<std::int32_t>(second);
  used = at;
  return TimeRead::kOk;
}

std::string format_clock(const ClockTime& t) {
  char buf[40];
  const int h = t.second / 3600, m = t.second / 60 % 60, s = t.second % 60;
  if (!t.has_date) {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
    return buf;
  }
  int y, mo, d;
  time::civil_from_days(t.day, y, mo, d);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, m, s);
  return buf;
}

std::string format_duration(std::int64_t seconds) {
  char buf[48];
  if (seconds < 60) {
    std::snprintf(buf, sizeof buf, "%lld秒", static_cast<long long>(seconds));
  } else if (seconds < 3600) {
    std::snprintf(buf, sizeof buf, "%lld分%02lld秒", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%lld小时%02lld分", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60));
  }
  return buf;
}

}  // namespace kefu
