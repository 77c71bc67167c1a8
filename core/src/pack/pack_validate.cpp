// One pack document, every section: the errors a pack author needs, all at once.

#include "deadlines/deadline_pack.h"
#include "fix/fix_pack.h"
#include "pack/builtin_packs.h"
#include "pack/pack.h"
#include "rules/equivalents.h"
#include "rules/rule_kind.h"
#include "rules/rule_meta.h"
#include "rules/term_env.h"
#include "sources/sources.h"
#include "transcript/conversation_kinds.h"

namespace kefu {
namespace {

// Compiles a rule only to see whether it compiles; the patterns go nowhere.
class DryRunContext : public KindContext {
 public:
  using KindContext::KindContext;

 protected:
  void add_one(const std::u32string&, Role, std::uint32_t, Role) override {}
};

bool valid_pack_name(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

void check_extends(const nlohmann::json& doc, const std::string& file, std::vector<Error>& errors) {
  if (!doc.contains("extends")) return;
  const auto& ext = doc["extends"];
  if (!ext.is_array()) {
    errors.push_back({"pack.E201", file, "/extends", 0, 0, "must be an array"});
    return;
  }
  for (std::size_t i = 0; i < ext.size(); ++i) {
    const std::string p = "/extends/" + std::to_string(i);
    const auto& e = ext[i];
    if (!e.is_object() || !e.contains("pack") || !e["pack"].is_string()) {
      errors.push_back(
          {"pack.E201", file, p, 0, 0, "must be {\"pack\": NAME, \"sections\": [...]}"});
      continue;
    }
    if (!find_builtin_pack(e["pack"].get<std::string>()))
      errors.push_back({"pack.E211", file, p + "/pack", 0, 0,
                        "no built-in pack \"" + e["pack"].get<std::string>() + "\""});
    if (!e.contains("sections") || !e["sections"].is_array() || e["sections"].empty()) {
      errors.push_back(
          {"pack.E201", file, p + "/sections", 0, 0, "must be a non-empty array of section names"});
      continue;
    }
    for (std::size_t k = 0; k < e["sections"].size(); ++k) {
      const auto& s = e["sections"][k];
      if (!s.is_string() || (s != "rules" && s != "deadlines" && s != "points"))
        errors.push_back({"pack.E202", file, p + "/sections/" + std::to_string(k), 0, 0,
                          "must be \"rules\", \"deadlines\" or \"points\""});
    }
  }
}

// "platform": {"order": N} makes the pack a platform (core/src/vocab); order is optional.
void check_platform(const nlohmann::json& doc, const std::string& file,
                    std::vector<Error>& errors) {
  if (!doc.contains("platform")) return;
  const auto& p = doc["platform"];
  if (!p.is_object()) {
    errors.push_back(
        {"pack.E201", file, "/platform", 0, 0, "must be an object such as {\"order\": 10}"});
    return;
  }
  for (auto it = p.begin(); it != p.end(); ++it)
    if (it.key() != "order")
      errors.push_back(
          {"pack.E103", file, "/platform/" + it.key(), 0, 0, "unknown field; platform has order"});
  if (p.contains("order") &&
      (!p["order"].is_number_integer() || p["order"].get<std::int64_t>() < 0 ||
       p["order"].get<std::int64_t>() > 1000))
    errors.push_back(
        {"pack.E201", file, "/platform/order", 0, 0, "must be a whole number from 0 to 1000"});
  if (doc.contains("title") && doc["title"].is_string() && doc["title"].get<std::string>().empty())
    errors.push_back({"pack.E201", file, "/title", 0, 0,
                      "a platform's title is its name on screen; it may not be empty"});
}

}  // namespace

bool validate_pack(const nlohmann::json& doc, const std::string& file, bool builtin,
                   std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  if (!doc.is_object()) {
    errors.push_back({"pack.E101", file, "", 0, 0, "a pack must be a JSON object"});
    return false;
  }
  static const char* const kKnown[] = {
      "$schema",  "pack",        "title",    "title_en",   "description", "platform",
      "extends",  "equivalents", "settings", "rules",      "deadlines",   "points",
      "rewrites", "phrases",     "lexicons", "scope_cues", "blockers",    "sources"};
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    bool known =
        builtin && it.key() == "vocabulary";  // rules/vocabulary.json, read by core/src/vocab
    for (const char* k : kKnown) known |= it.key() == k;
    if (!known)
      errors.push_back(
          {"pack.E103", file, "/" + it.key(), 0, 0,
           "unknown field; a pack has pack, title, title_en, description, platform, extends, "
           "equivalents, lexicons, scope_cues, blockers, settings, rules, deadlines, "
           "points, rewrites, phrases, sources"});
  }
  check_platform(doc, file, errors);
  std::string name;
  if (!doc.contains("pack")) {
    errors.push_back({"pack.E102", file, "", 0, 0, "missing required field \"pack\""});
  } else if (!doc["pack"].is_string() || !valid_pack_name(doc["pack"].get<std::string>())) {
    errors.push_back({"pack.E202", file, "/pack", 0, 0,
                      "must be a name of lower-case letters, digits, _ and - (at most 40)"});
  } else {
    name = doc["pack"].get<std::string>();
  }
  if (doc.contains("title") && !doc["title"].is_string())
    errors.push_back({"pack.E201", file, "/title", 0, 0, "must be a string"});
  if (doc.contains("settings") && !doc["settings"].is_object())
    errors.push_back({"pack.E201", file, "/settings", 0, 0, "must be an object"});
  check_extends(doc, file, errors);

  // The pack's own lexicons, stand-ins, blockers and cues; a reference to a lexicon it does not
  // declare may name one of the built-in packs' (a user pack extends @invoice).
  std::vector<TermEnvSource> sources = builtin_term_sources();
  sources.push_back({&doc, file, true});
  TermEnv env;
  build_term_env(sources, env, errors);

  if (doc.contains("rules")) {
    const auto& rules = doc["rules"];
    if (!rules.is_array()) {
      errors.push_back({"pack.E201", file, "/rules", 0, 0, "must be an array"});
    } else if (rules.size() > Limits::kMaxRulesPerPack) {
      errors.push_back({"pack.E210", file, "/rules", 0, 0,
                        std::to_string(rules.size()) + " rules; the limit is " +
                            std::to_string(Limits::kMaxRulesPerPack)});
    } else {
      std::vector<std::pair<std::string, std::string>> seen;  // id, pointer
      for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string ptr = "/rules/" + std::to_string(i);
        RuleMeta meta;
        if (!read_rule_meta(rules[i], name.empty() ? meta.pack : name, file, ptr, builtin ? 3 : 1,
                            meta, errors))
          continue;
        for (const auto& [id, where] : seen)
          if (id == meta.id)
            errors.push_back({"pack.E207", file, ptr + "/id", 0, 0,
                              "duplicate id \"" + meta.id + "\" (first at " + where + ")"});
        seen.emplace_back(meta.id, ptr);
        if (const ReplyKind* kind = find_reply_kind(meta.kind)) {
          DryRunContext ctx(env, errors, file, ptr);
          kind->compile(rules[i], ctx);
        } else {
          validate_conversation_rule(rules[i], file, ptr, errors, &env);
        }
      }
    }
  }
  validate_deadlines_section(doc, file, errors);
  validate_points_section(doc, file, errors);
  validate_rewrites_section(doc, file, errors);
  validate_phrases_section(doc, file, errors);
  check_pack_sources(doc, file, builtin, errors);
  return errors.size() == before;
}

}  // namespace kefu
