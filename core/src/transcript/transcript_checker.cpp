#include "transcript/transcript_checker.h"

#include <algorithm>
#include <unordered_map>

#include "rules/term_matcher.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

constexpr std::size_t kSpanChars = 30;

// Whether a message's characters say one of a rule's terms, matched as reply rules match
// (stand-ins, @lexicons, blockers, readings: rules/term_matcher.h).
bool says(const std::shared_ptr<const TermMatcher>& terms, std::u32string_view original) {
  return terms && terms->found(original);
}

std::string minutes(std::int64_t s) { return format_duration(s); }

// The normalized texts of a conversation's messages, computed only for the messages a rule
// asks about (most buyer messages and many agent ones are never needed).
class NormalizedCache {
 public:
  explicit NormalizedCache(const Conversation& c)
      : c_(c), texts_(c.messages.size()), done_(c.messages.size()) {}
  const std::u32string& at(std::size_t i) {
    if (!done_[i]) {
      texts_[i] = normalize_term(decode_utf8(c_.messages[i].text).chars);
      done_[i] = true;
    }
    return texts_[i];
  }

 private:
  const Conversation& c_;
  std::vector<std::u32string> texts_;
  std::vector<bool> done_;
};

class RuleRunner {
 public:
  RuleRunner(const Conversation& c, const std::vector<Wait>& waits, const ServiceHours& hours,
             std::vector<MessageFinding>& out, bool has_now, std::int64_t now)
      : m_(c.messages),
        waits_(waits),
        hours_(hours),
        norm_(c),
        out_(out),
        has_now_(has_now),
        now_(now) {}

  void run(const ConversationRule& r) {
    switch (r.kind) {
      case ConversationKind::kGreeting:
        return greeting(r, false);
      case ConversationKind::kClosing:
        return greeting(r, true);
      case ConversationKind::kResponseTime:
        return response_time(r);
      case ConversationKind::kFollowup:
        return followup(r);
      case ConversationKind::kOrderVerify:
        return deadline(r, false);
      case ConversationKind::kRefundHandle:
        return deadline(r, true);
      case ConversationKind::kRepeat:
        return repeat(r);
    }
  }

 private:
  void add(const ConversationRule& r, std::size_t i, std::string detail, bool from_end = false) {
    out_.push_back(
        {i, message_span_finding(r.meta, m_[i].text, kSpanChars, from_end), std::move(detail)});
  }

  // greeting: the first agent message opens with one of the terms; closing: the last ends so.
  void greeting(const ConversationRule& r, bool closing) {
    std::size_t at = m_.size();
    for (std::size_t k = 0; k < m_.size(); ++k) {
      const std::size_t i = closing ? m_.size() - 1 - k : k;
      if (m_[i].speaker == Speaker::kAgent) {
        at = i;
        break;
      }
    }
    if (at == m_.size()) return;
    std::u32string chars = decode_utf8(m_[at].text).chars;
    if (r.within_chars > 0 && chars.size() > static_cast<std::size_t>(r.within_chars))
      chars =
          closing ? chars.substr(chars.size() - r.within_chars) : chars.substr(0, r.within_chars);
    if (says(r.match_terms, chars)) return;
    add(r, at, closing ? "会话最后一条客服消息没有结束敬语" : "会话第一条客服消息没有问候敬语",
        closing);
  }

  void response_time(const ConversationRule& r) {
    for (const auto& w : waits_) {
      if (!w.round_start || !w.in_hours || w.seconds <= r.after) continue;
      if (r.until > 0 && w.seconds > r.until) continue;  // a stricter rule speaks for it
      add(r, w.message,
          w.answered
              ? "买家等待 " + minutes(w.seconds) + " 才得到回复 (规定 " + minutes(r.after) + " 内)"
              : "买家等待至少 " + minutes(w.seconds) + " 仍没有回复 (规定 " + minutes(r.after) +
                    " 内)");
    }
  }

  // Every agent answer is followed, within `within`, by the buyer or by the agent asking again,
  // unless it closed the conversation. One follow-up settles a silence: an agent message sent
  // `again_after` or more after the agent's message before it (the buyer silent in between) is
  // that follow-up, and owes no other until the buyer writes again.
  void followup(const ConversationRule& r) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    bool buyer_spoke = false, settled = false;
    std::size_t previous_agent = kNone;  // since the buyer last wrote
    for (std::size_t i = 0; i < m_.size(); ++i) {
      if (m_[i].speaker == Speaker::kBuyer) {
        buyer_spoke = true;
        settled = false;
        previous_agent = kNone;
        continue;
      }
      if (m_[i].speaker != Speaker::kAgent) continue;
      const std::size_t before = previous_agent;
      previous_agent = i;
      if (before != kNone && m_[before].has_time && m_[i].has_time &&
          m_[i].time - m_[before].time >= r.again_after)
        settled = true;
      if (settled || !buyer_spoke || !m_[i].has_time) continue;
      if (!hours_.inside(m_[i].clock.second)) continue;
      if (i + 1 < m_.size() && !m_[i + 1].has_time) continue;
      if (i + 1 < m_.size() && m_[i + 1].time - m_[i].time <= r.within) continue;
      if (says(r.match_closed_by, decode_utf8(m_[i].text).chars)) continue;
      if (i + 1 == m_.size()) {
        // The export ends on this answer: only a "now" past the window says the follow-up is late.
        if (!has_now_ || now_ - m_[i].time <= r.within) continue;
        add(r, i,
            "回复后买家没有回应，到 " + minutes(now_ - m_[i].time) +
                " 后客服仍没有再次询问 (规定 " + minutes(r.within) + " 内)");
      } else {
        add(r, i,
            "回复后 " + minutes(m_[i + 1].time - m_[i].time) + " 没有任何跟进 (规定 " +
                minutes(r.within) + " 内再次询问)");
      }
    }
  }

  // order_verify / refund_handle: an event starts a clock; an agent (or, for refunds, system)
  // message with one of the terms stops it. Events while a clock runs belong to the same one.
  void deadline(const ConversationRule& r, bool refund) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t pending = kNone;
    std::int64_t due = 0;
    auto fire = [&](const std::string& detail) {
      add(r, pending, detail);
      pending = kNone;
    };
    const std::string what = refund ? "退款" : "核对订单";
    for (std::size_t i = 0; i < m_.size(); ++i) {
      const Message& m = m_[i];
      if (pending != kNone && m.has_time && m.time > due)
        fire((refund ? "买家要求退款后 " : "买家下单后 ") + minutes(r.within) + " 内没有" +
             (refund ? "处理退款" : "核对订单信息"));
      const bool stops =
          (m.speaker == Speaker::kAgent || (refund && m.speaker == Speaker::kSystem));
      if (pending != kNone && stops && says(r.match_terms, decode_utf8(m_[i].text).chars)) {
        pending = kNone;
        continue;
      }
      if (pending != kNone || !m.has_time) continue;
      bool starts = false;
      if (m.speaker == Speaker::kSystem || m.speaker == Speaker::kBuyer)
        starts = says(r.match_events, decode_utf8(m_[i].text).chars);
      if (refund && m.speaker == Speaker::kBuyer && !starts)
        starts = says(r.match_triggers, decode_utf8(m_[i].text).chars);
      if (starts && hours_.inside(m.clock.second)) {
        pending = i;
        due = m.time + r.within;
      }
    }
    // Still open when the export ends: late only if "now" is past the deadline (an export cut
    // right after the order says nothing about the next ten minutes).
    if (pending != kNone && has_now_ && now_ > due)
      fire("到检查时" + what + "仍没有处理 (规定 " + minutes(r.within) + " 内)");
  }

  void repeat(const ConversationRule& r) {
    std::unordered_map<std::u32string, int> seen;
    for (std::size_t i = 0; i < m_.size(); ++i) {
      if (m_[i].speaker != Speaker::kAgent) continue;
      if (content_length(decode_utf8(m_[i].text).chars) < static_cast<std::size_t>(r.min_chars))
        continue;
      const int n = ++seen[norm_.at(i)];
      if (n >= r.min_count) add(r, i, "同一段回复第 " + std::to_string(n) + " 次发送 (套话)");
    }
  }

  const std::vector<Message>& m_;
  const std::vector<Wait>& waits_;
  const ServiceHours& hours_;
  NormalizedCache norm_;
  std::vector<MessageFinding>& out_;
  const bool has_now_;
  const std::int64_t now_;  // on the messages' time axis
};

// One finding per message per penalty clause: rules that enforce the same clause (回复少于5个字,
// 只回语气词 and 生硬用语 are one clause of the shop code) fine a bare 嗯 once. The most severe
// finding of the clause stays (the first on a tie); returns how many were folded into it.
std::size_t fold_clauses(std::vector<MessageFinding>& findings) {
  std::size_t folded = 0;
  for (std::size_t a = 0; a < findings.size();) {
    std::size_t b = a;
    while (b < findings.size() && findings[b].message == findings[a].message) ++b;
    for (std::size_t i = a; i < b; ++i) {
      if (!findings[i].finding.rule) continue;  // folded already
      const std::string& clause = findings[i].finding.rule->clause;
      if (clause.empty()) continue;
      for (std::size_t j = i + 1; j < b; ++j) {
        const RuleMeta* other = findings[j].finding.rule;
        if (!other || other->clause != clause) continue;
        if (vocab::severity_rank(other->severity) <
            vocab::severity_rank(findings[i].finding.rule->severity))
          std::swap(findings[i], findings[j]);
        findings[j].finding.rule = nullptr;  // folded
      }
    }
    a = b;
  }
  const auto end = std::remove_if(findings.begin(), findings.end(), [](const MessageFinding& f) {
    return f.finding.rule == nullptr;
  });
  folded = static_cast<std::size_t>(findings.end() - end);
  findings.erase(end, findings.end());
  return folded;
}

bool is_time_kind(ConversationKind k) {
  return k != ConversationKind::kGreeting && k != ConversationKind::kClosing &&
         k != ConversationKind::kRepeat;
}

}  // namespace

Finding message_span_finding(const RuleMeta* rule, std::string_view text, std::size_t max_chars,
                             bool from_end) {
  const std::u32string chars = decode_utf8(text).chars;
  Finding f;
  f.rule = rule;
  f.start = static_cast<std::uint32_t>(
      from_end && chars.size() > max_chars ? chars.size() - max_chars : 0);
  f.end = static_cast<std::uint32_t>(from_end ? chars.size() : std::min(chars.size(), max_chars));
  const std::u32string_view all(chars);
  f.start_utf16 = static_cast<std::uint32_t>(utf16_length(all.substr(0, f.start)));
  f.end_utf16 = static_cast<std::uint32_t>(f.start_utf16 +
                                           utf16_length(all.substr(f.start, f.end - f.start)));
  f.text = encode_utf8(all.substr(f.start, f.end - f.start));
  f.suggestion = rule->suggestion;
  return f;
}

std::unique_ptr<TranscriptChecker> TranscriptChecker::build(const Engine& engine,
                                                            std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  auto checker = std::unique_ptr<TranscriptChecker>(new TranscriptChecker());
  checker->engine_ = &engine;
  const auto items = engine.packs.items("rules");
  const auto& metas = engine.checker->rules();
  for (std::size_t i = 0; i < items.size() && i < metas.size(); ++i) {
    if (!is_conversation_kind(metas[i].kind)) continue;
    ConversationRule r;
    if (compile_conversation_rule(*items[i].value, metas[i], r, errors,
                                  &engine.checker->term_env()))
      checker->rules_.push_back(std::move(r));
  }
  read_transcript_settings(engine.packs, checker->settings_, errors);
  if (errors.size() != before) return nullptr;
  return checker;
}

void TranscriptChecker::check(const Conversation& c, ConversationResult& out, Notes& notes) const {
  out.findings.clear();
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    const Message& m = c.messages[i];
    if (m.speaker != Speaker::kAgent) continue;  // a buyer saying 嗯 is fine
    ReplyResult r = engine_->checker->check(m.text);
    for (auto& f : r.findings) out.findings.push_back({i, std::move(f), ""});
    for (auto& w : r.warnings) {
      w.file = "transcript";
      w.line = static_cast<int>(m.line);
      if (m.line == 0) w.pointer = "message " + std::to_string(m.index);
      notes.add(std::move(w));
    }
  }
  out.waits = compute_waits(c, settings_.hours);
  const std::vector<Wait>& waits = out.waits;
  const bool timed = c.timed();
  bool skipped = false;
  RuleRunner runner(c, waits, settings_.hours, out.findings, has_now_, now_);
  const std::size_t reply_count = out.findings.size();
  for (const auto& r : rules_) {
    if (!timed && is_time_kind(r.kind)) {
      skipped = true;
      continue;
    }
    runner.run(r);
  }
  if (skipped)
    notes.add({"transcript.E303", "transcript", "", static_cast<int>(c.messages.front().line), 0,
               "conversation " + std::to_string(c.index + 1) +
                   " has no times: the time rules (slow_response, no_followup, order_unverified, "
                   "refund_slow) are skipped, the text rules still apply"});
  // Reply findings are in message order already; merge the conversation ones in.
  std::stable_sort(
      out.findings.begin() + static_cast<std::ptrdiff_t>(reply_count), out.findings.end(),
      [](const MessageFinding& a, const MessageFinding& b) { return a.message < b.message; });
  std::inplace_merge(
      out.findings.begin(), out.findings.begin() + static_cast<std::ptrdiff_t>(reply_count),
      out.findings.end(),
      [](const MessageFinding& a, const MessageFinding& b) { return a.message < b.message; });
  out.folded = fold_clauses(out.findings);
  out.figures = figures_of(c, waits, settings_.bar);
}

bool TranscriptChecker::set_now(std::string_view now, std::vector<Error>& errors) {
  if (now.empty()) return true;
  ClockTime clock;
  std::size_t used = 0;
  std::string error;
  if (read_time_prefix(now, clock, used, error) != TimeRead::kOk || used != now.size() ||
      !clock.has_date) {
    errors.push_back(
        {"usage.E003", "", "", 0, 0,
         "--now「" + std::string(now) +
             "」不是带日期的时间，例如 2024-06-18 18:00:00 (--now is not a date and time)"});
    return false;
  }
  has_now_ = true;
  now_ = clock.day * 86400 + clock.second;
  return true;
}

}  // namespace kefu
