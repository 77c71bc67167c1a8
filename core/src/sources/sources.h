// The sources registry (rules/sources.json plus a user pack's own "sources"): the documents rules,
// deadlines, point tracks and bars cite. Packs cite by id in their "source" strings
// ("id" or "id（where in it）", several joined by "; "); everything a user sees shows the citation
// built here (title · issuer · date), never an id or a file name.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace kefu {

struct Source {
  std::string id;
  std::string kind;  // law, platform, shop, guide
  std::string title;
  std::string issuer;
  std::string date;  // "2024-09-01", "2023" or "" when the document bears none
  std::string url;   // "" when not public
  std::string note;  // how it was read ("第三方转述"); shown in the handbook's source list
};

class SourceRegistry {
 public:
  const Source* find(std::string_view id) const;
  const std::vector<Source>& all() const { return sources_; }
  void add(Source s) { sources_.push_back(std::move(s)); }

 private:
  std::vector<Source> sources_;
};

// The built-in registry, parsed once from the embedded rules/sources.json.
const SourceRegistry& builtin_sources();

// Reads and checks a pack's "sources" section into `out` (appending); ids must be unique
// across `out` and `also` (the built-in registry, for a user pack). Errors are coded
// pack.E230–E232, in Chinese.
void read_sources_section(const nlohmann::json& doc, const std::string& file, SourceRegistry& out,
                          const SourceRegistry* also, std::vector<Error>& errors);

// One cited document: its id ("" for a user's free-text citation) and where in it.
struct Citation {
  std::string id;
  std::string where;  // "第25条", without the brackets
  std::string text;   // what a user reads
};

// "title · issuer · date"
std::string citation_text(const Source& s);

// Splits a "source" string and resolves each part. A part that starts with a registered id cites
// it. In a built-in pack every part must; a user pack may also cite in free text (shown as
// written), but a part shaped like an id (lower-case ASCII with a hyphen) that names no source is
// an error (pack.E233) so a typo never prints as a citation.
bool parse_citations(std::string_view value, const SourceRegistry& builtin,
                     const SourceRegistry* own, bool require_ids, std::vector<Citation>& out,
                     std::string& problem);

// The citations joined for display ("A · B · 2024；C · D").
std::string citations_text(const std::vector<Citation>& cites);

// Checks every "source" string of a pack (rules, deadlines, points, settings); appends errors.
void check_pack_sources(const nlohmann::json& doc, const std::string& file, bool builtin,
                        std::vector<Error>& errors);

// Replaces every "source" string of a loaded pack with its citation text, in place. Parts that
// do not resolve are left as written (the pack was validated before it got here).
void cite_pack_sources(nlohmann::json& doc);

}  // namespace kefu
