#include "rules/kinds.h"

namespace kefu {

const std::vector<ReplyKind>& reply_kinds() {
  static const std::vector<ReplyKind> kKinds = {
      {"terms", compile_terms},           {"substitution", compile_substitution},
      {"proximity", compile_proximity},   {"length", compile_length},
      {"only_terms", compile_only_terms}, {"detector", compile_detector},
      {"pattern", compile_pattern},
  };
  return kKinds;
}

const ReplyKind* find_reply_kind(std::string_view name) {
  for (const auto& k : reply_kinds())
    if (k.name == name) return &k;
  return nullptr;
}

}  // namespace kefu
