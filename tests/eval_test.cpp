// kefu-lint eval and check --lines: the arithmetic on a small labeled fixture corpus
// (tests/fixtures/eval/), checked with the rule-language fixture pack alone so that edits to the
// built-in packs do not move the figures; the public functions for errors and shapes.
#include "eval/eval.h"

#include <gtest/gtest.h>

#include "pack/pack.h"
#include "reply/reply_checker.h"
#include "test_support.h"

namespace kefu {
namespace {

const ReplyChecker& fixture_checker() {
  static const auto checker = [] {
    PackSet set;
    set.platform = "taobao";
    nlohmann::json doc = nlohmann::json::parse(
        test::read_file(test::source_path("tests/fixtures/packs/language.json")));
    set.packs.push_back(Pack{"lang", "language.json", false, doc, {}});
    std::vector<Error> errors;
    auto c = ReplyChecker::build(set, errors);
    if (!c) throw std::runtime_error(join_errors(errors));
    return c;
  }();
  return *checker;
}

std::vector<CorpusFile> corpus() {
  std::vector<CorpusFile> files;
  for (const char* name : {"more.jsonl", "replies.jsonl"})
    files.push_back(
        {name, test::read_file(test::source_path(std::string("tests/fixtures/eval/") + name))});
  return files;
}

EvalReport scored(std::vector<std::string>* platforms_asked = nullptr) {
  EvalReport report;
  std::vector<Error> errors;
  EXPECT_TRUE(read_labeled(corpus(), "taobao", report.replies, errors)) << join_errors(errors);
  EXPECT_TRUE(score(
      [&](const std::string& p) {
        if (platforms_asked) platforms_asked->push_back(p);
        return &fixture_checker();
      },
      report));
  return report;
}

TEST(Eval, CountsPerCategoryAndOverall) {
  std::vector<std::string> asked;
  const EvalReport r = scored(&asked);
  ASSERT_EQ(r.replies.size(), 8u);  // the blank line is skipped
  // A line's own platform wins; the others take the default; one checker per platform.
  EXPECT_EQ(asked, (std::vector<std::string>{"douyin", "taobao", "jd", "pdd"}));
  EXPECT_EQ(r.replies[1].platform, "taobao");
  EXPECT_EQ(r.replies[2].platform, "jd");

  const auto& inv = r.categories.at("invoice_refusal");
  EXPECT_EQ(inv.tp, 2);
  EXPECT_EQ(inv.fn, 0);
  EXPECT_EQ(inv.fp, 0);
  const auto& off = r.categories.at("off_platform");  // m1 is labeled off_platform but is not
  EXPECT_EQ(off.tp, 1);
  EXPECT_EQ(off.fn, 1);
  const auto& ret = r.categories.at("return_refusal");  // the clause keeps 只能换 … 不能退 apart
  EXPECT_EQ(ret.tp, 0);
  EXPECT_EQ(ret.fn, 1);
  const auto& promise = r.categories.at("false_promise");  // c3 is labeled clean
  EXPECT_EQ(promise.fp, 1);
  EXPECT_EQ(r.expected_total, 6);
  EXPECT_EQ(r.expected_found, 4);
  EXPECT_EQ(r.clean_lines, 3);
  EXPECT_EQ(r.clean_kept, 2);  // 请不要加微信 (prohibited) and 包好了 (blocked) stay clean
  EXPECT_EQ(r.confusion.at("off_platform").at("invoice_refusal"), 1);
  EXPECT_EQ(r.confusion.at("(clean)").at("(none)"), 2);
  EXPECT_EQ(r.confusion.at("return_refusal").at("(none)"), 1);
}

TEST(Eval, JsonReportAndThresholds) {
  const EvalReport r = scored();
  Output passed = render_eval(r, {"x.jsonl"}, {0.0, 0.5}, Format::kJson);
  EXPECT_EQ(passed.status, 0);
  const auto j = nlohmann::json::parse(passed.out);
  EXPECT_EQ(j["lines"], 8);
  EXPECT_DOUBLE_EQ(j["categories"]["off_platform"]["recall"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["categories"]["off_platform"]["precision"].get<double>(), 1.0);
  EXPECT_NEAR(j["categories"]["off_platform"]["f1"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_TRUE(j["categories"]["false_promise"]["recall"].is_null());
  EXPECT_NEAR(j["overall"]["recall"].get<double>(), 4.0 / 6, 1e-9);
  EXPECT_NEAR(j["overall"]["clean_rate"].get<double>(), 2.0 / 3, 1e-9);
  ASSERT_EQ(j["misses"].size(), 2u);
  EXPECT_EQ(j["misses"][0]["id"], "m1");
  ASSERT_EQ(j["false_alarms"].size(), 1u);
  EXPECT_EQ(j["false_alarms"][0]["id"], "c3");
  EXPECT_EQ(j["false_alarms"][0]["rules"], nlohmann::json::array({"lang.promise"}));
  EXPECT_TRUE(j["passed"].get<bool>());

  Output recall = render_eval(r, {"x.jsonl"}, {0.9, -1}, Format::kJson);
  EXPECT_EQ(recall.status, 1);
  EXPECT_NE(recall.err.find("off_platform 召回率 0.500 低于 0.90"), std::string::npos)
      << recall.err;
  EXPECT_NE(recall.err.find("return_refusal 召回率 0.000"), std::string::npos);
  Output clean = render_eval(r, {"x.jsonl"}, {-1, 0.97}, Format::kText);
  EXPECT_EQ(clean.status, 1);
  EXPECT_NE(clean.err.find("干净率 0.667 低于 0.97"), std::string::npos) << clean.err;
  EXPECT_NE(clean.out.find("总体召回率 0.667（4/6），干净率 0.667（2/3）"), std::string::npos)
      << clean.out;
  EXPECT_NE(clean.out.find("[c3] taobao 多报 false_promise（lang.promise）：今天一定能到"),
            std::string::npos);
  EXPECT_NE(clean.out.find("[m1] douyin 漏 off_platform（实报 invoice_refusal）：专票开不了⏎抱歉"),
            std::string::npos);
}

TEST(Eval, BadLinesNameTheirLineInChinese) {
  std::vector<LabeledReply> out;
  std::vector<Error> errors;
  const std::string text = test::read_file(test::source_path("tests/fixtures/eval/bad.jsonl.txt"));
  EXPECT_FALSE(read_labeled({{"bad.jsonl", text}}, "taobao", out, errors));
  EXPECT_EQ(
      join_errors(errors),
      "[input.E302] bad.jsonl:2: 第 2 行缺少数组字段 \"categories\"（违规类别；干净的回复写 []）\n"
      "[input.E301] bad.jsonl:3: 第 3 行不是 JSON 对象；每行应为 {\"id\", \"platform\", \"text\", "
      "\"categories\": [...]}\n"
      "[input.E303] bad.jsonl:4: 第 4 行的类别 \"nope\" 不是回复类别（kefu-lint rules --format "
      "json 列出类别）\n"
      "[input.E303] bad.jsonl:4: 第 4 行的平台 \"ebay\" 未知；可选：taobao, tmall, jd, pdd, "
      "douyin, kuaishou, 1688\n");
  Options o;
  Output bad = eval({{"bad.jsonl", text}}, {}, o);
  EXPECT_EQ(bad.status, 2);
  o.format = Format::kJson;
  bad = eval({{"bad.jsonl", text}}, {}, o);
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(nlohmann::json::parse(bad.out)["errors"][0]["line"], 2);
}

TEST(CheckLines, OneJsonObjectPerInputLine) {
  Options o;
  o.packs = {
      {"language.json", test::read_file(test::source_path("tests/fixtures/packs/language.json"))}};
  Output out = check_lines("专票开不了\n\n请不要加微信哦\r\n普票开不了", o);
  EXPECT_EQ(out.status, 1);
  std::vector<nlohmann::json> lines;
  std::size_t at = 0;
  while (at < out.out.size()) {
    const std::size_t nl = out.out.find('\n', at);
    ASSERT_NE(nl, std::string::npos);
    lines.push_back(nlohmann::json::parse(out.out.substr(at, nl - at)));
    at = nl + 1;
  }
  ASSERT_EQ(lines.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(lines[i]["line"], i + 1);
  auto has = [](const nlohmann::json& line, const std::string& rule, const std::string& text) {
    for (const auto& f : line["findings"])
      if (f["rule"] == rule && f["text"] == text) return true;
    return false;
  };
  EXPECT_TRUE(has(lines[0], "lang.invoice-refusal", "专票开不了"));
  EXPECT_TRUE(lines[1]["findings"].empty());
  EXPECT_FALSE(has(lines[2], "lang.lure", "加微信"));
  EXPECT_TRUE(has(lines[3], "lang.invoice-refusal", "普票开不了"));
  // Offsets are the line's own.
  for (const auto& f : lines[3]["findings"])
    if (f["rule"] == "lang.invoice-refusal") EXPECT_EQ(f["start"], 0);
}

}  // namespace
}  // namespace kefu
