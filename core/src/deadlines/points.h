// Penalty points (扣分) as pack data: per platform, one or more tracks (严重违规 / 一般违规 are
// counted separately where the platform does), each a ladder of tiers "at N points → penalty",
// and an optional yearly reset (e.g. every 1 January 00:00).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"

namespace kefu {

struct PointsTier {
  std::int64_t at = 0;
  std::string penalty;
};

struct PointsTrack {
  std::string track;  // "serious" or "general"
  std::string title;
  std::string source;
  std::vector<PointsTier> tiers;  // ascending by `at`
};

struct PointsTable {
  std::string title;
  std::vector<PointsTrack> tracks;
  int reset_month = 0, reset_day = 0;  // 0: points never reset by date
  std::string reset_title, reset_source;
};

// Reads a pack's "points" object; pack.E2xx errors with pointers under /points.
bool read_points_table(const nlohmann::json& j, const std::string& file, PointsTable& out,
                       std::vector<Error>& errors);

// The highest tier reached by `points` (null when none) and the next one (null when none).
const PointsTier* tier_reached(const PointsTrack& track, std::int64_t points);
const PointsTier* next_tier(const PointsTrack& track, std::int64_t points);

// The next reset after `now` (Unix seconds): 00:00 Beijing time of the reset day.
std::int64_t next_reset(const PointsTable& table, std::int64_t now);

}  // namespace kefu
