// The JSON form of a transcript, read with nlohmann's SAX interface: one conversation is built
// at a time, so a large export never becomes a DOM.
#include <nlohmann/json.hpp>

#include "transcript/transcript_reader.h"

namespace kefu {
namespace {

enum class Node : std::uint8_t { kOther, kMessages, kMessage };

struct Frame {
  bool array;
  Node node;
  std::string pointer;    // JSON pointer of this container
  std::size_t items = 0;  // arrays: elements seen so far
};

// Line and column (1-based, in bytes) of a byte offset, for syntax errors.
void line_column(std::string_view s, std::size_t offset, int& line, int& column) {
  line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i)
    if (s[i] == '\n') {
      ++line;
      start = i + 1;
    }
  column = static_cast<int>(offset - start) + 1;
}

class JsonReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  JsonReader(std::string_view input, const RoleHints& hints, ConversationSink& sink, Notes& notes,
             std::vector<Error>& errors)
      : input_(input), hints_(hints), sink_(sink), notes_(notes), errors_(errors) {}

  std::size_t messages() const { return messages_; }
  void finish() { flush(); }

  bool null() override { return value_other(); }
  bool boolean(bool) override { return value_other(); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool binary(binary_t&) override { return value_other(); }

  bool string(string_t& v) override {
    if (in_message_field()) {
      const std::string& k = key_;
      if (k == "text" || k == "content" || k == "msg" || k == "message")
        text_ = std::move(v), has_text_ = true;
      else if (k == "time" || k == "timestamp" || k == "created_at" || k == "date")
        time_ = std::move(v), has_time_ = true;
      else if (k == "from" || k == "role" || k == "sender" || k == "speaker")
        from_ = std::move(v);
      else if (k == "name" || k == "nick" || k == "user")
        name_ = std::move(v);
    }
    return value_other();
  }

  bool start_object(std::size_t) override {
    if (too_deep()) return false;
    const std::string ptr = child_pointer();
    Node node =
        !stack_.empty() && stack_.back().node == Node::kMessages ? Node::kMessage : Node::kOther;
    stack_.push_back({false, node, ptr});
    if (node == Node::kMessage) begin_message();
    return true;
  }

  bool key(string_t& k) override {
    key_ = k;
    return true;
  }

  bool end_object() override {
    if (stack_.back().node == Node::kMessage) end_message();
    stack_.pop_back();
    after_value();
    return true;
  }

  bool start_array(std::size_t) override {
    if (too_deep()) return false;
    const std::string ptr = child_pointer();
    Node node = Node::kOther;
    if (stack_.empty()) {
      node = Node::kMessages;  // a bare array of messages
    } else if (!stack_.back().array && key_ == "messages") {
      node = Node::kMessages;
      // {"messages": [...]} inside what looked like a message: it is a conversation object.
      if (stack_.back().node == Node::kMessage) stack_.back().node = Node::kOther;
    }
    if (node == Node::kMessages) flush();
    stack_.push_back({true, node, ptr});
    return true;
  }

  bool end_array() override {
    if (stack_.back().node == Node::kMessages) flush();
    stack_.pop_back();
    after_value();
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    int line, column;
    line_column(input_, position > 0 ? position - 1 : 0, line, column);
    std::string what = ex.what();
    // nlohmann's text starts with its own id; the sentence after it is what users need.
    std::size_t colon = what.find("] ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    errors_.push_back(
        {"transcript.E310", "transcript", "", line, column, "not valid JSON: " + what});
    return false;
  }

 private:
  // Pointers grow with depth; a transcript is three levels deep, so 32 is plenty.
  bool too_deep() {
    if (stack_.size() < 32) return false;
    errors_.push_back({"transcript.E310", "transcript", stack_.back().pointer, 0, 0,
                       "nested more than 32 levels deep; a transcript is {\"messages\":[{...}]}"});
    return true;
  }

  bool in_message_field() const { return !stack_.empty() && stack_.back().node == Node::kMessage; }

  std::string child_pointer() const {
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    return f.pointer + "/" + (f.array ? std::to_string(f.items) : key_);
  }

  void after_value() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().items;
  }

  bool value_other() {
    after_value();
    return true;
  }

  bool number(double v) {
    if (in_message_field() && (key_ == "time" || key_ == "timestamp" || key_ == "created_at")) {
      unix_ = v > 1e11 ? v / 1000 : v;  // milliseconds or seconds since 1970
      has_unix_ = has_time_ = true;
    }
    return value_other();
  }

  void begin_message() {
    text_.clear();
    time_.clear();
    from_.clear();
    name_.clear();
    has_text_ = has_time_ = has_unix_ = false;
  }

  void end_message() {
    const std::string& ptr = stack_.back().pointer;
    if (!has_text_) {
      notes_.add({"transcript.E311", "transcript", ptr, 0, 0,
                  "a message needs a \"text\" string; left out"});
      return;
    }
    Message m;
    m.index = messages_++;
    conv_.storage.push_back(std::move(text_));
    m.text = conv_.storage.back();
    if (!name_.empty()) {
      conv_.storage.push_back(std::move(name_));
      m.name = conv_.storage.back();
    }
    Speaker s = Speaker::kUnknown;
    if (from_ == "buyer")
      s = Speaker::kBuyer;
    else if (from_ == "agent")
      s = Speaker::kAgent;
    else if (from_ == "system")
      s = Speaker::kSystem;
    else if (!from_.empty())
      s = speaker_of_name(from_, hints_);
    if (!m.name.empty()) {  // --agent / --buyer settle a named speaker whatever "from" says
      for (const auto& a : hints_.agents) s = a == m.name ? Speaker::kAgent : s;
      for (const auto& b : hints_.buyers) s = b == m.name ? Speaker::kBuyer : s;
      if (s == Speaker::kUnknown) s = speaker_of_name(m.name, hints_);
    }
    if (m.name.empty()) {
      conv_.storage.push_back(from_.empty() ? std::string(speaker_label(s)) : from_);
      m.name = conv_.storage.back();
    }
    if (s == Speaker::kUnknown) {
      notes_.add({"transcript.E304", "transcript", ptr + "/from", 0, 0,
                  "\"from\" must be buyer, agent or system; read as the buyer"});
      s = Speaker::kBuyer;
    }
    m.speaker = s;
    if (s == Speaker::kBuyer && !is_generic_name(m.name)) {
      if (!conv_.buyer.empty() && conv_.buyer != m.name) {
        std::string name(m.name), text(m.text);  // the flush frees the storage they are in
        flush();
        conv_.storage.push_back(std::move(name));
        m.name = conv_.storage.back();
        conv_.storage.push_back(std::move(text));
        m.text = conv_.storage.back();
      }
      conv_.buyer = m.name;
    }
    if (has_time_) {
      ClockTime clock;
      bool ok = false;
      if (has_unix_) {
        const std::int64_t local = static_cast<std::int64_t>(unix_) + 8 * 3600;
        clock.has_date = true;
        clock.day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
        clock.second = static_cast<std::int32_t>(local - clock.day * 86400);
        ok = true;
      } else {
        std::size_t used = 0;
        std::string error;
        TimeRead r = read_time_prefix(time_, clock, used, error);
        ok = r == TimeRead::kOk && used == time_.size();
        if (!ok)
          notes_.add({"transcript.E306", "transcript", ptr + "/time", 0, 0,
                      (error.empty() ? "\"" + time_ + "\" is not a time" : error) +
                          "; this message is left out of the time rules"});
      }
      if (ok) axis_.place(clock, m, 0, ptr, notes_);
    }
    conv_.messages.push_back(m);
    if (conv_.messages.size() >= kMaxMessagesPerConversation) {
      notes_.add({"transcript.E305", "transcript", ptr, 0, 0,
                  "a conversation of more than " + std::to_string(kMaxMessagesPerConversation) +
                      " messages is checked in parts; a new part starts after this message"});
      flush();
    }
  }

  void flush() {
    if (!conv_.messages.empty()) {
      conv_.index = conversations_++;
      sink_.on_conversation(conv_);
    }
    conv_ = Conversation();
    axis_.reset();
  }

  std::string_view input_;
  const RoleHints& hints_;
  ConversationSink& sink_;
  Notes& notes_;
  std::vector<Error>& errors_;

  std::vector<Frame> stack_;
  std::string key_;
  std::string text_, time_, from_, name_;
  double unix_ = 0;
  bool has_text_ = false, has_time_ = false, has_unix_ = false;
  Conversation conv_;
  TimeAxis axis_;
  std::size_t messages_ = 0, conversations_ = 0;
};

}  // namespace

bool looks_like_json(std::string_view input) {
  std::size_t i = input.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < input.size() &&
         (input[i] == ' ' || input[i] == '\n' || input[i] == '\r' || input[i] == '\t'))
    ++i;
  if (i >= input.size()) return false;
  if (input[i] == '{') return true;
  if (input[i] != '[') return false;
  // `[2024-06-18 10:00] 买家: …` is a text line, `[{` or `[]` is JSON.
  ++i;
  while (i < input.size() &&
         (input[i] == ' ' || input[i] == '\n' || input[i] == '\r' || input[i] == '\t'))
    ++i;
  return i < input.size() && (input[i] == '{' || input[i] == ']');
}

std::size_t read_json_transcript(std::string_view input, const RoleHints& hints,
                                 ConversationSink& sink, Notes& notes, std::vector<Error>& errors) {
  if (input.rfind("\xEF\xBB\xBF", 0) == 0) input.remove_prefix(3);
  JsonReader reader(input, hints, sink, notes, errors);
  const bool ok = nlohmann::json::sax_parse(input.begin(), input.end(), &reader);
  if (ok) reader.finish();
  return ok ? reader.messages() : 0;
}

}  // namespace kefu
