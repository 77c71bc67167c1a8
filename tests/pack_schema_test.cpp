// rules/pack.schema.json is documentation for editors, but it must never drift from the engine:
// every enum it lists equals the vocabulary defined once in core/src/vocab (categories,
// severities, platforms, deadline kinds, order events …) or the kind registries, every $ref
// resolves, and every built-in pack meets the structure the schema describes (required fields,
// at least 3 bad and 3 good examples, a source that names a real seed file or rule-sources.md
// section). This is a small structural check, not a full JSON-Schema validator.
#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pack/builtin_packs.h"
#include "pack/pack.h"
#include "rules/rule_kind.h"
#include "test_support.h"
#include "transcript/conversation_kinds.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

using Names = std::vector<std::string>;

const nlohmann::json& schema() {
  static const nlohmann::json s =
      nlohmann::json::parse(test::read_file(test::source_path("rules/pack.schema.json")));
  return s;
}

Names enum_of(const std::string& def) {
  const auto& defs = schema().at("$defs");
  if (!defs.contains(def) || !defs[def].contains("enum")) {
    ADD_FAILURE() << "rules/pack.schema.json has no $defs/" << def << "/enum";
    return {};
  }
  return defs[def]["enum"].get<Names>();
}

template <typename Container, typename Fn>
Names names_of(const Container& c, Fn fn) {
  Names out;
  for (const auto& x : c) out.emplace_back(fn(x));
  return out;
}

Names views(const std::vector<std::string_view>& v) {
  return names_of(v, [](std::string_view s) { return std::string(s); });
}

TEST(PackSchema, CategoriesEqualVocabulary) {
  EXPECT_EQ(enum_of("category"),
            names_of(vocab::categories(), [](const vocab::Category& c) { return std::string(c.name); }));
}

TEST(PackSchema, SeveritiesEqualVocabulary) { EXPECT_EQ(enum_of("severity"), views(vocab::severities())); }

TEST(PackSchema, PlatformsEqualVocabulary) {
  EXPECT_EQ(enum_of("platform"),
            names_of(vocab::platforms(), [](const vocab::Platform& p) { return std::string(p.name); }));
}

TEST(PackSchema, DeadlineVocabulariesEqual) {
  EXPECT_EQ(enum_of("deadlineKind"), views(vocab::deadline_kinds()));
  EXPECT_EQ(enum_of("orderEvent"), views(vocab::order_events()));
  EXPECT_EQ(enum_of("shippingMethod"), views(vocab::shipping_methods()));
  EXPECT_EQ(enum_of("deadlineStatus"), views(vocab::deadline_statuses()));
}

TEST(PackSchema, RuleKindsEqualTheRegistries) {
  Names reply = names_of(reply_kinds(), [](const ReplyKind& k) { return std::string(k.name); });
  Names conversation = views(conversation_kind_names());
  Names all = reply;
  all.insert(all.end(), conversation.begin(), conversation.end());
  EXPECT_EQ(enum_of("ruleKind"), all);
  EXPECT_EQ(enum_of("conversationKind"), conversation);
  // Each reply kind except the catch-all conversation branch has its own if/then block.
  std::set<std::string> with_block;
  for (const auto& a : schema()["$defs"]["rule"]["allOf"])
    if (a.contains("if") && a["if"]["properties"]["kind"].contains("const"))
      with_block.insert(a["if"]["properties"]["kind"]["const"].get<std::string>());
  for (const auto& k : reply) EXPECT_TRUE(with_block.count(k)) << "no if/then block for kind " << k;
}

// Every detector the schema offers compiles, and a name it does not offer is refused.
TEST(PackSchema, DetectorsEqualTheEngine) {
  auto validates = [](const std::string& detector) {
    nlohmann::json rule = {{"id", "t.d"}, {"kind", "detector"}, {"category", "privacy_leak"},
                           {"severity", "warning"}, {"title", "t"}, {"message", "m"},
                           {"penalty", ""}, {"source", "s"}, {"detector", detector},
                           {"examples", {{"bad", {"x"}}, {"good", {"y"}}}}};
    if (detector == "handle") rule["cues"] = {"微信"};
    if (detector == "address")
      rule["markers"] = {{"admin", {"市"}}, {"street", {"路"}}, {"unit", {"号"}}};
    nlohmann::json doc = {{"pack", "t"}, {"rules", {rule}}};
    std::vector<Error> errors;
    return validate_pack(doc, "t.json", false, errors);
  };
  for (const auto& d : enum_of("detector")) EXPECT_TRUE(validates(d)) << "detector " << d;
  EXPECT_FALSE(validates("passport"));
}

TEST(PackSchema, EveryRefResolves) {
  std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& j,
                                                                           const std::string& at) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "$ref") {
          const std::string ref = it.value().get<std::string>();
          ASSERT_EQ(ref.rfind("#/$defs/", 0), 0u) << at;
          EXPECT_TRUE(schema()["$defs"].contains(ref.substr(8))) << "dangling " << ref << " at " << at;
        } else {
          walk(it.value(), at + "/" + it.key());
        }
      }
    } else if (j.is_array()) {
      for (std::size_t i = 0; i < j.size(); ++i) walk(j[i], at + "/" + std::to_string(i));
    }
  };
  walk(schema(), "");
  const auto& rule = schema()["$defs"]["rule"]["properties"];
  EXPECT_EQ(rule["category"].value("$ref", ""), "#/$defs/category");
  EXPECT_EQ(rule["severity"].value("$ref", ""), "#/$defs/severity");
}

// --- the built-in packs against the schema's structure ---

const std::set<std::string>& seed_files() {
  static const std::set<std::string> k = {"000_5df76d0ebd2e5d5f.txt", "001_2511475cb3de6bb8.txt",
                                          "002_aa332c1ce3d77052.txt", "003_20e2b8cc9e5aaf9b.txt",
                                          "004_fa46e3387869b6a3.txt"};
  return k;
}
constexpr int kRuleSourceSections = 11;  // rule-sources.md §1 … §11

// A source must cite a seed file or a rule-sources.md section, and everything it cites must exist.
std::string source_problem(const std::string& source) {
  static const std::regex seed(R"(\d{3}_[0-9a-f]{16}\.txt)");
  static const std::regex section(R"(rule-sources\.md\s*§\s*(\d+))");
  int cited = 0;
  for (std::sregex_iterator it(source.begin(), source.end(), seed), end; it != end; ++it, ++cited)
    if (!seed_files().count(it->str())) return "no seed file " + it->str();
  for (std::sregex_iterator it(source.begin(), source.end(), section), end; it != end; ++it, ++cited) {
    int n = std::stoi((*it)[1].str());
    if (n < 1 || n > kRuleSourceSections) return "no rule-sources.md section §" + (*it)[1].str();
  }
  if (!cited) return "cites neither a seed file nor a rule-sources.md section";
  return "";
}

bool in(const Names& names, const nlohmann::json& v) {
  return v.is_string() && std::find(names.begin(), names.end(), v.get<std::string>()) != names.end();
}

void check_rule(const nlohmann::json& r, const std::string& pack, const std::string& at) {
  const auto& def = schema()["$defs"]["rule"];
  ASSERT_TRUE(r.is_object()) << at;
  for (const auto& f : def["required"]) EXPECT_TRUE(r.contains(f.get<std::string>())) << at << " lacks " << f;
  const std::string id = r.value("id", "");
  EXPECT_EQ(id.rfind(pack + ".", 0), 0u) << at << " id " << id << " must start with " << pack << ".";
  for (const char* f : {"id", "title", "message", "source"})
    EXPECT_TRUE(r.contains(f) && r[f].is_string() && !r[f].get<std::string>().empty()) << id << ": " << f;
  for (const char* f : {"penalty", "title_en", "message_en", "follows", "suggestion"})
    if (r.contains(f)) EXPECT_TRUE(r[f].is_string()) << id << ": " << f << " must be a string";
  EXPECT_TRUE(in(enum_of("category"), r.value("category", nlohmann::json()))) << id << ": category";
  EXPECT_TRUE(in(enum_of("severity"), r.value("severity", nlohmann::json()))) << id << ": severity";
  EXPECT_TRUE(in(enum_of("ruleKind"), r.value("kind", nlohmann::json()))) << id << ": kind";
  if (r.contains("follows")) EXPECT_FALSE(r["follows"].get<std::string>().empty()) << id << ": empty follows";
  if (r.contains("source"))
    EXPECT_EQ(source_problem(r["source"].get<std::string>()), "") << id << ": source";

  // A reply kind carries a reply category, a conversation kind a conversation one.
  const std::string kind = r.value("kind", ""), category = r.value("category", "");
  if (const auto* c = vocab::find_category(category)) {
    const bool reply_kind = find_reply_kind(kind) != nullptr;
    EXPECT_EQ(reply_kind, c->scope == vocab::Scope::kReply) << id << ": kind " << kind << " with category " << category;
  }
  // Kind-specific required fields, read from the schema's if/then blocks.
  for (const auto& a : def["allOf"])
    if (a.contains("if") && a["if"]["properties"]["kind"].value("const", "") == kind && a["then"].contains("required"))
      for (const auto& f : a["then"]["required"]) EXPECT_TRUE(r.contains(f.get<std::string>())) << id << " lacks " << f;

  ASSERT_TRUE(r.contains("examples") && r["examples"].is_object()) << id;
  for (const char* side : {"bad", "good"}) {
    const auto ex = r["examples"].value(side, nlohmann::json::array());
    const std::size_t min = def["properties"]["examples"]["properties"][side]["minItems"].get<std::size_t>();
    EXPECT_GE(ex.size(), min) << id << ": at least " << min << " " << side << " examples";
    std::set<std::string> distinct;
    for (const auto& e : ex) {
      EXPECT_TRUE(e.is_string() && !e.get<std::string>().empty()) << id << ": " << side << " example";
      if (e.is_string()) EXPECT_TRUE(distinct.insert(e.get<std::string>()).second) << id << ": repeated " << e;
    }
  }
}

void check_deadline(const nlohmann::json& d, const std::string& pack, const std::string& at) {
  const auto& def = schema()["$defs"]["deadline"];
  ASSERT_TRUE(d.is_object()) << at;
  for (const auto& f : def["required"]) EXPECT_TRUE(d.contains(f.get<std::string>())) << at << " lacks " << f;
  const std::string id = d.value("id", "");
  EXPECT_EQ(id.rfind(pack + ".", 0), 0u) << at << " id " << id;
  EXPECT_TRUE(in(enum_of("deadlineKind"), d.value("kind", nlohmann::json()))) << id << ": kind";
  for (const char* f : {"from", "met_by", "void_by", "requires", "only_before"}) {
    const auto events = d.value(f, nlohmann::json::array());
    for (const auto& e : events) EXPECT_TRUE(in(enum_of("orderEvent"), e)) << id << ": " << f;
  }
  const auto examples = d.value("examples", nlohmann::json::array());
  for (const auto& ex : examples) {
    const auto facts = ex.value("facts", nlohmann::json::object());
    if (facts.contains("platform")) EXPECT_TRUE(in(enum_of("platform"), facts["platform"])) << id;
    if (facts.contains("shipping")) EXPECT_TRUE(in(enum_of("shippingMethod"), facts["shipping"])) << id;
    const auto events = facts.value("events", nlohmann::json::object());
    for (auto it = events.begin(); it != events.end(); ++it)
      EXPECT_TRUE(in(enum_of("orderEvent"), it.key())) << id << ": event " << it.key();
    if (ex.contains("status")) EXPECT_TRUE(in(enum_of("deadlineStatus"), ex["status"])) << id << ": status";
  }
  if (d.contains("source")) EXPECT_EQ(source_problem(d["source"].get<std::string>()), "") << id << ": source";
}

TEST(PackSchema, BuiltinPacksHaveTheSchemasStructure) {
  const auto& top = schema()["properties"];
  std::set<std::string> ids;
  for (const auto& b : builtin_packs()) {
    SCOPED_TRACE("rules/" + std::string(b.name) + ".json");
    const auto doc = nlohmann::json::parse(b.json);
    ASSERT_TRUE(doc.is_object());
    for (auto it = doc.begin(); it != doc.end(); ++it)
      EXPECT_TRUE(top.contains(it.key())) << "field " << it.key() << " is not in the schema";
    EXPECT_EQ(doc.value("pack", ""), std::string(b.name));
    EXPECT_TRUE(std::regex_match(doc.value("pack", ""), std::regex(top["pack"]["pattern"].get<std::string>())));
    const auto extends = doc.value("extends", nlohmann::json::array());
    for (const auto& e : extends)
      EXPECT_TRUE(find_builtin_pack(e.value("pack", ""))) << "extends " << e;
    const auto rules = doc.value("rules", nlohmann::json::array());
    for (std::size_t i = 0; i < rules.size(); ++i) {
      check_rule(rules[i], std::string(b.name), "/rules/" + std::to_string(i));
      EXPECT_TRUE(ids.insert(rules[i].value("id", "")).second) << "duplicate id " << rules[i].value("id", "");
    }
    const auto deadlines = doc.value("deadlines", nlohmann::json::array());
    for (std::size_t i = 0; i < deadlines.size(); ++i)
      check_deadline(deadlines[i], std::string(b.name), "/deadlines/" + std::to_string(i));
    std::vector<Error> errors;
    EXPECT_TRUE(validate_pack(doc, "rules/" + std::string(b.name) + ".json", true, errors)) << join_errors(errors);
  }
}

// The structural check itself catches what it should.
TEST(PackSchema, SourceCheckRefusesUnknownCitations) {
  EXPECT_EQ(source_problem("000_5df76d0ebd2e5d5f.txt 付款规则"), "");
  EXPECT_EQ(source_problem("rule-sources.md §8; rule-sources.md §11"), "");
  EXPECT_NE(source_problem("005_0000000000000000.txt"), "");
  EXPECT_NE(source_problem("rule-sources.md §12"), "");
  EXPECT_NE(source_problem("淘宝规则中心"), "");
}

}  // namespace
}  // namespace kefu
