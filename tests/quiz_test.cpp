// kefu::quiz (kefu-lint quiz): seeded and deterministic, every answer agreeing with the engine.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "kefu/kefu.h"

namespace kefu {
namespace {

nlohmann::json quiz_of(const std::string& platform, int count, std::uint64_t seed) {
  Options o;
  o.platform = platform;
  o.format = Format::kJson;
  o.count = count;
  o.seed = seed;
  const Output out = quiz(o);
  EXPECT_EQ(out.status, 0) << out.out;
  return nlohmann::json::parse(out.out);
}

TEST(Quiz, TwentyQuestionsSameForTheSameSeed) {
  const auto a = quiz_of("taobao", 20, 7);
  ASSERT_EQ(a["questions"].size(), 20u);
  EXPECT_EQ(a, quiz_of("taobao", 20, 7));
  EXPECT_NE(a["questions"], quiz_of("taobao", 20, 8)["questions"]);
  for (const auto& q : a["questions"]) {
    for (const char* k : {"text", "choices", "answer", "explanation", "rule"})
      EXPECT_TRUE(q.contains(k)) << k;
    ASSERT_GE(q["choices"].size(), 3u);
    const int ans = q["answer"].get<int>();
    ASSERT_TRUE(ans >= 0 && ans < static_cast<int>(q["choices"].size()));
    EXPECT_FALSE(q["explanation"].get<std::string>().empty());
  }
}

// The key is what the engine says: a reply keyed 合规 has no error or warning finding, one keyed
// with a category has a finding of that category.
TEST(Quiz, AnswersAgreeWithTheChecker) {
  for (const char* platform : {"taobao", "pdd", "douyin"}) {
    const auto q = quiz_of(platform, 30, 42);
    for (const auto& x : q["questions"]) {
      Options o;
      o.platform = platform;
      o.format = Format::kJson;
      if (x["type"] == "judge") {
        const auto f =
            nlohmann::json::parse(check(x["reply"].get<std::string>(), o).out)["findings"];
        const std::string key = x["choices"][x["answer"].get<int>()];
        bool serious = false, category = false;
        for (const auto& finding : f) {
          serious |= finding["severity"] != "info";
          category |= finding["category"] == x["category"];
        }
        if (key == "合规，可以发送")
          EXPECT_FALSE(serious) << x["reply"];
        else
          EXPECT_TRUE(category) << x["reply"] << " keyed " << key;
      } else {
        for (std::size_t i = 0; i < x["choices"].size(); ++i) {
          const auto f =
              nlohmann::json::parse(check(x["choices"][i].get<std::string>(), o).out)["findings"];
          bool serious = false;
          for (const auto& finding : f) serious |= finding["severity"] != "info";
          EXPECT_EQ(serious, static_cast<int>(i) != x["answer"].get<int>()) << x["choices"][i];
        }
      }
    }
  }
}

TEST(Quiz, CategoriesLimitTheQuestions) {
  Options o;
  o.format = Format::kJson;
  o.count = 5;
  o.categories = {"off_platform"};
  const auto q = nlohmann::json::parse(quiz(o).out);
  ASSERT_FALSE(q["questions"].empty());
  for (const auto& x : q["questions"]) EXPECT_EQ(x["category"], "off_platform");
}

TEST(Quiz, BadCountIsAChineseErrorAndHtmlHasAnAnswerKey) {
  Options o;
  o.format = Format::kJson;
  o.count = 0;
  const Output bad = quiz(o);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("题数"), std::string::npos);
  o.count = 6;
  o.format = Format::kHtml;
  const Output sheet = quiz(o);
  EXPECT_EQ(sheet.status, 0);
  EXPECT_NE(sheet.out.find("答案与解析"), std::string::npos);
  EXPECT_EQ(std::count(sheet.out.begin(), sheet.out.end(), '\n') > 10, true);
}

}  // namespace
}  // namespace kefu
