#include "time/time_parse.h"

#include "time/civil.h"

namespace kefu::time {
namespace {

constexpr char kForms[] =
    "expected 2024-06-18 10:00:00, 2024/6/18 10:00, 2024年6月18日 10:00, a date alone, or ISO 8601 "
    "such as 2024-06-18T10:00:00+08:00";

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  bool eat(std::string_view token) {
    if (s_.substr(i_, token.size()) != token) return false;
    i_ += token.size();
    return true;
  }
  bool eat_char(char c) { return !done() && s_[i_] == c ? (++i_, true) : false; }
  char peek() const { return done() ? '\0' : s_[i_]; }
  // Up to `max` digits, at least `min`; false when fewer.
  bool number(int min, int max, int& value) {
    int n = 0;
    value = 0;
    while (n < max && !done() && s_[i_] >= '0' && s_[i_] <= '9') value = value * 10 + (s_[i_++] - '0'), ++n;
    return n >= min;
  }
  int spaces() {
    int n = 0;
    while (!done() && s_[i_] == ' ') ++i_, ++n;
    return n;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

bool parse_time(std::string_view text, ParsedTime& out, std::string& error) {
  const std::string_view s = trim(text);
  if (s.empty()) {
    error = "empty; " + std::string(kForms);
    return false;
  }
  Cursor c(s);
  CivilTime t;
  enum { kDash, kSlash, kHan } style;
  if (!c.number(4, 4, t.year)) return error = std::string("not a time; ") + kForms, false;
  if (c.eat_char('-')) style = kDash;
  else if (c.eat_char('/')) style = kSlash;
  else if (c.eat("年")) style = kHan;
  else return error = std::string("not a time; ") + kForms, false;
  if (!c.number(1, 2, t.month)) return error = std::string("no month; ") + kForms, false;
  const bool month_sep = style == kDash ? c.eat_char('-') : style == kSlash ? c.eat_char('/') : c.eat("月");
  if (!month_sep || !c.number(1, 2, t.day)) return error = std::string("no day; ") + kForms, false;
  if (style == kHan && !c.eat("日")) c.eat("号");

  bool has_time = false;
  std::int64_t offset = kBeijingOffset;
  if (!c.done()) {
    const bool t_sep = style == kDash && (c.eat_char('T') || c.eat_char('t'));
    const int gap = t_sep ? 0 : c.spaces();
    if (!t_sep && gap == 0 && style != kHan) return error = std::string("unexpected text after the date; ") + kForms, false;
    if (!c.number(1, 2, t.hour) || !c.eat_char(':') || !c.number(2, 2, t.minute))
      return error = std::string("the time of day is not HH:MM or HH:MM:SS; ") + kForms, false;
    if (c.eat_char(':') && !c.number(2, 2, t.second))
      return error = std::string("the seconds are not two digits; ") + kForms, false;
    if (c.eat_char('.') || c.eat_char(',')) {  // fractions of a second: deadlines count whole seconds
      int ignored = 0;
      if (!c.number(1, 9, ignored)) return error = "no digits after the decimal point", false;
    }
    has_time = true;
    if (c.eat_char('Z') || c.eat_char('z')) {
      offset = 0;
    } else if (c.peek() == '+' || c.peek() == '-') {
      const int sign = c.eat_char('-') ? -1 : (c.eat_char('+'), 1);
      int oh = 0, om = 0;
      if (!c.number(2, 2, oh)) return error = "the offset is not ±HH:MM", false;
      if (c.eat_char(':') ? !c.number(2, 2, om) : (!c.done() && !c.number(2, 2, om)))
        return error = "the offset is not ±HH:MM", false;
      if (oh > 14 || om > 59)
        return error = std::string("offset ") + (sign < 0 ? "-" : "+") + two(oh) + ":" + two(om) +
                       " does not exist (at most ±14:00)", false;
      offset = sign * (oh * 3600 + om * 60);
    }
    if (!c.done()) return error = std::string("unexpected text after the time; ") + kForms, false;
  }

  if (t.year < 1970) return error = "year " + std::to_string(t.year) + " is before 1970", false;
  if (t.month < 1 || t.month > 12) return error = "month " + std::to_string(t.month) + " does not exist", false;
  const int dim = days_in_month(t.year, t.month);
  if (t.day < 1 || t.day > dim)
    return error = "day " + std::to_string(t.day) + " does not exist in " + std::to_string(t.year) + "-" +
                   two(t.month) + ", which has " + std::to_string(dim) + " days", false;
  if (t.hour > 23) return error = "hour " + std::to_string(t.hour) + " does not exist (00–23)", false;
  if (t.minute > 59) return error = "minute " + std::to_string(t.minute) + " does not exist (00–59)", false;
  if (t.second > 59) return error = "second " + std::to_string(t.second) + " does not exist (00–59)", false;

  if (!has_time) t.hour = 23, t.minute = 59, t.second = 59;
  out.instant = unix_from_beijing(t) + kBeijingOffset - offset;
  out.date_only = !has_time;
  return true;
}

}  // namespace kefu::time
