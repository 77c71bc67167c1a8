// Every example of every built-in conversation rule is a test (STYLE §7): each bad example (a tiny
// transcript) raises its rule, each good one does not. The reply-rule runner skips these kinds.
#include <gtest/gtest.h>

#include <map>

#include "pack/builtin_packs.h"
#include "test_support.h"
#include "transcript/conversation_kinds.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

struct ConversationCase {
  std::string platform;  // the platform whose pack set holds the rule
  std::string id;
  std::vector<std::string> bad, good;
};

// Examples that cannot pass yet, with the reason; reported as skipped, never dropped.
const std::map<std::string, std::string> kKnownFailures = {};

std::vector<ConversationCase> all_conversation_rules() {
  std::vector<ConversationCase> out;
  for (const auto& b : builtin_packs()) {
    const std::string platform = vocab::is_platform(b.name) ? std::string(b.name) : "taobao";
    nlohmann::json doc = nlohmann::json::parse(b.json, nullptr, false);
    if (!doc.is_object() || !doc.contains("rules")) continue;
    for (const auto& r : doc["rules"]) {
      if (!r.is_object() || !r.contains("kind") || !r["kind"].is_string() ||
          !is_conversation_kind(r["kind"].get<std::string>()))
        continue;
      ConversationCase c{platform, r.value("id", ""), {}, {}};
      for (const auto& e : r["examples"]["bad"]) c.bad.push_back(e.get<std::string>());
      for (const auto& e : r["examples"]["good"]) c.good.push_back(e.get<std::string>());
      out.push_back(std::move(c));
    }
  }
  return out;
}

// How many findings of `rule` the transcript gets, and the whole JSON for failure messages.
std::size_t count_findings(const std::string& platform, const std::string& transcript_text,
                           const std::string& rule, std::string& report) {
  Options o;
  o.platform = platform;
  o.format = Format::kJson;
  const Output out = transcript(transcript_text, o);
  report = out.out + out.err;
  const auto doc = nlohmann::json::parse(out.out);
  std::size_t n = 0;
  for (const auto& f : doc.value("findings", nlohmann::json::array())) n += f["rule"] == rule;
  return n;
}

class ConversationExamples : public testing::TestWithParam<ConversationCase> {};

TEST_P(ConversationExamples, BadRaisesGoodDoesNot) {
  const auto& c = GetParam();
  if (auto it = kKnownFailures.find(c.id); it != kKnownFailures.end())
    GTEST_SKIP() << "known failure: " << it->second;
  ASSERT_GE(c.bad.size(), 3u) << c.id;
  ASSERT_GE(c.good.size(), 3u) << c.id;
  std::string report;
  for (const auto& ex : c.bad)
    EXPECT_GE(count_findings(c.platform, ex, c.id, report), 1u)
        << c.id << " should fire on bad example:\n"
        << ex << "\n--- report\n"
        << report;
  for (const auto& ex : c.good)
    EXPECT_EQ(count_findings(c.platform, ex, c.id, report), 0u)
        << c.id << " should not fire on good example:\n"
        << ex << "\n--- report\n"
        << report;
}

INSTANTIATE_TEST_SUITE_P(Packs, ConversationExamples, testing::ValuesIn(all_conversation_rules()),
                         [](const testing::TestParamInfo<ConversationCase>& info) {
                           std::string s = info.param.id;
                           for (auto& ch : s)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// Each conversation category of the vocabulary has a rule with examples in the built-in packs,
// so a kind that silently lost its rule fails here.
TEST(ConversationExamples, EveryConversationCategoryHasARule) {
  std::set<std::string> covered;
  for (const auto& b : builtin_packs()) {
    nlohmann::json doc = nlohmann::json::parse(b.json, nullptr, false);
    if (!doc.is_object() || !doc.contains("rules")) continue;
    for (const auto& r : doc["rules"])
      if (r.is_object() && r.contains("kind") && is_conversation_kind(r["kind"].get<std::string>()))
        covered.insert(r["category"].get<std::string>());
  }
  for (const char* cat : {"greeting_missing", "closing_missing", "slow_response", "no_followup",
                          "order_unverified", "refund_slow", "template_repeat"})
    EXPECT_TRUE(covered.count(cat)) << "no conversation rule for " << cat;
}

// The rules come from the built-in packs: a reader that found none would run nothing and pass.
TEST(ConversationExamplesFound, TheConversationRulesAreFound) {
  EXPECT_GE(all_conversation_rules().size(), 5u);
}

}  // namespace
}  // namespace kefu
