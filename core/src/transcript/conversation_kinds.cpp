// One table says which fields each conversation kind has; validation and compilation both read
// it, so a field cannot be accepted by one and ignored by the other.
#include "transcript/conversation_kinds.h"

#include "pack/pack.h"
#include "rules/term_env.h"
#include "rules/term_matcher.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

enum class FieldType { kTerms, kSeconds, kCount };

struct FieldSpec {
  const char* name;
  FieldType type;
  bool required;
  int min, max;
};

struct KindSpec {
  std::string_view name;
  ConversationKind kind;
  std::vector<FieldSpec> fields;
};

constexpr int kDay = 86400;

const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> k = {
      {"greeting",
       ConversationKind::kGreeting,
       {{"terms", FieldType::kTerms, true, 0, 0},
        {"within_chars", FieldType::kCount, false, 1, 500}}},
      {"closing",
       ConversationKind::kClosing,
       {{"terms", FieldType::kTerms, true, 0, 0},
        {"within_chars", FieldType::kCount, false, 1, 500}}},
      {"response_time",
       ConversationKind::kResponseTime,
       {{"after", FieldType::kSeconds, true, 1, kDay},
        {"until", FieldType::kSeconds, false, 1, kDay}}},
      {"followup",
       ConversationKind::kFollowup,
       {{"within", FieldType::kSeconds, true, 1, kDay},
        {"closed_by", FieldType::kTerms, false, 0, 0},
        {"again_after", FieldType::kSeconds, false, 1, kDay}}},
      {"order_verify",
       ConversationKind::kOrderVerify,
       {{"events", FieldType::kTerms, true, 0, 0},
        {"terms", FieldType::kTerms, true, 0, 0},
        {"within", FieldType::kSeconds, true, 1, kDay}}},
      {"refund_handle",
       ConversationKind::kRefundHandle,
       {{"triggers", FieldType::kTerms, true, 0, 0},
        {"events", FieldType::kTerms, false, 0, 0},
        {"terms", FieldType::kTerms, true, 0, 0},
        {"within", FieldType::kSeconds, true, 1, kDay}}},
      {"repeat",
       ConversationKind::kRepeat,
       {{"min_chars", FieldType::kCount, true, 1, 2000},
        {"min_count", FieldType::kCount, true, 2, 100}}},
  };
  return k;
}

const KindSpec* find_kind(std::string_view name) {
  for (const auto& k : kinds())
    if (k.name == name) return &k;
  return nullptr;
}

// Fields every rule has (read by read_rule_meta); anything else must be the kind's own.
bool is_common_field(const std::string& f) {
  static const char* const kCommon[] = {"id",       "kind",     "category",  "severity",
                                        "title",    "title_en", "message",   "message_en",
                                        "penalty",  "source",   "follows",   "suggestion",
                                        "examples", "clause",   "authority", "model"};
  for (const char* c : kCommon)
    if (f == c) return true;
  return false;
}

std::string field_list(const KindSpec& k) {
  std::string s;
  for (const auto& f : k.fields) s += (s.empty() ? "" : ", ") + std::string(f.name);
  return s;
}

// Validates one field; when `out_terms` / `out_int` are given, also reads it.
bool read_field(const nlohmann::json& rule, const FieldSpec& f, const std::string& file,
                const std::string& pointer, std::vector<Error>& errors,
                std::vector<std::u32string>* out_terms, std::int64_t* out_int) {
  const std::string p = pointer + "/" + f.name;
  if (!rule.contains(f.name)) {
    if (f.required)
      errors.push_back({"pack.E102", file, pointer, 0, 0,
                        std::string("missing required field \"") + f.name + "\""});
    return !f.required;
  }
  const auto& v = rule[f.name];
  if (f.type == FieldType::kTerms) {
    if (!v.is_array() || v.empty()) {
      errors.push_back({"pack.E201", file, p, 0, 0, "must be a non-empty array of strings"});
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string tp = p + "/" + std::to_string(i);
      if (!v[i].is_string()) {
        errors.push_back({"pack.E201", file, tp, 0, 0, "must be a string"});
        ok = false;
        continue;
      }
      if (v[i].get_ref<const std::string&>().rfind("@", 0) == 0)
        continue;  // a lexicon: see check_rule
      const std::u32string chars = decode_utf8(v[i].get<std::string>()).chars;
      if (chars.size() > Limits::kMaxTermChars) {
        errors.push_back({"pack.E202", file, tp, 0, 0,
                          "longer than " + std::to_string(Limits::kMaxTermChars) + " characters"});
        ok = false;
        continue;
      }
      std::u32string norm = normalize_term(chars);
      if (norm.empty()) {
        errors.push_back({"pack.E202", file, tp, 0, 0, "has no letters left after normalization"});
        ok = false;
        continue;
      }
      if (out_terms) out_terms->push_back(std::move(norm));
    }
    return ok;
  }
  if (!v.is_number_integer() || v.get<long long>() < f.min || v.get<long long>() > f.max) {
    errors.push_back({"pack.E202", file, p, 0, 0,
                      std::string("must be a whole number of ") +
                          (f.type == FieldType::kSeconds ? "seconds" : "") +
                          (f.type == FieldType::kSeconds ? " " : "") + "from " +
                          std::to_string(f.min) + " to " + std::to_string(f.max)});
    return false;
  }
  if (out_int) *out_int = v.get<long long>();
  return true;
}

bool check_rule(const nlohmann::json& rule, const std::string& file, const std::string& pointer,
                std::vector<Error>& errors, ConversationRule* out, const TermEnv* env) {
  const std::size_t before = errors.size();
  if (!rule.is_object() || !rule.contains("kind") || !rule["kind"].is_string()) return false;
  const KindSpec* k = find_kind(rule["kind"].get<std::string>());
  if (!k) return false;  // read_rule_meta reports unknown kinds
  bool has_terms = false;
  for (const auto& f : k->fields) has_terms |= f.type == FieldType::kTerms;
  for (auto it = rule.begin(); it != rule.end(); ++it) {
    if (is_common_field(it.key()) || (has_terms && it.key() == "readings")) continue;
    bool own = false;
    for (const auto& f : k->fields) own |= it.key() == f.name;
    if (!own)
      errors.push_back(
          {"pack.E103", file, pointer + "/" + it.key(), 0, 0,
           "unknown field for kind \"" + std::string(k->name) + "\"; it has " + field_list(*k)});
  }
  ConversationRule scratch;
  ConversationRule& r = out ? *out : scratch;
  r.kind = k->kind;
  for (const auto& f : k->fields) {
    std::vector<std::u32string>* terms = nullptr;
    std::int64_t value = 0;
    const std::string name = f.name;
    if (name == "terms")
      terms = &r.terms;
    else if (name == "events")
      terms = &r.events;
    else if (name == "triggers")
      terms = &r.triggers;
    else if (name == "closed_by")
      terms = &r.closed_by;
    if (!read_field(rule, f, file, pointer, errors, terms, &value)) continue;
    if (name == "after")
      r.after = value;
    else if (name == "until")
      r.until = value;
    else if (name == "within")
      r.within = value;
    else if (name == "again_after")
      r.again_after = value;
    else if (name == "within_chars")
      r.within_chars = static_cast<int>(value);
    else if (name == "min_chars")
      r.min_chars = static_cast<int>(value);
    else if (name == "min_count")
      r.min_count = static_cast<int>(value);
  }
  // Term lists through the reply engine (docs/rule-language.md): every reading counts unless
  // the rule says `readings`.
  if (has_terms) {
    ScopeSpec spec = TermMatcher::any_reading();
    if (rule.contains("readings")) {
      const auto& rs = rule["readings"];
      if (!rs.is_array() || rs.empty()) {
        errors.push_back({"pack.E201", file, pointer + "/readings", 0, 0,
                          "必须是非空数组，元素取 asserted、negated、prohibited、hedged"});
      } else {
        spec.readings = 0;
        for (std::size_t i = 0; i < rs.size(); ++i) {
          Reading reading;
          if (!rs[i].is_string() || !parse_reading(rs[i].get<std::string>(), reading))
            errors.push_back(
                {"pack.E214", file, pointer + "/readings/" + std::to_string(i), 0, 0,
                 "未知读法 " + rs[i].dump() + "；可选：asserted、negated、prohibited、hedged"});
          else
            spec.readings |= reading_bit(reading);
        }
      }
    }
    TermEnv no_lexicons;
    const TermEnv& e = env ? *env : no_lexicons;
    const std::pair<const char*, std::shared_ptr<const TermMatcher>*> lists[] = {
        {"terms", &r.match_terms},
        {"events", &r.match_events},
        {"triggers", &r.match_triggers},
        {"closed_by", &r.match_closed_by}};
    for (const auto& [name, slot] : lists)
      if (rule.contains(name) && rule[name].is_array() && !rule[name].empty() &&
          errors.size() == before)
        *slot = TermMatcher::compile(rule[name], e, spec, file, pointer + "/" + name, errors);
  }
  if (r.until != 0 && r.until <= r.after)
    errors.push_back({"pack.E202", file, pointer + "/until", 0, 0, "must be more than \"after\""});
  return errors.size() == before;
}

}  // namespace

bool is_conversation_kind(std::string_view kind) { return find_kind(kind) != nullptr; }

std::vector<std::string_view> conversation_kind_names() {
  std::vector<std::string_view> out;
  for (const auto& k : kinds()) out.push_back(k.name);
  return out;
}

void validate_conversation_rule(const nlohmann::json& rule, const std::string& file,
                                const std::string& pointer, std::vector<Error>& errors,
                                const TermEnv* env) {
  check_rule(rule, file, pointer, errors, nullptr, env);
}

bool compile_conversation_rule(const nlohmann::json& rule, const RuleMeta& meta,
                               ConversationRule& out, std::vector<Error>& errors,
                               const TermEnv* env) {
  out = ConversationRule();
  out.meta = &meta;
  return check_rule(rule, meta.file, meta.pointer, errors, &out, env);
}

}  // namespace kefu
