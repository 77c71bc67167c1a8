#include "rules/term_env.h"

#include <algorithm>
#include <list>
#include <unordered_set>

#include "pack/builtin_packs.h"
#include "pack/pack.h"
#include "rules/equivalents.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

struct RawEntry {
  const nlohmann::json* value;
  const std::string* file;
  std::string pointer;
  bool report;
};

struct RawLexicon {
  std::vector<RawEntry> entries;
  int state = 0;  // 0 unresolved, 1 being resolved (a reference back to it is a cycle), 2 done
};

bool valid_lexicon_name(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

void push(std::vector<Error>& errors, bool report, const std::string& code, const std::string& file,
          const std::string& pointer, const std::string& message) {
  if (report) errors.push_back({code, file, pointer, 0, 0, message});
}

std::string known_names(const std::unordered_map<std::string, RawLexicon>& raw) {
  std::vector<std::string> names;
  for (const auto& [name, lex] : raw) names.push_back(name);
  std::sort(names.begin(), names.end());
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) s += (i ? ", " : "") + names[i];
  if (names.size() > 12) s += ", …";
  return s.empty() ? "无" : s;
}

// A normalized literal term, or an error. Shared by lexicon entries and expand_term.
bool literal(const std::string& s, const std::string& file, const std::string& pointer, bool report,
             std::u32string& out, std::vector<Error>& errors) {
  std::u32string raw = decode_utf8(s).chars;
  if (raw.size() > Limits::kMaxTermChars) {
    push(errors, report, "pack.E210", file, pointer,
         "term is " + std::to_string(raw.size()) + " characters; the limit is " +
             std::to_string(Limits::kMaxTermChars));
    return false;
  }
  out = normalize_term(raw);
  if (out.empty()) {
    push(errors, report, "pack.E209", file, pointer,
         "\"" + s + "\" has no characters left after normalization");
    return false;
  }
  return true;
}

class Resolver {
 public:
  Resolver(std::unordered_map<std::string, RawLexicon>& raw, TermEnv& env,
           std::vector<Error>& errors)
      : raw_(raw), env_(env), errors_(errors) {}

  bool resolve(const std::string& name) {
    RawLexicon& lex = raw_[name];
    if (lex.state == 2) return true;
    lex.state = 1;
    stack_.push_back(name);
    bool ok = true;
    std::vector<std::u32string> words;
    std::unordered_set<std::u32string> seen;
    auto add = [&](const std::u32string& w) {
      if (seen.insert(w).second) words.push_back(w);
    };
    for (const RawEntry& e : lex.entries) {
      const std::string& s = e.value->get_ref<const std::string&>();
      if (!s.empty() && s[0] == '@') {
        const std::string ref = s.substr(1);
        auto it = raw_.find(ref);
        if (it == raw_.end()) {
          push(errors_, e.report, "pack.E212", *e.file, e.pointer,
               "未知词表 \"" + s + "\"（已加载的词表：" + known_names(raw_) + "）");
          ok = false;
          continue;
        }
        if (it->second.state == 1) {
          std::string path;
          auto from = std::find(stack_.begin(), stack_.end(), ref);
          for (auto p = from; p != stack_.end(); ++p) path += *p + " → ";
          push(errors_, e.report, "pack.E213", *e.file, e.pointer, "词表循环引用：" + path + ref);
          ok = false;
          continue;
        }
        if (!resolve(ref)) ok = false;
        for (const auto& w : env_.lexicons[ref]) add(w);
      } else {
        std::u32string w;
        if (literal(s, *e.file, e.pointer, e.report, w, errors_))
          add(w);
        else
          ok = false;
      }
    }
    stack_.pop_back();
    raw_[name].state = 2;  // `lex` may dangle: resolving a reference can rehash raw_
    env_.lexicons[name] = std::move(words);
    return ok;
  }

 private:
  std::unordered_map<std::string, RawLexicon>& raw_;
  TermEnv& env_;
  std::vector<Error>& errors_;
  std::vector<std::string> stack_;
};

void read_lexicons(const TermEnvSource& src, std::unordered_map<std::string, RawLexicon>& raw,
                   std::vector<Error>& errors) {
  const auto& doc = *src.doc;
  if (!doc.is_object() || !doc.contains("lexicons")) return;
  const auto& lex = doc["lexicons"];
  if (!lex.is_object()) {
    push(errors, src.report, "pack.E201", src.file, "/lexicons",
         "词表部分必须是对象：词表名 → 词语数组");
    return;
  }
  for (auto it = lex.begin(); it != lex.end(); ++it) {
    const std::string ptr = "/lexicons/" + it.key();
    if (!valid_lexicon_name(it.key())) {
      push(errors, src.report, "pack.E202", src.file, ptr,
           "词表名只能由小写字母、数字、_ 和 - 组成（至多 40 个）");
      continue;
    }
    const auto& arr = it.value();
    if (!arr.is_array() || arr.empty()) {
      push(errors, src.report, "pack.E201", src.file, ptr, "词表必须是非空的字符串数组");
      continue;
    }
    if (arr.size() > Limits::kMaxTermsTotal) {
      push(errors, src.report, "pack.E210", src.file, ptr,
           "词表有 " + std::to_string(arr.size()) + " 个词，上限是 " +
               std::to_string(Limits::kMaxTermsTotal));
      continue;
    }
    RawLexicon& target = raw[it.key()];
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string ep = ptr + "/" + std::to_string(i);
      if (!arr[i].is_string()) {
        push(errors, src.report, "pack.E201", src.file, ep, "必须是字符串");
        continue;
      }
      target.entries.push_back({&arr[i], &src.file, ep, src.report});
    }
  }
}

void read_blockers(const TermEnvSource& src, TermEnv& env, std::vector<Error>& errors) {
  const auto& doc = *src.doc;
  if (!doc.is_object() || !doc.contains("blockers")) return;
  const auto& bl = doc["blockers"];
  if (!bl.is_object()) {
    push(errors, src.report, "pack.E201", src.file, "/blockers",
         "阻断词部分必须是对象：词 → 包含它的词的数组");
    return;
  }
  for (auto it = bl.begin(); it != bl.end(); ++it) {
    const std::string ptr = "/blockers/" + it.key();
    if (!it.key().empty() && it.key()[0] == '@') {
      push(errors, src.report, "pack.E201", src.file, ptr, "被阻断的词不能是词表引用，请逐个写出");
      continue;
    }
    std::u32string key;
    if (!literal(it.key(), src.file, ptr, src.report, key, errors)) continue;
    if (!it.value().is_array() || it.value().empty()) {
      push(errors, src.report, "pack.E201", src.file, ptr,
           "必须是非空的字符串数组：包含该词的阻断词");
      continue;
    }
    auto& into = env.blockers[key];
    for (std::size_t i = 0; i < it.value().size(); ++i) {
      const std::string ep = ptr + "/" + std::to_string(i);
      std::vector<std::u32string> words;
      std::vector<Error> local;
      if (!expand_term(env, it.value()[i], src.file, ep, words, local)) {
        if (src.report) errors.insert(errors.end(), local.begin(), local.end());
        continue;
      }
      for (const auto& w : words) {
        if (w.find(key) == std::u32string::npos) {
          push(errors, src.report, "pack.E216", src.file, ep,
               "阻断词 \"" + encode_utf8(w) + "\" 不包含 \"" + it.key() + "\"（规范化后）");
          continue;
        }
        if (std::find(into.begin(), into.end(), w) == into.end()) into.push_back(w);
      }
    }
  }
}

void read_cues(const TermEnvSource& src, TermEnv& env, std::vector<Error>& errors) {
  const auto& doc = *src.doc;
  if (!doc.is_object() || !doc.contains("scope_cues")) return;
  const auto& sc = doc["scope_cues"];
  if (!sc.is_object()) {
    push(errors, src.report, "pack.E201", src.file, "/scope_cues",
         "必须是对象：negated、prohibited、hedged、asserted → 词语数组");
    return;
  }
  for (auto it = sc.begin(); it != sc.end(); ++it) {
    const std::string ptr = "/scope_cues/" + it.key();
    Reading r;
    // An `asserted` list names words that contain a cue but do not open a scope (不好意思,
    // 不过, 没问题): being longer, they mask the 不 or 没 inside them, and they count as no cue.
    if (!parse_reading(it.key(), r)) {
      push(errors, src.report, "pack.E214", src.file, ptr,
           "未知的线索类别 \"" + it.key() + "\"；可选：negated、prohibited、hedged、asserted");
      continue;
    }
    if (!it.value().is_array() || it.value().empty()) {
      push(errors, src.report, "pack.E201", src.file, ptr, "必须是非空的字符串数组");
      continue;
    }
    for (std::size_t i = 0; i < it.value().size(); ++i) {
      std::vector<std::u32string> words;
      std::vector<Error> local;
      if (!expand_term(env, it.value()[i], src.file, ptr + "/" + std::to_string(i), words, local)) {
        if (src.report) errors.insert(errors.end(), local.begin(), local.end());
        continue;
      }
      for (auto& w : words) env.cues.emplace_back(std::move(w), r);
    }
  }
}

}  // namespace

const char* reading_name(Reading r) {
  switch (r) {
    case Reading::kAsserted:
      return "asserted";
    case Reading::kNegated:
      return "negated";
    case Reading::kProhibited:
      return "prohibited";
    case Reading::kHedged:
      return "hedged";
  }
  return "asserted";
}

bool parse_reading(const std::string& s, Reading& out) {
  for (Reading r : {Reading::kAsserted, Reading::kNegated, Reading::kProhibited, Reading::kHedged})
    if (s == reading_name(r)) {
      out = r;
      return true;
    }
  return false;
}

bool expand_term(const TermEnv& env, const nlohmann::json& value, const std::string& file,
                 const std::string& pointer, std::vector<std::u32string>& out,
                 std::vector<Error>& errors) {
  if (!value.is_string()) {
    errors.push_back({"pack.E201", file, pointer, 0, 0, "must be a string"});
    return false;
  }
  const std::string& s = value.get_ref<const std::string&>();
  if (!s.empty() && s[0] == '@') {
    auto it = env.lexicons.find(s.substr(1));
    if (it == env.lexicons.end()) {
      std::vector<std::string> names;
      for (const auto& [name, words] : env.lexicons) names.push_back(name);
      std::sort(names.begin(), names.end());
      std::string list;
      for (std::size_t i = 0; i < names.size() && i < 12; ++i) list += (i ? ", " : "") + names[i];
      if (names.size() > 12) list += ", …";
      errors.push_back(
          {"pack.E212", file, pointer, 0, 0,
           "未知词表 \"" + s + "\"（已加载的词表：" + (list.empty() ? "无" : list) + "）"});
      return false;
    }
    out.insert(out.end(), it->second.begin(), it->second.end());
    return true;
  }
  std::u32string w;
  if (!literal(s, file, pointer, true, w, errors)) return false;
  out.push_back(std::move(w));
  return true;
}

bool build_term_env(const std::vector<TermEnvSource>& sources, TermEnv& out,
                    std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  std::unordered_map<std::string, RawLexicon> raw;
  for (const auto& src : sources) {
    std::vector<Error> local;
    read_equivalents(*src.doc, src.file, out.equivalents, local);
    if (src.report) errors.insert(errors.end(), local.begin(), local.end());
    read_lexicons(src, raw, errors);
  }
  std::vector<std::string> names;
  for (const auto& [name, lex] : raw) names.push_back(name);
  std::sort(names.begin(), names.end());  // errors in a stable order
  Resolver resolver(raw, out, errors);
  for (const auto& name : names) resolver.resolve(name);
  for (const auto& src : sources) {
    read_blockers(src, out, errors);
    read_cues(src, out, errors);
  }
  return errors.size() == before;
}

const std::vector<TermEnvSource>& builtin_term_sources() {
  static const std::vector<TermEnvSource> sources = [] {
    static std::list<nlohmann::json> docs;  // stable addresses
    std::vector<TermEnvSource> s;
    for (const auto& b : builtin_packs()) {
      const nlohmann::json& doc = builtin_json(b);
      if (doc.is_discarded() || !doc.is_object()) continue;
      // Lexicons a user pack may name, and the cues its rules may ignore ("ignore_cues").
      nlohmann::json part = nlohmann::json::object();
      for (const char* section : {"lexicons", "scope_cues"})
        if (doc.contains(section)) part[section] = doc[section];
      if (part.empty()) continue;
      docs.push_back(std::move(part));
      s.push_back({&docs.back(), "rules/" + std::string(b.name) + ".json", false});
    }
    return s;
  }();
  return sources;
}

}  // namespace kefu
