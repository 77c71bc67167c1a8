#include "transcript/transcript_report.h"

#include "report/check_report.h"
#include "report/finding_json.h"
#include "report/json_out.h"
#include "text/utf8.h"

namespace kefu {
namespace {

std::string time_json_text(const Message& m) {
  if (!m.has_time && m.clock.second == 0 && !m.clock.has_date) return "";
  std::string s = format_clock(m.clock);
  if (m.clock.has_date) {
    s[10] = 'T';
    s += "+08:00";
  }
  return s;
}

std::string line_range(const Conversation& c) {
  const std::size_t a = c.messages.front().line, b = c.messages.back().line;
  if (a == 0) return "第 " + std::to_string(c.messages.front().index + 1) + "–" +
                     std::to_string(c.messages.back().index + 1) + " 条";
  return "第 " + std::to_string(a) + (b > a ? "–" + std::to_string(b) : "") + " 行";
}

// One line of a message for the text report: flattened, at most 40 characters.
std::string preview(std::string_view text) {
  std::u32string chars = decode_utf8(text).chars;
  const bool cut = chars.size() > 40;
  if (cut) chars.resize(40);
  for (auto& c : chars)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return encode_utf8(chars) + (cut ? "…" : "");
}

class TextReport : public TranscriptReport {
 public:
  explicit TextReport(const TranscriptSettings& s) : settings_(s) {}

  void conversation(const Conversation& c, const ConversationResult& r) override {
    body_ += "== 会话 " + std::to_string(c.index + 1) + " · " + line_range(c);
    if (!c.buyer.empty()) body_ += " · 买家 " + std::string(c.buyer);
    body_ += " ==\n";
    body_ += r.figures.to_text(settings_, "  ");
    std::size_t shown = static_cast<std::size_t>(-1);
    for (const auto& mf : r.findings) {
      const Message& m = c.messages[mf.message];
      if (mf.message != shown) {
        shown = mf.message;
        body_ += "  #" + std::to_string(m.index + 1);
        if (m.line > 0) body_ += " 第" + std::to_string(m.line) + "行";
        if (m.has_time) body_ += " " + format_clock(m.clock).substr(m.clock.has_date ? 11 : 0);
        body_ += " " + std::string(speaker_label(m.speaker)) + " " + std::string(m.name) + ": " +
                 preview(m.text) + "\n";
      }
      const Finding& f = mf.finding;
      const RuleMeta& rule = *f.rule;
      body_ += "    " + rule.severity + std::string(8 - std::min<std::size_t>(7, rule.severity.size()), ' ') +
               rule.title + "  [" + rule.category + "] " + rule.id + (rule.penalty.empty() ? "" : "  " + rule.penalty) + "\n";
      if (!mf.detail.empty()) {
        body_ += "            " + mf.detail + "\n";
      } else {
        const std::u32string chars = decode_utf8(m.text).chars;
        body_ += "            " + line_column(chars, f.start) + " " + marked_context(chars, f.start, f.end) + "\n";
      }
      body_ += "            原因: " + rule.message + "  (来源: " + rule.source + ")\n";
      if (!f.suggestion.empty()) body_ += "            建议: " + f.suggestion + "\n";
    }
    if (r.findings.empty()) body_ += "  没有发现问题 (no findings)\n";
    body_ += "\n";
  }

  std::string finish(const TranscriptTotals& t, const std::vector<Error>& notes) override {
    std::string out = "聊天记录检查 (transcript): " + std::to_string(t.figures.conversations) + " 段会话, " +
                      std::to_string(t.messages) + " 条消息 (买家 " + std::to_string(t.by_speaker[0]) +
                      ", 客服 " + std::to_string(t.by_speaker[1]) + ", 系统 " + std::to_string(t.by_speaker[2]) + ")\n";
    out += "响应时间 (response figures):\n" + t.figures.to_text(settings_, "  ");
    out += std::to_string(t.findings) + " 处问题 (findings): " + std::to_string(t.by_severity[0]) + " error, " +
           std::to_string(t.by_severity[1]) + " warning, " + std::to_string(t.by_severity[2]) + " info\n\n";
    out += body_;
    if (!notes.empty()) {
      out += "注意 (notes):\n";
      for (const auto& n : notes) out += "  " + n.to_string() + "\n";
    }
    return out;
  }

 private:
  const TranscriptSettings& settings_;
  std::string body_;
};

// Appends `j` as an element of a top-level array: indented like dump_json would, without
// building the whole document (a 50 MB export has hundreds of thousands of findings).
void append_element(std::string& out, const nlohmann::ordered_json& j, bool& first) {
  std::string s = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  out += first ? "\n    " : ",\n    ";
  first = false;
  for (char c : s) {
    out += c;
    if (c == '\n') out += "    ";
  }
}

nlohmann::ordered_json message_json(const Message& m) {
  nlohmann::ordered_json j;
  j["index"] = m.index;
  j["line"] = m.line > 0 ? nlohmann::ordered_json(m.line) : nlohmann::ordered_json(nullptr);
  const std::string t = m.has_time ? time_json_text(m) : "";
  j["time"] = t.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t);
  j["from"] = speaker_name(m.speaker);
  j["name"] = std::string(m.name);
  j["text"] = std::string(m.text);
  return j;
}

nlohmann::ordered_json finding_json(const Conversation& c, const MessageFinding& mf) {
  const Message& m = c.messages[mf.message];
  nlohmann::ordered_json j;
  j["conversation"] = c.index;
  j["message_index"] = m.index;
  j["line"] = m.line > 0 ? nlohmann::ordered_json(m.line) : nlohmann::ordered_json(nullptr);
  const nlohmann::ordered_json base = finding_to_json(mf.finding);
  for (auto it = base.begin(); it != base.end(); ++it) j[it.key()] = *it;
  j["detail"] = mf.detail;
  return j;
}

class JsonReport : public TranscriptReport {
 public:
  JsonReport(const PackSet& packs, const TranscriptSettings& s) : packs_(packs), settings_(s) {}

  void conversation(const Conversation& c, const ConversationResult& r) override {
    for (const auto& mf : r.findings) append_element(findings_, finding_json(c, mf), first_finding_);
    nlohmann::ordered_json j;
    j["index"] = c.index;
    j["first_line"] = c.messages.front().line > 0 ? nlohmann::ordered_json(c.messages.front().line) : nlohmann::ordered_json(nullptr);
    j["last_line"] = c.messages.back().line > 0 ? nlohmann::ordered_json(c.messages.back().line) : nlohmann::ordered_json(nullptr);
    j["buyer"] = c.buyer.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(c.buyer));
    j["roles_guessed"] = c.roles_guessed;
    j["findings"] = r.findings.size();
    j["figures"] = r.figures.to_json(settings_);
    j["messages"] = nlohmann::ordered_json::array();
    for (const auto& m : c.messages) j["messages"].push_back(message_json(m));
    append_element(conversations_, j, first_conversation_);
  }

  std::string finish(const TranscriptTotals& t, const std::vector<Error>& notes) override {
    nlohmann::ordered_json head;
    head["platform"] = packs_.platform;
    head["packs"] = nlohmann::ordered_json::array();
    for (const auto& p : packs_.packs)
      if (p.contributes("rules")) head["packs"].push_back(p.name);
    head["summary"] = {{"total", t.findings},
                       {"error", t.by_severity[0]},
                       {"warning", t.by_severity[1]},
                       {"info", t.by_severity[2]},
                       {"conversations", t.figures.conversations},
                       {"messages", t.messages},
                       {"buyer_messages", t.by_speaker[0]},
                       {"agent_messages", t.by_speaker[1]},
                       {"system_messages", t.by_speaker[2]}};
    head["figures"] = t.figures.to_json(settings_);
    std::string out = dump_json(head);
    out.resize(out.size() - 3);  // reopen the object: drop "\n}\n"
    out += ",\n  \"findings\": [" + findings_ + (first_finding_ ? "]" : "\n  ]");
    out += ",\n  \"conversations\": [" + conversations_ + (first_conversation_ ? "]" : "\n  ]");
    std::string warnings;
    bool first = true;
    for (const auto& n : notes) append_element(warnings, n.to_json(), first);
    out += ",\n  \"warnings\": [" + warnings + (first ? "]" : "\n  ]") + "\n}\n";
    return out;
  }

 private:
  const PackSet& packs_;
  const TranscriptSettings& settings_;
  std::string findings_, conversations_;
  bool first_finding_ = true, first_conversation_ = true;
};

std::string csv_cell(const std::string& s, bool text) {
  std::string v = s;
  // A cell starting with = + - @ is a formula to Excel; a leading quote keeps it text.
  if (text && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

class CsvReport : public TranscriptReport {
 public:
  CsvReport() {
    out_ = "\xEF\xBB\xBF";  // Excel reads UTF-8 only with a BOM
    out_ += "conversation,message_index,line,time,from,name,rule,category,severity,title,start,end,text,"
            "detail,message,penalty,suggestion,source\r\n";
  }

  void conversation(const Conversation& c, const ConversationResult& r) override {
    for (const auto& mf : r.findings) {
      const Message& m = c.messages[mf.message];
      const Finding& f = mf.finding;
      const RuleMeta& rule = *f.rule;
      const std::string cells[] = {
          std::to_string(c.index), std::to_string(m.index), m.line > 0 ? std::to_string(m.line) : "",
          m.has_time ? format_clock(m.clock) : "", speaker_name(m.speaker), std::string(m.name), rule.id,
          rule.category, rule.severity, rule.title, std::to_string(f.start), std::to_string(f.end), f.text,
          mf.detail, rule.message, rule.penalty, f.suggestion, rule.source};
      std::string row;
      for (std::size_t k = 0; k < sizeof cells / sizeof cells[0]; ++k) {
        const bool text = k == 5 || k >= 12 || k == 9;
        row += (k ? "," : "") + csv_cell(cells[k], text);
      }
      out_ += row + "\r\n";
    }
  }

  std::string finish(const TranscriptTotals&, const std::vector<Error>&) override { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::size_t severity_rank(const std::string& severity) {
  return severity == "error" ? 0 : severity == "warning" ? 1 : 2;
}

std::unique_ptr<TranscriptReport> make_transcript_report(Format format, const PackSet& packs,
                                                         const TranscriptSettings& settings) {
  switch (format) {
    case Format::kJson: return std::make_unique<JsonReport>(packs, settings);
    case Format::kCsv: return std::make_unique<CsvReport>();
    default: return std::make_unique<TextReport>(settings);
  }
}

}  // namespace kefu
