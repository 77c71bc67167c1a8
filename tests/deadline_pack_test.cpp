// Deadline rules in a user's pack are validated like reply rules: every mistake, with its
// pointer, at once.
#include <gtest/gtest.h>

#include "kefu/kefu.h"

namespace kefu {
namespace {

TEST(DeadlinePack, EveryMistakeIsNamedWithItsPointer) {
  const Output out = validate("my.json", R"({"pack":"my","deadlines":[
    {"id":"my.a","kind":"ship_soon","title":"t","party":"seller","from":["payed"],"duration":{"weeks":1},
     "counting":"civil_days","consequence":"c","penalty":"","source":"s","colour":"red",
     "examples":[{"facts":{"events":{}},"now":"2024-06-18 10:00","due":null}]},
    {"id":"my.b","kind":"ship_by","title":"t","party":"shop","from":["paid"],"duration":{"hours":0},
     "due_at":"paid","consequence":"c","source":"s","examples":[]},
    {"id":"my.c","kind":"invoice_by","title":"t","party":"seller","later_of":[{"from":["trade_success"],"duration":{"hours":12},"counting":"civil_days"}],
     "when":{"shipping":["air"],"vip":true},"consequence":"c","penalty":"","source":"s",
     "examples":[{"facts":{},"now":"x","due":"2024-06-18T10:00:00+08:00","status":"late"}]}
  ]})");
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(
      out.err,
      "[pack.E103] my.json /deadlines/0/colour: unknown field of a deadline rule\n"
      "[pack.E202] my.json /deadlines/0/kind: unknown deadline kind \"ship_soon\"; expected one "
      "of: unpaid_close, "
      "payment_reminder, refund_unshipped, seller_refund_response, buyer_after_refusal, "
      "buyer_return, auto_confirm, "
      "ship_by, invoice_by, vat_invoice_by, return_window, exchange_window, appeal_by, pickup_by, "
      "order_verify, "
      "refund_handle\n"
      "[pack.E202] my.json /deadlines/0/from/0: must be an order event: ordered, terms_changed, "
      "paid, grouped, "
      "shipped, received, refund_requested, refund_refused, refund_agreed, return_shipped, "
      "trade_success, "
      "invoice_requested, complaint, pickup_agreed_day, verified\n"
      "[pack.E202] my.json /deadlines/0/duration/weeks: unknown unit; use days, hours or minutes\n"
      "[pack.E202] my.json /deadlines/1/party: must be seller, buyer or platform (whose action the "
      "clock waits for)\n"
      "[pack.E102] my.json /deadlines/1: missing required field \"penalty\" (\"\" when the source "
      "states none)\n"
      "[pack.E203] my.json /deadlines/1: give exactly one of \"duration\" (with \"from\"), "
      "\"later_of\" or \"due_at\"\n"
      "[pack.E205] my.json /deadlines/1/examples: needs at least 1 examples: {\"facts\", \"now\", "
      "\"due\", \"status\"}\n"
      "[pack.E201] my.json /deadlines/2/later_of: must be an array of at least two {\"from\", "
      "\"duration\"} clocks\n"
      "[pack.E103] my.json /deadlines/2/when/vip: unknown condition; use shipping, presale, "
      "vat_invoice, "
      "invoice_committed, return_required\n"
      "[pack.E202] my.json /deadlines/2/when/shipping/0: must be express, ems or surface\n"
      "[pack.E202] my.json /deadlines/2/examples/0/status: must be pending, due_soon, overdue, met "
      "or void (none "
      "when due is null)\n");
}

TEST(DeadlinePack, CivilDaysCountDaysAndIdsAreUnique) {
  const std::string rule =
      R"({"id":"my.a","kind":"ship_by","title":"t","party":"seller","from":["paid"],
     "duration":{"hours":12},"counting":"civil_days","consequence":"c","penalty":"","source":"s",
     "examples":[{"facts":{"events":{}},"now":"2024-06-18 10:00","due":null}]})";
  const Output out =
      validate("my.json", R"({"pack":"my","deadlines":[)" + rule + "," + rule + "]}");
  EXPECT_EQ(out.err,
            "[pack.E202] my.json /deadlines/0/counting: civil_days counts days; the duration is in "
            "hours\n"
            "[pack.E202] my.json /deadlines/1/counting: civil_days counts days; the duration is in "
            "hours\n"
            "[pack.E207] my.json /deadlines/1/id: duplicate id \"my.a\" (first at /deadlines/0)\n");
}

TEST(DeadlinePack, TheBuiltInPacksValidate) {
  for (const char* p : {"common", "shop", "taobao", "tmall", "jd", "pdd", "douyin", "1688"}) {
    Options o;
    o.platform = std::string(p) == "common" || std::string(p) == "shop" ? "taobao" : p;
    o.format = Format::kJson;
    o.now = "2024-06-18 10:00";
    EXPECT_NE(deadlines(R"({"events":{}})", o).status, 2) << p;
  }
}

}  // namespace
}  // namespace kefu
