#include "sources/sources.h"

#include "pack/builtin_packs.h"

namespace kefu {
namespace {

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool valid_id(const std::string& s) {
  if (s.empty() || s.size() > 60 || s.front() == '-') return false;
  for (char c : s)
    if (!id_char(c)) return false;
  return true;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

// Splits at ';' and '；' outside brackets: a place in a document ("（(3)：…；(4)：…）") may
// itself hold a semicolon.
std::vector<std::string> split_parts(std::string_view v) {
  static const std::string_view kOpen[] = {"(", "（", "《", "“"};
  static const std::string_view kClose[] = {")", "）", "》", "”"};
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t len = 1;
    bool matched = false;
    for (auto o : kOpen)
      if (v.substr(i, o.size()) == o) {
        ++depth, len = o.size(), matched = true;
        break;
      }
    if (!matched)
      for (auto c : kClose)
        if (v.substr(i, c.size()) == c) {
          depth -= depth > 0, len = c.size(), matched = true;
          break;
        }
    if (!matched && depth == 0) {
      if (v[i] == ';')
        len = 1, matched = true;
      else if (v.substr(i, 3) == "；")
        len = 3, matched = true;
      if (matched) {
        parts.push_back(trim(v.substr(start, i - start)));
        start = i + len;
      }
    }
    i += len;
  }
  parts.push_back(trim(v.substr(start)));
  std::vector<std::string> out;
  for (auto& p : parts)
    if (!p.empty()) out.push_back(std::move(p));
  return out;
}

// "（第25条）" or " 第25条" after the id: the place, without its brackets.
std::string place_of(std::string_view rest) {
  std::string r = trim(rest);
  const std::string open = "（", close = "）";
  if (r.size() >= open.size() + close.size() && r.compare(0, open.size(), open) == 0 &&
      r.compare(r.size() - close.size(), close.size(), close) == 0)
    r = r.substr(open.size(), r.size() - open.size() - close.size());
  return trim(r);
}

void walk_sources(nlohmann::json& j, void (*fn)(nlohmann::json&, void*), void* ctx) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "source" && it->is_string())
        fn(*it, ctx);
      else
        walk_sources(*it, fn, ctx);
    }
  } else if (j.is_array()) {
    for (auto& e : j) walk_sources(e, fn, ctx);
  }
}

// rules/sources.json itself: its entries are the built-in registry, not additions to it.
bool is_registry(const nlohmann::json& doc) {
  return doc.contains("pack") && doc["pack"].is_string() && doc["pack"] == "sources";
}

// The sections whose "source" strings cite the registry.
constexpr const char* kCitingSections[] = {"rules", "deadlines", "points", "settings"};

void walk_sources_const(const nlohmann::json& j, const std::string& ptr,
                        std::vector<std::pair<std::string, const nlohmann::json*>>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string p = ptr + "/" + it.key();
      if (it.key() == "source" && it->is_string())
        out.emplace_back(p, &*it);
      else
        walk_sources_const(*it, p, out);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      walk_sources_const(j[i], ptr + "/" + std::to_string(i), out);
  }
}

}  // namespace

const Source* SourceRegistry::find(std::string_view id) const {
  for (const auto& s : sources_)
    if (s.id == id) return &s;
  return nullptr;
}

void read_sources_section(const nlohmann::json& doc, const std::string& file, SourceRegistry& out,
                          const SourceRegistry* also, std::vector<Error>& errors) {
  if (!doc.is_object() || !doc.contains("sources")) return;
  const auto& arr = doc["sources"];
  if (!arr.is_array()) {
    errors.push_back(
        {"pack.E230", file, "/sources", 0, 0, "sources 必须是数组，每项是一个来源对象"});
    return;
  }
  static const char* const kKinds[] = {"law", "platform", "shop", "guide"};
  static const char* const kFields[] = {"id", "kind", "title", "issuer", "date", "url", "note"};
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string p = "/sources/" + std::to_string(i);
    const auto& s = arr[i];
    if (!s.is_object()) {
      errors.push_back({"pack.E230", file, p, 0, 0,
                        "来源必须是对象：{\"id\", \"kind\", \"title\", \"issuer\", \"date\"}"});
      continue;
    }
    bool ok = true;
    for (auto it = s.begin(); it != s.end(); ++it) {
      bool known = false;
      for (const char* f : kFields) known |= it.key() == f;
      if (!known) {
        errors.push_back({"pack.E230", file, p + "/" + it.key(), 0, 0,
                          "来源没有这个字段；可用字段：id、kind、title、issuer、date、url、note"});
        ok = false;
      } else if (!it->is_string()) {
        errors.push_back({"pack.E230", file, p + "/" + it.key(), 0, 0, "必须是字符串"});
        ok = false;
      }
    }
    for (const char* f : {"id", "kind", "title", "issuer", "date"})
      if (!s.contains(f)) {
        errors.push_back({"pack.E230", file, p, 0, 0,
                          std::string("来源缺少字段 ") + f + "（日期不详时写 \"date\": \"\"）"});
        ok = false;
      }
    if (!ok) continue;
    Source src{s["id"].get<std::string>(),    s["kind"].get<std::string>(),
               s["title"].get<std::string>(), s["issuer"].get<std::string>(),
               s["date"].get<std::string>(),  s.value("url", std::string()),
               s.value("note", std::string())};
    if (!valid_id(src.id)) {
      errors.push_back(
          {"pack.E231", file, p + "/id", 0, 0,
           "来源 id \"" + src.id + "\" 不合格；只用小写字母、数字和连字符，如 \"my-shop-code\""});
      continue;
    }
    bool kind_ok = false;
    for (const char* k : kKinds) kind_ok |= src.kind == k;
    if (!kind_ok)
      errors.push_back(
          {"pack.E230", file, p + "/kind", 0, 0,
           "kind 必须是 law（法律法规）、platform（平台规则）、shop（店规）或 guide（行业资料）"});
    if (src.title.empty() || src.issuer.empty())
      errors.push_back(
          {"pack.E230", file, p, 0, 0, "来源的 title（标题）和 issuer（发布方）不能为空"});
    if (out.find(src.id) || (also && also->find(src.id))) {
      errors.push_back({"pack.E232", file, p + "/id", 0, 0,
                        "来源 id \"" + src.id + "\" 重复（内置来源或本包已有）；请换一个 id"});
      continue;
    }
    out.add(std::move(src));
  }
}

const SourceRegistry& builtin_sources() {
  static const SourceRegistry reg = [] {
    SourceRegistry r;
    const BuiltinPack* b = find_builtin_pack("sources");
    if (!b) return r;
    const nlohmann::json& doc = builtin_json(*b);
    std::vector<Error> ignored;  // tests/pack_schema_test.cpp checks the built-in registry
    read_sources_section(doc, "rules/sources.json", r, nullptr, ignored);
    return r;
  }();
  return reg;
}

std::string citation_text(const Source& s) {
  std::string t = s.title + " · " + s.issuer;
  if (!s.date.empty()) t += " · " + s.date;
  return t;
}

bool parse_citations(std::string_view value, const SourceRegistry& builtin,
                     const SourceRegistry* own, bool require_ids, std::vector<Citation>& out,
                     std::string& problem) {
  const auto parts = split_parts(value);
  if (parts.empty()) {
    problem = "来源为空；请写来源 id，如 \"law-advertising（第9条）\"";
    return false;
  }
  for (const auto& part : parts) {
    std::size_t n = 0;
    while (n < part.size() && id_char(part[n])) ++n;
    const std::string id = part.substr(0, n);
    const Source* s = id.empty() ? nullptr : builtin.find(id);
    if (!s && own && !id.empty()) s = own->find(id);
    if (s) {
      Citation c{id, place_of(std::string_view(part).substr(n)), citation_text(*s)};
      if (!c.where.empty()) c.text += "（" + c.where + "）";
      out.push_back(std::move(c));
      continue;
    }
    const bool id_shaped = n == part.size() && id.find('-') != std::string::npos;
    if (require_ids || id_shaped) {
      problem = "来源 \"" + part +
                "\" 不在来源登记中；请引用已登记的来源 id（见 kefu-lint rules --format json 的 "
                "sources，如 \"law-advertising\"），或在本包的 sources 中登记它";
      return false;
    }
    out.push_back({"", "", part});
  }
  return true;
}

std::string citations_text(const std::vector<Citation>& cites) {
  std::string t;
  for (const auto& c : cites) t += (t.empty() ? "" : "；") + c.text;
  return t;
}

void check_pack_sources(const nlohmann::json& doc, const std::string& file, bool builtin,
                        std::vector<Error>& errors) {
  if (!doc.is_object()) return;
  SourceRegistry own;
  if (is_registry(doc))
    read_sources_section(doc, file, own, nullptr, errors);
  else
    read_sources_section(doc, file, own, &builtin_sources(), errors);
  for (const char* section : kCitingSections) {
    if (!doc.contains(section)) continue;
    std::vector<std::pair<std::string, const nlohmann::json*>> found;
    walk_sources_const(doc[section], std::string("/") + section, found);
    for (const auto& [ptr, value] : found) {
      std::vector<Citation> cites;
      std::string problem;
      if (!parse_citations(value->get<std::string>(), builtin_sources(), &own, builtin, cites,
                           problem))
        errors.push_back({"pack.E233", file, ptr, 0, 0, problem});
    }
  }
}

void cite_pack_sources(nlohmann::json& doc) {
  if (!doc.is_object()) return;
  SourceRegistry own;
  std::vector<Error> ignored;
  if (!is_registry(doc)) read_sources_section(doc, "", own, &builtin_sources(), ignored);
  for (const char* section : kCitingSections) {
    if (!doc.contains(section)) continue;
    struct Ctx {
      SourceRegistry* own;
    } ctx{&own};
    walk_sources(
        doc[section],
        [](nlohmann::json& v, void* c) {
          std::vector<Citation> cites;
          std::string problem;
          if (parse_citations(v.get<std::string>(), builtin_sources(), static_cast<Ctx*>(c)->own,
                              false, cites, problem))
            v = citations_text(cites);
        },
        &ctx);
  }
}

}  // namespace kefu
