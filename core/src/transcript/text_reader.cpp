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
  static const std::string_view kMarks[] = {"===", "---", "***", "###", "##", "# ", "———", "———",
                                            "＝＝", "【会话", "【对话"};
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
    const std::size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : (c >> 4) == 0xE ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
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
  if (name.find('[') != std::string_view::npos || name.find(']') != std::string_view::npos) return false;
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

ParsedLine parse_line(std::string_view line) {
  ParsedLine p;
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
  if (split_name(rest, p.name, p.text)) {
    p.kind = LineKind::kMessage;
  } else if (p.has_time) {
    p.kind = LineKind::kInvalid;
    p.error = "a time but no \"name: text\" after it";
  }
  return p;
}

class TextReader {
 public:
  TextReader(const RoleHints& hints, ConversationSink& sink, Notes& notes)
      : hints_(hints), sink_(sink), notes_(notes) {}

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
    auto add = [&](std::string_view& v) {
      if (v.data() != nullptr) out.push_back(&v);
    };
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
    ++stats_.lines;
    if (line_no == 1 && (starts_with(raw, "\xFF\xFE") || starts_with(raw, "\xFE\xFF"))) stats_.utf16 = true;
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
      return;
    }
    ParsedLine p = parse_line(line);
    if (p.kind == LineKind::kMessage && !p.has_time && !accepts_untimed(p.name)) p.kind = LineKind::kText;
    if (p.kind == LineKind::kMessage) {
      add_message(p, line_no);
    } else {
      if (p.kind == LineKind::kInvalid)
        notes_.add({"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
                    "cannot read this line as a message (" + p.error + "); " +
                        (has_current() ? "kept as text of the message above"
                                       : "no message above it, so it is left out")});
      else if (!has_current())
        notes_.add({"transcript.E301", "transcript", "", static_cast<int>(line_no), 0,
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
      for (auto it = known_.begin(); it != known_.end();) it = it->second == Speaker::kBuyer ? known_.erase(it) : std::next(it);
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
      const Speaker s = has_known_agent_ ? Speaker::kBuyer
                        : has_known_buyer_ ? Speaker::kAgent
                        : i == 0         ? Speaker::kBuyer
                                         : Speaker::kAgent;
      for (auto& m : conv_.messages)
        if (m.speaker == Speaker::kUnknown && m.name == unknown_[i]) m.speaker = s;
      if (s == Speaker::kBuyer && conv_.buyer.empty()) conv_.buyer = unknown_[i];
      guessed += (guessed.empty() ? "" : ", ") + std::string(unknown_[i]) + " = " + speaker_label(s);
      remember(unknown_[i], s);
    }
    unknown_.clear();
    if (!guessing) return;
    conv_.roles_guessed = true;
    notes_.add({"transcript.E304", "transcript", "", static_cast<int>(conv_.messages.front().line), 0,
                "roles guessed from the order of speakers (" + guessed +
                    "); name them with --agent NAME / --buyer NAME if this is wrong"});
  }

  void add_message(const ParsedLine& p, std::size_t line_no) {
    if (has_current() && (blank_run_ >= 2 || (blank_run_ >= 1 && p.has_time))) flush();
    if (conv_.messages.size() >= kMaxMessagesPerConversation) {
      notes_.add({"transcript.E305", "transcript", "", static_cast<int>(line_no), 0,
                  "a conversation of more than " + std::to_string(kMaxMessagesPerConversation) +
                      " messages is checked in parts; a new part starts here"});
      const std::string_view buyer = conv_.buyer;
      flush();
      conv_.buyer = buyer;
    }
    Speaker s = resolve(p.name);
    if (s == Speaker::kBuyer && !is_generic_name(p.name)) {
      if (!conv_.buyer.empty() && conv_.buyer != p.name) {
        flush();
        s = resolve(p.name);
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

TextTranscriptStream::TextTranscriptStream(const RoleHints& hints, ConversationSink& sink, Notes& notes)
    : impl_(std::make_unique<Impl>(hints, sink, notes)) {}
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
