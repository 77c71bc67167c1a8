// The compiled pack set for a choice of platform, shop pack and user packs. Compiling is the
// expensive part, so each distinct choice is compiled once and kept (a few recent ones).
// Engines are shared-owned: the cache holds one share and every user that outlives the call
// (a TranscriptStream between pieces, a report that points into the packs) holds its own, so
// an engine the cache drops is freed only when its last user lets go.
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
std::shared_ptr<const Engine> engine_for(const Options& options, std::vector<Error>& errors);

}  // namespace kefu
