// The two faces of a deadline answer: a timeline for people (sorted by due time, with countdowns
// such as 还剩 2天3小时) and JSON for tools and the page (docs/deadlines.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "deadlines/deadline_engine.h"

namespace kefu {

struct DeadlineAnswer {
  std::string platform;
  std::string platform_title,
      platform_title_en;    // the platform pack's names; empty: look up built-ins
  std::string lang = "zh";  // "zh" or "en": the words of the text and of left_text
  std::int64_t now = 0;
  std::vector<Deadline> deadlines;
  std::vector<WaitingClock> waiting;  // clocks an event not yet given would start
  std::vector<Error> warnings;        // facts that leave a clock out, e.g. no shipping method
};

// "1天0小时45分", "5小时20分", "9分30秒", "45秒" (English "1 d 0 h 45 min", "5 h 20 min",
// "9 min 30 s", "45 s"): whole units from the largest present down to minutes, seconds only
// under an hour; the sign is the caller's (还剩 / 已超时).
std::string countdown_text(std::int64_t seconds, const std::string& lang = "zh");

// The time left as one phrase: 还剩 1天0小时45分 / 已超时 2小时 / 提前 3小时完成 / 晚了 5分0秒.
std::string left_text(const Deadline& d, const std::string& lang);

std::string deadlines_text(const DeadlineAnswer& answer);
std::string deadlines_json(const DeadlineAnswer& answer);

}  // namespace kefu
