// What the deadline engine reads from the loaded packs: the deadline rules of every pack (a
// platform pack may borrow another's through "extends") and the due_soon policy from settings.
#pragma once

#include <vector>

#include "deadlines/deadline_engine.h"
#include "pack/pack.h"

namespace kefu {

// Every "deadlines" element of the set, read; packs were validated on load, so errors here
// are only those of rules a later check would refuse too.
std::vector<DeadlineRule> deadline_rules(const PackSet& set, std::vector<Error>& errors);

// settings/due_soon {"hours": 24, "percent": 20}; the defaults when no pack sets it.
DueSoonPolicy due_soon_policy(const PackSet& set);

}  // namespace kefu
