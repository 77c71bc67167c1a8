// The QA lead's scorecard (质检评分表): per agent account, the conversations and messages they
// handled, their response figures, findings by category and penalties; penalties are totalled as
// money (扣款, 元) and points (扣分) apart and split by who imposes them (platform rule, law, shop
// code), because a shop's 每句扣除10元 and a platform's 扣6分 are not one sum.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "transcript/figures.h"
#include "transcript/transcript_checker.h"

namespace kefu {

enum Authority { kPlatformRule = 0, kLaw = 1, kShopCode = 2 };
const char* authority_name(int a);   // platform, law, shop
const char* authority_label(int a);  // 平台规则, 法律法规, 店规

// Who imposes a rule's penalty: the rule's own `authority` field when set; else the shop pack's
// rules are the shop's code, the common pack's rules that cite a law (广告法第57条, 罚款20万元) are
// the law's, every platform pack's the platform's.
int authority_of(const RuleMeta& rule);

// The fixed amount a penalty states: 每次扣除20元 → 20 yuan, 扣6分 → 6 points; a range, a
// 万元 fine or a sanction with no number (下架, 警告) is "unquantified". The minutes of 5分钟 are
// no points.
struct PenaltyAmount {
  bool yuan = false, points = false;
  double value = 0;
};
PenaltyAmount penalty_amount(std::string_view penalty);

struct PenaltyTotals {
  double yuan[3] = {0, 0, 0};
  double points[3] = {0, 0, 0};
  std::size_t unquantified[3] = {0, 0, 0};  // findings with a penalty but no fixed amount
  void add(const RuleMeta& rule);
  void add(int authority, const PenaltyAmount& amount);
  nlohmann::ordered_json to_json() const;
  std::string to_text()
      const;  // "扣款 40元 (店规 40元)；扣分 6分 (平台规则 6分)；另有 2 处处罚无固定金额"
  bool empty() const;
};

struct AgentCard {
  std::string name;
  std::size_t conversations = 0, messages = 0, findings = 0;
  Figures figures;
  std::map<std::string, std::size_t> by_category;
  PenaltyTotals penalties;
};

class Scorecard {
 public:
  static constexpr std::size_t kMaxAgents = 500;    // more names than this: the rest are pooled
  static constexpr std::size_t kMaxSpeakers = 200;  // listed for the user to settle roles

  void add(const Conversation& c, const ConversationResult& r, const ReplyBar& bar);

  const std::vector<AgentCard>& agents() const { return agents_; }
  const PenaltyTotals& penalties() const { return penalties_; }
  nlohmann::ordered_json agents_json(const TranscriptSettings& s) const;
  nlohmann::ordered_json speakers_json() const;
  nlohmann::ordered_json period_json() const;  // {"from","to"} of the dated messages, or null
  std::vector<std::string> shops() const;      // 店铺 of 店铺:客服 sub-accounts
  std::string agents_text(const TranscriptSettings& s) const;
  std::string agents_csv() const;
  std::string period_text() const;

 private:
  AgentCard& card(std::string_view name);

  std::vector<AgentCard> agents_;
  std::unordered_map<std::string, std::size_t> agent_index_;
  PenaltyTotals penalties_;
  struct SpeakerCount {
    std::string name;
    Speaker speaker;
    std::size_t messages;
  };
  std::vector<SpeakerCount> speakers_;
  std::unordered_map<std::string, std::size_t> speaker_index_;
  std::size_t other_speakers_ = 0;
  bool has_period_ = false;
  ClockTime first_, last_;
  std::int64_t first_time_ = 0, last_time_ = 0;
  std::vector<std::string> shops_;
  std::unordered_map<const RuleMeta*, std::pair<int, PenaltyAmount>> penalty_of_;
};

}  // namespace kefu
