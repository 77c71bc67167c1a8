// Every example of every built-in reply rule is a test (STYLE §7): each bad example raises its
// rule, each good one does not, and applying a finding's suggestion raises no new error.
#include <gtest/gtest.h>

#include <map>

#include "pack/builtin_packs.h"
#include "rules/rule_kind.h"
#include "test_support.h"
#include "text/utf8.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

struct RuleCase {
  std::string platform;  // the platform whose pack set holds the rule
  std::string id;
};

// Examples that cannot pass yet, with the reason; reported as skipped, never dropped.
const std::map<std::string, std::string> kKnownFailures = {};

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.id << " on " << c.platform; }

std::vector<RuleCase> all_reply_rules() {
  std::vector<RuleCase> out;
  for (const auto& b : builtin_packs()) {
    std::string platform = vocab::is_platform(b.name) ? std::string(b.name) : "taobao";
    nlohmann::json doc = nlohmann::json::parse(b.json, nullptr, false);
    if (!doc.is_object() || !doc.contains("rules")) continue;
    for (const auto& r : doc["rules"])
      if (r.is_object() && r.contains("kind") && r["kind"].is_string() &&
          find_reply_kind(r["kind"].get<std::string>()) && r.contains("id"))
        out.push_back({platform, r["id"].get<std::string>()});
  }
  return out;
}

std::string case_name(const testing::TestParamInfo<RuleCase>& info) {
  std::string s = info.param.id;
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

class PackExamples : public testing::TestWithParam<RuleCase> {};

std::set<std::string> error_rules(const Engine& e, const std::string& text) {
  std::set<std::string> out;
  for (const auto& f : e.checker->check(text).findings)
    if (f.rule->severity == "error") out.insert(f.rule->id);
  return out;
}

TEST_P(PackExamples, BadRaisesGoodDoesNotSuggestionFixes) {
  const auto& param = GetParam();
  if (auto it = kKnownFailures.find(param.id); it != kKnownFailures.end())
    GTEST_SKIP() << "known failure: " << it->second;
  const Engine& e = test::engine(param.platform);
  const RuleMeta* rule = e.checker->find_rule(param.id);
  ASSERT_NE(rule, nullptr);
  EXPECT_GE(rule->bad.size(), 3u) << "a rule needs at least 3 bad examples";
  EXPECT_GE(rule->good.size(), 3u) << "a rule needs at least 3 good examples";
  for (const auto& bad : rule->bad) {
    auto found = test::findings_of(e, bad, param.id);
    EXPECT_FALSE(found.empty()) << param.id << " misses bad example: " << bad;
    if (found.empty()) continue;
    const Finding& f = found.front();
    if (f.suggestion.empty()) continue;
    // Apply the suggestion the way the page does: replace the finding's characters.
    std::u32string chars = decode_utf8(bad).chars;
    std::string fixed = encode_utf8(std::u32string_view(chars).substr(0, f.start)) + f.suggestion +
                        encode_utf8(std::u32string_view(chars).substr(f.end));
    auto before = error_rules(e, bad);
    for (const auto& id : error_rules(e, fixed))
      EXPECT_TRUE(before.count(id)) << "applying the suggestion of " << param.id << " to \"" << bad
                                    << "\" gives \"" << fixed << "\", which raises " << id;
    EXPECT_LT(test::findings_of(e, fixed, param.id).size(), found.size())
        << "applying the suggestion of " << param.id << " does not clear it: " << fixed;
  }
  for (const auto& good : rule->good)
    EXPECT_TRUE(test::findings_of(e, good, param.id).empty())
        << param.id << " fires on good example: " << good;
}

INSTANTIATE_TEST_SUITE_P(Builtin, PackExamples, testing::ValuesIn(all_reply_rules()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PackExamples);

TEST(PackCoverage, EveryReplyCategoryHasARule) {
  std::set<std::string> seen;
  for (const auto& p : vocab::platforms())
    for (const auto& r : test::engine(std::string(p.name)).checker->rules())
      seen.insert(r.category);
  for (const auto& c : vocab::categories())
    if (c.scope == vocab::Scope::kReply)
      EXPECT_TRUE(seen.count(std::string(c.name))) << "no rule of category " << c.name;
}

TEST(PackCoverage, EveryPlatformLoadsEveryBuiltinPackValidates) {
  for (const auto& p : vocab::platforms()) {
    Options o;
    o.platform = std::string(p.name);
    std::vector<Error> errors;
    EXPECT_NE(engine_for(o, errors), nullptr) << join_errors(errors);
  }
  // A pack file that vanished from rules/ (or a new one not counted) shows here.
  EXPECT_EQ(builtin_packs().size(), 4u + vocab::platforms().size())
      << "common, shop, the platform packs, the sources registry and the vocabulary";
  EXPECT_EQ(vocab::platforms().size(), 7u);
}

// The rules come from the built-in packs: a reader that found none would run nothing and pass.
TEST(PackCoverage, TheReplyRulesAreFound) {
  const auto all = all_reply_rules();
  EXPECT_GE(all.size(), 40u);
  std::set<std::string> platforms_seen;
  for (const auto& c : all) platforms_seen.insert(c.platform);
  EXPECT_GE(platforms_seen.size(), 5u) << "platform packs' own rules run on their platform";
}

}  // namespace
}  // namespace kefu
