// Lexicons, the pattern kind, readings (scope_cues) and blockers (docs/rule-language.md), through
// a fixture pack loaded on its own, so the built-in packs' own lexicons and cues cannot move
// these results.
#include <gtest/gtest.h>

#include "pack/pack.h"
#include "reply/reply_checker.h"
#include "test_support.h"

namespace kefu {
namespace {

using V = std::vector<std::string>;

std::unique_ptr<ReplyChecker> build(const std::vector<std::string>& jsons,
                                    std::vector<Error>& errors) {
  PackSet set;
  set.platform = "taobao";
  set.packs.reserve(jsons.size());
  for (std::size_t i = 0; i < jsons.size(); ++i) {
    nlohmann::json doc = nlohmann::json::parse(jsons[i]);
    Pack p{doc["pack"].get<std::string>(), "pack" + std::to_string(i) + ".json", false, doc, {}};
    set.packs.push_back(std::move(p));
  }
  return ReplyChecker::build(set, errors);
}

const std::string& fixture_json() {
  static const std::string json =
      test::read_file(test::source_path("tests/fixtures/packs/language.json"));
  return json;
}

const ReplyChecker& fixture() {
  static const auto checker = [] {
    std::vector<Error> errors;
    auto c = build({fixture_json()}, errors);
    if (!c) throw std::runtime_error(join_errors(errors));
    return c;
  }();
  return *checker;
}

V texts(const ReplyChecker& c, const std::string& reply, const std::string& rule) {
  V out;
  for (const auto& f : c.check(reply).findings)
    if (f.rule->id == rule) out.push_back(f.text);
  return out;
}
V texts(const std::string& reply, const std::string& rule) { return texts(fixture(), reply, rule); }

std::string validate_err(const std::string& json) {
  std::vector<Error> errors;
  validate_pack(nlohmann::json::parse(json), "my.json", false, errors);
  std::string s;
  for (const auto& e : errors) s += e.to_string() + "\n";
  return s;
}

// A one-rule pack around `rule_fields` (the kind and its own fields), plus top-level `extra`.
std::string pack_with(const std::string& rule_fields, const std::string& extra = "") {
  return R"({"pack": "my", )" + extra +
         R"("rules": [{"id": "my.r", "category": "rude", "severity": "error",
    "title": "t", "message": "m", "penalty": "", "source": "s",
    "examples": {"bad": ["x"], "good": ["y"]}, )" +
         rule_fields + "}]}";
}

TEST(Pattern, InsertedWordsWithinTheGapStillMatch) {
  EXPECT_EQ(texts("发票这边暂时给您开不出来", "lang.invoice-refusal"), V{"发票这边暂时给您开不出"});
  EXPECT_EQ(texts("专票开不了", "lang.invoice-refusal"), V{"专票开不了"});
  // Nested lexicon entry (t_cant -> @t_cant_more).
  EXPECT_EQ(texts("普票 开 不 来", "lang.invoice-refusal"), V{"普票 开 不 来"});
  // Eight characters between the elements is max_gap 8; nine are too many.
  EXPECT_EQ(texts("发票这边暂时真的给您开不出来", "lang.invoice-refusal").size(), 1u);
  EXPECT_TRUE(texts("发票这边暂时真的都给您开不出来", "lang.invoice-refusal").empty());
  // Out of order.
  EXPECT_TRUE(texts("开不了的不是发票", "lang.invoice-refusal").empty());
}

TEST(Pattern, MatchesStayInsideOneSentence) {
  EXPECT_TRUE(texts("发票已经开好了。开不了的是收据", "lang.invoice-refusal").empty());
  EXPECT_TRUE(texts("发票已开！\n开不出来的是别家", "lang.invoice-refusal").empty());
  // A comma does not end a sentence...
  EXPECT_EQ(texts("发票，开不了", "lang.invoice-refusal"), V{"发票，开不了"});
  // ...but it ends a clause.
  EXPECT_EQ(texts("只能换不能退", "lang.clause"), V{"只能换不能退"});
  EXPECT_TRUE(texts("只能换，七天内不能退的情况很少", "lang.clause").empty());
}

TEST(Pattern, OptionalElementsAndOneFindingPerStretch) {
  EXPECT_EQ(texts("发票不给开", "lang.invoice-negated"), V{"发票不给开"});
  EXPECT_EQ(texts("发票这边不给开", "lang.invoice-negated"), V{"发票这边不给开"});
  EXPECT_EQ(texts("发票发票开不了开不了", "lang.invoice-refusal").size(), 1u);
  EXPECT_EQ(texts("发票开不了。专票也开不了", "lang.invoice-refusal"),
            (V{"发票开不了", "专票也开不了"}));
}

TEST(Readings, NegatedRulesFireOnlyWhenNegated) {
  EXPECT_TRUE(texts("发票马上给开", "lang.invoice-negated").empty());
  EXPECT_EQ(texts("发票没给开", "lang.invoice-negated"), V{"发票没给开"});
}

TEST(Readings, ProhibitionAndNegationSilenceALure) {
  EXPECT_EQ(texts("加微信聊", "lang.lure"), V{"加微信"});
  EXPECT_EQ(texts("加 v 信聊", "lang.lure"), V{"加 v 信"});  // stand-ins inside a lexicon
  EXPECT_TRUE(texts("请不要加微信哦", "lang.lure").empty());
  EXPECT_TRUE(texts("千万别加微信", "lang.lure").empty());
  EXPECT_TRUE(texts("我们不加微信的", "lang.lure").empty());
  // A cue in another sentence, or too far before, does not count.
  EXPECT_EQ(texts("不要急。加微信聊", "lang.lure"), V{"加微信"});
  EXPECT_EQ(texts("不要着急亲亲我们这边加微信", "lang.lure"), V{"加微信"});
}

TEST(Readings, HedgesSilenceAPromiseTheLongestCueWins) {
  EXPECT_EQ(texts("今天一定能到", "lang.promise"), V{"一定能到"});
  // 不能保证 is a hedge, not a 不 or 不能 (both also cues).
  EXPECT_TRUE(texts("不能保证今天一定能到", "lang.promise").empty());
  EXPECT_TRUE(texts("预计明天一定能到", "lang.promise").empty());
  // Prohibited is stronger than negated: still not asserted.
  EXPECT_TRUE(texts("别说一定能到", "lang.promise").empty());
}

TEST(Blockers, ContainingWordsBlockATerm) {
  EXPECT_EQ(texts("这个药包好", "lang.promise"), V{"包好"});
  EXPECT_TRUE(texts("东西已经给您包好了", "lang.promise").empty());
  EXPECT_TRUE(texts("已经打包好了", "lang.promise").empty());
}

TEST(Proximity, ScopeKeepsThePairInOneClause) {
  EXPECT_EQ(texts("好评返现", "lang.review"), V{"好评返现"});
  EXPECT_TRUE(texts("好评，返现活动已结束", "lang.review").empty());
}

TEST(Lexicons, AUserPackExtendsALexiconOfAnotherPack) {
  EXPECT_TRUE(texts("税票开不了", "lang.invoice-refusal").empty());
  std::vector<Error> errors;
  auto c =
      build({fixture_json(), R"({"pack": "ext", "lexicons": {"t_invoice": ["税票"]}})"}, errors);
  ASSERT_TRUE(c) << join_errors(errors);
  EXPECT_EQ(texts(*c, "税票开不了", "lang.invoice-refusal"), V{"税票开不了"});
  EXPECT_EQ(texts(*c, "发票开不了", "lang.invoice-refusal"), V{"发票开不了"});
}

TEST(Lexicons, NoScopeCuesMeansEverythingIsAsserted) {
  std::vector<Error> errors;
  auto c = build(
      {pack_with(R"("kind": "terms", "terms": ["@w"])", R"("lexicons": {"w": ["加微信"]}, )")},
      errors);
  ASSERT_TRUE(c) << join_errors(errors);
  EXPECT_EQ(texts(*c, "请不要加微信", "my.r"), V{"加微信"});
}

TEST(LanguageErrors, BrokenReferencesAndCycles) {
  // The list of known lexicons names the built-in packs' too, which change: compare the start.
  EXPECT_EQ(
      validate_err(pack_with(R"("kind": "terms", "terms": ["@nope"])"))
          .rfind("[pack.E212] my.json /rules/0/terms/0: 未知词表 \"@nope\"（已加载的词表：", 0),
      0u);
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"])",
                                   R"("lexicons": {"a": ["@b"], "b": ["@a"]}, )")),
            "[pack.E213] my.json /lexicons/b/0: 词表循环引用：a → b → a\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"])",
                                   R"("lexicons": {"发票": ["x"]}, )")),
            "[pack.E202] my.json /lexicons/发票: 词表名只能由小写字母、数字、_ 和 - 组成（至多 40 "
            "个）\n");
  EXPECT_EQ(
      validate_err(pack_with(R"("kind": "terms", "terms": ["x"])", R"("lexicons": {"a": []}, )")),
      "[pack.E201] my.json /lexicons/a: 词表必须是非空的字符串数组\n");
}

TEST(LanguageErrors, ReadingsScopesAndPatterns) {
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"], "readings": ["negative"])")),
            "[pack.E214] my.json /rules/0/readings/0: 未知读法 "
            "\"negative\"；可选：asserted、negated、prohibited、hedged\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"], "scope": "paragraph")")),
            "[pack.E201] my.json /rules/0/scope: 必须是 \"sentence\"（句）或 \"clause\"（分句）\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "pattern", "pattern": [])")),
            "[pack.E215] my.json /rules/0/pattern: 模式不能为空：至少需要一个非可选元素\n");
  EXPECT_EQ(validate_err(
                pack_with(R"("kind": "pattern", "pattern": [{"any": ["a"], "optional": true}])")),
            "[pack.E215] my.json /rules/0/pattern: 模式不能为空：至少需要一个非可选元素\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "pattern", "pattern": ["a", []])")),
            "[pack.E215] my.json /rules/0/pattern/1: 备选项不能为空：至少写一个词或 @词表\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "pattern")")),
            "[pack.E215] my.json /rules/0: pattern 规则需要 \"pattern\"（一个元素序列）或 "
            "\"patterns\"（多个序列）之一\n");
  EXPECT_EQ(validate_err(
                pack_with(R"("kind": "pattern", "pattern": ["a", {"term": "b", "max_gap": 999}])")),
            "[pack.E210] my.json /rules/0/pattern/1/max_gap: 必须是 0 到 200 之间的整数\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "pattern", "patterns": [["a"], ["@zz"]])"))
                .rfind("[pack.E212] my.json /rules/0/patterns/1/0: 未知词表 \"@zz\"", 0),
            0u);
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"])",
                                   R"("scope_cues": {"maybe": ["x"]}, )")),
            "[pack.E214] my.json /scope_cues/maybe: 未知的线索类别 "
            "\"maybe\"；可选：negated、prohibited、hedged、asserted\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"])",
                                   R"("blockers": {"包好": ["打包"]}, )")),
            "[pack.E216] my.json /blockers/包好/0: 阻断词 \"打包\" 不包含 \"包好\"（规范化后）\n");
}

TEST(Readings, ARuleMayIgnoreCuesThatDoNotConcernIt) {
  // 两个 hedges 「还剩两个」 for some rules; a promise of hair in two months is still a promise.
  const std::string cues = R"("scope_cues": {"hedged": ["两个", "一般"]}, )";
  std::vector<Error> errors;
  auto plain = build({pack_with(R"("kind": "terms", "terms": ["一定长出"])", cues)}, errors);
  auto ignoring =
      build({pack_with(R"("kind": "terms", "terms": ["一定长出"], "ignore_cues": ["两个"])", cues)},
            errors);
  ASSERT_TRUE(plain && ignoring) << join_errors(errors);
  EXPECT_TRUE(texts(*plain, "用两个月一定长出新头发", "my.r").empty());
  EXPECT_EQ(texts(*ignoring, "用两个月一定长出新头发", "my.r"), V{"一定长出"});
  // Only the named cue is ignored: 一般 still hedges.
  EXPECT_TRUE(texts(*ignoring, "一般一定长出", "my.r").empty());
}

TEST(Readings, ACueInsideAMatchScopesOverItsOwnClause) {
  // 没 negates 开 in its own clause; the fee demand after the comma is still asserted.
  std::vector<Error> errors;
  auto c = build({pack_with(R"("kind": "pattern", "pattern": ["花呗", "您自己出"], "max_gap": 12)",
                            R"("scope_cues": {"negated": ["没"]}, )")},
                 errors);
  ASSERT_TRUE(c) << join_errors(errors);
  EXPECT_EQ(texts(*c, "花呗我们没开，手续费您自己出", "my.r").size(), 1u);
  // In the element's own clause it still counts.
  EXPECT_TRUE(texts(*c, "花呗，手续费没要您自己出", "my.r").empty());
  EXPECT_TRUE(texts(*c, "花呗没开通手续费您自己出", "my.r").empty());
}

TEST(LanguageErrors, IgnoredCuesMustBeCues) {
  // The built-in packs' cues count too (a user pack runs with them), so the word is none of them.
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"], "ignore_cues": ["叁佰陆"])",
                                   R"("scope_cues": {"hedged": ["一般"]}, )")),
            "[pack.E214] my.json /rules/0/ignore_cues/0: 「叁佰陆」不是已加载的范围提示词"
            "（scope_cues），无需忽略\n");
  EXPECT_EQ(validate_err(pack_with(R"("kind": "terms", "terms": ["x"], "ignore_cues": [])")),
            "[pack.E201] my.json /rules/0/ignore_cues: 必须是非空数组，元素是 scope_cues "
            "里的词或 @词表\n");
}

TEST(LanguageErrors, TheFixtureValidates) { EXPECT_EQ(validate_err(fixture_json()), ""); }

}  // namespace
}  // namespace kefu
