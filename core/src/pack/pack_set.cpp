#include <list>

#include "kefu/kefu.h"
#include "pack/builtin_packs.h"
#include "pack/pack.h"
#include "sources/sources.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// Built-in packs are parsed once per process and copied from then on: switching platforms
// re-reads common and shop, and a copy costs a fraction of a parse. They are not validated here:
// tests/pack_schema_test.cpp validates every built-in pack (as validate_pack with builtin=true)
// at build time, and validating them again on every load was a fifth of the compile time.
const nlohmann::json* builtin_doc(const BuiltinPack& b, const std::string& file,
                                  std::vector<Error>& errors) {
  static std::list<std::pair<const BuiltinPack*, nlohmann::json>> parsed;  // stable addresses
  for (const auto& [pack, doc] : parsed)
    if (pack == &b) return &doc;
  nlohmann::json doc = builtin_json(b);
  if (doc.is_discarded() && !parse_pack_json(b.json, file, doc, errors)) return nullptr;
  cite_pack_sources(doc);  // source ids become the citations every output shows
  parsed.emplace_back(&b, std::move(doc));
  return &parsed.back().second;
}

bool load_builtin(const std::string& name, PackSet& set, std::vector<Error>& errors,
                  std::vector<std::string> sections = {}) {
  const BuiltinPack* b = find_builtin_pack(name);
  const std::string file = "rules/" + name + ".json";
  if (!b) {
    errors.push_back({"pack.E211", file, "", 0, 0, "no built-in pack \"" + name + "\""});
    return false;
  }
  const nlohmann::json* doc = builtin_doc(*b, file, errors);
  if (!doc) return false;
  set.packs.push_back(Pack{name, file, true, *doc, std::move(sections)});
  return true;
}

// Rule ids are unique across everything loaded, so a finding names one rule.
void check_unique_ids(const PackSet& set, std::vector<Error>& errors) {
  std::vector<SectionItem> seen;
  for (const auto& item : set.items("rules")) {
    if (!item.value->is_object() || !item.value->contains("id")) continue;
    const auto& id = (*item.value)["id"];
    for (const auto& s : seen)
      if ((*s.value)["id"] == id) {
        errors.push_back(
            {"pack.E207", item.pack->file, item.pointer + "/id", 0, 0,
             "duplicate id " + id.dump() + " (first in " + s.pack->file + " " + s.pointer + ")"});
        break;
      }
    seen.push_back(item);
  }
}

}  // namespace

bool Pack::contributes(std::string_view section) const {
  if (sections.empty()) return true;
  for (const auto& s : sections)
    if (s == section) return true;
  return false;
}

std::vector<SectionItem> PackSet::items(std::string_view section) const {
  std::vector<SectionItem> out;
  const std::string key(section);
  for (const auto& p : packs) {
    if (!p.contributes(section) || !p.doc.contains(key) || !p.doc[key].is_array()) continue;
    const auto& arr = p.doc[key];
    for (std::size_t i = 0; i < arr.size(); ++i)
      out.push_back({&p, &arr[i], "/" + key + "/" + std::to_string(i)});
  }
  return out;
}

std::vector<SectionItem> PackSet::objects(std::string_view section) const {
  std::vector<SectionItem> out;
  const std::string key(section);
  for (const auto& p : packs)
    if (p.contributes(section) && p.doc.contains(key)) out.push_back({&p, &p.doc[key], "/" + key});
  return out;
}

const nlohmann::json* PackSet::setting(std::string_view key) const {
  const nlohmann::json* found = nullptr;
  const std::string k(key);
  for (const auto& p : packs)
    if (p.doc.contains("settings") && p.doc["settings"].is_object() &&
        p.doc["settings"].contains(k))
      found = &p.doc["settings"][k];
  return found;
}

bool load_pack_set(const Options& options, PackSet& out, std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  // The user's packs are read first: one of them may declare the platform asked for.
  std::vector<Pack> user;
  std::vector<Error> user_errors;
  for (const auto& file : options.packs) {
    Pack p{"", file.name, false, {}, {}};
    if (!parse_pack_json(file.json, file.name, p.doc, user_errors) ||
        !validate_pack(p.doc, file.name, false, user_errors))
      continue;
    p.name = p.doc["pack"].get<std::string>();
    user.push_back(std::move(p));
  }
  std::vector<const nlohmann::json*> user_docs;
  for (const auto& p : user) user_docs.push_back(&p.doc);
  const std::vector<vocab::Platform> platforms = vocab::platforms_with(user_docs);
  const vocab::Platform* chosen = nullptr;
  for (const auto& p : platforms)
    if (p.name == options.platform) chosen = &p;
  if (!chosen) {
    errors.push_back({"usage.E001", "", "", 0, 0,
                      "unknown platform \"" + options.platform +
                          "\"; expected one of: " + vocab::platform_list(platforms)});
    return false;
  }
  out.platform = options.platform;
  out.packs.clear();
  out.packs.reserve(8 + options.packs.size());  // SectionItems point into this vector
  load_builtin("common", out, errors);
  if (options.shop_pack) load_builtin("shop", out, errors);
  // The platform's own pack: built in, or the user pack that declares it.
  const nlohmann::json* platform_doc = nullptr;
  std::vector<Error> ignored;  // a platform pack that does not parse is reported by load_builtin
  if (chosen->builtin) {
    const BuiltinPack* platform = find_builtin_pack(options.platform);
    platform_doc =
        platform ? builtin_doc(*platform, "rules/" + options.platform + ".json", ignored) : nullptr;
  } else {
    for (const auto& p : user)
      if (p.name == options.platform && vocab::declares_platform(p.doc)) platform_doc = &p.doc;
  }
  // Packs a platform borrows from are loaded first but contribute only what is borrowed.
  if (platform_doc) {
    const nlohmann::json& doc = *platform_doc;
    if (doc.is_object() && doc.contains("extends") && doc["extends"].is_array())
      for (const auto& e : doc["extends"])
        if (e.is_object() && e.contains("pack") && e["pack"].is_string() &&
            e.contains("sections") && e["sections"].is_array()) {
          std::vector<std::string> sections;
          for (const auto& s : e["sections"])
            if (s.is_string()) sections.push_back(s.get<std::string>());
          load_builtin(e["pack"].get<std::string>(), out, errors, sections);
        }
  }
  if (chosen->builtin) load_builtin(options.platform, out, errors);
  errors.insert(errors.end(), user_errors.begin(), user_errors.end());
  for (auto& p : user) {
    // Another platform's pack stays out: its rules are that platform's, not this one's.
    if (vocab::declares_platform(p.doc) && p.name != options.platform) continue;
    cite_pack_sources(p.doc);
    out.packs.push_back(std::move(p));
  }
  check_unique_ids(out, errors);
  return errors.size() == before;
}

}  // namespace kefu
