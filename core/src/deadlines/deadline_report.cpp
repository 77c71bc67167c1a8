#include "deadlines/deadline_report.h"

#include <map>
#include <nlohmann/json.hpp>

#include "deadlines/order_facts.h"
#include "report/json_out.h"
#include "time/civil.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

bool zh(const std::string& lang) { return lang != "en"; }

std::string status_label(const std::string& s, const std::string& lang) {
  return vocab::deadline_status_title(s, zh(lang) ? "zh" : "en");
}

std::string platform_title(const std::string& name, const std::string& lang) {
  if (const vocab::Platform* p = vocab::find_platform(name))
    return (zh(lang) ? p->title : p->title_en) + " (" + name + ")";
  return name;
}

// Why the due time is what it is, for a rule that takes the shop's promise.
std::string basis_text(const Deadline& d, const std::string& lang) {
  const bool z = zh(lang);
  if (d.basis == "promised_ship_by")
    return z ? "按店铺承诺的发货时间" : "the shop's promised ship-by time";
  if (d.basis == "promised_ship_hours") {
    const std::int64_t h = (d.due - d.start) / 3600;
    return z ? "按店铺承诺的 " + std::to_string(h) + " 小时发货"
             : "the shop's promise to ship within " + std::to_string(h) + " h";
  }
  if (d.basis == "estimate")
    return z ? "估算：来源未给出该平台的默认发货时限，请填写店铺承诺的发货时间"
             : "an estimate: no source states this platform's default; enter the shop's promised "
               "ship time";
  if (d.basis == "platform_default")
    return z ? "平台默认时限（未填店铺承诺）" : "the platform default (no shop promise given)";
  return "";
}

std::string summary_line(const DeadlineAnswer& a) {
  const bool z = zh(a.lang);
  std::map<std::string, int> n;
  for (const auto& d : a.deadlines) ++n[d.status];
  std::string s = z ? "共 " + std::to_string(a.deadlines.size()) + " 项时效"
                    : std::to_string(a.deadlines.size()) +
                          (a.deadlines.size() == 1 ? " deadline" : " deadlines");
  std::string parts;
  for (auto st : {"overdue", "due_soon", "pending", "met", "void"})
    if (n[st])
      parts +=
          (parts.empty() ? "" : " · ") + status_label(st, a.lang) + " " + std::to_string(n[st]);
  if (!parts.empty()) s += (z ? "：" : ": ") + parts;
  // The most urgent open clock first, so the line alone says what to do now.
  for (const auto& d : a.deadlines)
    if (d.status == "overdue" && d.closed_by.empty()) {
      s += z ? "；最早超时：" + d.rule->title
             : "; overdue first: " + (d.rule->title_en.empty() ? d.rule->title : d.rule->title_en);
      return s;
    }
  for (const auto& d : a.deadlines)
    if (d.status == "due_soon" || d.status == "pending") {
      s += z ? "；最近到期：" + d.rule->title + "，" + left_text(d, a.lang)
             : "; next due: " + (d.rule->title_en.empty() ? d.rule->title : d.rule->title_en) +
                   ", " + left_text(d, a.lang);
      break;
    }
  return s;
}

}  // namespace

std::string countdown_text(std::int64_t seconds, const std::string& lang) {
  if (seconds < 0) seconds = -seconds;
  const std::int64_t days = seconds / 86400, hours = seconds / 3600 % 24,
                     minutes = seconds / 60 % 60, secs = seconds % 60;
  const bool z = zh(lang);
  const std::string d = std::to_string(days) + (z ? "天" : " d "),
                    h = std::to_string(hours) + (z ? "小时" : " h "),
                    m = std::to_string(minutes) + (z ? "分" : " min"),
                    s = std::to_string(secs) + (z ? "秒" : " s");
  if (days) return d + h + m;
  if (hours) return h + m;
  if (minutes) return m + (z ? "" : " ") + s;
  return s;
}

std::string left_text(const Deadline& d, const std::string& lang) {
  const bool z = zh(lang);
  const std::string span = countdown_text(d.left_seconds, lang);
  if (d.status == "void") return z ? "不适用" : "void";
  if (d.status == "met") return z ? "提前 " + span + " 完成" : "met " + span + " early";
  if (!d.closed_by.empty()) return z ? "晚了 " + span : span + " late";
  if (d.left_seconds < 0) return z ? "已超时 " + span : "overdue by " + span;
  return z ? "还剩 " + span : span + " left";
}

std::string deadlines_text(const DeadlineAnswer& a) {
  const bool z = zh(a.lang);
  const std::string& own = z ? a.platform_title : a.platform_title_en;
  std::string s =
      (z ? "订单时效 · " : "Order deadlines · ") +
      (own.empty() ? platform_title(a.platform, a.lang) : own + " (" + a.platform + ")") +
      (z ? " · 现在 " : " · now ") + time::format_plain_beijing(a.now) +
      (z ? "（北京时间）\n" : " (Beijing time)\n");
  s += summary_line(a) + "\n";
  for (const auto& w : a.warnings) s += (z ? "注意：" : "Note: ") + w.message + "\n";
  if (a.deadlines.empty()) s += z ? "没有正在计时的时效。\n" : "No deadline runs on these facts.\n";
  for (const auto& d : a.deadlines) {
    const DeadlineRule& r = *d.rule;
    const std::string title = z || r.title_en.empty() ? r.title : r.title_en;
    const std::string at = d.closed_by.empty()
                               ? ""
                               : (z ? "（" : " (") + event_title(d.closed_by, a.lang) + " " +
                                     time::format_plain_beijing(d.closed_at) + (z ? "）" : ")");
    s += "\n" + time::format_plain_beijing(d.due) + "  [" + status_label(d.status, a.lang) + "] " +
         title + " (" + r.kind + ")  " + left_text(d, a.lang) + at + "\n";
    s += (z ? "    起算：" : "    starts: ") + event_title(d.starts_from, a.lang) + " " +
         time::format_plain_beijing(d.start);
    if (!d.basis.empty()) s += (z ? " · 时限：" : " · limit: ") + basis_text(d, a.lang);
    s += "\n";
    const std::string consequence =
        z || r.consequence_en.empty() ? r.consequence : r.consequence_en;
    s += (z ? "    后果：" : "    consequence: ") + consequence +
         (z ? " · 处罚：" : " · penalty: ") +
         (r.penalty.empty() ? (z ? "无" : "none") : r.penalty) + "\n";
    s += (z ? "    规则：" : "    rule: ") + r.id + (z ? " · 依据：" : " · source: ") + r.source +
         "\n";
  }
  if (!a.waiting.empty()) {
    // Grouped by the event that would start them: 填写「付款时间」会开始：发货时限、…
    std::vector<std::pair<std::string, std::string>> groups;
    for (const auto& w : a.waiting) {
      const std::string title = z || w.rule->title_en.empty() ? w.rule->title : w.rule->title_en;
      auto it = groups.begin();
      while (it != groups.end() && it->first != w.needs) ++it;
      if (it == groups.end())
        groups.emplace_back(w.needs, title);
      else
        it->second += (z ? "、" : ", ") + title;
    }
    s += z ? "\n尚未开始计时（发生下列事件后开始）：\n"
           : "\nNot started yet (these events would start them):\n";
    for (const auto& [event, titles] : groups)
      s += "    " + field_title("/events/" + event, a.lang) + " (" + event + ") → " + titles + "\n";
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
    e["left_text"] = left_text(d, a.lang);
    if (!d.basis.empty()) {
      e["basis"] = d.basis;
      e["basis_text"] = basis_text(d, a.lang);
    }
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
  j["summary_text"] = summary_line(a);
  nlohmann::ordered_json waiting = nlohmann::ordered_json::array();
  for (const auto& w : a.waiting) {
    nlohmann::ordered_json e;
    e["kind"] = w.rule->kind;
    e["rule"] = w.rule->id;
    e["title"] = w.rule->title;
    if (!w.rule->title_en.empty()) e["title_en"] = w.rule->title_en;
    e["needs"] = w.needs;
    e["needs_text"] = field_title("/events/" + w.needs, a.lang);
    waiting.push_back(std::move(e));
  }
  j["waiting"] = std::move(waiting);
  j["warnings"] = nlohmann::ordered_json::array();
  for (const auto& w : a.warnings) j["warnings"].push_back(w.to_json());
  return dump_json(j);
}

}  // namespace kefu
