#include "transcript/figures.h"

#include <cmath>
#include <cstdio>

namespace kefu {
namespace {

bool parse_hhmm(const std::string& s, std::size_t at, int& seconds) {
  if (at + 5 > s.size() || s[at + 2] != ':') return false;
  for (std::size_t i : {at, at + 1, at + 3, at + 4})
    if (s[i] < '0' || s[i] > '9') return false;
  const int h = (s[at] - '0') * 10 + (s[at + 1] - '0');
  const int m = (s[at + 3] - '0') * 10 + (s[at + 4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
  seconds = h * 3600 + m * 60;
  return true;
}

const SectionItem* last_setting(const std::vector<SectionItem>& items, const char* key) {
  const SectionItem* found = nullptr;
  for (const auto& it : items)
    if (it.value->is_object() && it.value->contains(key)) found = &it;
  return found;
}

nlohmann::ordered_json seconds_or_null(bool has, std::int64_t v) {
  return has ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return nullptr;
  return std::round(1000.0 * part / whole) / 10.0;
}

std::string percent_text(std::size_t part, std::size_t whole) {
  if (whole == 0) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", std::round(1000.0 * part / whole) / 10.0);
  return buf;
}

std::int64_t mean(std::int64_t sum, std::size_t n) {
  return n == 0 ? 0 : static_cast<std::int64_t>(std::llround(static_cast<double>(sum) / n));
}

}  // namespace

constexpr std::int64_t Figures::kWithin[3];

bool read_transcript_settings(const PackSet& packs, TranscriptSettings& out,
                              std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  const auto items = packs.objects("settings");
  if (const SectionItem* it = last_setting(items, "service_hours")) {
    const auto& v = (*it->value)["service_hours"];
    const std::string s = v.is_string() ? v.get<std::string>() : "";
    ServiceHours h;
    if (s.size() == 11 && s[5] == '-' && parse_hhmm(s, 0, h.start) && parse_hhmm(s, 6, h.end) &&
        h.start < h.end) {
      h.set = true;
      h.text = s;
      out.hours = h;
    } else {
      errors.push_back(
          {"pack.E202", it->pack->file, it->pointer + "/service_hours", 0, 0,
           "must be \"HH:MM-HH:MM\" with the start before the end, e.g. \"08:00-23:00\""});
    }
  }
  if (const SectionItem* it = last_setting(items, "transcript_columns"))
    TranscriptColumns::from_json((*it->value)["transcript_columns"], it->pack->file,
                                 it->pointer + "/transcript_columns", out.columns, errors);
  if (const SectionItem* it = last_setting(items, "reply_rate_bar")) {
    const auto& v = (*it->value)["reply_rate_bar"];
    const std::string p = it->pointer + "/reply_rate_bar";
    auto bad = [&](const std::string& sub, const std::string& msg) {
      errors.push_back({"pack.E202", it->pack->file, p + sub, 0, 0, msg});
    };
    ReplyBar bar;
    if (!v.is_object()) {
      bad("",
          "must be an object {\"title\", \"within_seconds\", \"min_percent\", \"counts\", "
          "\"source\"}");
    } else {
      for (auto f = v.begin(); f != v.end(); ++f)
        if (f.key() != "title" && f.key() != "within_seconds" && f.key() != "min_percent" &&
            f.key() != "counts" && f.key() != "source")
          errors.push_back({"pack.E103", it->pack->file, p + "/" + f.key(), 0, 0,
                            "unknown field; a reply_rate_bar has title, within_seconds, "
                            "min_percent, counts, source"});
      if (!v.contains("title") || !v["title"].is_string())
        bad("/title", "must be a string");
      else
        bar.title = v["title"].get<std::string>();
      if (!v.contains("source") || !v["source"].is_string())
        bad("/source", "must be a string");
      else
        bar.source = v["source"].get<std::string>();
      if (!v.contains("within_seconds") || !v["within_seconds"].is_number_integer() ||
          v["within_seconds"].get<long long>() < 1 || v["within_seconds"].get<long long>() > 86400)
        bad("/within_seconds", "must be a whole number of seconds from 1 to 86400");
      else
        bar.within = v["within_seconds"].get<long long>();
      if (v.contains("min_percent")) {
        if (!v["min_percent"].is_number() || v["min_percent"].get<double>() < 0 ||
            v["min_percent"].get<double>() > 100)
          bad("/min_percent", "must be a number from 0 to 100");
        else
          bar.min_percent = v["min_percent"].get<double>();
      }
      if (v.contains("counts")) {
        const auto& c = v["counts"];
        if (!c.is_string() || (c != "messages" && c != "first" && c != "conversations"))
          bad("/counts", "must be \"messages\", \"first\" or \"conversations\"");
        else
          bar.counts = c.get<std::string>();
      }
      bar.set = true;
      out.bar = bar;
    }
  }
  return errors.size() == before;
}

std::vector<Wait> compute_waits(const Conversation& c, const ServiceHours& hours) {
  const auto& m = c.messages;
  const std::size_t n = m.size();
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // next_agent[i]: first agent message after i; latest[i]: latest time at or after i.
  std::vector<std::size_t> next_agent(n + 1, kNone);
  std::vector<std::int64_t> latest(n + 1, INT64_MIN);
  for (std::size_t i = n; i-- > 0;) {
    next_agent[i] = i + 1 < n && m[i + 1].speaker == Speaker::kAgent ? i + 1 : next_agent[i + 1];
    latest[i] = std::max(latest[i + 1], m[i].has_time ? m[i].time : INT64_MIN);
  }
  std::vector<Wait> out;
  Speaker previous = Speaker::kUnknown;
  for (std::size_t i = 0; i < n; ++i) {
    if (m[i].speaker == Speaker::kSystem) continue;
    const bool round_start = m[i].speaker == Speaker::kBuyer && previous != Speaker::kBuyer;
    previous = m[i].speaker;
    if (m[i].speaker != Speaker::kBuyer || !m[i].has_time) continue;
    Wait w;
    w.message = i;
    w.round_start = round_start;
    w.in_hours = hours.inside(m[i].clock.second);
    const std::size_t a = next_agent[i];
    if (a != kNone) {
      if (!m[a].has_time) continue;  // answered at a time nobody wrote down
      w.answered = true;
      w.seconds = m[a].time - m[i].time;
    } else {
      w.seconds = latest[i] - m[i].time;
    }
    out.push_back(w);
  }
  return out;
}

Figures figures_of(const Conversation& c, const std::vector<Wait>& waits, const ReplyBar& bar) {
  Figures f;
  f.conversations = 1;
  f.timed = c.timed();
  bool first_seen = false, all_within = true, any = false;
  for (const auto& w : waits) {
    if (!w.in_hours) continue;
    // The conversation ends on it (好的谢谢): nothing says how long it waited, or that it needed
    // an answer at all.
    if (!w.answered && w.seconds == 0) continue;
    any = true;
    ++f.buyer_messages;
    if (w.answered) {
      ++f.answered;
      for (int k = 0; k < 3; ++k) f.within[k] += w.seconds <= Figures::kWithin[k];
    }
    const bool in_bar = w.answered && w.seconds <= bar.within;
    all_within &= in_bar;
    if (bar.set && bar.counts == "messages") {
      ++f.bar_total;
      f.bar_hits += in_bar;
    }
    if (!w.round_start) continue;
    if (!w.answered) {
      ++f.unanswered_rounds;
      continue;
    }
    ++f.rounds;
    f.round_wait_sum += w.seconds;
    if (!f.has_longest || w.seconds > f.longest) {
      f.has_longest = true;
      f.longest = w.seconds;
      f.longest_message = c.messages[w.message].index;
    }
    if (!first_seen) {
      first_seen = true;
      ++f.first_count;
      f.first_sum += w.seconds;
      if (bar.set && bar.counts == "first") {
        ++f.bar_total;
        f.bar_hits += w.seconds <= bar.within;
      }
    }
  }
  if (bar.set && bar.counts == "conversations" && any) {
    ++f.bar_total;
    f.bar_hits += all_within;
  }
  return f;
}

void Figures::add(const Figures& o) {
  timed |= o.timed;
  conversations += o.conversations;
  buyer_messages += o.buyer_messages;
  answered += o.answered;
  for (int k = 0; k < 3; ++k) within[k] += o.within[k];
  rounds += o.rounds;
  unanswered_rounds += o.unanswered_rounds;
  round_wait_sum += o.round_wait_sum;
  first_count += o.first_count;
  first_sum += o.first_sum;
  if (o.has_longest && (!has_longest || o.longest > longest)) {
    has_longest = true;
    longest = o.longest;
    longest_message = o.longest_message;
  }
  bar_hits += o.bar_hits;
  bar_total += o.bar_total;
}

nlohmann::ordered_json Figures::to_json(const TranscriptSettings& s) const {
  nlohmann::ordered_json j;
  j["timed"] = timed;
  j["service_hours"] =
      s.hours.set ? nlohmann::ordered_json(s.hours.text) : nlohmann::ordered_json(nullptr);
  j["buyer_messages"] = buyer_messages;
  j["answered"] = answered;
  j["unanswered_rounds"] = unanswered_rounds;
  j["first_response_seconds"] = seconds_or_null(first_count > 0, mean(first_sum, first_count));
  j["average_response_seconds"] = seconds_or_null(rounds > 0, mean(round_wait_sum, rounds));
  j["longest_wait_seconds"] = seconds_or_null(has_longest, longest);
  j["longest_wait_message_index"] =
      has_longest ? nlohmann::ordered_json(longest_message) : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json w;
  for (int k = 0; k < 3; ++k)
    w[std::to_string(kWithin[k])] = {{"count", within[k]},
                                     {"percent", percent(within[k], buyer_messages)}};
  j["answered_within"] = w;
  if (s.bar.set) {
    nlohmann::ordered_json b;
    b["title"] = s.bar.title;
    b["within_seconds"] = s.bar.within;
    b["counts"] = s.bar.counts;
    b["min_percent"] = s.bar.min_percent < 0 ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(s.bar.min_percent);
    b["count"] = bar_hits;
    b["total"] = bar_total;
    b["percent"] = percent(bar_hits, bar_total);
    b["met"] = s.bar.min_percent < 0 || bar_total == 0
                   ? nlohmann::ordered_json(nullptr)
                   : nlohmann::ordered_json(100.0 * bar_hits >= s.bar.min_percent * bar_total);
    b["source"] = s.bar.source;
    j["platform_bar"] = b;
  }
  return j;
}

std::string Figures::to_text(const TranscriptSettings& s, const std::string& indent) const {
  if (!timed)
    return indent + "没有时间，响应时间规则与数据跳过 (no times: response figures skipped)\n";
  auto dur = [](bool has, std::int64_t v) { return has ? format_duration(v) : std::string("—"); };
  std::string out = indent + "首响 " + dur(first_count > 0, mean(first_sum, first_count)) +
                    "  平响 " + dur(rounds > 0, mean(round_wait_sum, rounds)) + "  最长等待 " +
                    dur(has_longest, longest);
  if (has_longest) out += " (#" + std::to_string(longest_message + 1) + ")";
  if (unanswered_rounds > 0) out += "  未回复 " + std::to_string(unanswered_rounds) + " 轮";
  out += "\n" + indent + "买家消息 " + std::to_string(buyer_messages) + " 条";
  out += s.hours.set ? " (服务时间 " + s.hours.text + " 内)" : " (全天)";
  out += ": 1分钟内回复 " + percent_text(within[0], buyer_messages) + "  3分钟内 " +
         percent_text(within[1], buyer_messages) + "  5分钟内 " +
         percent_text(within[2], buyer_messages) + "\n";
  if (s.bar.set) {
    out += indent + s.bar.title + ": " + percent_text(bar_hits, bar_total) + " (" +
           std::to_string(bar_hits) + "/" + std::to_string(bar_total) + ")";
    if (s.bar.min_percent >= 0 && bar_total > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g%%", s.bar.min_percent);
      out += std::string(" 要求 ≥ ") + buf +
             (100.0 * bar_hits >= s.bar.min_percent * bar_total ? " 达标" : " 未达标");
    }
    out += "\n";
  }
  return out;
}

}  // namespace kefu
