// Placeholder until the transcript checker lands: no conversation kinds yet.
#include "transcript/conversation_kinds.h"

namespace kefu {

bool is_conversation_kind(std::string_view) { return false; }
std::vector<std::string_view> conversation_kind_names() { return {}; }
void validate_conversation_rule(const nlohmann::json&, const std::string&, const std::string&,
                                std::vector<Error>&) {}

}  // namespace kefu
