// Response-time figures as platforms grade shops: first response (首响), average response (平响),
// longest wait and the share of buyer messages answered within 1, 3 and 5 minutes, counted only
// inside the service hours the packs set, with the platform's own bar beside them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "pack/pack.h"
#include "transcript/conversation.h"
#include "transcript/transcript_reader.h"

namespace kefu {

struct ServiceHours {
  bool set = false;            // no pack sets them: every hour counts
  int start = 0, end = 86400;  // seconds of the day, [start, end)
  std::string text;            // "08:00-23:00"
  bool inside(std::int32_t second) const { return !set || (second >= start && second < end); }
};

// A platform's published bar, e.g. a 3-minute reply rate of at least 70% (settings.reply_rate_bar).
struct ReplyBar {
  bool set = false;
  std::string title, source;
  std::string counts = "messages";  // messages | first | conversations
  std::int64_t within = 0;          // seconds
  double min_percent = -1;          // < 0: the platform publishes no number
};

struct TranscriptSettings {
  ServiceHours hours;
  ReplyBar bar;
  TranscriptColumns columns = TranscriptColumns::builtin();  // settings/transcript_columns
};

// settings/service_hours ("08:00-23:00") and settings/reply_rate_bar from the loaded packs.
bool read_transcript_settings(const PackSet& packs, TranscriptSettings& out,
                              std::vector<Error>& errors);

// How long one timed buyer message waited for the next agent message.
struct Wait {
  std::size_t message = 0;  // index in the conversation
  bool answered = false;
  std::int64_t seconds = 0;  // the wait; when unanswered, how long it is known to have waited
  bool round_start = false;  // the first buyer message since the last agent message
  bool in_hours = false;
};

std::vector<Wait> compute_waits(const Conversation& c, const ServiceHours& hours);

struct Figures {
  static constexpr std::int64_t kWithin[3] = {60, 180, 300};
  bool timed = false;
  std::size_t conversations = 0;
  std::size_t buyer_messages = 0;  // timed, inside service hours
  std::size_t answered = 0;
  std::size_t within[3] = {0, 0, 0};
  std::size_t rounds = 0, unanswered_rounds = 0;
  std::int64_t round_wait_sum = 0;
  std::size_t first_count = 0;
  std::int64_t first_sum = 0;
  bool has_longest = false;
  std::int64_t longest = 0;
  std::size_t longest_message = 0;  // transcript-wide message index
  std::size_t bar_hits = 0, bar_total = 0;

  void add(const Figures& other);
  nlohmann::ordered_json to_json(const TranscriptSettings& s) const;
  // Two or three lines for the text report, each starting with `indent`.
  std::string to_text(const TranscriptSettings& s, const std::string& indent) const;
};

Figures figures_of(const Conversation& c, const std::vector<Wait>& waits, const ReplyBar& bar);

}  // namespace kefu
