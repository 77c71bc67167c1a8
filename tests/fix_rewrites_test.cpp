// kefu::fix (core/src/fix): every bad example of every built-in reply rule comes out clean, the
// changes describe exactly how the original became the fixed text, rewrites keep no contact
// handle, and the `rewrites` section is validated like every other pack section.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fix/fixer.h"
#include "pack/builtin_packs.h"
#include "rules/rule_kind.h"
#include "test_support.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

FixResult fix_on(const std::string& platform, const std::string& text) {
  const Engine& e = test::engine(platform);
  const RewriteBook book(e.packs);
  return fix_reply(*e.checker, book, text);
}

bool blocking(const RemainingFinding& f) {
  return f.finding.rule->severity == "error" || f.finding.rule->severity == "warning";
}

// The changes, applied to the original from the back, give the fixed text.
std::string apply_changes(const std::string& original, const std::vector<FixChange>& changes) {
  std::u32string t = decode_utf8(original).chars;
  for (auto it = changes.rbegin(); it != changes.rend(); ++it)
    t = t.substr(0, it->start) + decode_utf8(it->after).chars + t.substr(it->end);
  return encode_utf8(t);
}

struct Example {
  std::string platform, rule, text;
};

std::vector<Example> bad_examples() {
  std::vector<Example> out;
  for (const auto& b : builtin_packs()) {
    const std::string platform = vocab::is_platform(b.name) ? std::string(b.name) : "taobao";
    nlohmann::json doc = nlohmann::json::parse(b.json, nullptr, false);
    if (!doc.is_object() || !doc.contains("rules")) continue;
    for (const auto& r : doc["rules"]) {
      if (!r.contains("kind") || !find_reply_kind(r["kind"].get<std::string>())) continue;
      if (!r.contains("examples") || !r["examples"].contains("bad")) continue;
      for (const auto& ex : r["examples"]["bad"])
        out.push_back({platform, r["id"].get<std::string>(), ex.get<std::string>()});
    }
  }
  return out;
}

TEST(FixRewrites, EveryBadExampleOfEveryBuiltInRuleComesOutClean) {
  const auto examples = bad_examples();
  ASSERT_GT(examples.size(), 100u);
  for (const auto& ex : examples) {
    SCOPED_TRACE(ex.rule + " on " + ex.platform + ": " + ex.text);
    const FixResult r = fix_on(ex.platform, ex.text);
    for (const auto& f : r.findings)
      EXPECT_FALSE(blocking(f)) << "still raises " << f.finding.rule->id << " in: " << r.text;
    for (const auto& f : r.findings) EXPECT_NE(f.finding.rule->id, ex.rule) << r.text;
    EXPECT_GE(content_length(decode_utf8(r.text).chars), 5u) << r.text;
    EXPECT_EQ(apply_changes(ex.text, r.changes), r.text);
  }
}

TEST(FixRewrites, TheIssueExamplesBecomeSentencesAnAgentWouldSend) {
  // Each of these was broken by word-for-word replacement (issue 11).
  auto lure = fix_on("taobao", "加我薇信 abc123 给你便宜点");
  EXPECT_EQ(lure.text.find("abc123"), std::string::npos) << lure.text;
  EXPECT_EQ(lure.text.find("薇信"), std::string::npos) << lure.text;
  EXPECT_TRUE(lure.findings.empty()) << lure.text;

  auto rude = fix_on("taobao", "你爱买不买");
  EXPECT_EQ(rude.text.find("你非常抱歉"), std::string::npos) << rude.text;
  EXPECT_EQ(rude.text.find("爱买不买"), std::string::npos) << rude.text;

  auto refusal = fix_on("taobao", "特价商品不退不换哦");
  EXPECT_NE(refusal.text.find("七天无理由"), std::string::npos) << refusal.text;
  EXPECT_EQ(refusal.text.find("不换哦"), std::string::npos) << refusal.text;
  EXPECT_NE(refusal.text.find("商品完好"), std::string::npos) << refusal.text;

  auto bare = fix_on("taobao", "嗯");
  EXPECT_GE(content_length(decode_utf8(bare.text).chars), 5u) << bare.text;
  EXPECT_TRUE(bare.findings.empty()) << bare.text;

  auto invoice = fix_on("taobao", "亲，这款是特价商品，不能开发票的哦");
  EXPECT_NE(invoice.text.find("X月X日前"), std::string::npos) << invoice.text;
}

TEST(FixRewrites, OnlyTheOffendingSentenceChanges) {
  const std::string text = "亲，您好。加我vx：kefu2024，给你便宜点！今天下午就给您发货哦。";
  const FixResult r = fix_on("taobao", text);
  ASSERT_EQ(r.changes.size(), 1u) << r.text;
  EXPECT_EQ(r.changes[0].before, "加我vx：kefu2024，给你便宜点");
  EXPECT_EQ(r.changes[0].start, 5u);
  EXPECT_EQ(r.changes[0].end, 5u + 19u);
  EXPECT_EQ(r.text.rfind("亲，您好。", 0), 0u);
  EXPECT_NE(r.text.find("！今天下午就给您发货哦。"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("kefu2024"), std::string::npos);
  EXPECT_TRUE(r.findings.empty());
}

TEST(FixRewrites, ChangesCountUtf16UnitsForThePage) {
  const std::string text = "😀😀你有病吧";  // two astral characters before the finding
  const FixResult r = fix_on("taobao", text);
  ASSERT_EQ(r.changes.size(), 1u) << r.text;
  EXPECT_EQ(r.changes[0].start, 0u);  // the emoji belong to the sentence that is rewritten
  EXPECT_EQ(r.changes[0].end_utf16, 4u + 4u);
  EXPECT_EQ(r.changes[0].end, 2u + 4u);
}

TEST(FixRewrites, WordLevelFixesKeepTheRestOfTheSentence) {
  const FixResult typo = fix_on("taobao", "亲，因该明天就能发货");
  ASSERT_EQ(typo.changes.size(), 1u);
  EXPECT_EQ(typo.text, "亲，应该明天就能发货");

  const FixResult jd = fix_on("jd", "本公司客服工作时间为9点到23点");
  EXPECT_EQ(jd.text, "本店客服工作时间为9点到23点");

  const FixResult masked = fix_on("taobao", "收件人电话13812345678，没错吧");
  EXPECT_EQ(masked.text.find("13812345678"), std::string::npos) << masked.text;
  EXPECT_NE(masked.text.find("没错吧"), std::string::npos) << masked.text;
}

TEST(FixRewrites, ARulesGeneralAdviceIsNeverPastedInPlaceOfAWord) {
  // The rule's suggestion is advice for people; only a term's own `use` replaces the term.
  const std::string pack = R"({"pack": "myshop", "rules": [{"id": "myshop.cosmic", "kind": "terms",
    "category": "absolute_claim", "severity": "warning", "title": "绝对化", "message": "m",
    "penalty": "", "source": "test", "suggestion": "用可以证明的具体事实描述商品",
    "terms": ["宇宙第一", {"term": "天下无敌", "use": "很受欢迎"}],
    "examples": {"bad": ["宇宙第一"], "good": ["很好"]}}]})";
  const Engine& e = test::engine("taobao", {{"myshop.json", pack}});
  const RewriteBook book(e.packs);
  const FixResult cosmic = fix_reply(*e.checker, book, "这是宇宙第一的好货，放心买");
  EXPECT_EQ(cosmic.text.find("用可以证明"), std::string::npos) << cosmic.text;
  EXPECT_EQ(cosmic.text.find("宇宙第一"), std::string::npos) << cosmic.text;
  const FixResult own = fix_reply(*e.checker, book, "这款天下无敌的好货，放心买");
  EXPECT_EQ(own.text, "这款很受欢迎的好货，放心买");
}

TEST(FixRewrites, ACleanReplyIsLeftAlone) {
  const std::string text = "亲，您好，这款有现货，今天下单今天发货哦～";
  const FixResult r = fix_on("taobao", text);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.changes.empty());
  EXPECT_TRUE(r.findings.empty());
}

TEST(FixRewrites, WithoutATemplateTheFindingStaysWithAdvice) {
  // A user pack replaces the category's template with one that can never re-check clean.
  const std::string pack = R"({"pack": "myshop", "rewrites": [
    {"category": "rude", "advice": "换成礼貌的说法", "candidates": [{"scope": "sentence", "text": "你有病吧"}]}]})";
  Options o;
  o.packs = {{"myshop.json", pack}};
  o.format = Format::kJson;
  const Output out = fix("你有病吧，烦不烦", o);
  EXPECT_EQ(out.status, 1);
  const auto j = nlohmann::json::parse(out.out);
  EXPECT_EQ(j["text"], "你有病吧，烦不烦");
  EXPECT_TRUE(j["changes"].empty());
  ASSERT_FALSE(j["findings"].empty());
  EXPECT_EQ(j["findings"][0]["advice"], "换成礼貌的说法");
}

TEST(FixRewrites, PublicJsonHasTheDocumentedShape) {
  Options o;
  o.format = Format::kJson;
  const Output out = fix("亲，加我微信聊吧，发图方便", o);
  EXPECT_EQ(out.status, 0);
  const auto j = nlohmann::json::parse(out.out);
  ASSERT_TRUE(j["text"].is_string());
  ASSERT_EQ(j["changes"].size(), 1u);
  for (const char* k : {"rule", "start", "end", "before", "after"})
    EXPECT_TRUE(j["changes"][0].contains(k)) << k;
  EXPECT_EQ(j["changes"][0]["rule"], "common.off-platform");
  EXPECT_TRUE(j["findings"].is_array());
}

TEST(FixRewrites, BadRewriteSectionsAreRejectedWithTheirPlace) {
  const std::string pack = R"({"pack": "myshop", "rewrites": [
    {"category": "rudeness", "advice": "x", "candidates": [{"scope": "paragraph", "text": "好的亲"}]},
    {"rule": "myshop.x", "advice": "", "candidates": []}]})";
  const Output out = validate("myshop.json", pack);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(
      out.err.find("[pack.E203] myshop.json /rewrites/0/category: unknown category \"rudeness\""),
      std::string::npos)
      << out.err;
  EXPECT_NE(
      out.err.find("[pack.E202] myshop.json /rewrites/0/candidates/0/scope: must be \"match\", "
                   "\"clause\", \"sentence\" or \"reply\""),
      std::string::npos)
      << out.err;
  EXPECT_NE(out.err.find("[pack.E202] myshop.json /rewrites/1/advice: must not be empty"),
            std::string::npos)
      << out.err;
  EXPECT_NE(
      out.err.find("[pack.E201] myshop.json /rewrites/1/candidates: must be a non-empty array"),
      std::string::npos)
      << out.err;
}

TEST(FixRewrites, HostileInputStaysBounded) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "你有病吧，加我vx：kefu2024。";
  const FixResult r = fix_on("taobao", text);
  EXPECT_EQ(apply_changes(text, r.changes), r.text);
  EXPECT_EQ(fix_on("taobao", "").text, "");
  const FixResult bad_utf8 = fix_on("taobao", std::string("你有病吧\xff"));
  EXPECT_FALSE(bad_utf8.warnings.empty());
}

}  // namespace
}  // namespace kefu
