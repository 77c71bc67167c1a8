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
    {"ordered", "terms_changed"},      {"ordered", "paid"},
    {"terms_changed", "paid"},
    {"paid", "grouped"},               {"ordered", "shipped"},
    {"paid", "shipped"},               {"shipped", "received"},
    {"paid", "refund_requested"},      {"refund_requested", "refund_refused"},
    {"refund_requested", "refund_agreed"}, {"refund_requested", "return_shipped"},
    {"refund_agreed", "return_shipped"},   {"ordered", "trade_success"},
    {"paid", "trade_success"},         {"shipped", "trade_success"},
    {"ordered", "invoice_requested"},  {"ordered", "complaint"},
    {"refund_requested", "pickup_agreed_day"},
};

std::string line_column_error(const nlohmann::json::parse_error& e, std::string_view text, Error& out) {
  // nlohmann reports a byte position; people need line and column (in code points).
  std::size_t pos = e.byte > 0 ? e.byte - 1 : 0;
  if (pos > text.size()) pos = text.size();
  int line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') ++line, column = 1;
    else if ((c & 0xC0) != 0x80) ++column;
  }
  out.line = line;
  out.column = column;
  std::string what = e.what();
  const auto colon = what.find(": ", what.find("parse error"));
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

bool read_flag(const nlohmann::json& j, const char* key, bool& out, std::vector<Error>& errors) {
  if (!j.contains(key) || j[key].is_null()) return true;
  if (!j[key].is_boolean()) {
    errors.push_back({"input.E301", kFile, std::string("/") + key, 0, 0, "must be true or false"});
    return false;
  }
  out = j[key].get<bool>();
  return true;
}

bool read_time_field(const nlohmann::json& v, const std::string& pointer, std::int64_t& out,
                     std::vector<Error>& errors) {
  if (!v.is_string()) {
    errors.push_back({"input.E301", kFile, pointer, 0, 0, "must be a time written as a string"});
    return false;
  }
  return read_fact_time(v.get<std::string>(), pointer, out, errors);
}

}  // namespace

bool read_fact_time(const std::string& value, const std::string& pointer, std::int64_t& out,
                    std::vector<Error>& errors) {
  time::ParsedTime t;
  std::string why;
  if (!time::parse_time(value, t, why)) {
    const std::string shown = value.size() > 64 ? value.substr(0, 64) + "…" : value;
    errors.push_back({"input.E302", kFile, pointer, 0, 0,
                      "\"" + shown + "\" is not a valid time: " + why});
    return false;
  }
  out = t.instant;
  return true;
}

bool read_order_facts(std::string_view json, OrderFacts& out, std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  if (json.size() > Limits::kMaxInputBytes) {
    errors.push_back({"input.E102", kFile, "", 0, 0, "the facts are " + std::to_string(json.size()) +
                                                         " bytes; the limit is " +
                                                         std::to_string(Limits::kMaxInputBytes)});
    return false;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json.begin(), json.end(), nullptr, true, false);
  } catch (const nlohmann::json::parse_error& e) {
    Error err{"input.E300", kFile, "", 0, 0, ""};
    err.message = "not valid JSON: " + line_column_error(e, json, err);
    errors.push_back(err);
    return false;
  }
  if (!j.is_object()) {
    errors.push_back({"input.E301", kFile, "", 0, 0,
                      "the order facts must be a JSON object {\"platform\", \"shipping\", \"events\": {...}}"});
    return false;
  }
  static const char* const kKnown[] = {"platform", "shipping", "presale_ship_by", "return_required",
                                       "vat_invoice", "invoice_committed", "now", "events"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : kKnown) known |= it.key() == k;
    if (!known)
      errors.push_back({"input.E303", kFile, "/" + it.key(), 0, 0,
                        "unknown field; the facts have platform, shipping, presale_ship_by, "
                        "return_required, vat_invoice, invoice_committed, now, events"});
  }
  if (j.contains("platform") && !j["platform"].is_null()) {
    if (!j["platform"].is_string()) errors.push_back({"input.E301", kFile, "/platform", 0, 0, "must be a string"});
    else out.platform = j["platform"].get<std::string>();
  }
  if (j.contains("shipping") && !j["shipping"].is_null()) {
    bool known = false;
    if (j["shipping"].is_string())
      for (auto m : vocab::shipping_methods()) known |= j["shipping"].get<std::string>() == m;
    if (!known)
      errors.push_back({"input.E304", kFile, "/shipping", 0, 0,
                        "must be express, ems or surface (平邮), not " + j["shipping"].dump()});
    else out.shipping = j["shipping"].get<std::string>();
  }
  read_flag(j, "return_required", out.return_required, errors);
  read_flag(j, "vat_invoice", out.vat_invoice, errors);
  read_flag(j, "invoice_committed", out.invoice_committed, errors);
  std::int64_t t = 0;
  if (j.contains("presale_ship_by") && !j["presale_ship_by"].is_null() &&
      read_time_field(j["presale_ship_by"], "/presale_ship_by", t, errors))
    out.presale_ship_by = t;
  if (j.contains("now") && !j["now"].is_null() && read_time_field(j["now"], "/now", t, errors)) out.now = t;
  if (j.contains("events") && !j["events"].is_null()) {
    const auto& ev = j["events"];
    if (!ev.is_object()) {
      errors.push_back({"input.E301", kFile, "/events", 0, 0, "must be an object of event: time"});
    } else {
      for (auto it = ev.begin(); it != ev.end(); ++it) {
        const std::string ptr = "/events/" + it.key();
        if (!vocab::is_order_event(it.key())) {
          std::string list;
          for (auto e : vocab::order_events()) list += (list.empty() ? "" : ", ") + std::string(e);
          errors.push_back({"input.E303", kFile, ptr, 0, 0, "unknown event; expected one of: " + list});
          continue;
        }
        if (it.value().is_null() || (it.value().is_string() && it.value().get<std::string>().empty()))
          continue;  // a blank form field: the event has not happened
        if (!read_time_field(it.value(), ptr, t, errors)) continue;
        // An agreed day is a whole day, whatever time of it was written.
        out.events[it.key()] = it.key() == "pickup_agreed_day" ? time::end_of_beijing_day(t) : t;
      }
    }
  }
  if (errors.size() == before) check_event_order(out, errors);
  return errors.size() == before;
}

void check_event_order(const OrderFacts& facts, std::vector<Error>& errors) {
  for (const auto& p : kPrecedences) {
    const std::int64_t* earlier = facts.event(p.earlier);
    const std::int64_t* later = facts.event(p.later);
    if (!earlier || !later || *later >= *earlier) continue;
    errors.push_back({"input.E305", kFile, std::string("/events/") + p.later, 0, 0,
                      std::string(p.later) + " (" + time::format_plain_beijing(*later) + ") is before " +
                          p.earlier + " (" + time::format_plain_beijing(*earlier) + ")"});
  }
}

}  // namespace kefu
