#include "rules/equivalents.h"

#include <algorithm>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {

bool read_equivalents(const nlohmann::json& doc, const std::string& file, Equivalents& into,
                      std::vector<Error>& errors) {
  if (!doc.contains("equivalents")) return true;
  const auto& eq = doc["equivalents"];
  if (!eq.is_object()) {
    errors.push_back({"pack.E201", file, "/equivalents", 0, 0, "must be an object of arrays"});
    return false;
  }
  bool ok = true;
  for (auto it = eq.begin(); it != eq.end(); ++it) {
    const std::string ptr = "/equivalents/" + it.key();
    std::u32string key = normalize_term(decode_utf8(it.key()).chars);
    if (key.empty() || !it.value().is_array()) {
      errors.push_back({"pack.E201", file, ptr, 0, 0, "must be an array of stand-in strings"});
      ok = false;
      continue;
    }
    auto entry = std::find_if(into.entries.begin(), into.entries.end(),
                              [&](const auto& e) { return e.first == key; });
    if (entry == into.entries.end()) {
      into.entries.push_back({key, {}});
      entry = into.entries.end() - 1;
    }
    for (std::size_t i = 0; i < it.value().size(); ++i) {
      const auto& v = it.value()[i];
      std::u32string alt = v.is_string() ? normalize_term(decode_utf8(v.get<std::string>()).chars)
                                         : std::u32string();
      if (alt.empty()) {
        errors.push_back(
            {"pack.E201", file, ptr + "/" + std::to_string(i), 0, 0, "must be a non-empty string"});
        ok = false;
        continue;
      }
      if (std::find(entry->second.begin(), entry->second.end(), alt) == entry->second.end())
        entry->second.push_back(alt);
    }
  }
  return ok;
}

}  // namespace kefu
