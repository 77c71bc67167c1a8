// What a term means beyond its own characters, merged from every loaded pack: stand-ins
// (`equivalents`), named word sets (`lexicons`, referenced as `@name`), containing words that
// block a term (`blockers`) and the cues that open a negated, prohibited or hedged reading
// (`scope_cues`). Resolved once when the packs are loaded; nothing here runs per reply.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/error.h"

namespace kefu {

// How a match is meant; a rule says on which readings it fires.
enum class Reading : std::uint8_t { kAsserted = 0, kNegated = 1, kProhibited = 2, kHedged = 3 };
inline constexpr std::uint8_t reading_bit(Reading r) { return std::uint8_t(1u << unsigned(r)); }
// The reading's name in packs ("asserted" …); parse_reading returns false for an unknown one.
const char* reading_name(Reading r);
bool parse_reading(const std::string& s, Reading& out);

// Stand-ins users write for a word (`vx` for 微信), normalized, merged from every loaded pack.
struct Equivalents {
  std::vector<std::pair<std::u32string, std::vector<std::u32string>>> entries;
};

struct TermEnv {
  Equivalents equivalents;
  // Lexicon name -> its entries, normalized, nested references flattened, duplicates removed.
  std::unordered_map<std::string, std::vector<std::u32string>> lexicons;
  // Normalized term -> normalized containing words that block it.
  std::unordered_map<std::u32string, std::vector<std::u32string>> blockers;
  // Normalized cue words and the reading each one opens.
  std::vector<std::pair<std::u32string, Reading>> cues;
};

// One pack document contributing to the environment. `report` false: its errors are not
// reported (the built-in packs, consulted while validating a user's pack on its own).
struct TermEnvSource {
  const nlohmann::json* doc;
  std::string file;
  bool report = true;
};

// Reads the four sections of every source in order and resolves lexicon references; appends
// errors (coded, with JSON pointers) and returns false when there are any.
bool build_term_env(const std::vector<TermEnvSource>& sources, TermEnv& out,
                    std::vector<Error>& errors);

// The lexicon and scope-cue sections of every built-in pack, for validating a pack on its own:
// a user pack may say @invoice without declaring it, or ignore a built-in cue. Parsed once per
// process.
const std::vector<TermEnvSource>& builtin_term_sources();

// Expands one term as written (`"发票"` or `"@invoice"`) into normalized strings; reports
// pack.E201/E209/E210/E212 at `file` + `pointer`. A reference expands to its lexicon's entries.
bool expand_term(const TermEnv& env, const nlohmann::json& value, const std::string& file,
                 const std::string& pointer, std::vector<std::u32string>& out,
                 std::vector<Error>& errors);

}  // namespace kefu
