#include "transcript/scorecard.h"

#include <algorithm>
#include <cstdio>

#include "transcript/transcript_time.h"

namespace kefu {
namespace {

bool at(std::string_view s, std::size_t i, std::string_view p) {
  return s.compare(i, p.size(), p) == 0;
}

std::string number_text(double v) {
  char buf[32];
  if (v == static_cast<double>(static_cast<long long>(v)))
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else
    std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string clock_text(const ClockTime& c) { return format_clock(c); }

// 20 rather than 20.0: money and points are whole in every pack so far.
nlohmann::ordered_json amount_json(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return static_cast<long long>(v);
  return v;
}

}  // namespace

const char* authority_name(int a) {
  return a == kLaw ? "law" : a == kShopCode ? "shop" : "platform";
}
const char* authority_label(int a) {
  return a == kLaw ? "法律法规" : a == kShopCode ? "店规" : "平台规则";
}

int authority_of(const RuleMeta& rule) {
  // A rule that names its authority is taken at its word; the pack decides for the others.
  if (rule.authority == "law") return kLaw;
  if (rule.authority == "shop") return kShopCode;
  if (rule.authority == "platform") return kPlatformRule;
  if (rule.pack == "shop") return kShopCode;
  if (rule.pack == "common" && (rule.penalty.find("法") != std::string::npos ||
                                rule.penalty.find("罚款") != std::string::npos))
    return kLaw;
  return kPlatformRule;
}

PenaltyAmount penalty_amount(std::string_view p) {
  PenaltyAmount out;
  bool fined = false;  // 扣 or 罚 seen before the number
  for (std::size_t i = 0; i < p.size();) {
    if (at(p, i, "扣") || at(p, i, "罚")) fined = true;
    if (p[i] < '0' || p[i] > '9') {
      ++i;
      continue;
    }
    double v = 0;
    std::size_t j = i;
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') v = v * 10 + (p[j++] - '0');
    if (j < p.size() && p[j] == '.') {
      double scale = 0.1;
      for (++j; j < p.size() && p[j] >= '0' && p[j] <= '9'; ++j, scale /= 10)
        v += (p[j] - '0') * scale;
    }
    if (fined && at(p, j, "元")) {
      out.yuan = true;
      out.value = v;
      return out;
    }
    if (fined && at(p, j, "分") && !at(p, j, "分钟")) {
      out.points = true;
      out.value = v;
      return out;
    }
    i = j;
  }
  return out;
}

void PenaltyTotals::add(const RuleMeta& rule) {
  if (rule.penalty.empty()) return;
  add(authority_of(rule), penalty_amount(rule.penalty));
}

void PenaltyTotals::add(int a, const PenaltyAmount& amount) {
  if (amount.yuan)
    yuan[a] += amount.value;
  else if (amount.points)
    points[a] += amount.value;
  else
    ++unquantified[a];
}

bool PenaltyTotals::empty() const {
  for (int a = 0; a < 3; ++a)
    if (yuan[a] != 0 || points[a] != 0 || unquantified[a] != 0) return false;
  return true;
}

nlohmann::ordered_json PenaltyTotals::to_json() const {
  nlohmann::ordered_json j;
  auto split = [](const double* v) {
    nlohmann::ordered_json s;
    s["total"] = amount_json(v[0] + v[1] + v[2]);
    for (int a = 0; a < 3; ++a) s[authority_name(a)] = amount_json(v[a]);
    return s;
  };
  j["yuan"] = split(yuan);
  j["points"] = split(points);
  nlohmann::ordered_json u;
  u["total"] = unquantified[0] + unquantified[1] + unquantified[2];
  for (int a = 0; a < 3; ++a) u[authority_name(a)] = unquantified[a];
  j["unquantified"] = u;
  return j;
}

std::string PenaltyTotals::to_text() const {
  auto part = [](const char* what, const double* v, const char* unit) {
    const double total = v[0] + v[1] + v[2];
    if (total == 0) return std::string();
    std::string s = std::string(what) + " " + number_text(total) + unit + " (";
    bool first = true;
    for (int a : {kShopCode, kPlatformRule, kLaw}) {
      if (v[a] == 0) continue;
      s += (first ? "" : "，") + std::string(authority_label(a)) + " " + number_text(v[a]) + unit;
      first = false;
    }
    return s + ")";
  };
  std::string s = part("扣款", yuan, "元");
  const std::string pts = part("扣分", points, "分");
  if (!pts.empty()) s += (s.empty() ? "" : "；") + pts;
  const std::size_t u = unquantified[0] + unquantified[1] + unquantified[2];
  if (u > 0)
    s += (s.empty() ? "" : "；") + std::string("另有 ") + std::to_string(u) + " 处处罚无固定金额";
  return s.empty() ? "无" : s;
}

AgentCard& Scorecard::card(std::string_view name) {
  auto it = agent_index_.find(std::string(name));
  if (it != agent_index_.end()) return agents_[it->second];
  if (agents_.size() >= kMaxAgents) {
    // A file of endless agent names (or a misread one) must not grow the report without end.
    const std::string pooled = "(其他客服)";
    auto p = agent_index_.find(pooled);
    if (p != agent_index_.end()) return agents_[p->second];
    name = pooled;
  }
  agent_index_.emplace(std::string(name), agents_.size());
  agents_.push_back(AgentCard());
  agents_.back().name = std::string(name);
  return agents_.back();
}

void Scorecard::add(const Conversation& c, const ConversationResult& r, const ReplyBar& bar) {
  const auto& m = c.messages;
  const std::size_t n = m.size();
  // Speakers, for the user to settle roles; the period and the shops of sub-accounts.
  std::vector<std::pair<std::string_view, std::size_t>> in_conv;  // agent name, messages
  // A conversation has a few names: count them here, then touch the export-wide table once per
  // name (a lookup per message was an allocation per message on a 600,000-message export).
  struct Local {
    std::string_view name;
    Speaker speaker;
    std::size_t messages;
  };
  std::vector<Local> local;
  for (const auto& msg : m) {
    if (msg.has_time && msg.clock.has_date) {
      if (!has_period_ || msg.time < first_time_) first_ = msg.clock, first_time_ = msg.time;
      if (!has_period_ || msg.time > last_time_) last_ = msg.clock, last_time_ = msg.time;
      has_period_ = true;
    }
    auto l = std::find_if(local.begin(), local.end(),
                          [&](const Local& x) { return x.name == msg.name; });
    if (l == local.end())
      local.push_back({msg.name, msg.speaker, 1});
    else
      ++l->messages, l->speaker = msg.speaker;
    if (msg.speaker != Speaker::kAgent) continue;
    auto a = std::find_if(in_conv.begin(), in_conv.end(),
                          [&](const auto& p) { return p.first == msg.name; });
    if (a == in_conv.end())
      in_conv.emplace_back(msg.name, 1);
    else
      ++a->second;
    std::size_t colon = msg.name.find(':');
    if (colon == std::string_view::npos) colon = msg.name.find("：");
    if (colon != std::string_view::npos && colon > 0 && shops_.size() < 20) {
      const std::string shop(msg.name.substr(0, colon));
      if (std::find(shops_.begin(), shops_.end(), shop) == shops_.end()) shops_.push_back(shop);
    }
  }
  for (const auto& l : local) {
    const std::string name(l.name);
    auto s = speaker_index_.find(name);
    if (s != speaker_index_.end()) {
      speakers_[s->second].messages += l.messages;
      speakers_[s->second].speaker = l.speaker;
    } else if (speakers_.size() < 4 * kMaxSpeakers) {
      speaker_index_.emplace(name, speakers_.size());
      speakers_.push_back({name, l.speaker, l.messages});
    } else {
      ++other_speakers_;
    }
  }
  if (in_conv.empty()) return;  // nobody answered: no agent to score
  std::string_view owner = in_conv.front().first;
  std::size_t most = 0;
  for (const auto& a : in_conv)
    if (a.second > most) owner = a.first, most = a.second;
  // A wait belongs to the agent who answered it; an unanswered one, and a conversation rule's
  // finding on a buyer message, to the agent who answered next (else the one who handled most).
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> next_agent(n + 1, kNone);
  for (std::size_t i = n; i-- > 0;)
    next_agent[i] = m[i].speaker == Speaker::kAgent ? i : next_agent[i + 1];
  auto agent_for = [&](std::size_t i) {
    if (i < n && next_agent[i] != kNone) return m[next_agent[i]].name;
    return owner;
  };
  for (const auto& a : in_conv) {
    std::vector<Wait> own;
    for (const auto& w : r.waits)
      if (agent_for(w.message) == a.first) own.push_back(w);
    AgentCard& card_a = card(a.first);
    card_a.conversations += 1;
    card_a.messages += a.second;
    card_a.figures.add(figures_of(c, own, bar));
  }
  for (const auto& f : r.findings) {
    const RuleMeta& rule = *f.finding.rule;
    AgentCard& card_a = card(agent_for(f.message));
    ++card_a.findings;
    ++card_a.by_category[rule.category];
    if (rule.penalty.empty()) continue;
    // Read once per rule, not once per finding.
    auto cached = penalty_of_.find(&rule);
    if (cached == penalty_of_.end())
      cached = penalty_of_
                   .emplace(&rule, std::make_pair(authority_of(rule), penalty_amount(rule.penalty)))
                   .first;
    card_a.penalties.add(cached->second.first, cached->second.second);
    penalties_.add(cached->second.first, cached->second.second);
  }
}

nlohmann::ordered_json Scorecard::agents_json(const TranscriptSettings& s) const {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& a : agents_) {
    nlohmann::ordered_json j;
    j["name"] = a.name;
    j["conversations"] = a.conversations;
    j["messages"] = a.messages;
    j["findings"] = a.findings;
    j["figures"] = a.figures.to_json(s);
    nlohmann::ordered_json cats = nlohmann::ordered_json::object();
    for (const auto& [k, v] : a.by_category) cats[k] = v;
    j["findings_by_category"] = cats;
    j["penalties"] = a.penalties.to_json();
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::ordered_json Scorecard::speakers_json() const {
  std::vector<const SpeakerCount*> order;
  for (const auto& s : speakers_) order.push_back(&s);
  // Agents first (few, and the ones a QA lead settles), then the busiest buyers.
  std::stable_sort(order.begin(), order.end(), [](const SpeakerCount* a, const SpeakerCount* b) {
    const bool aa = a->speaker == Speaker::kAgent, ba = b->speaker == Speaker::kAgent;
    if (aa != ba) return aa;
    return a->messages > b->messages;
  });
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < order.size() && k < kMaxSpeakers; ++k)
    out.push_back({{"name", order[k]->name},
                   {"from", speaker_name(order[k]->speaker)},
                   {"messages", order[k]->messages}});
  return out;
}

nlohmann::ordered_json Scorecard::period_json() const {
  if (!has_period_) return nullptr;
  return {{"from", clock_text(first_)}, {"to", clock_text(last_)}};
}

std::string Scorecard::period_text() const {
  if (!has_period_) return "";
  return clock_text(first_) + " 至 " + clock_text(last_);
}

std::vector<std::string> Scorecard::shops() const { return shops_; }

std::string Scorecard::agents_text(const TranscriptSettings& s) const {
  if (agents_.empty()) return "";
  std::string out = "客服评分表 (agents):\n";
  for (const auto& a : agents_) {
    out += "  " + a.name + ": " + std::to_string(a.conversations) + " 段会话, " +
           std::to_string(a.messages) + " 条消息, " + std::to_string(a.findings) + " 处问题";
    if (!a.by_category.empty()) {
      out += " (";
      bool first = true;
      for (const auto& [k, v] : a.by_category) {
        out += (first ? "" : ", ") + k + " " + std::to_string(v);
        first = false;
      }
      out += ")";
    }
    out += "\n";
    out += a.figures.to_text(s, "    ");
    out += "    处罚: " + a.penalties.to_text() + "\n";
  }
  return out;
}

std::string Scorecard::agents_csv() const {
  // After the findings, one blank row and a second table: Excel shows both on one sheet.
  std::string out =
      "\r\nagent,conversations,messages,findings,first_response_seconds,average_response_seconds,"
      "longest_wait_seconds,answered_within_180_percent,yuan_total,points_total,unquantified,"
      "findings_by_category\r\n";
  auto seconds = [](bool has, std::int64_t v) { return has ? std::to_string(v) : std::string(); };
  for (const auto& a : agents_) {
    const Figures& f = a.figures;
    std::string name = a.name;
    if (!name.empty() && (name[0] == '=' || name[0] == '+' || name[0] == '-' || name[0] == '@'))
      name = "'" + name;
    std::string quoted = "\"";
    for (char ch : name) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    quoted += "\"";
    std::string cats;
    for (const auto& [k, v] : a.by_category)
      cats += (cats.empty() ? "" : "; ") + k + " " + std::to_string(v);
    const nlohmann::ordered_json p = a.penalties.to_json();
    out += quoted + "," + std::to_string(a.conversations) + "," + std::to_string(a.messages) + "," +
           std::to_string(a.findings) + "," +
           seconds(f.first_count > 0,
                   f.first_count ? (f.first_sum + static_cast<std::int64_t>(f.first_count) / 2) /
                                       static_cast<std::int64_t>(f.first_count)
                                 : 0) +
           "," +
           seconds(f.rounds > 0,
                   f.rounds ? (f.round_wait_sum + static_cast<std::int64_t>(f.rounds) / 2) /
                                  static_cast<std::int64_t>(f.rounds)
                            : 0) +
           "," + seconds(f.has_longest, f.longest) + "," +
           (f.buyer_messages ? number_text(100.0 * static_cast<double>(f.within[1]) /
                                           static_cast<double>(f.buyer_messages))
                             : std::string()) +
           "," + number_text(p["yuan"]["total"].get<double>()) + "," +
           number_text(p["points"]["total"].get<double>()) + "," +
           std::to_string(p["unquantified"]["total"].get<std::size_t>()) + ",\"" + cats + "\"\r\n";
  }
  return out;
}

}  // namespace kefu
