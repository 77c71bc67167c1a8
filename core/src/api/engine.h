// The compiled pack set for a choice of platform, shop pack and user packs. Compiling is the
// expensive part, so each distinct choice is compiled once and kept (a few recent ones).
#pragma once

#include <memory>
#include <vector>

#include "common/error.h"
#include "kefu/kefu.h"
#include "pack/pack.h"
#include "reply/reply_checker.h"

namespace kefu {

struct Engine {
  PackSet packs;
  std::unique_ptr<ReplyChecker> checker;
};

// Null when the options name an unknown platform or a pack does not load; `errors` says why
// (usage.E001 for the platform, pack.E* for packs).
const Engine* engine_for(const Options& options, std::vector<Error>& errors);

}  // namespace kefu
