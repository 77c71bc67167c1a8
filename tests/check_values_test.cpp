// check_values() (the wasm module's typed boundary) gives check()'s findings as values: the same
// findings, in the same order, rule indexes into the "rules" list of rules(), the JSON's head.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kefu/kefu.h"

namespace kefu {
namespace {

void expect_same(const std::string& reply, const Options& options) {
  SCOPED_TRACE(reply.substr(0, 60));
  Options json_options = options;
  json_options.format = Format::kJson;
  const Output out = check(reply, json_options);
  const CheckValues values = check_values(reply, options);
  EXPECT_EQ(values.output.status, out.status);
  EXPECT_EQ(values.output.err, out.err);
  auto doc = nlohmann::json::parse(out.out);
  auto head = nlohmann::json::parse(values.output.out);
  const auto rules = nlohmann::json::parse(kefu::rules(json_options).out)["rules"];
  const auto findings = doc["findings"];
  ASSERT_TRUE(head["findings"].empty());
  ASSERT_EQ(values.findings.size(), findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const FindingValue& v = values.findings[i];
    const auto& f = findings[i];
    ASSERT_LT(v.rule, rules.size());
    const auto& rule = rules[v.rule];
    EXPECT_EQ(rule["id"], f["rule"]) << i;
    EXPECT_EQ(v.start, f["start"].get<std::uint32_t>()) << i;
    EXPECT_EQ(v.end, f["end"].get<std::uint32_t>()) << i;
    EXPECT_EQ(v.start_utf16, f["start_utf16"].get<std::uint32_t>()) << i;
    EXPECT_EQ(v.end_utf16, f["end_utf16"].get<std::uint32_t>()) << i;
    const char* severities[] = {"error", "warning", "info"};
    ASSERT_LT(v.severity, 3u);
    EXPECT_EQ(severities[v.severity], f["severity"].get<std::string>()) << i;
    EXPECT_EQ(v.suggestion.empty() ? rule["suggestion"] : nlohmann::json(v.suggestion),
              f["suggestion"])
        << i;
  }
  doc["findings"] = nlohmann::json::array();
  EXPECT_EQ(head, doc);
}

TEST(CheckValues, SameFindingsAsCheck) {
  Options options;
  for (const std::string reply : std::vector<std::string>{
           "", "你好", "亲，特价商品不开发票的哦，加我vx聊吧，全网最低价，保证明天到",
           "😀👍🏻𠀋亲，加微信吧😀，手机13812345678，身份证11010119900307123"
           "4",
           std::string("有效\xff\xfe无效字节，加微信"),
           std::string(3000, 'a') + "加我微信聊，最好的价格"}) {
    expect_same(reply, options);
  }
  for (const std::string platform : platforms()) {
    options.platform = platform;
    options.shop_pack = false;
    expect_same("亲，加微信吧，保证明天到，全网最低价，好评返现5元", options);
  }
}

TEST(CheckValues, RefusedInputGivesErrorsAndNoFindings) {
  Options options;
  options.platform = "no-such-platform";
  const CheckValues values = check_values("加微信", options);
  EXPECT_EQ(values.output.status, 2);
  EXPECT_TRUE(values.findings.empty());
  EXPECT_TRUE(nlohmann::json::parse(values.output.out).contains("errors"));
}

}  // namespace
}  // namespace kefu
