#include "deadlines/deadline_report.h"

#include <nlohmann/json.hpp>

#include "report/json_out.h"
#include "time/civil.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

const char* status_label(const std::string& s) {
  if (s == "pending") return "进行中";
  if (s == "due_soon") return "即将到期";
  if (s == "overdue") return "已超时";
  if (s == "met") return "已完成";
  return "不适用";
}

std::string platform_title(const std::string& name) {
  for (const auto& p : vocab::platforms())
    if (p.name == name) return std::string(p.title) + " (" + name + ")";
  return name;
}

std::string state_text(const Deadline& d) {
  const std::string at = d.closed_by.empty() ? "" : d.closed_by + " " + time::format_plain_beijing(d.closed_at);
  if (d.status == "void") return "不适用（" + at + "）";
  if (d.status == "met") return "已完成（" + at + "，提前 " + countdown_text(d.left_seconds) + "）";
  if (!d.closed_by.empty()) return "已超时（" + at + "，晚了 " + countdown_text(-d.left_seconds) + "）";
  if (d.left_seconds < 0) return "已超时 " + countdown_text(-d.left_seconds);
  return "还剩 " + countdown_text(d.left_seconds);
}

}  // namespace

std::string countdown_text(std::int64_t seconds) {
  if (seconds < 0) seconds = -seconds;
  const std::int64_t days = seconds / 86400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60,
                     secs = seconds % 60;
  auto part = [](std::int64_t n, const char* unit) { return n ? std::to_string(n) + unit : std::string(); };
  if (days) return part(days, "天") + part(hours, "小时");
  if (hours) return part(hours, "小时") + part(minutes, "分钟");
  if (minutes) return part(minutes, "分钟") + part(secs, "秒");
  return std::to_string(secs) + "秒";
}

std::string deadlines_text(const DeadlineAnswer& a) {
  std::string s = "订单时效 · " + platform_title(a.platform) + " · 现在 " + time::format_plain_beijing(a.now) +
                  "（北京时间）\n";
  for (const auto& w : a.warnings) s += "注意：" + w.message + "\n";
  if (a.deadlines.empty()) return s + "没有正在计时的时效 (no deadline runs on these facts)\n";
  for (const auto& d : a.deadlines) {
    const DeadlineRule& r = *d.rule;
    s += "\n" + time::format_plain_beijing(d.due) + "  [" + status_label(d.status) + "] " + r.title + " (" +
         r.kind + ")  " + state_text(d) + "\n";
    s += "    起算：" + d.starts_from + " " + time::format_plain_beijing(d.start) + " · 后果：" + r.consequence +
         " · 处罚：" + (r.penalty.empty() ? "无" : r.penalty) + "\n";
    s += "    规则：" + r.id + " · 依据：" + r.source + "\n";
  }
  return s;
}

std::string deadlines_json(const DeadlineAnswer& a) {
  nlohmann::ordered_json j;
  j["platform"] = a.platform;
  j["now"] = time::format_iso_beijing(a.now);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  nlohmann::ordered_json summary;
  for (auto s : vocab::deadline_statuses()) summary[std::string(s)] = 0;
  for (const auto& d : a.deadlines) {
    const DeadlineRule& r = *d.rule;
    nlohmann::ordered_json e;
    e["kind"] = r.kind;
    e["rule"] = r.id;
    e["title"] = r.title;
    if (!r.title_en.empty()) e["title_en"] = r.title_en;
    e["party"] = r.party;
    e["starts_from"] = d.starts_from;
    e["start"] = time::format_iso_beijing(d.start);
    e["due"] = time::format_iso_beijing(d.due);
    e["status"] = d.status;
    e["left_seconds"] = d.left_seconds;
    if (!d.closed_by.empty()) {
      e["closed_by"] = d.closed_by;
      e["closed_at"] = time::format_iso_beijing(d.closed_at);
    }
    e["consequence"] = r.consequence;
    if (!r.consequence_en.empty()) e["consequence_en"] = r.consequence_en;
    e["penalty"] = r.penalty;
    e["source"] = r.source;
    if (!r.follows.empty()) e["follows"] = r.follows;
    list.push_back(std::move(e));
    summary[d.status] = summary[d.status].get<int>() + 1;
  }
  j["deadlines"] = std::move(list);
  j["summary"] = std::move(summary);
  j["warnings"] = nlohmann::ordered_json::array();
  for (const auto& w : a.warnings) j["warnings"].push_back(w.to_json());
  return dump_json(j);
}

}  // namespace kefu
