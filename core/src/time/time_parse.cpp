#include "time/time_parse.h"

#include "time/civil.h"

namespace kefu::time {
namespace {

constexpr char kForms[] =
    "expected 2024-06-18 10:00:00, 2024/6/18 10:00, 2024年6月18日 10:00, a date alone, or ISO 8601 "
    "such as 2024-06-18T10:00:00+08:00";
constexpr char kFormsZh[] =
    "应写成 2024-06-18 10:00:00、2024/6/18 10:00、2024年6月18日 10:00、只写日期，或 ISO 8601（如 "
    "2024-06-18T10:00:00+08:00）";

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
    while (n < max && !done() && s_[i_] >= '0' && s_[i_] <= '9')
      value = value * 10 + (s_[i_++] - '0'), ++n;
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
  std::string ignored;
  return parse_time(text, out, error, ignored);
}

bool parse_time(std::string_view text, ParsedTime& out, std::string& error, std::string& error_zh) {
  // Every refusal in both languages: the order form and the CLI speak Chinese first.
  auto fail = [&](std::string en, std::string zh) {
    error = std::move(en);
    error_zh = std::move(zh);
    return false;
  };
  const std::string_view s = trim(text);
  if (s.empty()) return fail("empty; " + std::string(kForms), std::string("是空的；") + kFormsZh);
  Cursor c(s);
  CivilTime t;
  enum { kDash, kSlash, kHan } style;
  if (!c.number(4, 4, t.year))
    return fail(std::string("not a time; ") + kForms, std::string("不是时间；") + kFormsZh);
  if (c.eat_char('-'))
    style = kDash;
  else if (c.eat_char('/'))
    style = kSlash;
  else if (c.eat("年"))
    style = kHan;
  else
    return fail(std::string("not a time; ") + kForms, std::string("不是时间；") + kFormsZh);
  if (!c.number(1, 2, t.month))
    return fail(std::string("no month; ") + kForms, std::string("缺少月份；") + kFormsZh);
  const bool month_sep = style == kDash    ? c.eat_char('-')
                         : style == kSlash ? c.eat_char('/')
                                           : c.eat("月");
  if (!month_sep || !c.number(1, 2, t.day))
    return fail(std::string("no day; ") + kForms, std::string("缺少日；") + kFormsZh);
  if (style == kHan && !c.eat("日")) c.eat("号");

  bool has_time = false;
  std::int64_t offset = kBeijingOffset;
  if (!c.done()) {
    const bool t_sep = style == kDash && (c.eat_char('T') || c.eat_char('t'));
    const int gap = t_sep ? 0 : c.spaces();
    if (!t_sep && gap == 0 && style != kHan)
      return fail(std::string("unexpected text after the date; ") + kForms,
                  std::string("日期后有多余的文字；") + kFormsZh);
    if (!c.number(1, 2, t.hour) || !c.eat_char(':') || !c.number(2, 2, t.minute))
      return fail(std::string("the time of day is not HH:MM or HH:MM:SS; ") + kForms,
                  std::string("时刻不是 时:分 或 时:分:秒；") + kFormsZh);
    if (c.eat_char(':') && !c.number(2, 2, t.second))
      return fail(std::string("the seconds are not two digits; ") + kForms,
                  std::string("秒不是两位数字；") + kFormsZh);
    if (c.eat_char('.') ||
        c.eat_char(',')) {  // fractions of a second: deadlines count whole seconds
      int ignored = 0;
      if (!c.number(1, 9, ignored))
        return fail("no digits after the decimal point", "小数点后没有数字");
    }
    has_time = true;
    if (c.eat_char('Z') || c.eat_char('z')) {
      offset = 0;
    } else if (c.peek() == '+' || c.peek() == '-') {
      const int sign = c.eat_char('-') ? -1 : (c.eat_char('+'), 1);
      int oh = 0, om = 0;
      if (!c.number(2, 2, oh)) return fail("the offset is not ±HH:MM", "时区偏移不是 ±时:分");
      if (c.eat_char(':') ? !c.number(2, 2, om) : (!c.done() && !c.number(2, 2, om)))
        return fail("the offset is not ±HH:MM", "时区偏移不是 ±时:分");
      if (oh > 14 || om > 59)
        return fail(std::string("offset ") + (sign < 0 ? "-" : "+") + two(oh) + ":" + two(om) +
                        " does not exist (at most ±14:00)",
                    std::string("时区偏移 ") + (sign < 0 ? "-" : "+") + two(oh) + ":" + two(om) +
                        " 不存在（最多 ±14:00）");
      offset = sign * (oh * 3600 + om * 60);
    }
    if (!c.done())
      return fail(std::string("unexpected text after the time; ") + kForms,
                  std::string("时刻后有多余的文字；") + kFormsZh);
  }

  const std::string y = std::to_string(t.year), m = std::to_string(t.month);
  if (t.year < 1970) return fail("year " + y + " is before 1970", y + "年早于1970年");
  if (t.month < 1 || t.month > 12) return fail("month " + m + " does not exist", "没有" + m + "月");
  const int dim = days_in_month(t.year, t.month);
  if (t.day < 1 || t.day > dim)
    return fail("day " + std::to_string(t.day) + " does not exist in " + y + "-" + two(t.month) +
                    ", which has " + std::to_string(dim) + " days",
                y + "年" + m + "月没有" + std::to_string(t.day) + "日（这个月只有" +
                    std::to_string(dim) + "天）");
  if (t.hour > 23)
    return fail("hour " + std::to_string(t.hour) + " does not exist (00–23)",
                "没有" + std::to_string(t.hour) + "时（00–23）");
  if (t.minute > 59)
    return fail("minute " + std::to_string(t.minute) + " does not exist (00–59)",
                "没有" + std::to_string(t.minute) + "分（00–59）");
  if (t.second > 59)
    return fail("second " + std::to_string(t.second) + " does not exist (00–59)",
                "没有" + std::to_string(t.second) + "秒（00–59）");

  if (!has_time) t.hour = 23, t.minute = 59, t.second = 59;
  out.instant = unix_from_beijing(t) + kBeijingOffset - offset;
  out.date_only = !has_time;
  return true;
}

}  // namespace kefu::time
