// The text form of a transcript, line by line over a view of the input: no line is copied.
#include <algorithm>
#include <iterator>
#include <memory>
#include <unordered_map>

#include "transcript/transcript_reader.h"

namespace kefu {
namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxKnownNames = 20000;

bool is_space_at(std::string_view s, std::size_t i, std::size_t& len) {
  if (i >= s.size()) return false;
  if (s[i] == ' ' || s[i] == '\t') {
    len = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
    len = 3;
    return true;
  }
  return false;
}

std::string_view trim_left(std::string_view s) {
  std::size_t len, i = 0;
  while (is_space_at(s, i, len)) i += len;
  return s.substr(i);
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty()) {
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// ':' or '：' at i; returns its length in bytes, 0 otherwise.
std::size_t colon_at(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == ':') return 1;
  if (s.compare(i, 3, "：") == 0) return 3;
  return 0;
}

std::size_t find_colon(std::string_view s, std::size_t from, std::size_t limit, std::size_t& len) {
  for (std::size_t i = from; i < s.size() && i < limit; ++i)
    if ((len = colon_at(s, i)) > 0) return i;
  return std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view p) { return s.rfind(p, 0) == 0; }

// === 会话 2 ===, ----, ### 买家 tb_123, 会话 3, Conversation 2
bool is_header(std::string_view line) {
  static const std::string_view kMarks[] = {"===", "---", "***",  "###",    "##",    "# ",
                                            "———", "———", "＝＝", "【会话", "【对话"};
  for (auto m : kMarks)
    if (starts_with(line, m)) return true;
  for (std::string_view word : {"会话", "对话", "Conversation", "conversation"}) {
    if (!starts_with(line, word)) continue;
    std::string_view rest = trim_left(line.substr(word.size()));
    if (rest.empty() || (rest[0] >= '0' && rest[0] <= '9') || rest[0] == '#') return true;
  }
  return false;
}

enum class LineKind { kMessage, kInvalid, kText };

struct ParsedLine {
  LineKind kind = LineKind::kText;
  bool has_time = false;
  bool heading = false;               // name and time only: the message is on the lines below
  Speaker given = Speaker::kUnknown;  // a spreadsheet's role column said so
  Layout layout = Layout::kTimedLines;
  ClockTime clock;
  std::string_view name, text;
  std::string error;
};

// Printable ASCII or well-formed multi-byte UTF-8 (Unicode Table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF): binary junk with a colon in it is no name, and a name is
// printed as it is, so it must be valid UTF-8.
bool printable_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80                 ? 1
                          : c >= 0xC2 && c <= 0xDF ? 2
                          : (c >> 4) == 0xE        ? 3
                          : c >= 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
    if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F)) || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n > 2) {
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
          (c == 0xF4 && c1 > 0x8F))
        return false;
    }
    i += n;
  }
  return true;
}

bool plausible_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes || !printable_utf8(name)) return false;
  if (name.find('[') != std::string_view::npos || name.find(']') != std::string_view::npos)
    return false;
  // Sentence punctuation means a sentence with a colon in it, not a speaker.
  for (std::string_view p : {"，", "。", "？", "！", ",", "?", "!", "、"})
    if (name.find(p) != std::string_view::npos) return false;
  return true;
}

// `name: text` at the start of `rest`; the name may be a shop sub-account `店铺:小萌`.
bool split_name(std::string_view rest, std::string_view& name, std::string_view& text) {
  for (std::string_view sys : {"[系统]", "【系统】"})
    if (starts_with(rest, sys)) {
      name = rest.substr(0, sys.size());
      text = trim_left(rest.substr(sys.size()));
      if (std::size_t c = colon_at(text, 0)) text = trim_left(text.substr(c));
      return true;
    }
  std::size_t len = 0;
  std::size_t pos = find_colon(rest, 0, kMaxNameBytes + 1, len);
  if (pos == std::string_view::npos) return false;
  name = trim_right(rest.substr(0, pos));
  if (!plausible_name(name)) return false;
  std::size_t after = pos + len;
  std::size_t sp;
  if (!is_generic_name(name) && !is_space_at(rest, after, sp)) {
    std::size_t len2 = 0;
    std::size_t pos2 = find_colon(rest, after, after + 40, len2);
    if (pos2 != std::string_view::npos && pos2 > after) {
      std::string_view sub = rest.substr(after, pos2 - after);
      bool word = true;
      for (std::size_t i = 0; i < sub.size(); ++i) word &= !is_space_at(sub, i, sp);
      if (word && plausible_name(rest.substr(0, pos2))) {
        name = rest.substr(0, pos2);
        after = pos2 + len2;
      }
    }
  }
  text = trim_left(rest.substr(after));
  return true;
}

// A heading's time must look like a time stamp, not like a clock in a sentence (明天 10:30): a
// date, or a clock with seconds, and nothing after it.
bool stamp(std::string_view s, ClockTime& clock) {
  std::size_t used = 0;
  std::string error;
  if (read_time_prefix(s, clock, used, error) != TimeRead::kOk || used != s.size()) return false;
  return clock.has_date || std::count(s.begin(), s.end(), ':') >= 2;
}

bool has_space(std::string_view s) {
  std::size_t len;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (is_space_at(s, i, len)) return true;
  return false;
}

// `tb_lily 2024-06-18 10:00:01`, `tb_lily(2024-06-18 10:00:01):` (full-width brackets and colon
// too; text may follow the colon), as written by the seller workbenches' "export chat" buttons.
// The name is one word (a nickname or 店铺:客服 sub-account), so a sentence ending in a time is
// no heading.
bool parse_heading(std::string_view line, ParsedLine& p) {
  if (line.empty()) return false;
  // name(time)[:] [text]
  std::size_t open = line.find('(');
  std::size_t open_len = 1;
  const std::size_t wide = line.find("（");
  if (wide != std::string_view::npos && (open == std::string_view::npos || wide < open)) {
    open = wide;
    open_len = 3;
  }
  if (open != std::string_view::npos && open > 0 && open <= kMaxNameBytes) {
    std::size_t close = line.find(')', open);
    std::size_t close_len = 1;
    const std::size_t wclose = line.find("）", open);
    if (wclose != std::string_view::npos && (close == std::string_view::npos || wclose < close)) {
      close = wclose;
      close_len = 3;
    }
    if (close != std::string_view::npos && close < open + 48) {
      const std::string_view name = trim_right(line.substr(0, open));
      const std::string_view inside =
          trim_right(trim_left(line.substr(open + open_len, close - open - open_len)));
      std::string_view after = trim_left(line.substr(close + close_len));
      if (std::size_t c = colon_at(after, 0))
        after = trim_left(after.substr(c));
      else if (!after.empty())
        return false;
      if (!has_space(name) && plausible_name(name) && stamp(inside, p.clock)) {
        p.has_time = true;
        p.name = name;
        p.text = after;
        p.heading = after.empty();
        p.kind = LineKind::kMessage;
        p.layout = Layout::kHeading;
        return true;
      }
    }
  }
  // name time: the time runs to the end of the line
  const char last = line.back();
  if (last < '0' || last > '9') return false;
  std::size_t len;
  for (std::size_t i = 0; i < line.size() && i <= kMaxNameBytes; ++i) {
    if (!is_space_at(line, i, len)) continue;
    const std::string_view name = line.substr(0, i);
    if (has_space(name) || !plausible_name(name) || colon_at(name, name.size() - 1) ||
        (name.size() >= 3 && colon_at(name, name.size() - 3) == 3))
      return false;
    if (stamp(trim_left(line.substr(i)), p.clock)) {
      p.has_time = true;
      p.name = name;
      p.heading = true;
      p.kind = LineKind::kMessage;
      p.layout = Layout::kHeading;
      return true;
    }
    return false;
  }
  return false;
}

// `prefer_heading`: the export so far is a heading layout, so `time 店铺:小萌` (no space after the
// colon) is a sub-account's heading, not `time 店铺: 小萌`.
ParsedLine parse_line(std::string_view line, bool prefer_heading) {
  ParsedLine p;
  if (parse_heading(line, p)) return p;
  std::string_view rest = line;
  if (!line.empty() && line[0] == '[') {
    std::size_t close = line.find(']');
    if (close != std::string_view::npos && close < 48) {
      std::string_view inside = trim_right(trim_left(line.substr(1, close - 1)));
      std::size_t used = 0;
      TimeRead r = read_time_prefix(inside, p.clock, used, p.error);
      if (r == TimeRead::kInvalid) {
        p.kind = LineKind::kInvalid;
        return p;
      }
      if (r == TimeRead::kOk && used == inside.size()) {
        p.has_time = true;
        rest = trim_left(line.substr(close + 1));
      } else if (!inside.empty() && inside[0] >= '0' && inside[0] <= '9') {
        p.kind = LineKind::kInvalid;
        p.error = "\"[" + std::string(inside) + "]\" is not a time";
        return p;
      }
    }
  } else {
    std::size_t used = 0;
    TimeRead r = read_time_prefix(line, p.clock, used, p.error);
    if (r == TimeRead::kInvalid) {
      p.kind = LineKind::kInvalid;
      return p;
    }
    std::size_t sp;
    if (r == TimeRead::kOk && is_space_at(line, used, sp)) {
      p.has_time = true;
      rest = trim_left(line.substr(used));
    }
  }
  if (p.has_time && prefer_heading && !has_space(rest) && plausible_name(rest)) {
    p.kind = LineKind::kMessage;  // `2024-06-18 10:00:01 店铺:小萌` in a heading export
    p.name = rest;
    p.heading = true;
    p.layout = Layout::kHeading;
  } else if (split_name(rest, p.name, p.text)) {
    p.kind = LineKind::kMessage;
    if (!p.has_time)
      p.layout = Layout::kUntimed;
    else if (p.text.empty() &&
             (p.clock.has_date || std::count(line.begin(), line.end(), ':') >= 3)) {
      p.heading = true;  // `2024-06-18 10:00:01 tb_lily:` with the message below
      p.layout = Layout::kHeading;
    }
  } else if (p.has_time && !has_space(rest) && plausible_name(rest) &&
             (p.clock.has_date || std::count(line.begin(), line.end(), ':') >= 2)) {
    p.kind = LineKind::kMessage;  // `2024-06-18 10:00:01 tb_lily`, the message below
    p.name = rest;
    p.text = {};
    p.heading = true;
    p.layout = Layout::kHeading;
  } else if (p.has_time) {
    p.kind = LineKind::kInvalid;
    p.error = "a time but no \"name: text\" after it";
  }
  return p;
}

bool same_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool listed(std::string_view cell, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (same_ascii_case(cell, w)) return true;
  return false;
}

// Splits one CSV/TSV record into cells, unquoting in place (`"a""b"` → `a"b`, a CRLF inside a
// quoted cell → LF): the cells are views into the record's own bytes, which only shrink, so the
// reader's buffer needs no second copy of a 50 MB export.
void split_cells(char* p, std::size_t n, char delim, std::vector<std::string_view>& cells) {
  cells.clear();
  std::size_t i = 0;
  while (true) {
    char* cell = p + i;
    std::size_t w = 0;
    if (i < n && p[i] == '"') {
      ++i;
      while (i < n) {
        if (p[i] == '"') {
          if (i + 1 < n && p[i + 1] == '"') {
            cell[w++] = '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') {
          ++i;
          continue;
        }
        cell[w++] = p[i++];
      }
    }
    while (i < n && p[i] != delim) cell[w++] = p[i++];
    cells.emplace_back(cell, w);
    if (i >= n) break;
    ++i;
  }
}

// The header row of a spreadsheet export: which column holds what.
struct CsvLayout {
  char delim = 0;  // 0: not a spreadsheet
  int time = -1, role = -1, name = -1, text = -1, conversation = -1, agent_name = -1,
      buyer_name = -1;
};

CsvLayout read_csv_header(std::string_view line, const TranscriptColumns& columns,
                          std::string& recognised) {
  CsvLayout out;
  if (columns.empty()) return out;
  const char delim = line.find('\t') != std::string_view::npos  ? '\t'
                     : line.find(',') != std::string_view::npos ? ','
                                                                : 0;
  if (delim == 0) return out;
  std::string copy(line);
  std::vector<std::string_view> cells;
  split_cells(copy.data(), copy.size(), delim, cells);
  std::string names;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const std::string_view c = trim_right(trim_left(cells[k]));
    int* slot = listed(c, columns.time)           ? &out.time
                : listed(c, columns.role)         ? &out.role
                : listed(c, columns.name)         ? &out.name
                : listed(c, columns.agent_name)   ? &out.agent_name
                : listed(c, columns.buyer_name)   ? &out.buyer_name
                : listed(c, columns.text)         ? &out.text
                : listed(c, columns.conversation) ? &out.conversation
                                                  : nullptr;
    if (!slot || *slot >= 0) continue;  // the first column of a kind is the one read
    *slot = static_cast<int>(k);
    names += (names.empty() ? "" : ", ") + std::string(c);
  }
  // A column per side says who wrote only with a role column beside it.
  const bool sides = out.role >= 0 && (out.agent_name >= 0 || out.buyer_name >= 0);
  if (out.text < 0 || (out.time < 0 && out.role < 0 && out.name < 0 && !sides)) return CsvLayout();
  if (out.name < 0 && !sides) out.name = out.agent_name >= 0 ? out.agent_name : out.buyer_name;
  out.delim = delim;
  recognised = names;
  return out;
}

class TextReader {
 public:
  TextReader(const RoleHints& hints, ConversationSink& sink, Notes& notes,
             const TranscriptColumns& columns)
      : hints_(hints), sink_(sink), notes_(notes), columns_(columns) {}

  // Reads every complete line of `piece` (after what was left of the line before). Only the
  // conversation still open and an unfinished line stay in `buf_`, moved to its front with every
  // view into them, so the buffer holds one conversation and one piece, never the whole file.
  void feed(std::string_view piece) {
    std::vector<std::string_view*> views = open_views();
    const char* base = buf_.data();
    std::size_t keep = scanned_;
    for (auto* v : views) keep = std::min(keep, static_cast<std::size_t>(v->data() - base));
    if (keep > 0 || buf_.capacity() < buf_.size() + piece.size()) {
      std::vector<std::size_t> offsets;
      offsets.reserve(views.size());
      for (auto* v : views) offsets.push_back(static_cast<std::size_t>(v->data() - base) - keep);
      buf_.erase(0, keep);
      scanned_ -= keep;
      searched_ -= std::min(searched_, keep);
      buf_.append(piece.data(), piece.size());
      for (std::size_t k = 0; k < views.size(); ++k)
        *views[k] = std::string_view(buf_.data() + offsets[k], views[k]->size());
    } else {
      buf_.append(piece.data(), piece.size());  // no reallocation: every view stays valid
    }
    read_lines(false);
  }

  std::size_t finish() {
    read_lines(true);
    if (in_record_) {
      in_record_ = false;
      notes_.add({"transcript.E301", "transcript", "", static_cast<int>(record_line_), 0,
                  "这一行开始的引号到文件结尾都没有闭合；其后的内容都算作这一格 (a quote opened "
                  "here is never closed)"});
      csv_record(record_, record_line_);
    }
    flush();
    return messages_;
  }

  // The most bytes the buffer ever held (for tests of bounded memory).
  std::size_t peak_buffer() const { return peak_; }
  const TextStats& stats() const { return stats_; }

 private:
  // Every view the reader holds: all point into buf_ (a view that was never set is null).
  std::vector<std::string_view*> open_views() {
    std::vector<std::string_view*> out;
    const char* begin = buf_.data();
    const char* end = begin + buf_.size();
    // Only views into the buffer move with it (a role label for an unnamed spreadsheet row is a
    // string literal).
    auto add = [&](std::string_view& v) {
      if (v.data() != nullptr && v.data() >= begin && v.data() <= end) out.push_back(&v);
    };
    if (in_record_) add(record_);
    for (auto& m : conv_.messages) {
      add(m.name);
      add(m.text);
    }
    add(conv_.buyer);
    for (auto& u : unknown_) add(u);
    return out;
  }

  // Reads the complete lines after scanned_; at the end of the input, the last one too.
  void read_lines(bool at_end) {
    peak_ = std::max(peak_, buf_.size());
    const std::string_view all(buf_);
    while (scanned_ < all.size()) {
      // An unfinished line is searched once, not again from its start with every piece.
      std::size_t nl = all.find('\n', std::max(scanned_, searched_));
      if (nl == std::string_view::npos) {
        searched_ = all.size();
        if (!at_end) return;
        nl = all.size();
      }
      std::string_view line = all.substr(scanned_, nl - scanned_);
      if (line_no_ == 0 && starts_with(line, "\xEF\xBB\xBF")) line.remove_prefix(3);  // BOM
      on_line(line, ++line_no_);
      scanned_ = std::min(nl + 1, all.size());
    }
  }

 private:
  void on_line(std::string_view raw, std::size_t line_no) {
    const std::string_view line = trim_right(trim_left(raw));
    if (line.empty()) {
      ++blank_run_;
      return;
    }
    if (csv_.delim) return on_csv_line(raw, line_no);
    ++stats_.lines;
    if (line_no == 1 && (starts_with(raw, "\xFF\xFE") || starts_with(raw, "\xFE\xFF")))
      stats_.utf16 = true;
    // A spreadsheet's header is the first line of the export, or the first after a header line
    // (the page joins several dropped files under `=== file name ===`).
    if (stats_.lines == 1 || after_header_) {
      after_header_ = false;
      std::string columns;
      csv_ = read_csv_header(line, columns_, columns);
      if (csv_.delim) {
        if (stats_.columns.empty()) stats_.columns = columns;
        return;
      }
    }
    for (char ch : line) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\v' && c != '\f') || c == 0x7F) {
        if (stats_.binary++ == 0) stats_.first_binary = line_no;
        break;
      }
    }
    if (is_header(line)) {
      flush();
      blank_run_ = 0;
      after_header_ = true;
      return;
    }
    after_header_ = false;
    ParsedLine p = parse_line(line, stats_.by_layout[static_cast<int>(Layout::kHeading)] >
                                        stats_.by_layout[static_cast<int>(Layout::kTimedLines)]);
    if (p.kind == LineKind::kMessage && !p.has_time && !accepts_untimed(p.name))
      p.kind = LineKind::kText;
    if (p.kind == LineKind::kMessage) {
      add_message(p, line_no);
    } else {
      if (p.kind == LineKind::kInvalid)
        notes_.add({"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
                    "cannot read this line as a message (" + p.error + "); " +
                        (has_current() ? "kept as text of the message above"
                                       : "no message above it, so it is left out")});
      else if (!has_current())
        notes_.add(
            {"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
             "not a message (no \"name: text\") and no message above it, so it is left out"});
      if (has_current()) {
        Message& m = conv_.messages.back();
        const char* begin = m.text.empty() ? line.data() : m.text.data();
        m.text = std::string_view(begin, line.data() + line.size() - begin);
      }
    }
    blank_run_ = 0;
  }

  bool has_current() const { return !conv_.messages.empty(); }

  // A spreadsheet line: a record ends at a line break outside quotes, so a quoted cell may hold
  // several lines (an agent's reply with line breaks, saved from Excel).
  void on_csv_line(std::string_view raw, std::size_t line_no) {
    if (!in_record_) {
      const std::string_view line = trim_right(trim_left(raw));
      if (line.empty()) return;
      if (line.size() >= 3 && line.compare(0, 3, "===") == 0) {
        // The next file of several: the spreadsheet ends here, whatever the next one is.
        flush();
        csv_ = CsvLayout();
        conversation_id_.clear();
        after_header_ = true;
        return;
      }
      record_ = raw;
      record_line_ = line_no;
      quotes_ = 0;
      in_record_ = true;
    } else {
      record_ = std::string_view(
          record_.data(), static_cast<std::size_t>(raw.data() + raw.size() - record_.data()));
    }
    quotes_ += static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '"'));
    constexpr std::size_t kMaxRecordBytes = 1 << 20;
    if (quotes_ % 2 == 1 && record_.size() < kMaxRecordBytes) return;  // a quoted cell goes on
    if (quotes_ % 2 == 1)
      notes_.add({"transcript.E301", "transcript", "", static_cast<int>(record_line_), 0,
                  "这一行开始的引号超过 1 MiB 仍没有闭合；到此为止算作一条 (an unclosed quote)"});
    in_record_ = false;
    csv_record(record_, record_line_);
  }

  void csv_record(std::string_view rec, std::size_t line_no) {
    ++stats_.lines;
    char* p = buf_.data() + (rec.data() - buf_.data());
    split_cells(p, rec.size(), csv_.delim, cells_);
    for (auto& c : cells_) c = trim_right(trim_left(c));
    auto cell = [&](int k) {
      return k >= 0 && static_cast<std::size_t>(k) < cells_.size() ? cells_[k] : std::string_view();
    };
    for (const auto& c : cells_)
      for (char ch : c) {
        const unsigned char u = static_cast<unsigned char>(ch);
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) {
          if (stats_.binary++ == 0) stats_.first_binary = line_no;
          return;
        }
      }
    if (static_cast<std::size_t>(csv_.text) >= cells_.size()) {
      notes_.add({"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
                  "这一行只有 " + std::to_string(cells_.size()) +
                      " 列，没有「内容」列，已略过 (no text column)"});
      return;
    }
    ParsedLine pl;
    pl.kind = LineKind::kMessage;
    pl.layout = csv_.delim == '\t' ? Layout::kTsv : Layout::kCsv;
    pl.text = cell(csv_.text);
    const std::string_view when = cell(csv_.time);
    if (!when.empty()) {
      std::size_t used = 0;
      std::string error;
      const TimeRead r = read_time_prefix(when, pl.clock, used, error);
      if (r == TimeRead::kOk && used == when.size())
        pl.has_time = true;
      else
        notes_.add({"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
                    "时间「" + std::string(when.substr(0, 40)) +
                        "」读不成时间，这条消息按没有时间处理 (" +
                        (error.empty() ? "not a time" : error) + ")"});
    }
    const std::string_view role = cell(csv_.role);
    if (!role.empty()) {
      pl.given = listed(role, columns_.agent)    ? Speaker::kAgent
                 : listed(role, columns_.buyer)  ? Speaker::kBuyer
                 : listed(role, columns_.system) ? Speaker::kSystem
                                                 : speaker_of_name(role, hints_);
      if (pl.given == Speaker::kUnknown)
        notes_.add({"transcript.E304", "transcript", "", static_cast<int>(line_no), 0,
                    "发送方「" + std::string(role.substr(0, 40)) +
                        "」不是已知的角色词，按名字判断角色 (unknown role)"});
    }
    pl.name = pl.given == Speaker::kAgent && csv_.agent_name >= 0   ? cell(csv_.agent_name)
              : pl.given == Speaker::kBuyer && csv_.buyer_name >= 0 ? cell(csv_.buyer_name)
                                                                    : std::string_view();
    if (pl.name.empty()) pl.name = cell(csv_.name);
    if (pl.name.empty()) pl.name = role;
    if (pl.name.empty() && pl.given != Speaker::kUnknown) pl.name = speaker_label(pl.given);
    if (pl.name.empty() || pl.name.size() > 4 * kMaxNameBytes || !printable_utf8(pl.name)) {
      notes_.add({"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
                  "这一行没有可读的发送方或昵称，已略过 (no speaker)"});
      return;
    }
    if (csv_.conversation >= 0) {
      const std::string_view id = cell(csv_.conversation);
      if (has_current() && id != conversation_id_) flush();
      conversation_id_.assign(id.data(), id.size());
    }
    add_message(pl, line_no);
  }

  // An untimed `name: text` line is a message only when the name is known to be a speaker (a
  // role word, --agent/--buyer, or a name already seen with a time); otherwise `收货地址：…`
  // inside an agent's message would start a new one, and junk with a colon would be a message.
  bool accepts_untimed(std::string_view name) const {
    if (speaker_of_name(name, hints_) != Speaker::kUnknown) return true;
    return known_.count(std::string(name)) > 0;
  }

  Speaker resolve(std::string_view name) {
    Speaker s = speaker_of_name(name, hints_);
    if (s == Speaker::kUnknown) {
      auto it = known_.find(std::string(name));
      if (it != known_.end()) s = it->second;
    }
    if (s != Speaker::kUnknown) {
      if (s == Speaker::kAgent) has_known_agent_ = true;
      if (s == Speaker::kBuyer) has_known_buyer_ = true;
      // Nicknames seen so far are the other side of a speaker we now know.
      if (s != Speaker::kSystem && (has_known_agent_ || has_known_buyer_)) settle_unknown();
      return s;
    }
    if (has_known_agent_) return remember(name, Speaker::kBuyer);
    if (has_known_buyer_) return remember(name, Speaker::kAgent);
    for (auto u : unknown_)
      if (u == name) return Speaker::kUnknown;
    if (unknown_.size() == 2) {
      // A third nickname with no role word anywhere: agents stay, buyers change, so the first
      // speaker was the buyer and the second the agent.
      settle_unknown();
      return remember(name, Speaker::kBuyer);
    }
    unknown_.push_back(name);
    return Speaker::kUnknown;
  }

  Speaker remember(std::string_view name, Speaker s) {
    if (s == Speaker::kAgent) has_known_agent_ = true;
    // A day's export has a few agents and many buyers: past kMaxKnownNames the buyers are
    // forgotten (a buyer is known again from the agent beside them), so the names remembered
    // stay bounded whatever the file; a file of nothing but new names forgets them all.
    if (known_.size() >= kMaxKnownNames) {
      for (auto it = known_.begin(); it != known_.end();)
        it = it->second == Speaker::kBuyer ? known_.erase(it) : std::next(it);
      if (known_.size() >= kMaxKnownNames / 2) known_.clear();
    }
    known_.emplace(std::string(name), s);
    stats_.most_names = std::max(stats_.most_names, known_.size());
    return s;
  }

  // With a role word in the conversation the nicknames are the other side; with none, the
  // first speaker is taken for the buyer and any other for an agent, and the user is told.
  void settle_unknown() {
    if (unknown_.empty()) return;
    const bool guessing = !has_known_agent_ && !has_known_buyer_;
    std::string guessed;
    for (std::size_t i = 0; i < unknown_.size(); ++i) {
      const Speaker s = has_known_agent_   ? Speaker::kBuyer
                        : has_known_buyer_ ? Speaker::kAgent
                        : i == 0           ? Speaker::kBuyer
                                           : Speaker::kAgent;
      for (auto& m : conv_.messages)
        if (m.speaker == Speaker::kUnknown && m.name == unknown_[i]) m.speaker = s;
      if (s == Speaker::kBuyer && conv_.buyer.empty()) conv_.buyer = unknown_[i];
      guessed +=
          (guessed.empty() ? "" : ", ") + std::string(unknown_[i]) + " = " + speaker_label(s);
      remember(unknown_[i], s);
    }
    unknown_.clear();
    if (!guessing) return;
    conv_.roles_guessed = true;
    notes_.add({"transcript.E304", "transcript", "", static_cast<int>(conv_.messages.front().line),
                0,
                "roles guessed from the order of speakers (" + guessed +
                    "); name them with --agent NAME / --buyer NAME if this is wrong"});
  }

  // A role a spreadsheet's role column gave, unless the user named this person.
  Speaker given(std::string_view name, Speaker s) {
    for (const auto& a : hints_.agents)
      if (a == name) s = Speaker::kAgent;
    for (const auto& b : hints_.buyers)
      if (b == name) s = Speaker::kBuyer;
    if (s == Speaker::kAgent) has_known_agent_ = true;
    if (s == Speaker::kBuyer) has_known_buyer_ = true;
    if (s != Speaker::kSystem) settle_unknown();
    if (s != Speaker::kSystem && !is_generic_name(name)) remember(name, s);
    return s;
  }

  void add_message(const ParsedLine& p, std::size_t line_no) {
    // Heading layouts put a blank line between messages, spreadsheets have a conversation column:
    // neither splits conversations at blank lines.
    const bool split = p.layout == Layout::kHeading ? blank_run_ >= 3
                       : csv_.delim                 ? false
                                    : blank_run_ >= 2 || (blank_run_ >= 1 && p.has_time);
    if (has_current() && split) flush();
    ++stats_.by_layout[static_cast<int>(p.layout)];
    if (conv_.messages.size() >= kMaxMessagesPerConversation) {
      notes_.add({"transcript.E305", "transcript", "", static_cast<int>(line_no), 0,
                  "a conversation of more than " + std::to_string(kMaxMessagesPerConversation) +
                      " messages is checked in parts; a new part starts here"});
      const std::string_view buyer = conv_.buyer;
      flush();
      conv_.buyer = buyer;
    }
    Speaker s = p.given != Speaker::kUnknown ? given(p.name, p.given) : resolve(p.name);
    if (s == Speaker::kBuyer && !is_generic_name(p.name)) {
      if (!conv_.buyer.empty() && conv_.buyer != p.name && csv_.conversation < 0) {
        flush();
        s = p.given != Speaker::kUnknown ? given(p.name, p.given) : resolve(p.name);
      }
      conv_.buyer = p.name;
    }
    Message m;
    m.index = messages_++;
    m.line = line_no;
    m.speaker = s;
    m.name = p.name;
    m.text = p.text;
    if (p.has_time) axis_.place(p.clock, m, static_cast<int>(line_no), "", notes_);
    conv_.messages.push_back(m);
  }

  void flush() {
    if (!conv_.messages.empty()) {
      settle_unknown();
      conv_.index = conversations_++;
      sink_.on_conversation(conv_);
    }
    conv_ = Conversation();
    has_known_agent_ = has_known_buyer_ = false;
    unknown_.clear();
    axis_.reset();
    blank_run_ = 0;
  }

  std::string buf_;
  TextStats stats_;
  std::size_t scanned_ = 0, searched_ = 0, line_no_ = 0, peak_ = 0;
  const RoleHints hints_;  // a copy: callers may pass a temporary
  ConversationSink& sink_;
  Notes& notes_;
  const TranscriptColumns columns_;  // a copy, as the hints

  CsvLayout csv_;              // delim set: the export is a spreadsheet
  bool after_header_ = false;  // the line before was a header line
  bool in_record_ = false;     // a record whose quoted cell goes on past a line break
  std::string_view record_;
  std::size_t record_line_ = 0, quotes_ = 0;
  std::vector<std::string_view> cells_;
  std::string conversation_id_;

  Conversation conv_;
  std::size_t messages_ = 0, conversations_ = 0, blank_run_ = 0;
  bool has_known_agent_ = false, has_known_buyer_ = false;
  std::vector<std::string_view> unknown_;
  std::unordered_map<std::string, Speaker> known_;
  TimeAxis axis_;
};

}  // namespace

struct TextTranscriptStream::Impl : TextReader {
  using TextReader::TextReader;
};

TextTranscriptStream::TextTranscriptStream(const RoleHints& hints, ConversationSink& sink,
                                           Notes& notes, const TranscriptColumns& columns)
    : impl_(std::make_unique<Impl>(hints, sink, notes, columns)) {}
TextTranscriptStream::~TextTranscriptStream() = default;
void TextTranscriptStream::feed(std::string_view piece) { impl_->feed(piece); }
std::size_t TextTranscriptStream::finish() { return impl_->finish(); }
std::size_t TextTranscriptStream::peak_buffer() const { return impl_->peak_buffer(); }
const TextStats& TextTranscriptStream::stats() const { return impl_->stats(); }

std::size_t read_text_transcript(std::string_view input, const RoleHints& hints,
                                 ConversationSink& sink, Notes& notes) {
  // In slices, so the reader's buffer stays one slice and one conversation, not a second copy.
  constexpr std::size_t kSlice = 1 << 20;
  TextTranscriptStream stream(hints, sink, notes);
  for (std::size_t at = 0; at < input.size(); at += kSlice) stream.feed(input.substr(at, kSlice));
  return stream.finish();
}

}  // namespace kefu
