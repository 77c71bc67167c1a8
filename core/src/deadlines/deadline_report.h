// The two faces of a deadline answer: a timeline for people (sorted by due time, with countdowns
// such as 还剩 2天3小时) and the JSON of SPEC §3 for tools and the page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "deadlines/deadline_engine.h"

namespace kefu {

struct DeadlineAnswer {
  std::string platform;
  std::int64_t now = 0;
  std::vector<Deadline> deadlines;
  std::vector<Error> warnings;  // facts that leave a clock out, e.g. no shipping method
};

// "2天3小时", "5小时20分钟", "20分钟", "45秒": the two largest units, zeros left out.
std::string countdown_text(std::int64_t seconds);

std::string deadlines_text(const DeadlineAnswer& answer);
std::string deadlines_json(const DeadlineAnswer& answer);

}  // namespace kefu
