// Loaded rule packs: the built-in ones chosen by platform plus the user's, validated, in load
// order. Every consumer (reply rules, conversation rules, deadlines, points) reads its section
// from a PackSet, so the loading and validation rules live in one place.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace kefu {

struct Options;

struct Pack {
  std::string name;  // "taobao", or the user pack's own "pack" field
  std::string file;  // "rules/taobao.json" for built-ins, the user's file name otherwise
  bool builtin = false;
  nlohmann::json doc;
  // Sections this pack contributes; empty means all. A pack loaded only because another
  // "extends" it contributes just the borrowed sections.
  std::vector<std::string> sections;

  bool contributes(std::string_view section) const;
};

// One element of an array section (rules, deadlines) or one object section (points, settings),
// with the pack it came from and its JSON pointer there, for error messages.
struct SectionItem {
  const Pack* pack;
  const nlohmann::json* value;
  std::string pointer;  // "/rules/3"
};

class PackSet {
 public:
  std::string platform;
  std::vector<Pack> packs;

  // Every element of `section` in load order, including sections borrowed through "extends".
  std::vector<SectionItem> items(std::string_view section) const;
  // Every pack's object section `section` (e.g. "points", "settings") in load order.
  std::vector<SectionItem> objects(std::string_view section) const;
  // A setting: the last loaded pack that sets `settings/<key>` wins; null when none does.
  const nlohmann::json* setting(std::string_view key) const;
};

// Limits that keep hostile packs and inputs bounded; documented in the README.
struct Limits {
  static constexpr std::size_t kMaxPackBytes = 8u << 20;
  static constexpr std::size_t kMaxRulesPerPack = 5000;
  static constexpr std::size_t kMaxTermsTotal = 300000;
  static constexpr std::size_t kMaxTermChars = 64;
  static constexpr int kMaxWithin = 200;
  static constexpr int kMaxJsonDepth = 32;
  static constexpr std::size_t kMaxEquivalentVariants = 64;
  static constexpr std::size_t kMaxInputBytes = 64u << 20;
};

// Parses pack text; JSON syntax errors come back with line and column (pack.E100).
bool parse_pack_json(std::string_view text, const std::string& file, nlohmann::json& out,
                     std::vector<Error>& errors);

// Checks one pack document (every section); appends errors, returns true when there are none.
bool validate_pack(const nlohmann::json& doc, const std::string& file, bool builtin,
                   std::vector<Error>& errors);

// common + shop (unless off) + platform (+ extends) + user packs; checks ids are unique.
bool load_pack_set(const Options& options, PackSet& out, std::vector<Error>& errors);

}  // namespace kefu
