// Every deadline rule's examples (rules/*.json "deadlines"), run through the public API: each
// example's facts, at its "now", must give the rule's deadline with exactly that due time and
// status, or no deadline of that rule when "due" is null. Taobao's rules also run under Tmall,
// which inherits them through "extends".
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/engine.h"
#include "kefu/kefu.h"
#include "test_support.h"

namespace kefu {
namespace {

struct DeadlineExample {
  std::string platform, rule, name;
  nlohmann::json example;
};

void PrintTo(const DeadlineExample& e, std::ostream* os) {
  *os << e.platform << " " << e.rule << " " << e.name;
}

// The rules a platform's own pack stands in for ("replaces": Tmall's ship_by for Taobao's).
std::vector<std::string> replaced_on(const std::string& platform) {
  std::vector<std::string> out;
  const auto doc =
      nlohmann::json::parse(test::read_file(test::source_path("rules/" + platform + ".json")));
  for (const auto& rule : doc.value("deadlines", nlohmann::json::array()))
    for (const auto& id : rule.value("replaces", nlohmann::json::array())) out.push_back(id);
  return out;
}

// The packs in rules/, read from the folder so that a new pack's examples run without an edit
// here.
std::vector<std::string> pack_files() {
  std::vector<std::string> out;
  const std::string dir = test::source_path("rules");
  DIR* h = opendir(dir.c_str());
  if (!h) throw std::runtime_error("cannot list " + dir);
  while (const dirent* e = readdir(h)) {
    const std::string n = e->d_name;
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0 && n != "pack.schema.json")
      out.push_back(n);
  }
  closedir(h);
  std::sort(out.begin(), out.end());
  return out;
}

// Each pack's deadline examples run on every platform whose pack set takes that pack's deadlines
// (common and shop: all; a platform's own: it and those that extend it), except where the
// platform's pack stands in for the rule.
std::vector<DeadlineExample> all_examples() {
  std::vector<DeadlineExample> out;
  for (const std::string& file : pack_files()) {
    const auto doc = nlohmann::json::parse(test::read_file(test::source_path("rules/" + file)));
    if (!doc.contains("deadlines")) continue;
    const std::string pack = doc["pack"];
    for (const std::string& platform : platforms()) {
      bool loaded = false;
      for (const auto& p : test::engine(platform).packs.packs)
        loaded |= p.name == pack && p.contributes("deadlines");
      if (!loaded) continue;
      const auto replaced = replaced_on(platform);
      for (const auto& rule : doc["deadlines"]) {
        if (std::find(replaced.begin(), replaced.end(), rule["id"].get<std::string>()) !=
            replaced.end())
          continue;
        for (std::size_t i = 0; i < rule["examples"].size(); ++i)
          out.push_back({platform, rule["id"], std::to_string(i), rule["examples"][i]});
      }
    }
  }
  return out;
}

class DeadlineRuleExample : public testing::TestWithParam<DeadlineExample> {};

TEST_P(DeadlineRuleExample, GivesItsDueTimeAndStatus) {
  const auto& c = GetParam();
  nlohmann::json facts = c.example["facts"];
  facts["platform"] = c.platform;
  Options o;
  o.format = Format::kJson;
  o.now = c.example["now"].get<std::string>();
  const Output out = deadlines(facts.dump(), o);
  ASSERT_NE(out.status, 2) << out.err << out.out;
  const auto answer = nlohmann::json::parse(out.out);
  const nlohmann::json* found = nullptr;
  for (const auto& d : answer["deadlines"])
    if (d["rule"] == c.rule) {
      ASSERT_EQ(found, nullptr) << "rule " << c.rule << " reported twice";
      found = &d;
    }
  if (c.example["due"].is_null()) {
    EXPECT_EQ(found, nullptr) << "these facts start no clock of " << c.rule << ": " << out.out;
    return;
  }
  ASSERT_NE(found, nullptr) << "no deadline of " << c.rule << " in " << out.out;
  EXPECT_EQ((*found)["due"], c.example["due"]) << out.out;
  EXPECT_EQ((*found)["status"], c.example["status"]) << out.out;
}

INSTANTIATE_TEST_SUITE_P(Packs, DeadlineRuleExample, testing::ValuesIn(all_examples()),
                         [](const testing::TestParamInfo<DeadlineExample>& info) {
                           std::string s =
                               info.param.platform + "_" + info.param.rule + "_" + info.param.name;
                           for (char& ch : s)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// Each pack's examples found, on each platform that takes them: a reader that found none (a
// renamed section, an emptied folder) would otherwise pass with no case run.
TEST(DeadlinePacks, ExamplesAreFoundInEveryPackThatHasDeadlines) {
  const auto examples = all_examples();
  EXPECT_GE(examples.size(), 240u);
  std::set<std::string> platforms_run;
  for (const auto& e : examples) platforms_run.insert(e.platform);
  EXPECT_EQ(platforms_run.size(), platforms().size());
  for (const std::string& file : pack_files()) {
    const auto doc = nlohmann::json::parse(test::read_file(test::source_path("rules/" + file)));
    for (const auto& rule : doc.value("deadlines", nlohmann::json::array())) {
      EXPECT_FALSE(rule.value("examples", nlohmann::json::array()).empty())
          << rule["id"] << " has no example";
      bool run = false;
      for (const auto& e : examples) run |= e.rule == rule["id"];
      EXPECT_TRUE(run) << rule["id"] << " of " << file << " runs on no platform";
    }
  }
}

// The deadline kinds of rules/vocabulary.json, each given by at least one built-in rule for the
// platforms it names.
TEST(DeadlinePacks, EveryPlatformGetsItsKinds) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> want = {
      {"taobao",
       {"unpaid_close", "payment_reminder", "refund_unshipped", "seller_refund_response",
        "buyer_after_refusal", "buyer_return", "auto_confirm", "return_window", "appeal_by",
        "order_verify", "refund_handle"}},
      {"tmall",
       {"unpaid_close", "refund_unshipped", "auto_confirm", "ship_by", "invoice_by",
        "vat_invoice_by", "pickup_by", "appeal_by"}},
      {"jd", {"invoice_by", "return_window", "exchange_window"}},
      {"1688", {"invoice_by"}},
      {"pdd", {"ship_by"}},
      {"douyin", {"ship_by"}},
  };
  for (const auto& [platform, kinds] : want) {
    const Engine& e = test::engine(platform);
    std::set<std::string> have;
    for (const auto& item : e.packs.items("deadlines"))
      have.insert((*item.value)["kind"].get<std::string>());
    for (const auto& k : kinds) EXPECT_TRUE(have.count(k)) << platform << " lacks " << k;
  }
}

TEST(DeadlinePacks, TmallBorrowsOnlyTaobaosDeadlines) {
  const Engine& e = test::engine("tmall");
  bool unpaid = false;
  for (const auto& item : e.packs.items("deadlines"))
    unpaid |= (*item.value)["id"] == "taobao.unpaid-close";
  EXPECT_TRUE(unpaid);
  for (const auto& item : e.packs.items("rules"))
    EXPECT_NE(item.pack->name, "taobao") << (*item.value)["id"];
}

}  // namespace
}  // namespace kefu
