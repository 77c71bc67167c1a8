// Conversation rules match their terms through the reply engine (docs/rule-language.md):
// stand-ins, @lexicons, blockers and readings, through a fixture pack of their own.
#include <gtest/gtest.h>

#include "test_support.h"

namespace kefu {
namespace {

Options with_fixture() {
  Options o;
  o.format = Format::kJson;
  o.packs = {{"conversation_terms.json",
              test::read_file(test::source_path("tests/fixtures/packs/conversation_terms.json"))}};
  return o;
}

int count(const std::string& transcript_text, const std::string& rule) {
  const Output out = transcript(transcript_text, with_fixture());
  const auto doc = nlohmann::json::parse(out.out);
  EXPECT_TRUE(doc.contains("findings")) << out.out << out.err;
  int n = 0;
  for (const auto& f : doc["findings"]) n += f["rule"] == rule;
  return n;
}

TEST(ConversationTerms, GreetingTermsComeFromALexiconWithStandInsAndBlockers) {
  EXPECT_EQ(count("[10:00:00] 买家: 在吗\n[10:00:10] 客服: 亲，在的\n", "conv.greet"), 0);
  EXPECT_EQ(count("[10:00:00] 买家: 在吗\n[10:00:10] 客服: nin 好，在的\n", "conv.greet"), 0);
  EXPECT_EQ(count("[10:00:00] 买家: 在吗\n[10:00:10] 客服: 在的，要什么\n", "conv.greet"), 1);
  // 亲 inside 亲自 is blocked: no greeting.
  EXPECT_EQ(count("[10:00:00] 买家: 在吗\n[10:00:10] 客服: 我亲自帮你看\n", "conv.greet"), 1);
}

TEST(ConversationTerms, ATriggerOnANegatedReadingStartsNoClock) {
  EXPECT_EQ(count("[10:00:00] 买家: 退款吧\n[10:30:00] 客服: 好的\n", "conv.refund"), 1);
  EXPECT_EQ(count("[10:00:00] 买家: 不用退款了\n[10:30:00] 客服: 好的\n", "conv.refund"), 0);
  EXPECT_EQ(count("[10:00:00] 买家: 退款吧\n[10:05:00] 客服: 已退款\n", "conv.refund"), 0);
}

TEST(ConversationTerms, BrokenLexiconReferencesAndReadingsAreRefused) {
  std::string pack =
      test::read_file(test::source_path("tests/fixtures/packs/conversation_terms.json"));
  const std::string bad_ref =
      std::string(pack).replace(pack.find("\"@c_hello\""), 10, "\"@c_nope\"");
  Output out = validate("c.json", bad_ref);
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.err.find("[pack.E212] c.json /rules/0/terms/0: 未知词表 \"@c_nope\""),
            std::string::npos)
      << out.err;
  const std::string bad_reading =
      std::string(pack).replace(pack.find("\"asserted\""), 10, "\"sure\"");
  out = validate("c.json", bad_reading);
  EXPECT_NE(out.err.find("[pack.E214] c.json /rules/1/readings/0: 未知读法 \"sure\""),
            std::string::npos)
      << out.err;
  EXPECT_EQ(validate("c.json", pack).status, 0) << validate("c.json", pack).err;
}

}  // namespace
}  // namespace kefu
