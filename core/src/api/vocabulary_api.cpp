#include "api/api_common.h"
#include "pack/pack.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

nlohmann::ordered_json term_json(const vocab::Term& t) {
  return {{"name", t.name}, {"title", t.title}, {"title_en", t.title_en}};
}

nlohmann::ordered_json names_json(const std::vector<std::string_view>& names) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (auto n : names) out.push_back(std::string(n));
  return out;
}

std::string join(const std::vector<std::string_view>& names) {
  std::string s;
  for (auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

std::string padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + "  " : s + std::string(width - s.size() + 2, ' ');
}

std::string vocabulary_json(const std::vector<vocab::Platform>& platforms) {
  nlohmann::ordered_json j;
  j["platforms"] = nlohmann::ordered_json::array();
  for (const auto& p : platforms)
    j["platforms"].push_back(
        {{"name", p.name}, {"title", p.title}, {"title_en", p.title_en}, {"builtin", p.builtin}});
  j["categories"] = nlohmann::ordered_json::array();
  for (const auto& c : vocab::categories()) j["categories"].push_back(vocab::category_json(c));
  j["severities"] = nlohmann::ordered_json::array();
  for (const auto& t : vocab::severity_terms()) j["severities"].push_back(term_json(t));
  j["deadline_kinds"] = names_json(vocab::deadline_kinds());
  j["deadline_statuses"] = nlohmann::ordered_json::array();
  for (const auto& t : vocab::deadline_status_terms())
    j["deadline_statuses"].push_back(term_json(t));
  j["order_events"] = names_json(vocab::order_events());
  j["shipping_methods"] = names_json(vocab::shipping_methods());
  return dump_json(j);
}

std::string vocabulary_text(const std::vector<vocab::Platform>& platforms) {
  std::string out = "平台 (platforms, --platform):\n";
  for (const auto& p : platforms)
    out += "  " + padded(p.name, 10) + p.title + " / " + p.title_en +
           (p.builtin ? "" : "  (--pack)") + "\n";
  out += "类别 (categories):\n";
  for (const auto& c : vocab::categories())
    out += "  " + padded(c.name, 26) +
           padded(c.scope == vocab::Scope::kReply ? "reply" : "conversation", 12) + c.title +
           " / " + c.title_en + "\n";
  out += "严重程度 (severities, most serious first):\n";
  for (const auto& t : vocab::severity_terms())
    out += "  " + padded(t.name, 10) + t.title + " / " + t.title_en + "\n";
  out += "时效状态 (deadline statuses):\n";
  for (const auto& t : vocab::deadline_status_terms())
    out += "  " + padded(t.name, 10) + t.title + " / " + t.title_en + "\n";
  out += "时效类型 (deadline kinds): " + join(vocab::deadline_kinds()) + "\n";
  out += "订单事件 (order events): " + join(vocab::order_events()) + "\n";
  out += "物流方式 (shipping methods): " + join(vocab::shipping_methods()) + "\n";
  return out;
}

}  // namespace

Output vocabulary(const Options& options) {
  return guarded("vocabulary", options.format, [&]() -> Output {
    if (options.format != Format::kText && options.format != Format::kJson)
      return error_output({errors::format_not_offered("vocabulary", "text or json", "en")},
                          options.format);
    // The user's packs count as they would in any command: one that does not load is an error,
    // and those that declare a platform add it.
    std::vector<Error> errors;
    std::vector<nlohmann::json> docs(options.packs.size());
    std::vector<const nlohmann::json*> loaded;
    for (std::size_t i = 0; i < options.packs.size(); ++i) {
      const PackFile& p = options.packs[i];
      if (parse_pack_json(p.json, p.name, docs[i], errors) &&
          validate_pack(docs[i], p.name, false, errors))
        loaded.push_back(&docs[i]);
    }
    if (!errors.empty()) return error_output(errors, options.format);
    const std::vector<vocab::Platform> platforms = vocab::platforms_with(loaded);
    Output out;
    out.out =
        options.format == Format::kJson ? vocabulary_json(platforms) : vocabulary_text(platforms);
    return out;
  });
}

std::vector<std::string> platforms() {
  std::vector<std::string> out;
  for (const auto& p : vocab::platforms()) out.emplace_back(p.name);
  return out;
}

}  // namespace kefu
