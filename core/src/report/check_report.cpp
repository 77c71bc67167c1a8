#include "report/check_report.h"

#include "report/finding_json.h"
#include "report/json_out.h"
#include "text/utf8.h"
#include "transcript/output_escape.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

bool is_line_break(char32_t c) { return c == '\n' || c == '\r'; }

}  // namespace

std::string line_column(std::u32string_view text, std::uint32_t offset) {
  std::size_t line = 1, col = 1;
  for (std::uint32_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string marked_context(std::u32string_view text, std::uint32_t start, std::uint32_t end,
                           std::size_t around) {
  auto flat = [](std::u32string_view s) {
    std::u32string out(s);
    for (auto& c : out)
      if (is_line_break(c) || c == '\t') c = ' ';
    return encode_utf8(out);
  };
  std::size_t from = start > around ? start - around : 0;
  std::size_t to = std::min<std::size_t>(text.size(), end + around);
  const std::size_t kMaxMarked = 60;  // a whole 10 MB reply is not a context
  std::string marked = end - start > kMaxMarked
                           ? flat(text.substr(start, kMaxMarked / 2)) + "…" +
                                 flat(text.substr(end - kMaxMarked / 2, kMaxMarked / 2))
                           : flat(text.substr(start, end - start));
  return (from > 0 ? "…" : "") + flat(text.substr(from, start - from)) + "【" + marked + "】" +
         flat(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
}

std::string check_report_text(std::u32string_view reply, const ReplyResult& result) {
  std::string out;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& f : result.findings) {
    const RuleMeta& r = *f.rule;
    counts[vocab::severity_rank(r.severity)]++;
    out += r.severity + std::string(8 - std::min<std::size_t>(7, r.severity.size()), ' ') +
           r.title + "  [" + r.category + "] " + r.id +
           (r.penalty.empty() ? "" : "  " + r.penalty) + "\n";
    out += "        " + line_column(reply, f.start) + " " + marked_context(reply, f.start, f.end) +
           "\n";
    out += "        原因: " + r.message + "  (来源: " + r.source + ")\n";
    if (!f.suggestion.empty()) out += "        建议: " + f.suggestion + "\n";
  }
  if (result.findings.empty()) {
    out += "没有发现问题 (no findings)\n";
  } else {
    out += std::to_string(result.findings.size()) +
           " 处问题 (findings): " + std::to_string(counts[0]) + " error, " +
           std::to_string(counts[1]) + " warning, " + std::to_string(counts[2]) + " info\n";
  }
  return out;
}

// Written straight into the output, byte for byte what dump_json prints for the same document
// (goldens compare them): a whole pasted transcript has tens of thousands of findings, and a
// JSON value per finding cost more than checking the text.
std::string check_report_json(const PackSet& packs, const ReplyResult& result, bool findings) {
  std::string out;
  out.reserve(256 + (findings ? result.findings.size() * 512 : 0));
  out += "{\n  \"platform\": ";
  append_json_string(out, packs.platform);
  out += ",\n  \"packs\": [";
  bool first = true;
  for (const auto& p : packs.packs)
    if (p.contributes("rules")) {
      out += first ? "\n    " : ",\n    ";
      first = false;
      append_json_string(out, p.name);
    }
  out += first ? "]" : "\n  ]";
  out += ",\n  \"findings\": [";
  std::size_t counts[3] = {0, 0, 0};
  FindingJsonWriter writer("      ");
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    counts[vocab::severity_rank(f.rule->severity)]++;
    if (!findings) continue;
    out += i == 0 ? "\n    {\n      " : ",\n    {\n      ";
    writer.append_members(out, f);
    out += "\n    }";
  }
  out += result.findings.empty() || !findings ? "]" : "\n  ]";
  out += ",\n  \"summary\": {\n    \"total\": " + std::to_string(result.findings.size()) +
         ",\n    \"error\": " + std::to_string(counts[0]) +
         ",\n    \"warning\": " + std::to_string(counts[1]) +
         ",\n    \"info\": " + std::to_string(counts[2]) + "\n  }";
  out += ",\n  \"warnings\": [";
  for (std::size_t i = 0; i < result.warnings.size(); ++i) {
    // Few and small: nlohmann prints each, indented one level deeper.
    const std::string w =
        result.warnings[i].to_json().dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    out += i == 0 ? "\n    " : ",\n    ";
    for (char c : w) {
      out += c;
      if (c == '\n') out += "    ";
    }
  }
  out += result.warnings.empty() ? "]" : "\n  ]";
  out += "\n}\n";
  return out;
}

}  // namespace kefu
