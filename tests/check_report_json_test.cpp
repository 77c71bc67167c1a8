// check --format json writes its document by hand for speed; it must stay byte for byte what
// dump_json prints for the same document built as a JSON value.
#include <gtest/gtest.h>

#include "report/check_report.h"
#include "report/finding_json.h"
#include "report/json_out.h"
#include "test_support.h"

namespace kefu {
namespace {

std::string as_json_value(const PackSet& packs, const ReplyResult& result) {
  nlohmann::ordered_json j;
  j["platform"] = packs.platform;
  j["packs"] = nlohmann::ordered_json::array();
  for (const auto& p : packs.packs)
    if (p.contributes("rules")) j["packs"].push_back(p.name);
  j["findings"] = nlohmann::ordered_json::array();
  int counts[3] = {0, 0, 0};
  for (const auto& f : result.findings) {
    j["findings"].push_back(finding_to_json(f));
    counts[f.rule->severity == "error" ? 0 : f.rule->severity == "warning" ? 1 : 2]++;
  }
  j["summary"] = {{"total", result.findings.size()},
                  {"error", counts[0]},
                  {"warning", counts[1]},
                  {"info", counts[2]}};
  j["warnings"] = nlohmann::ordered_json::array();
  for (const auto& w : result.warnings) j["warnings"].push_back(w.to_json());
  return dump_json(j);
}

TEST(CheckReportJson, SameBytesAsTheJsonValue) {
  const Engine& e = test::engine("taobao");
  const std::string replies[] = {
      "",
      "你好",
      "亲，特价商品不开发票的哦，加我vx聊吧，全网最低价",
      "加我微信 abc_12345 \"引号\" \\反斜杠\\ \t制表\x01控制 13812345678 😀 最好",
      "坏字节 \xff\xfe 最低价 \xe4\xb8 加微信 qq 123456789",
      "收货地址：浙江省杭州市西湖区文三路478号 身份证 110101199003074578",
  };
  for (const std::string& reply : replies) {
    const ReplyResult result = e.checker->check(reply);
    EXPECT_EQ(check_report_json(e.packs, result), as_json_value(e.packs, result)) << reply;
  }
}

}  // namespace
}  // namespace kefu
