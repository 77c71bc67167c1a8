#include "rules/rule_meta.h"

#include "rules/rule_kind.h"
#include "transcript/conversation_kinds.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

std::string kind_list() {
  std::string s;
  for (const auto& k : reply_kinds()) s += (s.empty() ? "" : ", ") + std::string(k.name);
  for (auto k : conversation_kind_names()) s += ", " + std::string(k);
  return s;
}

std::string category_list() {
  std::string s;
  for (const auto& c : vocab::categories()) s += (s.empty() ? "" : ", ") + std::string(c.name);
  return s;
}

}  // namespace

bool read_rule_meta(const nlohmann::json& rule, const std::string& pack, const std::string& file,
                    const std::string& pointer, std::size_t min_examples, RuleMeta& out,
                    std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  auto err = [&](const char* code, const std::string& sub, const std::string& msg) {
    errors.push_back({code, file, pointer + sub, 0, 0, msg});
  };
  if (!rule.is_object()) {
    err("pack.E201", "", "must be an object");
    return false;
  }
  out.pack = pack;
  out.file = file;
  out.pointer = pointer;
  struct Field {
    const char* name;
    std::string* target;
    bool required;
  };
  const Field fields[] = {
      {"id", &out.id, true},
      {"kind", &out.kind, true},
      {"category", &out.category, true},
      {"severity", &out.severity, true},
      {"title", &out.title, true},
      {"message", &out.message, true},
      {"penalty", &out.penalty, true},
      {"source", &out.source, true},
      {"title_en", &out.title_en, false},
      {"message_en", &out.message_en, false},
      {"follows", &out.follows, false},
      {"suggestion", &out.suggestion, false},
      {"clause", &out.clause, false},
      {"authority", &out.authority, false},
  };
  for (const auto& f : fields) {
    if (!rule.contains(f.name)) {
      if (f.required)
        err("pack.E102", "", std::string("missing required field \"") + f.name + "\"");
      continue;
    }
    const auto& v = rule[f.name];
    if (!v.is_string()) {
      err("pack.E201", std::string("/") + f.name, "must be a string");
      continue;
    }
    *f.target = v.get<std::string>();
    if (f.required && f.target->empty() && std::string(f.name) != "penalty")
      err("pack.E202", std::string("/") + f.name, "must not be empty");
  }
  if (!out.id.empty() && out.id.rfind(pack + ".", 0) != 0)
    err("pack.E206", "/id", "\"" + out.id + "\" must start with \"" + pack + ".\"");
  if (!out.category.empty() && !vocab::find_category(out.category))
    err("pack.E203", "/category",
        "unknown category \"" + out.category + "\"; expected one of: " + category_list());
  if (!out.severity.empty() && !vocab::is_severity(out.severity))
    err("pack.E205", "/severity",
        "unknown severity \"" + out.severity + "\"; expected error, warning or info");
  if (!out.authority.empty() && out.authority != "platform" && out.authority != "law" &&
      out.authority != "shop")
    err("pack.E202", "/authority",
        "authority 必须是 platform（平台规则）、law（法律）或 shop（店规）");
  if (rule.contains("model")) {
    const auto& m = rule["model"];
    if (!m.is_array())
      err("pack.E201", "/model", "model 必须是字符串数组（示范回复）");
    else
      for (std::size_t i = 0; i < m.size(); ++i) {
        if (m[i].is_string() && !m[i].get<std::string>().empty())
          out.model.push_back(m[i].get<std::string>());
        else
          err("pack.E201", "/model/" + std::to_string(i), "示范回复必须是非空字符串");
      }
  }
  if (!out.kind.empty() && !find_reply_kind(out.kind) && !is_conversation_kind(out.kind))
    err("pack.E204", "/kind", "unknown kind \"" + out.kind + "\"; expected one of: " + kind_list());

  if (!rule.contains("examples")) {
    err("pack.E102", "", "missing required field \"examples\"");
  } else if (!rule["examples"].is_object()) {
    err("pack.E201", "/examples", "must be an object with \"bad\" and \"good\" arrays");
  } else {
    for (const char* side : {"bad", "good"}) {
      auto& list = std::string(side) == "bad" ? out.bad : out.good;
      const auto& ex = rule["examples"];
      const std::string sp = std::string("/examples/") + side;
      if (!ex.contains(side) || !ex[side].is_array()) {
        err("pack.E201", sp, "must be an array of strings");
        continue;
      }
      for (std::size_t i = 0; i < ex[side].size(); ++i) {
        if (!ex[side][i].is_string())
          err("pack.E201", sp + "/" + std::to_string(i), "must be a string");
        else
          list.push_back(ex[side][i].get<std::string>());
      }
      if (list.size() < min_examples)
        err("pack.E208", sp,
            "needs at least " + std::to_string(min_examples) + " " + side + " example" +
                (min_examples > 1 ? "s" : "") + ", has " + std::to_string(list.size()));
    }
  }
  return errors.size() == before;
}

}  // namespace kefu
