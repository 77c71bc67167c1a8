#include "deadlines/order_facts.h"

#include <nlohmann/json.hpp>

#include "pack/pack.h"
#include "time/civil.h"
#include "time/time_parse.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

const char kFile[] = "facts";

// Events that cannot precede another: {earlier, later, why}. Equal times are allowed (a
// payment in the same second as the order). Listed in the order the events usually happen.
struct Precedence {
  const char* earlier;
  const char* later;
};
const Precedence kPrecedences[] = {
    {"ordered", "terms_changed"},
    {"ordered", "paid"},
    {"terms_changed", "paid"},
    {"paid", "grouped"},
    {"ordered", "shipped"},
    {"paid", "shipped"},
    {"shipped", "received"},
    {"paid", "refund_requested"},
    {"refund_requested", "refund_refused"},
    {"refund_requested", "refund_agreed"},
    {"refund_requested", "return_shipped"},
    {"refund_agreed", "return_shipped"},
    {"ordered", "trade_success"},
    {"paid", "trade_success"},
    {"shipped", "trade_success"},
    {"ordered", "invoice_requested"},
    {"ordered", "complaint"},
    {"refund_requested", "pickup_agreed_day"},
    {"ordered", "verified"},
};

// Names of the fields as the order form shows them, so an error says which box is wrong.
struct FieldName {
  const char* key;
  const char* zh;
  const char* en;
  const char* event_zh;  // the event itself, for "起算：付款 …"
};
const FieldName kFields[] = {
    {"ordered", "下单时间", "order time", "下单"},
    {"terms_changed", "修改交易条件时间", "terms-changed time", "修改交易条件"},
    {"paid", "付款时间", "payment time", "付款"},
    {"grouped", "成团时间", "group-formed time", "成团"},
    {"shipped", "发货时间", "shipping time", "发货"},
    {"received", "签收时间", "receipt time", "签收"},
    {"refund_requested", "申请退款时间", "refund-request time", "申请退款"},
    {"refund_refused", "拒绝退款时间", "refund-refusal time", "拒绝退款"},
    {"refund_agreed", "同意退款时间", "refund-agreed time", "同意退款"},
    {"return_shipped", "买家寄回时间", "return-shipped time", "买家寄回"},
    {"trade_success", "交易成功时间", "trade-success time", "交易成功"},
    {"invoice_requested", "申请发票时间", "invoice-request time", "申请发票"},
    {"complaint", "投诉时间", "complaint time", "投诉"},
    {"pickup_agreed_day", "约定上门日期", "agreed pickup day", "约定上门日"},
    {"verified", "核对订单时间", "order-verified time", "核对订单"},
    {"presale_ship_by", "预售约定发货时间", "presale ship-by time", "预售约定发货"},
    {"promised_ship_hours", "承诺发货时长（小时）", "promised ship hours", "承诺发货时长"},
    {"promised_ship_by", "承诺发货时间", "promised ship-by time", "承诺发货时间"},
    {"now", "当前时间", "current time", "当前时间"},
    {"platform", "平台", "platform", "平台"},
    {"shipping", "物流方式", "shipping method", "物流方式"},
    {"events", "订单事件", "order events", "订单事件"},
    {"return_required", "退款需退货", "return required", "退款需退货"},
    {"vat_invoice", "增值税专用发票", "VAT invoice", "增值税专用发票"},
    {"invoice_committed", "已承诺开票时间", "invoice committed", "已承诺开票时间"},
};

const FieldName* find_field(std::string_view key) {
  for (const auto& f : kFields)
    if (key == f.key) return &f;
  return nullptr;
}

bool zh(const std::string& lang) { return lang != "en"; }
std::string pick(const std::string& lang, std::string in_zh, std::string in_en) {
  return zh(lang) ? std::move(in_zh) : std::move(in_en);
}

std::string line_column_error(const nlohmann::json::parse_error& e, std::string_view text,
                              Error& out) {
  // nlohmann reports a byte position; people need line and column (in code points).
  std::size_t pos = e.byte > 0 ? e.byte - 1 : 0;
  if (pos > text.size()) pos = text.size();
  int line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n')
      ++line, column = 1;
    else if ((c & 0xC0) != 0x80)
      ++column;
  }
  out.line = line;
  out.column = column;
  std::string what = e.what();
  const auto colon = what.find(": ", what.find("parse error"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

bool read_flag(const nlohmann::json& j, const char* key, bool& out, std::vector<Error>& errors,
               const std::string& lang) {
  if (!j.contains(key) || j[key].is_null()) return true;
  if (!j[key].is_boolean()) {
    const std::string ptr = std::string("/") + key;
    errors.push_back(
        {"input.E301", kFile, ptr, 0, 0,
         pick(lang, field_title(ptr, lang) + " 只能是 true 或 false", "must be true or false")});
    return false;
  }
  out = j[key].get<bool>();
  return true;
}

bool read_time_field(const nlohmann::json& v, const std::string& pointer, std::int64_t& out,
                     std::vector<Error>& errors, const std::string& lang) {
  if (!v.is_string()) {
    errors.push_back({"input.E301", kFile, pointer, 0, 0,
                      pick(lang,
                           field_title(pointer, lang) +
                               " 要写成文字形式的时间，如 \"2024-06-18 10:00\"，不是 " + v.dump(),
                           "must be a time written as a string")});
    return false;
  }
  return read_fact_time(v.get<std::string>(), pointer, out, errors, lang);
}

// promised_ship_hours: a whole number of hours, as a listing offers them (24, 48, 72, 120 …).
bool read_promised_hours(const nlohmann::json& given, std::int64_t& out, std::vector<Error>& errors,
                         const std::string& lang) {
  constexpr std::int64_t kMaxHours = 366 * 24;  // a promise past a year is a typing slip
  // A form field sends "24": whole digits in a string are the same number, nothing else is.
  nlohmann::json v = given;
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (!s.empty() && s.size() <= 6 && s.find_first_not_of("0123456789") == std::string::npos)
      v = std::stoll(s);
  }
  if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > kMaxHours) {
    errors.push_back(
        {"input.E301", kFile, "/promised_ship_hours", 0, 0,
         pick(lang,
              field_title("/promised_ship_hours", lang) + " 要填 1 到 " +
                  std::to_string(kMaxHours) + " 的整数小时（如 24、48、72），不是 " + given.dump(),
              "must be a whole number of hours from 1 to " + std::to_string(kMaxHours) +
                  " (24, 48, 72 …), not " + given.dump())});
    return false;
  }
  out = v.get<std::int64_t>();
  return true;
}

}  // namespace

std::string field_title(std::string_view pointer, const std::string& lang) {
  std::string_view key = pointer;
  if (key.rfind("/events/", 0) == 0)
    key.remove_prefix(8);
  else if (!key.empty() && key[0] == '/')
    key.remove_prefix(1);
  const FieldName* f = find_field(key);
  if (!f) return std::string(pointer);
  return zh(lang) ? f->zh : f->en;
}

std::string event_title(std::string_view event, const std::string& lang) {
  const FieldName* f = find_field(event);
  if (!f) return std::string(event);
  return zh(lang) ? f->event_zh : std::string(event);
}

bool read_fact_time(const std::string& value, const std::string& pointer, std::int64_t& out,
                    std::vector<Error>& errors, const std::string& lang) {
  time::ParsedTime t;
  std::string why, why_zh;
  if (!time::parse_time(value, t, why, why_zh)) {
    // Cut at a code-point boundary: the value goes into a UTF-8 message.
    std::size_t cut = value.size() > 64 ? 64 : value.size();
    while (cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    const std::string shown = value.substr(0, cut) + (cut < value.size() ? "…" : "");
    errors.push_back(
        {"input.E302", kFile, pointer, 0, 0,
         pick(lang, field_title(pointer, lang) + " \"" + shown + "\" 不是有效时间：" + why_zh,
              "\"" + shown + "\" is not a valid time: " + why)});
    return false;
  }
  out = t.instant;
  return true;
}

bool read_order_facts(std::string_view json, OrderFacts& out, std::vector<Error>& errors,
                      const std::string& lang) {
  const std::size_t before = errors.size();
  if (json.size() > Limits::kMaxInputBytes) {
    errors.push_back({"input.E102", kFile, "", 0, 0,
                      "the facts are " + std::to_string(json.size()) + " bytes; the limit is " +
                          std::to_string(Limits::kMaxInputBytes)});
    return false;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json.begin(), json.end(), nullptr, true, false);
  } catch (const nlohmann::json::parse_error& e) {
    Error err{"input.E300", kFile, "", 0, 0, ""};
    const std::string why = line_column_error(e, json, err);
    err.message = pick(lang, "订单信息不是有效的 JSON：" + why, "not valid JSON: " + why);
    errors.push_back(err);
    return false;
  }
  if (!j.is_object()) {
    errors.push_back(
        {"input.E301", kFile, "", 0, 0,
         pick(lang, "订单信息要是一个 JSON 对象 {\"platform\", \"shipping\", \"events\": {...}}",
              "the order facts must be a JSON object {\"platform\", \"shipping\", \"events\": "
              "{...}}")});
    return false;
  }
  static const char* const kKnown[] = {"platform",
                                       "shipping",
                                       "presale_ship_by",
                                       "return_required",
                                       "vat_invoice",
                                       "invoice_committed",
                                       "now",
                                       "events",
                                       "promised_ship_hours",
                                       "promised_ship_by"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : kKnown) known |= it.key() == k;
    if (!known)
      errors.push_back({"input.E303", kFile, "/" + it.key(), 0, 0,
                        pick(lang, "未知字段 \"" + it.key() + "\"；", "unknown field; ") +
                            "the facts have platform, shipping, presale_ship_by, "
                            "promised_ship_hours, promised_ship_by, return_required, vat_invoice, "
                            "invoice_committed, now, events"});
  }
  if (j.contains("platform") && !j["platform"].is_null()) {
    if (!j["platform"].is_string())
      errors.push_back({"input.E301", kFile, "/platform", 0, 0,
                        pick(lang, "平台要写成文字，如 \"taobao\"", "must be a string")});
    else
      out.platform = j["platform"].get<std::string>();
  }
  if (j.contains("shipping") && !j["shipping"].is_null()) {
    bool known = false;
    if (j["shipping"].is_string())
      for (auto m : vocab::shipping_methods()) known |= j["shipping"].get<std::string>() == m;
    if (!known)
      errors.push_back({"input.E304", kFile, "/shipping", 0, 0,
                        pick(lang, "物流方式只能是 express（快递）、ems 或 surface（平邮），不是 ",
                             "must be express, ems or surface (平邮), not ") +
                            j["shipping"].dump()});
    else
      out.shipping = j["shipping"].get<std::string>();
  }
  read_flag(j, "return_required", out.return_required, errors, lang);
  read_flag(j, "vat_invoice", out.vat_invoice, errors, lang);
  read_flag(j, "invoice_committed", out.invoice_committed, errors, lang);
  // A blank form field is a field not given, as for the events below.
  auto given = [&](const char* key) {
    return j.contains(key) && !j[key].is_null() &&
           !(j[key].is_string() && j[key].get<std::string>().empty());
  };
  std::int64_t t = 0;
  if (given("presale_ship_by") &&
      read_time_field(j["presale_ship_by"], "/presale_ship_by", t, errors, lang))
    out.presale_ship_by = t;
  if (given("promised_ship_hours") &&
      read_promised_hours(j["promised_ship_hours"], t, errors, lang))
    out.promised_ship_hours = t;
  if (given("promised_ship_by") &&
      read_time_field(j["promised_ship_by"], "/promised_ship_by", t, errors, lang))
    out.promised_ship_by = t;
  if (out.promised_ship_hours && out.promised_ship_by)
    errors.push_back(
        {"input.E306", kFile, "/promised_ship_by", 0, 0,
         pick(lang, "承诺发货时长和承诺发货时间只能填一个（两者都填时不知道以哪个为准）",
              "give promised_ship_hours or promised_ship_by, not both (which one counts is not "
              "known)")});
  if (given("now") && read_time_field(j["now"], "/now", t, errors, lang)) out.now = t;
  if (j.contains("events") && !j["events"].is_null()) {
    const auto& ev = j["events"];
    if (!ev.is_object()) {
      errors.push_back({"input.E301", kFile, "/events", 0, 0,
                        pick(lang, "订单事件要写成 {\"事件\": \"时间\"} 的对象",
                             "must be an object of event: time")});
    } else {
      for (auto it = ev.begin(); it != ev.end(); ++it) {
        const std::string ptr = "/events/" + it.key();
        if (!vocab::is_order_event(it.key())) {
          std::string list;
          for (auto e : vocab::order_events()) list += (list.empty() ? "" : ", ") + std::string(e);
          errors.push_back({"input.E303", kFile, ptr, 0, 0,
                            pick(lang, "未知事件 \"" + it.key() + "\"；可用的事件：",
                                 "unknown event; expected one of: ") +
                                list});
          continue;
        }
        if (it.value().is_null() ||
            (it.value().is_string() && it.value().get<std::string>().empty()))
          continue;  // a blank form field: the event has not happened
        if (!read_time_field(it.value(), ptr, t, errors, lang)) continue;
        // An agreed day is a whole day, whatever time of it was written.
        out.events[it.key()] = it.key() == "pickup_agreed_day" ? time::end_of_beijing_day(t) : t;
      }
    }
  }
  if (errors.size() == before) check_event_order(out, errors, lang);
  return errors.size() == before;
}

void check_event_order(const OrderFacts& facts, std::vector<Error>& errors,
                       const std::string& lang) {
  for (const auto& p : kPrecedences) {
    const std::int64_t* earlier = facts.event(p.earlier);
    const std::int64_t* later = facts.event(p.later);
    if (!earlier || !later || *later >= *earlier) continue;
    const std::string ptr = std::string("/events/") + p.later;
    errors.push_back(
        {"input.E305", kFile, ptr, 0, 0,
         pick(lang,
              field_title(ptr, lang) + "（" + time::format_plain_beijing(*later) + "）早于" +
                  field_title(std::string("/events/") + p.earlier, lang) + "（" +
                  time::format_plain_beijing(*earlier) + "），不可能",
              std::string(p.later) + " (" + time::format_plain_beijing(*later) + ") is before " +
                  p.earlier + " (" + time::format_plain_beijing(*earlier) + ")")});
  }
  // A ship-by promise that ends before the order, the payment or 成团 (where the ship-by clock
  // starts) cannot be kept or broken.
  if (facts.promised_ship_by)
    for (const char* e : {"ordered", "paid", "grouped"})
      if (const std::int64_t* at = facts.event(e); at && *facts.promised_ship_by < *at) {
        errors.push_back(
            {"input.E305", kFile, "/promised_ship_by", 0, 0,
             pick(lang,
                  field_title("/promised_ship_by", lang) + "（" +
                      time::format_plain_beijing(*facts.promised_ship_by) + "）早于" +
                      field_title(std::string("/events/") + e, lang) + "（" +
                      time::format_plain_beijing(*at) + "），不可能",
                  "promised_ship_by (" + time::format_plain_beijing(*facts.promised_ship_by) +
                      ") is before " + e + " (" + time::format_plain_beijing(*at) + ")")});
        break;
      }
}

}  // namespace kefu
