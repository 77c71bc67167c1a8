#include "rules/term_list.h"

#include <algorithm>
#include <unordered_map>

#include "pack/pack.h"
#include "text/utf8.h"

namespace kefu {
namespace {

// Replaces every occurrence of `from` in `s` with `to`.
std::u32string replace_all(const std::u32string& s, const std::u32string& from,
                           const std::u32string& to) {
  std::u32string out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = s.find(from, i);
    if (j == std::u32string::npos) break;
    out.append(s, i, j - i).append(to);
    i = j + from.size();
  }
  return out.append(s, i, std::u32string::npos);
}

}  // namespace

bool register_term(const nlohmann::json& v, const std::string& ptr, Role role, std::uint32_t index,
                   KindContext& ctx) {
  std::vector<std::u32string> words;
  if (!ctx.expand(v, ptr, words)) return false;
  for (const auto& w : words) ctx.add_term(w, role, index);
  return true;
}

bool register_allow(const nlohmann::json& allow, const std::string& ptr, std::uint32_t term,
                    KindContext& ctx, Role protects) {
  if (!allow.is_array()) {
    ctx.error("pack.E201", ptr, "must be an array of strings");
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < allow.size(); ++i) {
    std::vector<std::u32string> words;
    if (!ctx.expand(allow[i], ptr + "/" + std::to_string(i), words)) {
      ok = false;
      continue;
    }
    for (const auto& w : words) ctx.add_pattern(w, Role::kAllow, term, protects);
  }
  return ok;
}

void KindContext::add_term(const std::u32string& normalized, Role role, std::uint32_t term) {
  add_pattern(normalized, role, term);
  if (role == Role::kAllow || role == Role::kCue || env_.blockers.empty()) return;
  auto it = env_.blockers.find(normalized);
  if (it == env_.blockers.end()) return;
  for (const auto& b : it->second) add_pattern(b, Role::kAllow, term, role);
}

void KindContext::add_pattern(const std::u32string& normalized, Role role, std::uint32_t term,
                              Role protects) {
  std::vector<std::u32string> variants{normalized};
  // Most terms contain no stand-in key: a 64-bit mask of the characters present lets the search
  // skip a key whose first character cannot occur (the find per key was most of this function).
  auto mask_of = [](const std::u32string& v) {
    std::uint64_t m = 0;
    for (char32_t c : v) m |= std::uint64_t{1} << (c & 63);
    return m;
  };
  std::uint64_t present = mask_of(normalized);
  for (const auto& [key, alts] : env_.equivalents.entries) {
    if (key.empty() || !(present & (std::uint64_t{1} << (key[0] & 63)))) continue;
    std::size_t n = variants.size();
    for (std::size_t i = 0; i < n && variants.size() < Limits::kMaxEquivalentVariants; ++i) {
      if (variants[i].find(key) == std::u32string::npos) continue;
      for (const auto& alt : alts) {
        if (variants.size() >= Limits::kMaxEquivalentVariants) break;
        variants.push_back(normalize_term(replace_all(variants[i], key, alt)));
        present |= mask_of(variants.back());
      }
    }
  }
  for (const auto& v : variants)
    if (!v.empty()) add_one(v, role, term, protects);
}

bool read_terms(const nlohmann::json& rule, const char* field, Role role, KindContext& ctx,
                TermList& out, bool required, bool rule_allow) {
  const std::string ptr = std::string("/") + field;
  if (!rule.contains(field)) {
    if (required)
      ctx.error("pack.E102", "", std::string("missing required field \"") + field + "\"");
    return !required;
  }
  const auto& list = rule[field];
  if (!list.is_array() || list.empty()) {
    ctx.error("pack.E201", ptr, "must be a non-empty array of terms");
    return false;
  }
  if (list.size() > Limits::kMaxTermsTotal) {
    ctx.error("pack.E210", ptr,
              std::to_string(list.size()) + " terms in one list; the limit is " +
                  std::to_string(Limits::kMaxTermsTotal));
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& t = list[i];
    const std::string tp = ptr + "/" + std::to_string(i);
    const auto index = static_cast<std::uint32_t>(i);
    if (t.is_object()) {
      for (auto it = t.begin(); it != t.end(); ++it)
        if (it.key() != "term" && it.key() != "allow" && it.key() != "use") {
          ctx.error("pack.E103", tp + "/" + it.key(),
                    "unknown field; a term object has \"term\", \"allow\" and \"use\"");
          ok = false;
        }
      if (!t.contains("term")) {
        ctx.error("pack.E102", tp, "missing required field \"term\"");
        ok = false;
        continue;
      }
      ok &= register_term(t["term"], tp + "/term", role, index, ctx);
      out.terms.push_back(t["term"].is_string() ? t["term"].get<std::string>() : "");
      if (t.contains("allow")) ok &= register_allow(t["allow"], tp + "/allow", index, ctx, role);
      if (t.contains("use")) {
        if (!t["use"].is_string()) {
          ctx.error("pack.E201", tp + "/use", "must be a string");
          ok = false;
          out.uses.emplace_back();
        } else {
          out.uses.push_back(t["use"].get<std::string>());
        }
      } else {
        out.uses.emplace_back();
      }
    } else {
      ok &= register_term(t, tp, role, index, ctx);
      out.terms.push_back(t.is_string() ? t.get<std::string>() : "");
      out.uses.emplace_back();
    }
  }
  if (rule_allow && rule.contains("allow"))
    ok &= register_allow(rule["allow"], "/allow", kAllTerms, ctx, Role::kTerm);
  return ok;
}

std::vector<Hit> allowed_hits(const std::vector<Hit>& hits, Role role) {
  // A sweep by start position: an allow context covers a hit when it starts at or before it and
  // ends at or after it, so the furthest end among the contexts started so far decides. Linear
  // after sorting, whatever the number of hits (a 10 MB paste has hundreds of thousands).
  std::vector<Hit> terms, allows;
  for (const Hit& h : hits)
    (h.role == role ? terms : h.role == Role::kAllow ? allows : terms).push_back(h);
  if (allows.empty()) {
    terms.erase(
        std::remove_if(terms.begin(), terms.end(), [&](const Hit& h) { return h.role != role; }),
        terms.end());
    return terms;
  }
  terms.erase(
      std::remove_if(terms.begin(), terms.end(), [&](const Hit& h) { return h.role != role; }),
      terms.end());
  auto by_start = [](const Hit& x, const Hit& y) { return x.start < y.start; };
  std::stable_sort(terms.begin(), terms.end(), by_start);
  std::sort(allows.begin(), allows.end(), by_start);
  std::vector<Hit> out;
  std::uint32_t reach_all = 0;
  std::unordered_map<std::uint32_t, std::uint32_t> reach_term;  // per protected term
  std::size_t k = 0;
  for (const Hit& h : terms) {
    for (; k < allows.size() && allows[k].start <= h.start; ++k) {
      const Hit& a = allows[k];
      if (a.term == kAllTerms)
        reach_all = std::max(reach_all, a.end);
      else if (a.protects == role)
        reach_term[a.term] = std::max(reach_term[a.term], a.end);
    }
    bool covered = reach_all >= h.end && reach_all > 0;
    if (!covered && !reach_term.empty()) {
      auto it = reach_term.find(h.term);
      covered = it != reach_term.end() && it->second >= h.end;
    }
    if (!covered) out.push_back(h);
  }
  return out;
}

bool read_int(const nlohmann::json& rule, const char* field, int min, int max, int& out,
              KindContext& ctx, bool required) {
  if (!rule.contains(field)) {
    if (required)
      ctx.error("pack.E102", "", std::string("missing required field \"") + field + "\"");
    return !required;
  }
  const auto& v = rule[field];
  if (!v.is_number_integer()) {
    ctx.error("pack.E201", std::string("/") + field, "must be an integer");
    return false;
  }
  long long x = v.get<long long>();
  if (x < min || x > max) {
    ctx.error(
        "pack.E210", std::string("/") + field,
        std::to_string(x) + " is out of range " + std::to_string(min) + ".." + std::to_string(max));
    return false;
  }
  out = static_cast<int>(x);
  return true;
}

}  // namespace kefu
