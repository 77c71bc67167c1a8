// The fixed vocabularies of the SPEC, defined once. Packs, reports, the schema test and the page
// (through `kefu-lint rules --format json`) all read them from here.
#pragma once

#include <string_view>
#include <vector>

namespace kefu::vocab {

enum class Scope { kReply, kConversation };

struct Category {
  std::string_view name;
  Scope scope;
  std::string_view title;     // Chinese label for reports
  std::string_view title_en;
};

const std::vector<Category>& categories();
const Category* find_category(std::string_view name);

// Platform packs in display order; `common` and `shop` are not platforms.
struct Platform {
  std::string_view name;
  std::string_view title;
  std::string_view title_en;
};
const std::vector<Platform>& platforms();
bool is_platform(std::string_view name);
std::string platform_list();  // "taobao, tmall, ..." for error messages

const std::vector<std::string_view>& severities();  // error, warning, info
bool is_severity(std::string_view s);

const std::vector<std::string_view>& deadline_kinds();
bool is_deadline_kind(std::string_view s);

// Order fact events (SPEC §3), in the order they usually happen.
const std::vector<std::string_view>& order_events();
bool is_order_event(std::string_view s);

const std::vector<std::string_view>& shipping_methods();  // express, ems, surface
const std::vector<std::string_view>& deadline_statuses();  // pending, due_soon, overdue, met, void

}  // namespace kefu::vocab
