// rules/pack.schema.json is documentation for editors, but it must never drift from the engine:
// every enum it lists equals the vocabulary defined once in core/src/vocab (categories,
// severities, platforms, deadline kinds, order events …) or the kind registries, every $ref
// resolves, and every built-in pack meets the structure the schema describes (required fields,
// at least 3 bad and 3 good examples, a source that cites ids of the sources registry). This is a
// small structural check, not a full JSON-Schema validator.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pack/builtin_packs.h"
#include "pack/pack.h"
#include "rules/rule_kind.h"
#include "sources/sources.h"
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
  EXPECT_EQ(enum_of("category"), names_of(vocab::categories(), [](const vocab::Category& c) {
              return std::string(c.name);
            }));
}

TEST(PackSchema, SeveritiesEqualVocabulary) {
  EXPECT_EQ(enum_of("severity"), views(vocab::severities()));
}

TEST(PackSchema, PlatformsEqualVocabulary) {
  EXPECT_EQ(enum_of("platform"), names_of(vocab::platforms(), [](const vocab::Platform& p) {
              return std::string(p.name);
            }));
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
    nlohmann::json rule = {{"id", "t.d"},
                           {"kind", "detector"},
                           {"category", "privacy_leak"},
                           {"severity", "warning"},
                           {"title", "t"},
                           {"message", "m"},
                           {"penalty", ""},
                           {"source", "s"},
                           {"detector", detector},
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
          EXPECT_TRUE(schema()["$defs"].contains(ref.substr(8)))
              << "dangling " << ref << " at " << at;
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

// A built-in source names registered sources only (rules/sources.json): every output prints the
// citation built from the registry, so a file name or a free-text note would reach users.
std::string source_problem(const std::string& source) {
  std::vector<Citation> cites;
  std::string problem;
  if (!parse_citations(source, builtin_sources(), nullptr, true, cites, problem)) return problem;
  return "";
}

bool in(const Names& names, const nlohmann::json& v) {
  return v.is_string() &&
         std::find(names.begin(), names.end(), v.get<std::string>()) != names.end();
}

void check_rule(const nlohmann::json& r, const std::string& pack, const std::string& at) {
  const auto& def = schema()["$defs"]["rule"];
  ASSERT_TRUE(r.is_object()) << at;
  for (const auto& f : def["required"])
    EXPECT_TRUE(r.contains(f.get<std::string>())) << at << " lacks " << f;
  const std::string id = r.value("id", "");
  EXPECT_EQ(id.rfind(pack + ".", 0), 0u)
      << at << " id " << id << " must start with " << pack << ".";
  for (const char* f : {"id", "title", "message", "source"})
    EXPECT_TRUE(r.contains(f) && r[f].is_string() && !r[f].get<std::string>().empty())
        << id << ": " << f;
  for (const char* f : {"penalty", "title_en", "message_en", "follows", "suggestion"})
    if (r.contains(f)) EXPECT_TRUE(r[f].is_string()) << id << ": " << f << " must be a string";
  EXPECT_TRUE(in(enum_of("category"), r.value("category", nlohmann::json()))) << id << ": category";
  EXPECT_TRUE(in(enum_of("severity"), r.value("severity", nlohmann::json()))) << id << ": severity";
  EXPECT_TRUE(in(enum_of("ruleKind"), r.value("kind", nlohmann::json()))) << id << ": kind";
  if (r.contains("follows"))
    EXPECT_FALSE(r["follows"].get<std::string>().empty()) << id << ": empty follows";
  if (r.contains("source"))
    EXPECT_EQ(source_problem(r["source"].get<std::string>()), "") << id << ": source";

  // A reply kind carries a reply category, a conversation kind a conversation one.
  const std::string kind = r.value("kind", ""), category = r.value("category", "");
  if (const auto* c = vocab::find_category(category)) {
    const bool reply_kind = find_reply_kind(kind) != nullptr;
    EXPECT_EQ(reply_kind, c->scope == vocab::Scope::kReply)
        << id << ": kind " << kind << " with category " << category;
  }
  // Kind-specific required fields, read from the schema's if/then blocks.
  for (const auto& a : def["allOf"])
    if (a.contains("if") && a["if"]["properties"]["kind"].value("const", "") == kind &&
        a["then"].contains("required"))
      for (const auto& f : a["then"]["required"])
        EXPECT_TRUE(r.contains(f.get<std::string>())) << id << " lacks " << f;

  ASSERT_TRUE(r.contains("examples") && r["examples"].is_object()) << id;
  for (const char* side : {"bad", "good"}) {
    const auto ex = r["examples"].value(side, nlohmann::json::array());
    const std::size_t min =
        def["properties"]["examples"]["properties"][side]["minItems"].get<std::size_t>();
    EXPECT_GE(ex.size(), min) << id << ": at least " << min << " " << side << " examples";
    std::set<std::string> distinct;
    for (const auto& e : ex) {
      EXPECT_TRUE(e.is_string() && !e.get<std::string>().empty())
          << id << ": " << side << " example";
      if (e.is_string())
        EXPECT_TRUE(distinct.insert(e.get<std::string>()).second) << id << ": repeated " << e;
    }
  }
}

void check_deadline(const nlohmann::json& d, const std::string& pack, const std::string& at) {
  const auto& def = schema()["$defs"]["deadline"];
  ASSERT_TRUE(d.is_object()) << at;
  for (const auto& f : def["required"])
    EXPECT_TRUE(d.contains(f.get<std::string>())) << at << " lacks " << f;
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
    if (facts.contains("shipping"))
      EXPECT_TRUE(in(enum_of("shippingMethod"), facts["shipping"])) << id;
    const auto events = facts.value("events", nlohmann::json::object());
    for (auto it = events.begin(); it != events.end(); ++it)
      EXPECT_TRUE(in(enum_of("orderEvent"), it.key())) << id << ": event " << it.key();
    if (ex.contains("status"))
      EXPECT_TRUE(in(enum_of("deadlineStatus"), ex["status"])) << id << ": status";
  }
  if (d.contains("source"))
    EXPECT_EQ(source_problem(d["source"].get<std::string>()), "") << id << ": source";
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
    EXPECT_TRUE(std::regex_match(doc.value("pack", ""),
                                 std::regex(top["pack"]["pattern"].get<std::string>())));
    const auto extends = doc.value("extends", nlohmann::json::array());
    for (const auto& e : extends)
      EXPECT_TRUE(find_builtin_pack(e.value("pack", ""))) << "extends " << e;
    const auto rules = doc.value("rules", nlohmann::json::array());
    for (std::size_t i = 0; i < rules.size(); ++i) {
      check_rule(rules[i], std::string(b.name), "/rules/" + std::to_string(i));
      EXPECT_TRUE(ids.insert(rules[i].value("id", "")).second)
          << "duplicate id " << rules[i].value("id", "");
    }
    const auto deadlines = doc.value("deadlines", nlohmann::json::array());
    for (std::size_t i = 0; i < deadlines.size(); ++i)
      check_deadline(deadlines[i], std::string(b.name), "/deadlines/" + std::to_string(i));
    std::vector<Error> errors;
    EXPECT_TRUE(validate_pack(doc, "rules/" + std::string(b.name) + ".json", true, errors))
        << join_errors(errors);
  }
}

// The structural check itself catches what it should.
TEST(PackSchema, SourceCheckRefusesUnknownCitations) {
  EXPECT_EQ(source_problem("law-advertising（第9条、第57条）; law-ad-absolute-terms"), "");
  EXPECT_EQ(source_problem("shop-basic-rules（售前客服规则(6)：(1)；(2)）"), "");
  EXPECT_NE(source_problem("000_5df76d0ebd2e5d5f.txt 付款规则"), "");
  EXPECT_NE(source_problem("rule-sources.md §8"), "");
  EXPECT_NE(source_problem("law-advertising; 淘宝规则中心"), "");
  EXPECT_NE(source_problem(""), "");
}

// Every "source" string anywhere in a built-in pack (rules, deadlines, point tracks, bars) cites
// the registry, and the registry itself is sound: required fields, no file names, each entry
// cited somewhere (an unused entry is a citation nobody can check).
TEST(PackSchema, SourcesRegistryIsCitedAndSound) {
  const SourceRegistry& reg = builtin_sources();
  ASSERT_GE(reg.all().size(), 30u);
  std::set<std::string> used;
  std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& j,
                                                                            const std::string& at) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "source" && it->is_string()) {
          std::vector<Citation> cites;
          std::string problem;
          EXPECT_TRUE(parse_citations(it->get<std::string>(), reg, nullptr, true, cites, problem))
              << at << ": " << problem;
          for (const auto& c : cites) used.insert(c.id);
        } else if (it.key() != "sources") {
          walk(*it, at + "/" + it.key());
        }
      }
    } else if (j.is_array()) {
      for (std::size_t i = 0; i < j.size(); ++i) walk(j[i], at + "/" + std::to_string(i));
    }
  };
  for (const auto& b : builtin_packs())
    walk(nlohmann::json::parse(b.json), "rules/" + std::string(b.name) + ".json");
  static const std::regex internal(R"(\.txt|rule-sources|seed|§)");
  int shop = 0;
  for (const auto& s : reg.all()) {
    EXPECT_TRUE(used.count(s.id)) << s.id << " is registered but cited by no rule";
    EXPECT_FALSE(s.title.empty() || s.issuer.empty()) << s.id;
    EXPECT_FALSE(std::regex_search(citation_text(s) + s.note, internal))
        << s.id << ": " << citation_text(s);
    EXPECT_TRUE(s.date.empty() ||
                std::regex_match(s.date, std::regex(R"(\d{4}(-\d{2}(-\d{2})?)?)")))
        << s.id;
    EXPECT_TRUE(s.url.empty() || s.url.rfind("http", 0) == 0) << s.id;
    shop += s.kind == "shop";
  }
  EXPECT_EQ(shop, 5) << "one shop-code entry per seed document";
}

}  // namespace
}  // namespace kefu
