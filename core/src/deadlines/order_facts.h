// The order-facts input (docs/deadlines.md), read and checked: every time converted to an instant,
// impossible orders of events (shipped before paid …) refused with both fields named.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace kefu {

struct OrderFacts {
  std::string platform;  // empty when the input does not name one
  std::string shipping;  // empty when not given
  bool return_required = false, vat_invoice = false, invoice_committed = false;
  std::optional<std::int64_t> presale_ship_by;
  // The shop's own promise on the listing (24 h, 48 h … or a fixed time): platforms judge
  // lateness against it, so it replaces a ship_by rule's default duration (rule "promise").
  std::optional<std::int64_t> promised_ship_hours;
  std::optional<std::int64_t> promised_ship_by;
  std::optional<std::int64_t> now;
  std::map<std::string, std::int64_t, std::less<>> events;  // event name -> instant

  const std::int64_t* event(std::string_view name) const {
    auto it = events.find(name);
    return it == events.end() ? nullptr : &it->second;
  }
  // An event, or presale_ship_by, by the name a rule uses.
  const std::int64_t* fact(std::string_view name) const {
    if (name == "presale_ship_by") return presale_ship_by ? &*presale_ship_by : nullptr;
    return event(name);
  }
};

// Reads the JSON; errors are input.E3xx with JSON pointers into the input ("facts" is the
// file name in messages), worded in `lang` ("zh" or "en") and naming the field as the order
// form does (付款时间 …). Also runs check_event_order.
bool read_order_facts(std::string_view json, OrderFacts& out, std::vector<Error>& errors,
                      const std::string& lang = "zh");

// Impossible orders: an event that cannot come before another one that it precedes.
void check_event_order(const OrderFacts& facts, std::vector<Error>& errors,
                       const std::string& lang = "zh");

// Parses one time field; the error names the field (`pointer`) and the value as written.
bool read_fact_time(const std::string& value, const std::string& pointer, std::int64_t& out,
                    std::vector<Error>& errors, const std::string& lang = "zh");

// What the order form calls a field: "付款时间" / "paid time" for "/events/paid",
// "预售约定发货时间" for "/presale_ship_by"; the pointer itself when it names no known field.
std::string field_title(std::string_view pointer, const std::string& lang);
// An event's name for people: "付款" / "paid".
std::string event_title(std::string_view event, const std::string& lang);

}  // namespace kefu
