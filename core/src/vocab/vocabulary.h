// The fixed vocabularies every output relies on, read from data: rules/vocabulary.json (categories,
// severities, deadline kinds and statuses, order events, shipping methods) and the platform packs
// (every pack with a "platform" field is a platform, named by its own title and title_en). Both
// are compiled in with the other packs, so a new platform or category is a JSON edit. Packs,
// reports, the CLI's help and the page (through kefu::vocabulary) all read them from here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kefu/kefu.h"

namespace kefu::vocab {

enum class Scope { kReply, kConversation };

struct Category {
  std::string name;
  Scope scope;
  std::string title;  // Chinese label for reports
  std::string title_en;
};

const std::vector<Category>& categories();
const Category* find_category(std::string_view name);
// A category as the JSON outputs list it (vocabulary and the rules' JSON alike).
nlohmann::ordered_json category_json(const Category& c);

// A word with its labels: severities and deadline statuses.
struct Term {
  std::string name;
  std::string title;
  std::string title_en;
};

struct Platform {
  std::string name;  // the pack's "pack", what --platform takes
  std::string title;
  std::string title_en;
  int order = 0;
  bool builtin = true;
};
// The built-in platforms in display order; `common`, `shop` and the registries are not platforms.
const std::vector<Platform>& platforms();
const Platform* find_platform(std::string_view name);
bool is_platform(std::string_view name);
std::string platform_list();  // "taobao, tmall, ..." for error messages
std::string platform_list(const std::vector<Platform>& platforms);

// Whether a pack document declares itself a platform, and the platform it declares.
bool declares_platform(const nlohmann::json& pack_doc);
Platform platform_of(const nlohmann::json& pack_doc, bool builtin);
// The built-in platforms followed by those the user packs declare (in the same order rule).
std::vector<Platform> platforms_with(const std::vector<const nlohmann::json*>& user_docs);
// The same from the user packs' text; a pack that does not parse adds none (loading it reports
// why).
std::vector<Platform> platforms_with(const std::vector<PackFile>& user_packs);

// Most serious first: reports sort and count findings in this order.
const std::vector<Term>& severity_terms();
const std::vector<std::string_view>& severities();  // error, warning, info
bool is_severity(std::string_view s);
// The position of `s` in severities() (error 0, warning 1, info 2); an unknown word ranks with
// the least serious. Every report sorts, folds and counts findings by this.
int severity_rank(std::string_view s);

const std::vector<std::string_view>& deadline_kinds();
bool is_deadline_kind(std::string_view s);

// The events an order's facts may carry (docs/deadlines.md), in the order they usually happen.
const std::vector<std::string_view>& order_events();
bool is_order_event(std::string_view s);

const std::vector<std::string_view>& shipping_methods();  // express, ems, surface
const std::vector<Term>& deadline_status_terms();
const std::vector<std::string_view>& deadline_statuses();  // pending, due_soon, overdue, met, void
// The status's label in `lang` ("en" English, Chinese otherwise); the name when unknown.
std::string deadline_status_title(std::string_view status, std::string_view lang);

// Problems of the built-in vocabulary data (empty when it is sound); tests assert it is empty.
const std::vector<std::string>& data_problems();

}  // namespace kefu::vocab
