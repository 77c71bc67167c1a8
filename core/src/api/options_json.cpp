#include <nlohmann/json.hpp>

#include "kefu/kefu.h"

namespace kefu {

bool options_from_json(std::string_view json, Options& o, std::string& error) {
  if (json.empty()) return true;
  // The page sends the same options, custom packs included, with every keystroke: parsing tens
  // of kilobytes of pack JSON each time would cost more than the check itself, so the last
  // parsed object is kept and reused while the text is the same.
  static std::string last_text;
  static nlohmann::json last;
  if (last_text.empty() || json != last_text) {
    nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      error = "options must be a JSON object";
      return false;
    }
    last = std::move(parsed);
    last_text.assign(json);
  }
  const nlohmann::json& j = last;
  auto str = [&](const char* key, std::string& into) {
    if (!j.contains(key)) return true;
    if (!j[key].is_string()) {
      error = std::string("options.") + key + " must be a string";
      return false;
    }
    into = j[key].get<std::string>();
    return true;
  };
  std::string format;
  if (!str("platform", o.platform) || !str("now", o.now) || !str("agent", o.agent) ||
      !str("buyer", o.buyer) || !str("format", format) || !str("lang", o.lang) ||
      !str("shop_name", o.shop_name))
    return false;
  // quiz: count, seed and categories (the page's trainer settings)
  if (j.contains("count")) {
    if (!j["count"].is_number_integer() || j["count"].get<long long>() < 1 ||
        j["count"].get<long long>() > 200) {
      error = "options.count 必须是 1 到 200 之间的整数";
      return false;
    }
    o.count = j["count"].get<int>();
  }
  if (j.contains("seed")) {
    if (!j["seed"].is_number_integer() || j["seed"].get<long long>() < 0) {
      error = "options.seed 必须是非负整数";
      return false;
    }
    o.seed = j["seed"].get<std::uint64_t>();
  }
  if (j.contains("categories")) {
    if (!j["categories"].is_array()) {
      error = "options.categories 必须是类别名数组";
      return false;
    }
    o.categories.clear();
    for (const auto& c : j["categories"]) {
      if (!c.is_string()) {
        error = "options.categories 必须是类别名数组";
        return false;
      }
      o.categories.push_back(c.get<std::string>());
    }
  }
  if (o.lang != "zh" && o.lang != "en") {
    error = "options.lang must be zh or en";
    return false;
  }
  if (!format.empty()) {
    static const std::pair<const char*, Format> kFormats[] = {{"text", Format::kText},
                                                              {"json", Format::kJson},
                                                              {"csv", Format::kCsv},
                                                              {"markdown", Format::kMarkdown},
                                                              {"html", Format::kHtml}};
    bool found = false;
    for (const auto& [name, f] : kFormats)
      if (format == name) {
        o.format = f;
        found = true;
      }
    if (!found) {
      error = "options.format must be text, json, csv, markdown or html";
      return false;
    }
  }
  if (j.contains("shop")) {
    if (!j["shop"].is_boolean()) {
      error = "options.shop must be true or false";
      return false;
    }
    o.shop_pack = j["shop"].get<bool>();
  }
  if (j.contains("clock")) {
    // Converting a double outside int64's range is undefined behaviour: refuse it first.
    const double clock = j["clock"].is_number() ? j["clock"].get<double>() : 0.0;
    if (!j["clock"].is_number() || !(clock > -9.2e18 && clock < 9.2e18)) {
      error = "options.clock must be a number of seconds since 1970";
      return false;
    }
    o.clock_unix = static_cast<std::int64_t>(clock);
  }
  if (j.contains("packs")) {
    if (!j["packs"].is_array()) {
      error = "options.packs must be an array of {name, json}";
      return false;
    }
    for (const auto& p : j["packs"]) {
      if (!p.is_object() || !p.contains("json") || !p["json"].is_string() ||
          (p.contains("name") && !p["name"].is_string())) {
        error = "options.packs must be an array of {name, json}";
        return false;
      }
      o.packs.push_back(
          {p.value("name", std::string("custom.json")), p["json"].get<std::string>()});
    }
  }
  return true;
}

}  // namespace kefu
