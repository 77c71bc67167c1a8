// Term lists as every kind reads them: `["a", {"term": "b", "allow": [...], "use": "..."}]`,
// plus a rule-level `allow`. Shared so that allow contexts mean the same in every kind.
#pragma once

#include <string>
#include <vector>

#include "rules/rule_kind.h"

namespace kefu {

struct TermList {
  std::vector<std::string> terms;  // as written, for messages
  std::vector<std::string> uses;   // per term; empty when none
};

// Reads `rule[field]` (a non-empty array of terms), registers the terms with `role` and their
// allow contexts. With `rule_allow`, the rule's own `allow` array is registered too.
bool read_terms(const nlohmann::json& rule, const char* field, Role role, KindContext& ctx,
                TermList& out, bool required = true, bool rule_allow = true);

// Registers one term as written (a literal or `@lexicon`) with `role` and index `index`.
bool register_term(const nlohmann::json& v, const std::string& ptr, Role role, std::uint32_t index,
                   KindContext& ctx);
// Registers an array of allow contexts for term `term` of role `protects` (kAllTerms: all).
bool register_allow(const nlohmann::json& allow, const std::string& ptr, std::uint32_t term,
                    KindContext& ctx, Role protects);

// The hits of `role` not covered by an allow context that applies to their term.
std::vector<Hit> allowed_hits(const std::vector<Hit>& hits, Role role);

// Reads an optional non-negative integer field, with a bound; reports errors.
bool read_int(const nlohmann::json& rule, const char* field, int min, int max, int& out,
              KindContext& ctx, bool required);

}  // namespace kefu
