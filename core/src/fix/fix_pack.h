// The two pack sections this module reads: `rewrites` (how a finding's sentence is rewritten,
// keyed by category with optional per-rule overrides) and `phrases` (the approved replies of the
// 话术库). Both are data; the C++ only validates and looks them up.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "pack/pack.h"

namespace kefu {

// What a candidate rewrite replaces: the matched characters, the clause (up to ，), the sentence
// (up to 。！？ or a line break) or the whole reply.
enum class RewriteScope { kMatch, kClause, kSentence, kReply };

struct RewriteCandidate {
  RewriteScope scope = RewriteScope::kSentence;
  // Template; {match} is the matched text, {word} what this hit should become (a term's `use`,
  // a detector's masked form; the candidate is skipped when the hit has none of its own), and
  // {suggestion} the finding's suggestion whatever it is (the rule's, for most rules).
  std::string text;
  std::vector<std::string> when;             // the sentence must contain one of these, if any
  std::map<std::string, std::string> words;  // match scope: only these matches, mapped
};

struct RewriteTemplate {
  std::string key;     // "category:rude" or "rule:jd.company-term", for messages
  std::string advice;  // what to do instead when no candidate re-checks clean
  std::vector<RewriteCandidate> candidates;  // tried in order; the first clean one is offered
};

struct Phrase {
  std::string id, scenario, title, text;
};

void validate_rewrites_section(const nlohmann::json& doc, const std::string& file,
                               std::vector<Error>& errors);
void validate_phrases_section(const nlohmann::json& doc, const std::string& file,
                              std::vector<Error>& errors);

// The rewrite templates of a pack set: a rule's own entry wins over its category's; among
// entries of the same key the last loaded pack wins, so a platform or user pack overrides common.
class RewriteBook {
 public:
  explicit RewriteBook(const PackSet& packs);
  const RewriteTemplate* find(const std::string& rule_id, const std::string& category) const;

 private:
  std::map<std::string, RewriteTemplate> by_rule_, by_category_;
};

// The phrases offered on `platform`, in load order, each with that platform's wording; a later
// phrase with the same id replaces an earlier one in place (a shop's own pack edits a built-in).
std::vector<Phrase> phrases_for(const PackSet& packs, const std::string& platform);

}  // namespace kefu
