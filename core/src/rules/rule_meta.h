// What every rule carries whatever its kind (docs/pack-format.md), read once when a pack is
// compiled.
#pragma once

#include <string>
#include <vector>

namespace kefu {

struct RuleMeta {
  std::string id;
  std::string kind;
  std::string category;
  std::string severity;
  std::string title, title_en;
  std::string message, message_en;
  std::string penalty;
  std::string source;
  std::string follows;
  std::string suggestion;
  // The penalty clause the rule enforces ("" when its own): rules sharing a clause cost one
  // fine for one message, however many of them it breaks.
  std::string clause;
  // Who sets the penalty: "platform", "law" or "shop" ("" when the rule has none); the handout
  // labels the penalty 平台规则 / 法律 / 店规 from it.
  std::string authority;
  std::vector<std::string> bad, good;  // examples
  std::vector<std::string> model;      // model replies an agent would send (handout, practice)
  std::string pack;                    // pack name it came from
  std::string file;                    // pack file, for messages
  std::string pointer;                 // "/rules/3"
};

}  // namespace kefu

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace kefu {

// Reads and checks the fields every rule has (id, kind, category, severity, title, message,
// penalty, source, examples …). `min_examples` is 3 for built-in packs and 1 for a user's.
bool read_rule_meta(const nlohmann::json& rule, const std::string& pack, const std::string& file,
                    const std::string& pointer, std::size_t min_examples, RuleMeta& out,
                    std::vector<Error>& errors);

}  // namespace kefu
