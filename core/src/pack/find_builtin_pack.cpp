#include "pack/builtin_packs.h"

namespace kefu {

const BuiltinPack* find_builtin_pack(std::string_view name) {
  for (const auto& p : builtin_packs())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace kefu
