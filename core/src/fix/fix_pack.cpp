#include "fix/fix_pack.h"

#include <set>

#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// Collects errors for one section element: `at("/text", "must be a string")`.
struct Checker {
  const std::string& file;
  std::string base;
  std::vector<Error>& errors;
  void at(const char* code, const std::string& ptr, const std::string& message) {
    errors.push_back({code, file, base + ptr, 0, 0, message});
  }
  bool string_field(const nlohmann::json& o, const char* key, bool required, bool nonempty = true) {
    if (!o.contains(key)) {
      if (required) at("pack.E202", std::string("/") + key, "missing required field");
      return false;
    }
    if (!o[key].is_string()) {
      at("pack.E201", std::string("/") + key, "must be a string");
      return false;
    }
    if (nonempty && o[key].get_ref<const std::string&>().empty()) {
      at("pack.E202", std::string("/") + key, "must not be empty");
      return false;
    }
    return true;
  }
  void only_fields(const nlohmann::json& o, std::initializer_list<const char*> known,
                   const char* list) {
    for (auto it = o.begin(); it != o.end(); ++it) {
      bool ok = false;
      for (const char* k : known) ok |= it.key() == k;
      if (!ok) at("pack.E103", "/" + it.key(), std::string("unknown field; expected ") + list);
    }
  }
  void string_array(const nlohmann::json& o, const char* key) {
    if (!o.contains(key)) return;
    const auto& a = o[key];
    if (!a.is_array() || a.empty()) {
      at("pack.E201", std::string("/") + key, "must be a non-empty array of strings");
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!a[i].is_string() || a[i].get_ref<const std::string&>().empty())
        at("pack.E201", std::string("/") + key + "/" + std::to_string(i),
           "must be a non-empty string");
  }
};

bool parse_scope(const std::string& s, RewriteScope& out) {
  if (s == "match")
    out = RewriteScope::kMatch;
  else if (s == "clause")
    out = RewriteScope::kClause;
  else if (s == "sentence")
    out = RewriteScope::kSentence;
  else if (s == "reply")
    out = RewriteScope::kReply;
  else
    return false;
  return true;
}

void validate_candidate(const nlohmann::json& c, Checker& ck) {
  if (!c.is_object()) {
    ck.at("pack.E201", "", "must be an object {\"scope\", \"text\", \"when\"?, \"words\"?}");
    return;
  }
  ck.only_fields(c, {"scope", "text", "when", "words"}, "scope, text, when, words");
  RewriteScope scope;
  if (ck.string_field(c, "scope", true) && !parse_scope(c["scope"].get<std::string>(), scope))
    ck.at("pack.E202", "/scope", "must be \"match\", \"clause\", \"sentence\" or \"reply\"");
  // An empty text is allowed only where it deletes a matched word inside a sentence.
  const bool match_scope = c.contains("scope") && c["scope"] == "match";
  ck.string_field(c, "text", !c.contains("words"), !match_scope);
  ck.string_array(c, "when");
  if (c.contains("words")) {
    const auto& w = c["words"];
    if (!w.is_object() || w.empty()) {
      ck.at("pack.E201", "/words", "must be a non-empty object of matched word -> replacement");
    } else {
      if (!match_scope) ck.at("pack.E202", "/words", "words apply to the match scope only");
      for (auto it = w.begin(); it != w.end(); ++it)
        if (!it.value().is_string()) ck.at("pack.E201", "/words/" + it.key(), "must be a string");
    }
  }
}

RewriteCandidate read_candidate(const nlohmann::json& c) {
  RewriteCandidate out;
  parse_scope(c.value("scope", std::string("sentence")), out.scope);
  out.text = c.value("text", std::string());
  if (c.contains("when"))
    for (const auto& w : c["when"]) out.when.push_back(w.get<std::string>());
  if (c.contains("words"))
    for (auto it = c["words"].begin(); it != c["words"].end(); ++it)
      out.words[it.key()] = it.value().get<std::string>();
  return out;
}

}  // namespace

void validate_rewrites_section(const nlohmann::json& doc, const std::string& file,
                               std::vector<Error>& errors) {
  if (!doc.contains("rewrites")) return;
  const auto& arr = doc["rewrites"];
  if (!arr.is_array()) {
    errors.push_back({"pack.E201", file, "/rewrites", 0, 0, "must be an array"});
    return;
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    Checker ck{file, "/rewrites/" + std::to_string(i), errors};
    const auto& r = arr[i];
    if (!r.is_object()) {
      ck.at("pack.E201", "",
            "must be an object {\"category\" or \"rule\", \"advice\", \"candidates\"}");
      continue;
    }
    ck.only_fields(r, {"category", "rule", "advice", "candidates"},
                   "category, rule, advice, candidates");
    const bool has_cat = r.contains("category"), has_rule = r.contains("rule");
    if (has_cat == has_rule) {
      ck.at("pack.E203", "", "give exactly one of \"category\" and \"rule\"");
    } else if (has_cat && ck.string_field(r, "category", true) &&
               !vocab::find_category(r["category"].get<std::string>())) {
      ck.at("pack.E203", "/category",
            "unknown category \"" + r["category"].get<std::string>() + "\"");
    } else if (has_rule) {
      ck.string_field(r, "rule", true);
    }
    const std::string key =
        has_cat && r["category"].is_string() ? "category:" + r["category"].get<std::string>()
        : has_rule && r["rule"].is_string()  ? "rule:" + r["rule"].get<std::string>()
                                             : "";
    if (!key.empty() && !keys.insert(key).second)
      ck.at("pack.E207", "", "a second rewrite for " + key + " in the same pack");
    ck.string_field(r, "advice", true);
    if (!r.contains("candidates") || !r["candidates"].is_array() || r["candidates"].empty()) {
      ck.at("pack.E201", "/candidates", "must be a non-empty array");
      continue;
    }
    for (std::size_t k = 0; k < r["candidates"].size(); ++k) {
      Checker sub{file, ck.base + "/candidates/" + std::to_string(k), errors};
      validate_candidate(r["candidates"][k], sub);
    }
  }
}

void validate_phrases_section(const nlohmann::json& doc, const std::string& file,
                              std::vector<Error>& errors) {
  if (!doc.contains("phrases")) return;
  const auto& arr = doc["phrases"];
  if (!arr.is_array()) {
    errors.push_back({"pack.E201", file, "/phrases", 0, 0, "must be an array"});
    return;
  }
  // A phrase may name the built-in platforms, and this pack's own when the pack is a platform.
  const std::vector<vocab::Platform> platforms = vocab::platforms_with({&doc});
  const std::string offered_list = vocab::platform_list(platforms);
  auto offered = [&platforms](const std::string& name) {
    for (const auto& p : platforms)
      if (p.name == name) return true;
    return false;
  };
  std::set<std::string> ids;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    Checker ck{file, "/phrases/" + std::to_string(i), errors};
    const auto& p = arr[i];
    if (!p.is_object()) {
      ck.at("pack.E201", "", "must be an object {\"id\", \"scenario\", \"title\", \"text\"}");
      continue;
    }
    ck.only_fields(p, {"id", "scenario", "title", "text", "platforms", "by_platform"},
                   "id, scenario, title, text, platforms, by_platform");
    if (ck.string_field(p, "id", true) && !ids.insert(p["id"].get<std::string>()).second)
      ck.at("pack.E207", "/id", "duplicate phrase id \"" + p["id"].get<std::string>() + "\"");
    ck.string_field(p, "scenario", true);
    ck.string_field(p, "title", true);
    ck.string_field(p, "text", true);
    ck.string_array(p, "platforms");
    if (p.contains("platforms") && p["platforms"].is_array())
      for (std::size_t k = 0; k < p["platforms"].size(); ++k)
        if (p["platforms"][k].is_string() && !offered(p["platforms"][k].get<std::string>()))
          ck.at("pack.E202", "/platforms/" + std::to_string(k),
                "unknown platform; expected one of: " + offered_list);
    if (p.contains("by_platform")) {
      const auto& b = p["by_platform"];
      if (!b.is_object() || b.empty()) {
        ck.at("pack.E201", "/by_platform", "must be a non-empty object of platform -> text");
        continue;
      }
      for (auto it = b.begin(); it != b.end(); ++it) {
        if (!offered(it.key()))
          ck.at("pack.E202", "/by_platform/" + it.key(),
                "unknown platform; expected one of: " + offered_list);
        if (!it.value().is_string() || it.value().get_ref<const std::string&>().empty())
          ck.at("pack.E201", "/by_platform/" + it.key(), "must be a non-empty string");
      }
    }
  }
}

RewriteBook::RewriteBook(const PackSet& packs) {
  for (const auto& item : packs.items("rewrites")) {
    const auto& r = *item.value;
    RewriteTemplate t;
    t.advice = r.value("advice", std::string());
    for (const auto& c : r["candidates"]) t.candidates.push_back(read_candidate(c));
    if (r.contains("rule")) {
      t.key = "rule:" + r["rule"].get<std::string>();
      by_rule_[r["rule"].get<std::string>()] = std::move(t);
    } else {
      t.key = "category:" + r["category"].get<std::string>();
      by_category_[r["category"].get<std::string>()] = std::move(t);
    }
  }
}

const RewriteTemplate* RewriteBook::find(const std::string& rule_id,
                                         const std::string& category) const {
  auto r = by_rule_.find(rule_id);
  if (r != by_rule_.end()) return &r->second;
  auto c = by_category_.find(category);
  return c == by_category_.end() ? nullptr : &c->second;
}

std::vector<Phrase> phrases_for(const PackSet& packs, const std::string& platform) {
  std::vector<Phrase> out;
  for (const auto& item : packs.items("phrases")) {
    const auto& p = *item.value;
    if (p.contains("platforms")) {
      bool offered = false;
      for (const auto& name : p["platforms"]) offered |= name == platform;
      if (!offered) continue;
    }
    Phrase ph{p["id"].get<std::string>(), p["scenario"].get<std::string>(),
              p["title"].get<std::string>(), p["text"].get<std::string>()};
    if (p.contains("by_platform") && p["by_platform"].contains(platform))
      ph.text = p["by_platform"][platform].get<std::string>();
    bool replaced = false;
    for (auto& existing : out)
      if (existing.id == ph.id) {
        existing = ph;
        replaced = true;
      }
    if (!replaced) out.push_back(std::move(ph));
  }
  return out;
}

}  // namespace kefu
