// The deadline command through the public API: impossible facts and bad input with their exact
// messages, where "now" comes from, statuses and signed time left, the text timeline.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "deadlines/deadline_report.h"
#include "kefu/kefu.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// English messages here (the exact wording of each error); tests/deadline_cases_test.cpp checks
// the Chinese ones, which are the default.
Output run(const std::string& facts, const std::string& now = "2024-06-19 10:00:00",
           Format f = Format::kJson) {
  Options o;
  o.format = f;
  o.now = now;
  o.lang = "en";
  return deadlines(facts, o);
}

nlohmann::json find(const Output& out, const std::string& rule) {
  const auto j = nlohmann::json::parse(out.out);
  for (const auto& d : j["deadlines"])
    if (d["rule"] == rule) return d;
  return nullptr;
}

std::string errors_of(const Output& out) { return out.err; }

TEST(DeadlineFacts, ImpossibleOrdersNameBothFields) {
  EXPECT_EQ(
      errors_of(run(
          R"({"platform":"taobao","events":{"paid":"2024-06-18 10:00:00","shipped":"2024-06-18 09:00:00"}})")),
      "[input.E305] facts /events/shipped: shipped (2024-06-18 09:00:00) is before paid "
      "(2024-06-18 10:00:00)\n");
  EXPECT_EQ(
      errors_of(run(
          R"({"events":{"refund_requested":"2024-06-18 10:00","refund_refused":"2024/6/17 10:00"}})")),
      "[input.E305] facts /events/refund_refused: refund_refused (2024-06-17 10:00:00) is before "
      "refund_requested (2024-06-18 10:00:00)\n");
  EXPECT_EQ(
      errors_of(run(
          R"({"shipping":"express","events":{"shipped":"2024-06-18 10:00","received":"2024-06-18T01:00:00Z"}})")),
      "[input.E305] facts /events/received: received (2024-06-18 09:00:00) is before shipped "
      "(2024-06-18 10:00:00)\n");
  EXPECT_EQ(
      errors_of(run(R"({"events":{"ordered":"2024-06-18 10:00","paid":"2024-06-18 09:59:59"}})")),
      "[input.E305] facts /events/paid: paid (2024-06-18 09:59:59) is before ordered (2024-06-18 "
      "10:00:00)\n");
  EXPECT_EQ(
      errors_of(run(R"({"events":{"paid":"2024-06-18 10:00","grouped":"2024-06-18 09:00"}})")),
      "[input.E305] facts /events/grouped: grouped (2024-06-18 09:00:00) is before paid "
      "(2024-06-18 10:00:00)\n");
  EXPECT_EQ(
      errors_of(run(
          R"({"events":{"refund_requested":"2024-06-18 10:00","pickup_agreed_day":"2024-06-17"}})")),
      "[input.E305] facts /events/pickup_agreed_day: pickup_agreed_day (2024-06-17 23:59:59) is "
      "before refund_requested (2024-06-18 10:00:00)\n");
  // Every impossible pair is reported, not just the first.
  const Output two = run(
      R"({"events":{"paid":"2024-06-18 10:00","shipped":"2024-06-18 09:00","received":"2024-06-18 08:00"}})");
  EXPECT_EQ(two.status, 2);
  EXPECT_EQ(two.err,
            "[input.E305] facts /events/shipped: shipped (2024-06-18 09:00:00) is before paid "
            "(2024-06-18 10:00:00)\n"
            "[input.E305] facts /events/received: received (2024-06-18 08:00:00) is before shipped "
            "(2024-06-18 09:00:00)\n");
}

TEST(DeadlineFacts, EqualTimesAreNotImpossible) {
  EXPECT_EQ(
      run(R"({"events":{"ordered":"2024-06-18 10:00","paid":"2024-06-18 10:00","verified":"2024-06-18 10:00"}})")
          .status,
      0);
}

TEST(DeadlineFacts, BadTimesNameTheFieldAndTheValue) {
  EXPECT_EQ(errors_of(run(R"({"events":{"paid":"2024年2月30日 10:00"}})")),
            "[input.E302] facts /events/paid: \"2024年2月30日 10:00\" is not a valid time: day 30 "
            "does not exist in 2024-02, which has 29 days\n");
  EXPECT_EQ(errors_of(run(R"({"events":{"shipped":"2024-06-18 25:00"}})")),
            "[input.E302] facts /events/shipped: \"2024-06-18 25:00\" is not a valid time: hour 25 "
            "does not exist (00–23)\n");
  EXPECT_EQ(errors_of(run(R"({"presale_ship_by":"2024-06-31","events":{}})")),
            "[input.E302] facts /presale_ship_by: \"2024-06-31\" is not a valid time: day 31 does "
            "not exist in 2024-06, which has 30 days\n");
  EXPECT_EQ(errors_of(run(R"({"events":{"paid":20240618}})")),
            "[input.E301] facts /events/paid: must be a time written as a string\n");
}

TEST(DeadlineFacts, BadShapesAreCodedErrors) {
  EXPECT_EQ(errors_of(run(R"({"events":{"payed":"2024-06-18 10:00"}})")),
            "[input.E303] facts /events/payed: unknown event; expected one of: ordered, "
            "terms_changed, paid, grouped, "
            "shipped, received, refund_requested, refund_refused, refund_agreed, return_shipped, "
            "trade_success, "
            "invoice_requested, complaint, pickup_agreed_day, verified\n");
  EXPECT_EQ(errors_of(run(R"({"shipping":"air","events":{}})")),
            "[input.E304] facts /shipping: must be express, ems or surface (平邮), not \"air\"\n");
  EXPECT_EQ(errors_of(run(R"({"vat_invoice":"yes","events":{}})")),
            "[input.E301] facts /vat_invoice: must be true or false\n");
  EXPECT_EQ(errors_of(run(R"({"platform":"amazon","events":{}})")),
            "[usage.E001]: unknown platform \"amazon\"; expected one of: " +
                vocab::platform_list() + "\n");
  EXPECT_EQ(errors_of(run("[1,2]")),
            "[input.E301] facts: the order facts must be a JSON object {\"platform\", "
            "\"shipping\", \"events\": {...}}\n");
  const Output syntax = run("{\n  \"events\": {\"paid\": }\n}");
  EXPECT_EQ(syntax.status, 2);
  EXPECT_EQ(syntax.err.substr(0, 34), "[input.E300] facts:2:22: not valid");
  const auto j = nlohmann::json::parse(syntax.out);
  EXPECT_EQ(j["errors"][0]["code"], "input.E300");
  EXPECT_EQ(j["errors"][0]["line"], 2);
}

TEST(DeadlineFacts, BlankEventsHaveNotHappened) {
  const Output out = run(
      R"({"events":{"ordered":"2024-06-18 10:00","paid":"","shipped":null,"verified":"2024-06-18 10:05"}})");
  ASSERT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(find(out, "taobao.unpaid-close")["status"], "pending");
}

TEST(DeadlineNow, OptionsNowWinsThenInputNowThenClock) {
  const std::string facts = R"({"now":"2024-06-20 10:00","events":{"ordered":"2024-06-18 10:00"}})";
  EXPECT_EQ(find(run(facts, "2024-06-19 10:00"), "taobao.unpaid-close")["left_seconds"], 2 * 86400);
  Options o;
  o.format = Format::kJson;
  o.clock_unix = 1718676000;  // 2024-06-18T10:00:00+08:00
  EXPECT_EQ(find(deadlines(facts, o), "taobao.unpaid-close")["left_seconds"], 86400);
  const std::string no_now = R"({"events":{"ordered":"2024-06-18 10:00"}})";
  EXPECT_EQ(find(deadlines(no_now, o), "taobao.unpaid-close")["left_seconds"], 3 * 86400);
  o.now = "2024-06-31 10:00";
  o.lang = "en";
  EXPECT_EQ(deadlines(no_now, o).err,
            "[usage.E010]: --now \"2024-06-31 10:00\" is not a valid time: day 31 does not exist "
            "in 2024-06, which has 30 days\n");
}

TEST(DeadlineStatus, LeftSecondsAreSignedAndExact) {
  const std::string facts = R"({"platform":"tmall","events":{"paid":"2024-06-18 10:00:00"}})";
  EXPECT_EQ(find(run(facts, "2024-06-21 09:59:59"), "tmall.ship-by")["left_seconds"], 1);
  EXPECT_EQ(find(run(facts, "2024-06-21 09:59:59"), "tmall.ship-by")["status"], "due_soon");
  EXPECT_EQ(find(run(facts, "2024-06-21 10:00:00"), "tmall.ship-by")["status"], "due_soon");
  EXPECT_EQ(find(run(facts, "2024-06-21 10:00:01"), "tmall.ship-by")["left_seconds"], -1);
  EXPECT_EQ(find(run(facts, "2024-06-21 10:00:01"), "tmall.ship-by")["status"], "overdue");
  // 20 % of a 72 h clock is 14.4 h: due soon from 19:36 the day before.
  EXPECT_EQ(find(run(facts, "2024-06-20 19:35:59"), "tmall.ship-by")["status"], "pending");
  EXPECT_EQ(find(run(facts, "2024-06-20 19:36:00"), "tmall.ship-by")["status"], "due_soon");
}

TEST(DeadlineStatus, ALateEventIsOverdueAndMeasuredAtTheEvent) {
  const Output out = run(
      R"({"platform":"tmall","events":{"paid":"2024-06-18 10:00","shipped":"2024-06-21 12:30"}})",
      "2024-06-25 10:00");
  const auto d = find(out, "tmall.ship-by");
  EXPECT_EQ(d["status"], "overdue");
  EXPECT_EQ(d["left_seconds"], -9000);
  EXPECT_EQ(d["closed_by"], "shipped");
  EXPECT_EQ(d["closed_at"], "2024-06-21T12:30:00+08:00");
  EXPECT_EQ(out.status, 1) << "a seller clock ran out: findings";
}

TEST(DeadlineStatus, BuyerClocksRunningOutAreNotFindings) {
  // The seller's clocks are closed in time (shipped, verified); the buyer's run out.
  const Output out = run(
      R"({"events":{"ordered":"2024-06-18 10:00","paid":"2024-06-18 10:01","verified":"2024-06-18 10:03",)"
      R"("shipped":"2024-06-19 09:00"}})",
      "2024-06-25 10:00");
  EXPECT_EQ(out.status, 0) << out.out;
}

TEST(DeadlineStatus, MissingEventsLeaveTheirDeadlinesOut) {
  const auto j = nlohmann::json::parse(run(R"({"platform":"tmall","events":{}})").out);
  EXPECT_TRUE(j["deadlines"].empty());
  const auto k = nlohmann::json::parse(
      run(R"({"platform":"tmall","events":{"shipped":"2024-06-18 10:00"}})").out);
  ASSERT_EQ(k["warnings"].size(), 1u);
  for (const auto& d : k["deadlines"]) EXPECT_NE(d["kind"], "auto_confirm");
}

TEST(DeadlineOutput, JsonCarriesTheSpecFields) {
  const auto d = find(run(R"({"shipping":"express","events":{"shipped":"2024-06-18 16:00"}})"),
                      "taobao.auto-confirm-express");
  for (const char* key :
       {"kind", "rule", "due", "status", "left_seconds", "consequence", "penalty", "source"})
    EXPECT_TRUE(d.contains(key)) << key;
  EXPECT_EQ(d["kind"], "auto_confirm");
  EXPECT_EQ(d["due"], "2024-06-28T16:00:00+08:00");
  EXPECT_EQ(d["starts_from"], "shipped");
}

TEST(DeadlineOutput, TextIsATimelineSortedByDueTime) {
  const Output out = run(
      R"({"platform":"tmall","events":{"ordered":"2024-06-18 09:00","paid":"2024-06-18 10:00","complaint":"2024-06-18 11:00"}})",
      "2024-06-18 12:00", Format::kText);
  const auto ship = out.out.find("tmall.ship-by");
  const auto appeal = out.out.find("taobao.appeal");
  ASSERT_NE(ship, std::string::npos);
  ASSERT_NE(appeal, std::string::npos);
  EXPECT_LT(ship, appeal);
  EXPECT_NE(out.out.find("2 d 22 h 0 min left"), std::string::npos) << out.out;
}

TEST(DeadlineOutput, Countdowns) {
  EXPECT_EQ(countdown_text(86400 + 45 * 60 + 35), "1天0小时45分");
  EXPECT_EQ(countdown_text(2 * 86400 + 3 * 3600 + 59), "2天3小时0分");
  EXPECT_EQ(countdown_text(3 * 86400), "3天0小时0分");
  EXPECT_EQ(countdown_text(5 * 3600 + 20 * 60 + 7), "5小时20分");
  EXPECT_EQ(countdown_text(20 * 60), "20分0秒");
  EXPECT_EQ(countdown_text(20 * 60 + 5), "20分5秒");
  EXPECT_EQ(countdown_text(45), "45秒");
  EXPECT_EQ(countdown_text(0), "0秒");
  EXPECT_EQ(countdown_text(-3600), "1小时0分");
  EXPECT_EQ(countdown_text(86400 + 45 * 60 + 35, "en"), "1 d 0 h 45 min");
  EXPECT_EQ(countdown_text(9 * 60 + 30, "en"), "9 min 30 s");
}

TEST(DeadlineOutput, AUserPackAddsItsOwnClock) {
  Options o;
  o.format = Format::kJson;
  o.now = "2024-06-18 10:00";
  o.packs.push_back(
      {"my.json",
       R"({"pack":"my","deadlines":[{"id":"my.ship","kind":"ship_by","title":"24小时发货",
    "party":"seller","from":["paid"],"duration":{"hours":24},"met_by":["shipped"],"consequence":"店铺自定","penalty":"",
    "source":"店规","examples":[{"facts":{"events":{"paid":"2024-06-18 10:00"}},"now":"2024-06-18 11:00","due":"2024-06-19T10:00:00+08:00","status":"pending"}]}]})"});
  const Output out = deadlines(R"({"events":{"paid":"2024-06-18 09:00"}})", o);
  EXPECT_EQ(find(out, "my.ship")["due"], "2024-06-19T09:00:00+08:00") << out.err;
}

TEST(DeadlineOutput, SameAnswerInEveryMachineZone) {
  const std::string facts =
      R"({"platform":"jd","shipping":"express","events":{"paid":"2024-02-10 23:30","shipped":"2024-02-11T01:00:00Z","received":"2024-02-27 10:00","trade_success":"2024-02-28","invoice_requested":"2024/2/28 23:00"}})";
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  std::string answers[3];
  const char* zones[] = {"America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"};
  for (int i = 0; i < 3; ++i) {
    setenv("TZ", zones[i], 1);
    tzset();
    answers[i] =
        run(facts, "2024-03-01 12:00").out + run(facts, "2024-03-01 12:00", Format::kText).out;
  }
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  EXPECT_EQ(answers[0], answers[1]);
  EXPECT_EQ(answers[0], answers[2]);
  EXPECT_NE(answers[0].find("2024-03-05T23:59:59+08:00"), std::string::npos) << answers[0];
}

}  // namespace
}  // namespace kefu
