#include "vocab/vocabulary.h"

#include <algorithm>
#include <deque>

#include "pack/builtin_packs.h"
#include "pack/pack.h"

namespace kefu::vocab {
namespace {

// Everything read once from the embedded data. String views handed out point into `strings`,
// which never moves an element (a deque grows without relocating).
struct Data {
  std::vector<Category> categories;
  std::vector<Platform> platforms;
  std::vector<Term> severities, statuses;
  std::vector<std::string_view> severity_names, status_names, kinds, events, shipping;
  std::deque<std::string> strings;
  std::vector<std::string> problems;
};

std::string text_of(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                : std::string();
}

void read_names(Data& d, const nlohmann::json& voc, const char* key,
                std::vector<std::string_view>& out) {
  if (!voc.contains(key) || !voc[key].is_array() || voc[key].empty()) {
    d.problems.push_back(std::string("rules/vocabulary.json /vocabulary/") + key +
                         ": must be a non-empty array");
    return;
  }
  for (const auto& v : voc[key]) {
    if (!v.is_string() || v.get<std::string>().empty()) {
      d.problems.push_back(std::string("rules/vocabulary.json /vocabulary/") + key +
                           ": names must be strings");
      continue;
    }
    d.strings.push_back(v.get<std::string>());
    out.emplace_back(d.strings.back());
  }
}

void read_terms(Data& d, const nlohmann::json& voc, const char* key, std::vector<Term>& terms,
                std::vector<std::string_view>& names) {
  if (!voc.contains(key) || !voc[key].is_array() || voc[key].empty()) {
    d.problems.push_back(std::string("rules/vocabulary.json /vocabulary/") + key +
                         ": must be a non-empty array");
    return;
  }
  for (const auto& v : voc[key]) {
    Term t{text_of(v, "name"), text_of(v, "title"), text_of(v, "title_en")};
    if (t.name.empty() || t.title.empty() || t.title_en.empty()) {
      d.problems.push_back(std::string("rules/vocabulary.json /vocabulary/") + key +
                           ": each needs name, title and title_en");
      continue;
    }
    terms.push_back(t);
  }
  for (const auto& t : terms) {
    d.strings.push_back(t.name);
    names.emplace_back(d.strings.back());
  }
}

bool before(const Platform& a, const Platform& b) {
  return a.order != b.order ? a.order < b.order : a.name < b.name;
}

void load(Data& d) {
  const BuiltinPack* b = find_builtin_pack("vocabulary");
  const nlohmann::json doc = b ? builtin_json(*b) : nlohmann::json();
  const nlohmann::json voc =
      doc.is_object() && doc.contains("vocabulary") ? doc["vocabulary"] : nlohmann::json();
  if (!voc.is_object()) {
    d.problems.push_back(
        "rules/vocabulary.json: missing, not JSON, or without a \"vocabulary\" object");
  } else {
    if (voc.contains("categories") && voc["categories"].is_array()) {
      for (const auto& c : voc["categories"]) {
        const std::string scope = text_of(c, "scope");
        Category cat{text_of(c, "name"), scope == "reply" ? Scope::kReply : Scope::kConversation,
                     text_of(c, "title"), text_of(c, "title_en")};
        if (cat.name.empty() || cat.title.empty() || cat.title_en.empty() ||
            (scope != "reply" && scope != "conversation"))
          d.problems.push_back(
              "rules/vocabulary.json /vocabulary/categories: each needs name, scope "
              "(reply or conversation), title and title_en");
        else
          d.categories.push_back(cat);
      }
    } else {
      d.problems.push_back("rules/vocabulary.json /vocabulary/categories: must be an array");
    }
    read_terms(d, voc, "severities", d.severities, d.severity_names);
    read_terms(d, voc, "deadline_statuses", d.statuses, d.status_names);
    read_names(d, voc, "deadline_kinds", d.kinds);
    read_names(d, voc, "order_events", d.events);
    read_names(d, voc, "shipping_methods", d.shipping);
  }
  for (const auto& p : builtin_packs()) {
    const nlohmann::json& pack = builtin_json(p);
    if (declares_platform(pack)) d.platforms.push_back(platform_of(pack, true));
  }
  std::stable_sort(d.platforms.begin(), d.platforms.end(), before);
  if (d.platforms.empty()) d.problems.push_back("rules/: no pack declares a \"platform\"");
}

// Built in place and never destroyed: the views handed out must outlive every static user.
const Data& data() {
  static const Data* d = [] {
    auto* fresh = new Data;
    load(*fresh);
    return fresh;
  }();
  return *d;
}

template <typename T>
bool contains(const std::vector<T>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

const std::vector<Category>& categories() { return data().categories; }

nlohmann::ordered_json category_json(const Category& c) {
  return {{"name", c.name},
          {"scope", c.scope == Scope::kReply ? "reply" : "conversation"},
          {"title", c.title},
          {"title_en", c.title_en}};
}

const Category* find_category(std::string_view name) {
  for (const auto& c : categories())
    if (c.name == name) return &c;
  return nullptr;
}

const std::vector<Platform>& platforms() { return data().platforms; }

const Platform* find_platform(std::string_view name) {
  for (const auto& p : platforms())
    if (p.name == name) return &p;
  return nullptr;
}

bool is_platform(std::string_view name) { return find_platform(name) != nullptr; }

std::string platform_list(const std::vector<Platform>& list) {
  std::string s;
  for (const auto& p : list) s += (s.empty() ? "" : ", ") + p.name;
  return s;
}

std::string platform_list() { return platform_list(platforms()); }

bool declares_platform(const nlohmann::json& pack_doc) {
  return pack_doc.is_object() && pack_doc.contains("platform") &&
         pack_doc["platform"].is_object() && pack_doc.contains("pack") &&
         pack_doc["pack"].is_string();
}

Platform platform_of(const nlohmann::json& pack_doc, bool builtin) {
  Platform p;
  p.name = text_of(pack_doc, "pack");
  p.title = text_of(pack_doc, "title");
  p.title_en = text_of(pack_doc, "title_en");
  if (p.title.empty()) p.title = p.name;
  if (p.title_en.empty()) p.title_en = p.title;
  // Without an order a platform goes after the ordered ones.
  const nlohmann::json& spec = pack_doc["platform"];
  p.order = spec.contains("order") && spec["order"].is_number_integer() ? spec["order"].get<int>()
                                                                        : 1000000;
  p.builtin = builtin;
  return p;
}

std::vector<Platform> platforms_with(const std::vector<const nlohmann::json*>& user_docs) {
  std::vector<Platform> out = platforms();
  std::vector<Platform> added;
  for (const nlohmann::json* doc : user_docs)
    if (doc && declares_platform(*doc)) {
      Platform p = platform_of(*doc, false);
      bool known = false;
      for (const auto& q : out) known |= q.name == p.name;
      for (const auto& q : added) known |= q.name == p.name;
      if (!known) added.push_back(std::move(p));
    }
  // The built-ins keep their places; a user's platforms follow them, in their own order.
  std::stable_sort(added.begin(), added.end(), before);
  out.insert(out.end(), added.begin(), added.end());
  return out;
}

std::vector<Platform> platforms_with(const std::vector<PackFile>& user_packs) {
  // Read as loading reads them (size and nesting limits first): these are the user's files.
  std::vector<nlohmann::json> docs(user_packs.size());
  std::vector<const nlohmann::json*> ptrs;
  std::vector<Error> ignored;
  for (std::size_t i = 0; i < user_packs.size(); ++i)
    if (parse_pack_json(user_packs[i].json, user_packs[i].name, docs[i], ignored))
      ptrs.push_back(&docs[i]);
  return platforms_with(ptrs);
}

const std::vector<Term>& severity_terms() { return data().severities; }
const std::vector<std::string_view>& severities() { return data().severity_names; }
bool is_severity(std::string_view s) { return contains(severities(), s); }

int severity_rank(std::string_view s) {
  const auto& all = severities();
  const auto at = std::find(all.begin(), all.end(), s);
  if (at == all.end()) return all.empty() ? 0 : static_cast<int>(all.size()) - 1;
  return static_cast<int>(at - all.begin());
}

const std::vector<std::string_view>& deadline_kinds() { return data().kinds; }
bool is_deadline_kind(std::string_view s) { return contains(deadline_kinds(), s); }

const std::vector<std::string_view>& order_events() { return data().events; }
bool is_order_event(std::string_view s) { return contains(order_events(), s); }

const std::vector<std::string_view>& shipping_methods() { return data().shipping; }

const std::vector<Term>& deadline_status_terms() { return data().statuses; }
const std::vector<std::string_view>& deadline_statuses() { return data().status_names; }

std::string deadline_status_title(std::string_view status, std::string_view lang) {
  for (const auto& t : deadline_status_terms())
    if (t.name == status) return lang == "en" ? t.title_en : t.title;
  return std::string(status);
}

const std::vector<std::string>& data_problems() { return data().problems; }

}  // namespace kefu::vocab
