// Order cases written from the sources, not from the packs: each due time below was worked out by
// hand from the rule text (the hours or days a source states, the start event it names, Civil
// Code art. 201 for day periods) and is checked to the second. Runs under TZ=America/New_York and
// Asia/Shanghai too (tests/deadlines_tz.cmake runs every Deadline* test in both zones).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kefu/kefu.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

Output run(const std::string& facts, const std::string& now, const std::string& lang = "zh") {
  Options o;
  o.format = Format::kJson;
  o.now = now;
  o.lang = lang;
  return deadlines(facts, o);
}

// The one deadline of `kind` in the answer; fails when there is none or more than one.
nlohmann::json only(const Output& out, const std::string& kind) {
  EXPECT_NE(out.status, 2) << out.err;
  if (out.status == 2) return nullptr;
  const auto j = nlohmann::json::parse(out.out);
  nlohmann::json found;
  int n = 0;
  for (const auto& d : j["deadlines"])
    if (d["kind"] == kind) found = d, ++n;
  EXPECT_EQ(n, 1) << kind << " in " << out.out;
  return found;
}

std::string facts_for(const std::string& platform, const std::string& extra = "") {
  return R"({"platform":")" + platform + R"(")" + extra +
         R"(,"events":{"ordered":"2024-06-18 09:50:00","paid":"2024-06-18 10:00:00"}})";
}

// --- ship_by on every platform: a paid, unshipped order always has one clock ---

struct ShipCase {
  const char* platform;
  const char* due;    // the platform default, from the sources
  const char* basis;  // platform_default, or estimate where no source states a default
};

TEST(DeadlineCases, EveryPlatformHasOneShipByClockForAPaidUnshippedOrder) {
  // Taobao: 72 h when the seller set nothing (taobao-shipping, the dated source); Tmall: 72 h
  // (shop-platform-digest); 1688: 72 h when nothing was agreed (1688-shipping); Pinduoduo: 48 h
  // from 成团, from payment without a group time (pdd-shipping); Douyin: 48 h (douyin-shipping);
  // JD and Kuaishou: no source, a 48 h estimate. Ids of rules/sources.json.
  const ShipCase cases[] = {
      {"taobao", "2024-06-21T10:00:00+08:00", "platform_default"},
      {"tmall", "2024-06-21T10:00:00+08:00", "platform_default"},
      {"jd", "2024-06-20T10:00:00+08:00", "estimate"},
      {"pdd", "2024-06-20T10:00:00+08:00", "platform_default"},
      {"douyin", "2024-06-20T10:00:00+08:00", "platform_default"},
      {"kuaishou", "2024-06-20T10:00:00+08:00", "estimate"},
      {"1688", "2024-06-21T10:00:00+08:00", "platform_default"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.platform);
    const auto d = only(run(facts_for(c.platform), "2024-06-18 12:00:00"), "ship_by");
    ASSERT_TRUE(d.is_object());
    EXPECT_EQ(d["due"], c.due);
    EXPECT_EQ(d["basis"], c.basis);
    EXPECT_EQ(d["status"], "pending");
    EXPECT_EQ(d["starts_from"], "paid");
    EXPECT_FALSE(d["consequence"].get<std::string>().empty());
  }
}

TEST(DeadlineCases, AShopPromiseOf24HoursWinsOnEveryPlatform) {
  for (const char* p : {"taobao", "tmall", "jd", "pdd", "douyin", "kuaishou", "1688"}) {
    SCOPED_TRACE(p);
    const auto d =
        only(run(facts_for(p, R"(,"promised_ship_hours":24)"), "2024-06-19 09:00:00"), "ship_by");
    ASSERT_TRUE(d.is_object());
    EXPECT_EQ(d["due"], "2024-06-19T10:00:00+08:00");
    EXPECT_EQ(d["basis"], "promised_ship_hours");
    EXPECT_EQ(d["left_seconds"], 3600);
    EXPECT_EQ(d["status"], "due_soon");  // 1 h left of 24: inside the last 20 %
    EXPECT_EQ(d["left_text"], "还剩 1小时0分");
  }
}

TEST(DeadlineCases, PinduoduoCountsAPromiseFromTheGroupForming) {
  const auto d = only(
      run(R"({"platform":"pdd","promised_ship_hours":24,"events":{"paid":"2024-06-18 10:00:00",)"
          R"("grouped":"2024-06-18 12:30:00"}})",
          "2024-06-18 13:00:00"),
      "ship_by");
  EXPECT_EQ(d["due"], "2024-06-19T12:30:00+08:00");
  EXPECT_EQ(d["starts_from"], "grouped");
}

TEST(DeadlineCases, APromisedShipByTimeIsTheDueTime) {
  // A date alone means the end of that day (23:59:59 Beijing time).
  const auto day =
      only(run(facts_for("jd", R"(,"promised_ship_by":"2024-06-20")"), "2024-06-19 10:00:00"),
           "ship_by");
  EXPECT_EQ(day["due"], "2024-06-20T23:59:59+08:00");
  EXPECT_EQ(day["basis"], "promised_ship_by");
  const auto at = only(run(facts_for("taobao", R"(,"promised_ship_by":"2024年6月20日 18:00")"),
                           "2024-06-19 10:00:00"),
                       "ship_by");
  EXPECT_EQ(at["due"], "2024-06-20T18:00:00+08:00");
}

TEST(DeadlineCases, ShippingLateAgainstThePromiseIsOverdueEvenInsideThePlatformDefault) {
  // Shipped 30 h after payment: inside Taobao's 72 h, but 6 h after a 24 h promise.
  const auto d = only(
      run(R"({"platform":"taobao","promised_ship_hours":24,"events":{"paid":"2024-06-18 10:00:00",)"
          R"("shipped":"2024-06-19 16:00:00"}})",
          "2024-06-20 10:00:00"),
      "ship_by");
  EXPECT_EQ(d["status"], "overdue");
  EXPECT_EQ(d["left_seconds"], -6 * 3600);
  EXPECT_EQ(d["left_text"], "晚了 6小时0分");
  EXPECT_EQ(
      run(R"({"platform":"taobao","promised_ship_hours":24,"events":{"paid":"2024-06-18 10:00:00",)"
          R"("shipped":"2024-06-19 16:00:00","ordered":"2024-06-18 09:59:00","verified":"2024-06-18 10:01:00"}})",
          "2024-06-20 10:00:00")
          .status,
      1);
}

TEST(DeadlineCases, HourClocksCrossMonthsYearsAndLeapDays) {
  // 72 h from 2024-12-31 20:00 is 2025-01-03 20:00; 48 h from 2024-02-27 23:30 lands on the
  // leap day; 2023 has no 29 February.
  EXPECT_EQ(only(run(R"({"platform":"taobao","events":{"paid":"2024-12-31 20:00:00"}})",
                     "2025-01-01 00:00:00"),
                 "ship_by")["due"],
            "2025-01-03T20:00:00+08:00");
  EXPECT_EQ(only(run(R"({"platform":"douyin","events":{"paid":"2024-02-27 23:30:00"}})",
                     "2024-02-28 00:00:00"),
                 "ship_by")["due"],
            "2024-02-29T23:30:00+08:00");
  EXPECT_EQ(only(run(R"({"platform":"douyin","events":{"paid":"2023-02-27 23:30:00"}})",
                     "2023-02-28 00:00:00"),
                 "ship_by")["due"],
            "2023-03-01T23:30:00+08:00");
  // An instant written in UTC is the same instant: 02:00Z is 10:00 in Beijing.
  EXPECT_EQ(only(run(R"({"platform":"tmall","events":{"paid":"2024-06-18T02:00:00Z"}})",
                     "2024-06-18 12:00:00"),
                 "ship_by")["due"],
            "2024-06-21T10:00:00+08:00");
}

// --- statutory day periods: Civil Code art. 201, counting from the next Beijing day ---

TEST(DeadlineCases, SevenDayReturnStartsTheNextBeijingDayAndEndsAt235959) {
  struct Case {
    const char* received;
    const char* due;
  } cases[] = {
      {"2024-06-18 23:59:59", "2024-06-25T23:59:59+08:00"},   // signing day not counted: 19 … 25
      {"2024-06-18 00:00:00", "2024-06-25T23:59:59+08:00"},   // the hour of signing does not matter
      {"2024-06-18T16:30:00Z", "2024-06-26T23:59:59+08:00"},  // 00:30 on the 19th in Beijing
      {"2024-02-22 10:00:00", "2024-02-29T23:59:59+08:00"},   // 23 … 29 in a leap year
      {"2023-02-22 10:00:00", "2023-03-01T23:59:59+08:00"},   // 23 … 28, 1 March
      {"2024-12-28 15:30:00", "2025-01-04T23:59:59+08:00"},   // across the year
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.received);
    const auto d = only(
        run(std::string(R"({"platform":"taobao","events":{"received":")") + c.received + R"("}})",
            "2024-01-01 00:00:00"),
        "return_window");
    EXPECT_EQ(d["due"], c.due);
  }
}

TEST(DeadlineCases, JdFifteenDayExchangeCountsDaysTheSameWay) {
  const auto d = only(run(R"({"platform":"jd","events":{"received":"2024-12-28 15:30:00"}})",
                          "2025-01-01 00:00:00"),
                      "exchange_window");
  EXPECT_EQ(d["due"], "2025-01-12T23:59:59+08:00");  // 29 Dec is day 1, 12 Jan day 15
}

// --- the shop's 10-minute order check, closed by "verified" ---

TEST(DeadlineCases, OrderVerifyIsMetByVerifiedInTime) {
  const std::string base = R"({"platform":"taobao","events":{"ordered":"2024-06-18 10:00:00")";
  const auto met = only(run(base + R"(,"verified":"2024-06-18 10:09:59"}})", "2024-06-18 12:00:00"),
                        "order_verify");
  EXPECT_EQ(met["due"], "2024-06-18T10:10:00+08:00");
  EXPECT_EQ(met["status"], "met");
  EXPECT_EQ(met["closed_by"], "verified");
  const auto late = only(
      run(base + R"(,"verified":"2024-06-18 10:10:01"}})", "2024-06-18 12:00:00"), "order_verify");
  EXPECT_EQ(late["status"], "overdue");
  EXPECT_EQ(late["left_seconds"], -1);
  const auto open = only(run(base + "}}", "2024-06-18 10:05:00"), "order_verify");
  EXPECT_EQ(open["status"], "pending");
  EXPECT_EQ(open["left_text"], "还剩 5分0秒");
}

// --- no clock: the answer says which event would start one ---

TEST(DeadlineCases, WithNoClockTheAnswerNamesTheEventThatWouldStartOne) {
  const Output out = run(R"({"platform":"jd","events":{}})", "2024-06-18 10:00:00");
  ASSERT_EQ(out.status, 0) << out.err;
  const auto j = nlohmann::json::parse(out.out);
  EXPECT_TRUE(j["deadlines"].empty());
  bool ship = false;
  for (const auto& w : j["waiting"])
    if (w["kind"] == "ship_by") ship = w["needs"] == "paid" && w["needs_text"] == "付款时间";
  EXPECT_TRUE(ship) << out.out;
  Options o;
  o.now = "2024-06-18 10:00:00";
  const std::string text = deadlines(R"({"platform":"jd","events":{}})", o).out;
  EXPECT_NE(text.find("没有正在计时的时效"), std::string::npos) << text;
  EXPECT_NE(text.find("付款时间 (paid) → 发货时限"), std::string::npos) << text;
}

// --- bad input: a Chinese error naming the field, exit 2; English on request ---

TEST(DeadlineCases, AnImpossibleDateIsAnErrorNamingTheField) {
  const Output zh =
      run(R"({"platform":"taobao","events":{"paid":"2024-02-30 10:00"}})", "2024-03-01 00:00:00");
  EXPECT_EQ(zh.status, 2);
  EXPECT_EQ(zh.err,
            "[input.E302] facts /events/paid: 付款时间 \"2024-02-30 10:00\" "
            "不是有效时间：2024年2月没有30日（这个月只有29天）\n");
  const auto j = nlohmann::json::parse(zh.out);
  EXPECT_EQ(j["errors"][0]["pointer"], "/events/paid");
  const Output en =
      run(R"({"platform":"taobao","events":{"paid":"2023-02-29"}})", "2024-03-01 00:00:00", "en");
  EXPECT_EQ(en.status, 2);
  EXPECT_EQ(en.err,
            "[input.E302] facts /events/paid: \"2023-02-29\" is not a valid time: day 29 does not "
            "exist in 2023-02, "
            "which has 28 days\n");
}

TEST(DeadlineCases, PromiseFieldsAreChecked) {
  EXPECT_EQ(
      run(facts_for("taobao", R"(,"promised_ship_hours":"24小时")"), "2024-06-18 12:00:00").err,
      "[input.E301] facts /promised_ship_hours: 承诺发货时长（小时） 要填 1 到 8784 的整数小时（如 "
      "24、48、72），"
      "不是 \"24小时\"\n");
  EXPECT_EQ(run(facts_for("taobao", R"(,"promised_ship_hours":0)"), "2024-06-18 12:00:00").status,
            2);
  EXPECT_EQ(
      run(facts_for("taobao", R"(,"promised_ship_hours":"-1")"), "2024-06-18 12:00:00").status, 2);
  // A form sends digits as a string.
  EXPECT_EQ(only(run(facts_for("jd", R"(,"promised_ship_hours":"72")"), "2024-06-18 12:00:00"),
                 "ship_by")["due"],
            "2024-06-21T10:00:00+08:00");
  EXPECT_EQ(run(facts_for("amazon"), "2024-06-18 12:00:00").err,
            "[usage.E001] facts /platform: 平台 \"amazon\" 不存在；可选：" +
                vocab::platform_list() + "\n");
  EXPECT_EQ(run(facts_for("taobao", R"(,"promised_ship_hours":24,"promised_ship_by":"2024-06-20")"),
                "2024-06-18 12:00:00")
                .err,
            "[input.E306] facts /promised_ship_by: "
            "承诺发货时长和承诺发货时间只能填一个（两者都填时不知道以哪个为准）\n");
  EXPECT_EQ(
      run(facts_for("taobao", R"(,"promised_ship_by":"2024-06-17 10:00")"), "2024-06-18 12:00:00")
          .err,
      "[input.E305] facts /promised_ship_by: 承诺发货时间（2024-06-17 "
      "10:00:00）早于下单时间（2024-06-18 09:50:00），不可能\n");
  EXPECT_EQ(
      run(R"({"platform":"pdd","promised_ship_by":"2024-06-19 10:00","events":{"paid":"2024-06-18 10:00",)"
          R"("grouped":"2024-06-19 12:00"}})",
          "2024-06-19 13:00:00")
          .err,
      "[input.E305] facts /promised_ship_by: 承诺发货时间（2024-06-19 "
      "10:00:00）早于成团时间（2024-06-19 12:00:00），不可能\n");
  EXPECT_EQ(
      run(facts_for("taobao", R"(,"promised_ship_by":"2024-06-31")"), "2024-06-18 12:00:00").err,
      "[input.E302] facts /promised_ship_by: 承诺发货时间 \"2024-06-31\" "
      "不是有效时间：2024年6月没有31日（这个月只有30天）\n");
  // A blank field of the form is not a promise.
  EXPECT_EQ(only(run(facts_for("taobao", R"(,"promised_ship_hours":null,"promised_ship_by":"")"),
                     "2024-06-18 12:00:00"),
                 "ship_by")["basis"],
            "platform_default");
}

TEST(DeadlineCases, APromiseNoClockTakesIsNotDroppedSilently) {
  // A presale order follows its presale date; the promise is reported as unused.
  const Output out =
      run(R"({"platform":"taobao","presale_ship_by":"2024-07-01","promised_ship_hours":24,)"
          R"("events":{"paid":"2024-06-18 10:00:00"}})",
          "2024-06-18 12:00:00");
  EXPECT_NE(out.err.find("[input.W302] facts /promised_ship_hours: 店铺承诺的发货时间没有用上"),
            std::string::npos)
      << out.err;
}

TEST(DeadlineCases, TheTextStartsWithASummary) {
  Options o;
  o.now = "2024-06-19 09:00:00";
  const std::string text = deadlines(facts_for("taobao", R"(,"promised_ship_hours":24)"), o).out;
  const auto second_line =
      text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n') - 1);
  EXPECT_EQ(second_line.rfind("共 ", 0), 0u) << text;
  EXPECT_NE(text.find("时限：按店铺承诺的 24 小时发货"), std::string::npos) << text;
}

}  // namespace
}  // namespace kefu
