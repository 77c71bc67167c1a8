#include "transcript/transcript_report.h"

#include "report/check_report.h"
#include "report/finding_json.h"
#include "report/json_out.h"
#include "text/utf8.h"
#include "transcript/output_escape.h"
#include "vocab/vocabulary.h"

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
  if (a == 0)
    return "第 " + std::to_string(c.messages.front().index + 1) + "–" +
           std::to_string(c.messages.back().index + 1) + " 条";
  return "第 " + std::to_string(a) + (b > a ? "–" + std::to_string(b) : "") + " 行";
}

// One line of a message for the text report: flattened, at most 40 characters.
std::string preview(std::u32string_view text) {
  std::u32string chars(text.substr(0, 40));
  for (auto& c : chars)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return encode_utf8(chars) + (text.size() > 40 ? "…" : "");
}

class TextReport : public TranscriptReport {
 public:
  explicit TextReport(const TranscriptSettings& s) : settings_(s) {}
  std::size_t parts() const override { return 1; }

  void conversation(const Conversation& c, const ConversationResult& r) override {
    std::string& body = part_[0];
    body += "== 会话 ";
    body += std::to_string(c.index + 1);
    body += " · ";
    body += line_range(c);
    if (!c.buyer.empty()) {
      body += " · 买家 ";
      body += c.buyer;
    }
    body += " ==\n";
    body += r.figures.to_text(settings_, "  ");
    std::size_t shown = static_cast<std::size_t>(-1);
    std::u32string chars;  // the shown message, decoded once for all its findings
    for (const auto& mf : r.findings) {
      const Message& m = c.messages[mf.message];
      if (mf.message != shown) {
        shown = mf.message;
        chars = decode_utf8(m.text).chars;
        body += "  #";
        body += std::to_string(m.index + 1);
        if (m.line > 0) {
          body += " 第";
          body += std::to_string(m.line);
          body += "行";
        }
        if (m.has_time) {
          body += ' ';
          body += format_clock(m.clock).substr(m.clock.has_date ? 11 : 0);
        }
        body += ' ';
        body += speaker_label(m.speaker);
        body += ' ';
        body += m.name;
        body += ": ";
        body += preview(chars);
        body += '\n';
      }
      const Finding& f = mf.finding;
      const RuleMeta& rule = *f.rule;
      body += "    ";
      body += rule.severity;
      body.append(8 - std::min<std::size_t>(7, rule.severity.size()), ' ');
      body += rule.title;
      body += "  [";
      body += rule.category;
      body += "] ";
      body += rule.id;
      if (!rule.penalty.empty()) {
        body += "  ";
        body += rule.penalty;
      }
      body += "\n            ";
      if (!mf.detail.empty()) {
        body += mf.detail;
      } else {
        body += line_column(chars, f.start);
        body += ' ';
        body += marked_context(chars, f.start, f.end);
      }
      body += "\n            原因: ";
      body += rule.message;
      body += "  (来源: ";
      body += rule.source;
      body += ")\n";
      if (!f.suggestion.empty()) {
        body += "            建议: ";
        body += f.suggestion;
        body += '\n';
      }
    }
    if (r.findings.empty()) body += "  没有发现问题 (no findings)\n";
    body += '\n';
  }

  std::string finish(const TranscriptTotals& t, const std::vector<Error>& notes,
                     std::vector<std::string>& after) override {
    std::string out = "聊天记录检查 (transcript): " + std::to_string(t.figures.conversations) +
                      " 段会话, " + std::to_string(t.messages) + " 条消息 (买家 " +
                      std::to_string(t.by_speaker[0]) + ", 客服 " +
                      std::to_string(t.by_speaker[1]) + ", 系统 " +
                      std::to_string(t.by_speaker[2]) + ")\n";
    out += "格式 (format): " + std::string(layout_label(t.layout));
    if (!t.columns.empty()) out += "，表头: " + t.columns;
    out += "\n";
    const std::vector<std::string> shops = t.card.shops();
    if (!shops.empty()) {
      out += "店铺 (shop):";
      for (const auto& s : shops) out += " " + s;
      out += "\n";
    }
    if (!t.card.period_text().empty()) out += "时间范围 (period): " + t.card.period_text() + "\n";
    out += "响应时间 (response figures):\n" + t.figures.to_text(settings_, "  ");
    out += std::to_string(t.findings) + " 处问题 (findings): " + std::to_string(t.by_severity[0]) +
           " error, " + std::to_string(t.by_severity[1]) + " warning, " +
           std::to_string(t.by_severity[2]) + " info";
    if (t.folded > 0)
      out += "；同一条款在同一条消息上的另 " + std::to_string(t.folded) + " 处不重复计罚";
    out += "\n处罚合计 (penalties): " + t.card.penalties().to_text() + "\n";
    out += t.card.agents_text(settings_);
    out += "\n";
    std::string tail;
    if (!notes.empty()) {
      tail += "注意 (notes):\n";
      for (const auto& n : notes) tail += "  " + n.to_string() + "\n";
    }
    after = {std::move(tail)};
    return out;
  }

 private:
  const TranscriptSettings& settings_;
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

// Pretty-printed exactly as dump_json prints (two spaces a level), written field by field.
class ObjectWriter {
 public:
  ObjectWriter(std::string& out, const char* indent) : out_(out), indent_(indent) { out_ += "{"; }
  void str(const char* key, std::string_view v) {
    start(key);
    append_json_string(out_, v);
  }
  void num(const char* key, std::size_t v) {
    start(key);
    out_ += std::to_string(v);
  }
  void null_or(const char* key, bool has, std::size_t v) {
    start(key);
    out_ += has ? std::to_string(v) : "null";
  }
  void null_or_str(const char* key, bool has, std::string_view v) {
    if (has) return str(key, v);
    start(key);
    out_ += "null";
  }
  void raw(const char* key, const std::string& json) {
    start(key);
    out_ += json;
  }
  void end() {
    out_ += "\n";
    out_ += indent_;
    out_ += "}";
  }

 private:
  void start(const char* key) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_ += indent_;
    out_ += "  \"";
    out_ += key;
    out_ += "\": ";
  }
  std::string& out_;
  const char* indent_;
  bool first_ = true;
};

// check's finding object (README; the one writer every output uses) with where it is in the
// transcript around it.
void append_finding(std::string& out, FindingJsonWriter& writer, const Conversation& c,
                    const MessageFinding& mf) {
  const Message& m = c.messages[mf.message];
  ObjectWriter w(out, "    ");
  w.num("conversation", c.index);
  w.num("message_index", m.index);
  w.null_or("line", m.line > 0, m.line);
  out += ",\n      ";
  writer.append_members(out, mf.finding);
  w.str("detail", mf.detail);
  w.end();
}

void append_message(std::string& out, const Message& m) {
  ObjectWriter w(out, "        ");
  w.num("index", m.index);
  w.null_or("line", m.line > 0, m.line);
  w.null_or_str("time", m.has_time, m.has_time ? time_json_text(m) : "");
  w.str("from", speaker_name(m.speaker));
  w.str("name", m.name);
  w.str("text", m.text);
  w.end();
}

// `j` dumped at an indent of `levels` two-space steps.
std::string nested_json(const nlohmann::ordered_json& j, int levels) {
  std::string s = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), out;
  const std::string pad(2 * levels, ' ');
  for (char c : s) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

class JsonReport : public TranscriptReport {
 public:
  JsonReport(const PackSet& packs, const TranscriptSettings& s) : packs_(packs), settings_(s) {}
  std::size_t parts() const override { return 2; }

  void conversation(const Conversation& c, const ConversationResult& r) override {
    std::string& findings = part_[0];
    std::string& conversations = part_[1];
    for (const auto& mf : r.findings) {
      findings += first_finding_ ? "\n    " : ",\n    ";
      first_finding_ = false;
      append_finding(findings, finding_writer_, c, mf);
    }
    conversations += first_conversation_ ? "\n    " : ",\n    ";
    first_conversation_ = false;
    ObjectWriter w(conversations, "    ");
    w.num("index", c.index);
    w.null_or("first_line", c.messages.front().line > 0, c.messages.front().line);
    w.null_or("last_line", c.messages.back().line > 0, c.messages.back().line);
    w.null_or_str("buyer", !c.buyer.empty(), c.buyer);
    w.raw("roles_guessed", c.roles_guessed ? "true" : "false");
    w.num("findings", r.findings.size());
    w.raw("figures", nested_json(r.figures.to_json(settings_), 3));
    std::string messages = "[";
    for (std::size_t i = 0; i < c.messages.size(); ++i) {
      messages += i ? ",\n        " : "\n        ";
      append_message(messages, c.messages[i]);
    }
    messages += c.messages.empty() ? "]" : "\n      ]";
    w.raw("messages", messages);
    w.end();
  }

  std::string finish(const TranscriptTotals& t, const std::vector<Error>& notes,
                     std::vector<std::string>& after) override {
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
    head["summary"]["folded_same_clause"] = t.folded;
    head["figures"] = t.figures.to_json(settings_);
    head["input"] = {{"format", layout_name(t.layout)}, {"label", layout_label(t.layout)}};
    if (!t.columns.empty()) head["input"]["columns"] = t.columns;
    head["shops"] = t.card.shops();
    head["period"] = t.card.period_json();
    head["penalties"] = t.card.penalties().to_json();
    head["agents"] = t.card.agents_json(settings_);
    head["speakers"] = t.card.speakers_json();
    std::string warnings;
    bool first = true;
    for (const auto& n : notes) append_element(warnings, n.to_json(), first);
    std::string out = dump_json(head);
    out.resize(out.size() - 3);  // reopen the object: drop "\n}\n"
    out += ",\n  \"findings\": [";
    std::string between = first_finding_ ? "]" : "\n  ]";
    between += ",\n  \"conversations\": [";
    std::string tail = first_conversation_ ? "]" : "\n  ]";
    tail += ",\n  \"warnings\": [";
    tail += warnings;
    tail += first ? "]" : "\n  ]";
    tail += "\n}\n";
    after = {std::move(between), std::move(tail)};
    return out;
  }

 private:
  const PackSet& packs_;
  const TranscriptSettings& settings_;
  bool first_finding_ = true, first_conversation_ = true;
  FindingJsonWriter finding_writer_{"      "};
};

class CsvReport : public TranscriptReport {
 public:
  std::size_t parts() const override { return 1; }

  void conversation(const Conversation& c, const ConversationResult& r) override {
    std::string& out = part_[0];
    for (const auto& mf : r.findings) {
      const Message& m = c.messages[mf.message];
      const Finding& f = mf.finding;
      const RuleMeta& rule = *f.rule;
      out += std::to_string(c.index);
      out += ',';
      out += std::to_string(m.index);
      out += ',';
      if (m.line > 0) out += std::to_string(m.line);
      out += ',';
      if (m.has_time) out += format_clock(m.clock);
      out += ',';
      out += speaker_name(m.speaker);
      const std::string_view cells[] = {m.name, rule.id, rule.category, rule.severity, rule.title};
      for (std::size_t k = 0; k < 5; ++k) {
        out += ',';
        append_csv_cell(out, cells[k], k == 0 || k == 4);
      }
      out += ',';
      out += std::to_string(f.start);
      out += ',';
      out += std::to_string(f.end);
      const std::string_view texts[] = {f.text,       mf.detail,    rule.message,
                                        rule.penalty, f.suggestion, rule.source};
      for (auto t : texts) {
        out += ',';
        append_csv_cell(out, t, true);
      }
      out += "\r\n";
    }
  }

  std::string finish(const TranscriptTotals& t, const std::vector<Error>&,
                     std::vector<std::string>& after) override {
    after = {t.card.agents_csv()};
    // Excel reads UTF-8 only with a BOM.
    return "\xEF\xBB\xBF"
           "conversation,message_index,line,time,from,name,rule,category,severity,title,start,end,"
           "text,"
           "detail,message,penalty,suggestion,source\r\n";
  }
};

}  // namespace

std::size_t severity_rank(const std::string& severity) {
  return static_cast<std::size_t>(vocab::severity_rank(severity));
}

std::unique_ptr<TranscriptReport> make_transcript_report(Format format, const PackSet& packs,
                                                         const TranscriptSettings& settings) {
  switch (format) {
    case Format::kJson:
      return std::make_unique<JsonReport>(packs, settings);
    case Format::kCsv:
      return std::make_unique<CsvReport>();
    default:
      return std::make_unique<TextReport>(settings);
  }
}

}  // namespace kefu
