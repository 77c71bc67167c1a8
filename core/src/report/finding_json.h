// The SPEC's finding object, shared by check and transcript reports.
#pragma once

#include <nlohmann/json.hpp>

#include "reply/finding.h"

namespace kefu {

nlohmann::ordered_json finding_to_json(const Finding& f);

}  // namespace kefu
