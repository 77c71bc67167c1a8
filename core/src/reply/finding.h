// A finding: which rule, where in the original text (code points, and UTF-16 units for the
// page), the matched text and the suggestion to use instead.
#pragma once

#include <cstdint>
#include <string>

#include "rules/rule_meta.h"

namespace kefu {

struct Finding {
  const RuleMeta* rule = nullptr;
  std::uint32_t start = 0;  // code points of the original input
  std::uint32_t end = 0;
  std::uint32_t start_utf16 = 0;  // the same span in UTF-16 code units (JavaScript offsets)
  std::uint32_t end_utf16 = 0;
  std::string text;        // the original characters [start, end)
  std::string suggestion;  // the rule's, or one computed for this hit (masking)
};

}  // namespace kefu
