#include "transcript/conversation.h"

namespace kefu {
namespace {

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && cur.back() == ' ') cur.pop_back();
    std::size_t b = cur.find_first_not_of(' ');
    if (b != std::string::npos) out.push_back(cur.substr(b));
    cur.clear();
  };
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i] == ',')
      flush();
    else if (list.compare(i, 3, "，") == 0) {
      flush();
      i += 2;
    } else {
      cur += list[i];
    }
  }
  flush();
  return out;
}

bool in(std::string_view name, const std::vector<std::string>& list) {
  for (const auto& n : list)
    if (n == name) return true;
  return false;
}

}  // namespace

const char* speaker_name(Speaker s) {
  switch (s) {
    case Speaker::kBuyer:
      return "buyer";
    case Speaker::kAgent:
      return "agent";
    case Speaker::kSystem:
      return "system";
    default:
      return "unknown";
  }
}

const char* speaker_label(Speaker s) {
  switch (s) {
    case Speaker::kBuyer:
      return "买家";
    case Speaker::kAgent:
      return "客服";
    case Speaker::kSystem:
      return "系统";
    default:
      return "?";
  }
}

RoleHints RoleHints::from(const std::string& agent, const std::string& buyer) {
  return {split_names(agent), split_names(buyer)};
}

bool is_generic_name(std::string_view n) {
  static const std::string_view kGeneric[] = {
      "买家",  "顾客", "客户",   "用户",     "消费者", "G",     "Q",    "buyer",
      "Buyer", "客服", "K",      "agent",    "Agent",  "卖家",  "商家", "店家",
      "掌柜",  "系统", "[系统]", "【系统】", "system", "System"};
  for (auto g : kGeneric)
    if (n == g) return true;
  return false;
}

Speaker speaker_of_name(std::string_view n, const RoleHints& hints) {
  if (in(n, hints.agents)) return Speaker::kAgent;
  if (in(n, hints.buyers)) return Speaker::kBuyer;
  static const std::string_view kSystem[] = {"系统",   "[系统]", "【系统】",
                                             "system", "System", "系统消息"};
  static const std::string_view kBuyer[] = {"买家", "顾客", "客户",  "用户", "消费者",
                                            "G",    "Q",    "buyer", "Buyer"};
  static const std::string_view kAgent[] = {"客服", "K",    "agent", "Agent",
                                            "卖家", "商家", "店家",  "掌柜"};
  for (auto w : kSystem)
    if (n == w) return Speaker::kSystem;
  for (auto w : kBuyer)
    if (n == w) return Speaker::kBuyer;
  for (auto w : kAgent)
    if (n == w) return Speaker::kAgent;
  // 客服小萌, 客服01: the role word as a prefix; 店铺名:小萌: a sub-account of a shop.
  if (n.rfind("客服", 0) == 0) return Speaker::kAgent;
  if (n.find(':') != std::string_view::npos || n.find("：") != std::string_view::npos)
    return Speaker::kAgent;
  return Speaker::kUnknown;
}

void Notes::add(Error e) {
  for (auto& c : counts_)
    if (c.first == e.code) {
      if (++c.second <= kPerCode) kept_.push_back(std::move(e));
      return;
    }
  counts_.emplace_back(e.code, 1);
  kept_.push_back(std::move(e));
}

std::vector<Error> Notes::finish() const {
  std::vector<Error> out = kept_;
  for (const auto& [code, count] : counts_)
    if (count > kPerCode)
      out.push_back({code, "transcript", "", 0, 0,
                     "and " + std::to_string(count - kPerCode) +
                         " more like this (only the first " + std::to_string(kPerCode) +
                         " are listed)"});
  return out;
}

void TimeAxis::place(const ClockTime& clock, Message& m, int line, const std::string& pointer,
                     Notes& notes) {
  constexpr std::int64_t kHalfDay = 12 * 3600;
  m.clock = clock;
  std::int64_t t;
  if (clock.has_date) {
    day_ = clock.day;
    t = clock.day * 86400 + clock.second;
  } else {
    t = day_ * 86400 + clock.second;
    if (have_last_ && t < last_time_ && last_time_ - t > kHalfDay) {
      ++day_;
      t += 86400;
    }
  }
  const std::string where = line > 0 ? "line " + std::to_string(line) : pointer;
  if (have_last_ && t < last_time_) {
    notes.add({"transcript.E302", "transcript", pointer, line, 0,
               "time " + format_clock(clock) + " is earlier than the message before it (" +
                   last_where_ + "); this message is left out of the time rules"});
    return;
  }
  m.has_time = true;
  m.time = t;
  have_last_ = true;
  last_time_ = t;
  last_where_ = where;
}

}  // namespace kefu
