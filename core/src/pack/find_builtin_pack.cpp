#include <memory>

#include "pack/builtin_packs.h"

namespace kefu {

const nlohmann::json& builtin_json(const BuiltinPack& pack) {
  // All at once, in a function-local static: its initialization is thread-safe, and every
  // caller needs common.json, which is nearly all of the bytes.
  static const std::vector<nlohmann::json> parsed = [] {
    std::vector<nlohmann::json> docs;
    for (const auto& p : builtin_packs())
      docs.push_back(nlohmann::json::parse(p.json, nullptr, false));
    return docs;
  }();
  return parsed[static_cast<std::size_t>(&pack - builtin_packs().data())];
}

const BuiltinPack* find_builtin_pack(std::string_view name) {
  for (const auto& p : builtin_packs())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace kefu
