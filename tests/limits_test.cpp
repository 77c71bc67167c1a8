// Every limit of pack/pack.h at its edge: the limit itself passes, one more fails with its
// code and sentence. (hostile_input_test.cpp and pack_errors_test.cpp cover far-over cases.)
#include <gtest/gtest.h>

#include "kefu/kefu.h"
#include "pack/pack.h"
#include "reply/reply_checker.h"
#include "test_support.h"
#include "text/utf8.h"

namespace kefu {
namespace {

const std::string kRuleHead = R"("kind":"terms","category":"rude","severity":"error","title":"t",
"message":"m","penalty":"","source":"s","examples":{"bad":["滚"],"good":["好"]})";

std::string rule(const std::string& id, const std::string& fields) {
  return "{\"id\":\"" + id + "\"," + kRuleHead + fields + "}";
}

std::string pack_of(const std::string& rules) { return R"({"pack":"my","rules":[)" + rules + "]}"; }

// `n` distinct three-character CJK terms, starting at the n0-th, as a JSON list body.
std::string distinct_terms(std::size_t n, std::size_t n0 = 0) {
  std::string out;
  out.reserve(n * 12);
  for (std::size_t i = n0; i < n0 + n; ++i) {
    out += i == n0 ? "\"" : ",\"";
    for (std::size_t k : {i % 100, (i / 100) % 100, (i / 10000) % 100})
      append_utf8(out, static_cast<char32_t>(0x4E00 + k));
    out += "\"";
  }
  return out;
}

// The input limit is checked before any pack is loaded, so an unknown platform tells the two
// sides of the edge apart without checking 64 MiB of text.
TEST(Limits, InputAtTheLimitIsReadInputOneByteOverIsRefused) {
  Options o;
  o.platform = "no-such-platform";
  std::string input(Limits::kMaxInputBytes, 'a');
  for (auto* command : {&check, &mask, &transcript}) {
    input.resize(Limits::kMaxInputBytes);
    Output at = (*command)(input, o);
    EXPECT_EQ(at.status, 2);
    EXPECT_EQ(at.err.rfind("[usage.E001]", 0), 0u) << at.err;
    input.push_back('a');
    Output over = (*command)(input, o);
    EXPECT_EQ(over.status, 2);
    EXPECT_EQ(over.err, "[input.E103]: input is 67108865 bytes; the limit is 67108864\n");
  }
}

TEST(Limits, PackAtTheSizeLimitLoadsOneByteOverIsRefused) {
  const std::string head = R"({"pack":"my","description":")", tail = "\"}";
  std::string pack =
      head + std::string(Limits::kMaxPackBytes - head.size() - tail.size(), 'x') + tail;
  ASSERT_EQ(pack.size(), Limits::kMaxPackBytes);
  Output at = validate("my.json", pack);
  EXPECT_EQ(at.status, 0) << at.err;
  pack.insert(head.size(), "x");
  EXPECT_EQ(validate("my.json", pack).err,
            "[pack.E105] my.json: pack is 8388609 bytes; the limit is 8388608\n");
}

TEST(Limits, NestingAtTheLimitParsesOneDeeperIsRefused) {
  // The pack object is level 1 and settings level 2, so 30 arrays reach exactly 32.
  auto nested = [](int arrays) {
    return R"({"pack":"my","settings":{"x":)" + std::string(arrays, '[') +
           std::string(arrays, ']') + "}}";
  };
  Output at = validate("my.json", nested(Limits::kMaxJsonDepth - 2));
  EXPECT_EQ(at.status, 0) << at.err;
  EXPECT_EQ(validate("my.json", nested(Limits::kMaxJsonDepth - 1)).err,
            "[pack.E104] my.json:1:60: nesting deeper than 32 levels\n");
}

TEST(Limits, NestingInsideStringsDoesNotCount) {
  const std::string pack = R"({"pack":"my","description":")" + std::string(100, '[') + R"(\"{{{"})";
  Output out = validate("my.json", pack);
  EXPECT_EQ(out.status, 0) << out.err;
}

TEST(Limits, RuleCountAtTheLimitLoadsOneMoreIsRefused) {
  std::string rules;
  for (std::size_t i = 0; i < Limits::kMaxRulesPerPack; ++i)
    rules += (i ? "," : "") + rule("my.r" + std::to_string(i), R"(,"terms":["滚"])");
  Output at = validate("my.json", pack_of(rules));
  EXPECT_EQ(at.status, 0) << at.err.substr(0, 500);
  EXPECT_EQ(at.err, "my.json: ok, 5000 rules\n");
  rules += "," + rule("my.extra", R"(,"terms":["滚"])");
  EXPECT_EQ(validate("my.json", pack_of(rules)).err,
            "[pack.E210] my.json /rules: 5001 rules; the limit is 5000\n");
}

TEST(Limits, TermLengthAtTheLimitLoadsOneMoreCharacterIsRefused) {
  // Characters, not bytes: 64 CJK characters are 192 bytes.
  std::string term;
  for (std::size_t i = 0; i < Limits::kMaxTermChars; ++i)
    append_utf8(term, 0x4E00 + static_cast<char32_t>(i));
  Output at = validate("my.json", pack_of(rule("my.r", ",\"terms\":[\"" + term + "\"]")));
  EXPECT_EQ(at.status, 0) << at.err;
  term += "字";
  EXPECT_EQ(validate("my.json", pack_of(rule("my.r", ",\"terms\":[\"" + term + "\"]"))).err,
            "[pack.E210] my.json /rules/0/terms/0: term is 65 characters; the limit is 64\n");
}

std::string proximity(const std::string& fields) {
  return pack_of(R"({"id":"my.p","kind":"proximity","category":"invoice_refusal","severity":"error",
  "title":"t","message":"m","penalty":"","source":"s","a":["不"],"b":["发票"],
  "examples":{"bad":["不开发票"],"good":["开发票"]})" +
                 fields + "}");
}

TEST(Limits, ProximityWindowAtTheLimitLoadsOneMoreIsRefused) {
  Output at = validate("my.json", proximity(R"(,"within":200,"guard_before":200)"));
  EXPECT_EQ(at.status, 0) << at.err;
  EXPECT_EQ(validate("my.json", proximity(R"(,"within":201)")).err,
            "[pack.E210] my.json /rules/0/within: 201 is out of range 0..200\n");
  EXPECT_EQ(validate("my.json", proximity(R"(,"within":-1)")).err,
            "[pack.E210] my.json /rules/0/within: -1 is out of range 0..200\n");
  EXPECT_EQ(validate("my.json", proximity(R"(,"within":8,"guard_before":201)")).err,
            "[pack.E210] my.json /rules/0/guard_before: 201 is out of range 0..200\n");
}

TEST(Limits, WindowOfTheLimitFindsAPairExactlyThatFarApart) {
  Options o;
  o.format = Format::kJson;
  o.packs.push_back({"my.json", proximity(R"(,"within":200)")});
  // "不", `gap` distinct non-separator characters, "发票": the gap is what `within` bounds.
  auto found_with_gap = [&](int gap) {
    std::string reply = "不";
    for (int i = 0; i < gap; ++i) append_utf8(reply, 0x4F00 + static_cast<char32_t>(i));
    reply += "发票";
    Output out = check(reply, o);
    EXPECT_NE(out.status, 2) << out.err;
    bool found = false;
    const auto answer = nlohmann::json::parse(out.out);
    for (const auto& f : answer["findings"]) found |= f["rule"] == "my.p";
    return found;
  };
  EXPECT_TRUE(found_with_gap(Limits::kMaxWithin));
  EXPECT_FALSE(found_with_gap(Limits::kMaxWithin + 1));
}

TEST(Limits, OneTermListAtTheLimitLoadsOneMoreIsRefused) {
  Output at = validate(
      "my.json",
      pack_of(rule("my.r", ",\"terms\":[" + distinct_terms(Limits::kMaxTermsTotal) + "]")));
  EXPECT_EQ(at.status, 0) << at.err.substr(0, 300);
  EXPECT_EQ(validate("my.json",
                     pack_of(rule("my.r", ",\"terms\":[" +
                                              distinct_terms(Limits::kMaxTermsTotal + 1) + "]")))
                .err,
            "[pack.E210] my.json /rules/0/terms: 300001 terms in one list; the limit is 300000\n");
}

// The total counts every loaded rule's patterns; a set holding only the user's pack makes the
// count exact whatever the built-in packs hold.
std::unique_ptr<ReplyChecker> build_only(const std::string& pack, std::vector<Error>& errors) {
  PackSet set;
  set.platform = "taobao";
  Pack p;
  p.name = "my";
  p.file = "my.json";
  EXPECT_TRUE(parse_pack_json(pack, p.file, p.doc, errors));
  set.packs.push_back(std::move(p));
  return ReplyChecker::build(set, errors);
}

TEST(Limits, TermsInAllAtTheLimitCompileOneMoreIsRefused) {
  const std::size_t half = Limits::kMaxTermsTotal / 2;
  const std::string first = rule("my.a", ",\"terms\":[" + distinct_terms(half) + "]");
  std::vector<Error> errors;
  auto at = build_only(
      pack_of(first + "," + rule("my.b", ",\"terms\":[" + distinct_terms(half, half) + "]")),
      errors);
  EXPECT_TRUE(at != nullptr) << join_errors(errors);
  errors.clear();
  auto over = build_only(
      pack_of(first + "," + rule("my.b", ",\"terms\":[" + distinct_terms(half + 1, half) + "]")),
      errors);
  EXPECT_TRUE(over == nullptr);
  EXPECT_EQ(join_errors(errors),
            "[pack.E210] my.json /rules/1: the loaded packs have more than 300000 terms (stand-in "
            "variants included)\n");
}

}  // namespace
}  // namespace kefu
