// kefu::transcript and kefu::TranscriptStream: read the export conversation by conversation,
// check each as it completes and write the report as it goes. The stream keeps one conversation
// and one piece of the input; kefu::transcript is the stream fed at once.
#include <algorithm>
#include <functional>

#include "api/api_common.h"
#include "api/engine.h"
#include "kefu/transcript_stream.h"
#include "transcript/transcript_reader.h"
#include "transcript/transcript_report.h"

namespace kefu {
namespace {

class CheckingSink : public ConversationSink {
 public:
  CheckingSink(const TranscriptChecker& checker, TranscriptReport& report, Notes& notes)
      : checker_(checker), report_(report), notes_(notes) {}

  void on_conversation(Conversation& c) override {
    checker_.check(c, result_, notes_);
    report_.conversation(c, result_);
    if (drain)
      for (std::size_t k = 0; k < report_.parts(); ++k)
        if (report_.held(k) >= kDrainBytes) drain(k, report_.take(k));
    totals.figures.add(result_.figures);
    totals.messages += c.messages.size();
    for (const auto& m : c.messages)
      if (m.speaker != Speaker::kUnknown) ++totals.by_speaker[static_cast<int>(m.speaker)];
    totals.findings += result_.findings.size();
    totals.folded += result_.folded;
    totals.card.add(c, result_, checker_.settings().bar);
    for (const auto& f : result_.findings)
      ++totals.by_severity[severity_rank(f.finding.rule->severity)];
  }

  TranscriptTotals totals;
  std::function<void(std::size_t, std::string)> drain;
  static constexpr std::size_t kDrainBytes = 1 << 20;

 private:
  const TranscriptChecker& checker_;
  TranscriptReport& report_;
  Notes& notes_;
  ConversationResult result_;
};

enum class Mode { kUndecided, kText, kJson };

// looks_like_json for a beginning that may still be cut short: kUndecided until the first
// character that decides has arrived.
Mode decide(std::string_view s, bool at_end) {
  const std::string_view bom = "\xEF\xBB\xBF";
  if (!at_end && s.size() < bom.size() && bom.substr(0, s.size()) == s) return Mode::kUndecided;
  std::size_t i = s.rfind(bom, 0) == 0 ? bom.size() : 0;
  auto skip = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  };
  skip();
  if (i >= s.size()) return at_end ? Mode::kText : Mode::kUndecided;
  if (s[i] == '{') return Mode::kJson;
  if (s[i] != '[') return Mode::kText;
  ++i;
  skip();
  if (i >= s.size()) return at_end ? Mode::kText : Mode::kUndecided;
  return s[i] == '{' || s[i] == ']' ? Mode::kJson : Mode::kText;
}

// Files people drop by mistake, known by their first bytes: named in the error so the user knows
// what to do instead (an .xlsx is a zip of XML: Excel must save it as CSV first).
std::string not_a_chat(std::string_view head) {
  auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  const std::string export_hint =
      "请从工作台导出聊天记录的文本 (.txt)、表格 (.csv) 或 JSON 文件再检查";
  // The page hands over text: a photo it could not decode arrives with its first bytes as U+FFFD.
  const std::string_view lost = "\xEF\xBF\xBD";
  const bool lossy_jpeg =
      starts(lost) && head.find(lost, 3) == 3 &&
      (head.find("JFIF") != std::string_view::npos || head.find("Exif") != std::string_view::npos);
  if (starts("\x89PNG") || starts("\xEF\xBF\xBDPNG") || starts("\xFF\xD8\xFF") || lossy_jpeg ||
      starts("GIF87a") || starts("GIF89a") ||
      (starts("RIFF") && head.size() >= 12 && head.substr(8, 4) == "WEBP"))
    return "这是一张图片，不是聊天记录；" + export_hint + " (an image, not a chat export)";
  if (starts("PK\x03\x04"))
    return "这是 Excel 工作簿 (.xlsx) 或其他压缩文件，不是文本；请在 Excel "
           "里用「另存为」保存成「CSV UTF-8 (逗号分隔)」再检查 "
           "(an .xlsx workbook or zip archive: save it as CSV)";
  if (starts("\xD0\xCF\x11\xE0"))
    return "这是旧版 Excel/Word 文件 (.xls/.doc)，不是文本；请在 Excel 里用「另存为」保存成「CSV "
           "UTF-8 (逗号分隔)」再检查 "
           "(an .xls workbook: save it as CSV)";
  if (starts("%PDF"))
    return "这是 PDF 文件，不是聊天记录；" + export_hint + " (a PDF, not a chat export)";
  return "";
}

struct TranscriptRun {
  // Text is handed to the reader in slices of this size at most, so its buffer stays small even
  // when the caller gives the whole export at once.
  static constexpr std::size_t kSlice = 1 << 20;

  Format format;
  std::vector<Error> errors;  // fatal: the output is these alone
  // The run's share of the engine: the checker and the report point into it between pieces,
  // while other calls may push it out of the cache. Declared before them, so freed after them.
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<TranscriptChecker> checker;
  std::unique_ptr<TranscriptReport> report;
  Notes notes;
  RoleHints hints;
  std::unique_ptr<CheckingSink> sink;
  Mode mode = Mode::kUndecided;
  std::string start;           // the first bytes, until they say text or JSON
  std::string json;            // JSON input is read at the end
  std::string_view json_view;  // ... or borrowed, when kefu::transcript gave it whole
  std::unique_ptr<TextTranscriptStream> text;
  std::size_t total = 0;
  std::string head;  // the first bytes, to name a photo or a workbook dropped by mistake

  explicit TranscriptRun(const Options& options) : format(options.format) {
    if (format != Format::kText && format != Format::kJson && format != Format::kCsv) {
      errors.push_back({"usage.E002", "", "", 0, 0, "transcript prints text, json or csv"});
      return;
    }
    engine = engine_for(options, errors);
    if (!engine) return;
    checker = TranscriptChecker::build(*engine, errors);
    if (!checker) return;
    report = make_transcript_report(format, engine->packs, checker->settings());
    if (!checker->set_now(options.now, errors)) return;
    hints = RoleHints::from(options.agent, options.buyer);
    sink = std::make_unique<CheckingSink>(*checker, *report, notes);
  }

  bool failed() const { return !errors.empty() || total > Limits::kMaxInputBytes; }

  // `borrowed`: the caller keeps `piece` alive until finish() (kefu::transcript's whole input).
  void feed(std::string_view piece, bool borrowed = false) {
    total += piece.size();
    if (head.size() < 32) head.append(piece.substr(0, 32 - head.size()));
    if (failed()) return;
    try {
      if (mode == Mode::kUndecided) {
        std::string_view probe = piece;
        if (!start.empty()) {
          start.append(piece.data(), piece.size());
          probe = start;
          borrowed = false;  // `start` is ours
        }
        mode = decide(probe, false);
        if (mode == Mode::kUndecided) {
          if (start.empty()) start.assign(piece.data(), piece.size());
          return;
        }
        if (mode == Mode::kText)
          text = std::make_unique<TextTranscriptStream>(hints, *sink, notes,
                                                        checker->settings().columns);
        piece = probe;
      }
      if (mode == Mode::kText) {
        for (std::size_t at = 0; at < piece.size(); at += kSlice)
          text->feed(piece.substr(at, kSlice));
      } else if (borrowed && json.empty() && json_view.empty()) {
        json_view = piece;
      } else {
        if (!json_view.empty()) json.assign(json_view.data(), json_view.size());
        json_view = {};
        json.append(piece.data(), piece.size());
      }
      if (!start.empty()) std::string().swap(start);
    } catch (const std::exception& ex) {
      errors.push_back(
          {"internal.E900", "", "", 0, 0, std::string("transcript failed: ") + ex.what()});
    }
  }

  Output finish(std::vector<std::string>& after) {
    after.clear();
    // As kefu::check: a wrong format first, then the size, then anything about the packs.
    const bool bad_format = !errors.empty() && errors.front().code == "usage.E002";
    if (total > Limits::kMaxInputBytes && !bad_format)
      return error_output({{"input.E103", "", "", 0, 0,
                            "input is " + std::to_string(total) + " bytes; the limit is " +
                                std::to_string(Limits::kMaxInputBytes)}},
                          format);
    if (!errors.empty()) return error_output(errors, format);
    if (mode == Mode::kUndecided) {
      mode = decide(start, true);
      if (mode == Mode::kText) {
        text = std::make_unique<TextTranscriptStream>(hints, *sink, notes,
                                                      checker->settings().columns);
        text->feed(start);
      } else {
        json = std::move(start);
      }
    }
    const std::string wrong = not_a_chat(head);
    if (!wrong.empty())
      return error_output({{"transcript.E312", "transcript", "", 0, 0, wrong}}, format);
    std::size_t messages = 0;
    if (mode == Mode::kText) {
      messages = text->finish();
      const TextStats& st = text->stats();
      if (st.mostly_binary()) {
        std::vector<Error> fatal = {
            {"transcript.E312", "transcript", "", static_cast<int>(st.first_binary), 0,
             st.utf16
                 ? std::string(
                       "这个文件是 UTF-16 编码；命令行和网页会自动转换，直接调用时请先转成 UTF-8 "
                       "(this file is UTF-16; save the export as UTF-8 and check it again)")
                 : "这不是聊天记录，而是二进制数据：" + std::to_string(st.lines) + " 行中有 " +
                       std::to_string(st.binary) +
                       " 行含控制字符，第一处在这一行；需要的是导出的文本、CSV 或 JSON 聊天记录 "
                       "(binary data, not a transcript: " +
                       std::to_string(st.binary) + " of " + std::to_string(st.lines) +
                       " lines hold control bytes, the first is this one)"}};
        const std::vector<Error> all_notes = notes.finish();
        fatal.insert(fatal.end(), all_notes.begin(), all_notes.end());
        return error_output(fatal, format);
      }
    } else {
      std::string_view input = json_view.empty() ? std::string_view(json) : json_view;
      messages = read_json_transcript(input, hints, *sink, notes, errors);
      if (!errors.empty()) return error_output(errors, format);
    }
    std::vector<Error> all_notes = notes.finish();
    if (messages == 0) {
      std::vector<Error> fatal = {
          {"transcript.E312", "transcript", "", 0, 0,
           "没有找到任何消息。聊天记录应是每行「[时间] 名字: 消息」、一行「名字 "
           "时间」下一行是消息、"
           "「买家/客服/G/K/Q: 消息」、带表头 (时间,发送方,昵称,内容) 的 CSV，或 JSON "
           "(no message found; a message is \"[time] name: text\", \"name: text\" "
           "with 买家/客服/G/K/Q, or JSON {\"messages\":[...]})"}};
      fatal.insert(fatal.end(), all_notes.begin(), all_notes.end());
      return error_output(fatal, format);
    }
    if (mode == Mode::kText) {
      sink->totals.layout = text->stats().layout();
      sink->totals.columns = text->stats().columns;
    } else {
      sink->totals.layout = Layout::kJson;
    }
    Output out;
    out.status = sink->totals.by_severity[0] > 0 ? 1 : 0;
    out.out = report->finish(sink->totals, all_notes, after);
    out.err = join_errors(all_notes);
    return out;
  }
};

}  // namespace

struct TranscriptStream::Impl : TranscriptRun {
  using TranscriptRun::TranscriptRun;
};

TranscriptStream::TranscriptStream(const Options& options) {
  try {
    impl_ = std::make_unique<Impl>(options);
  } catch (...) {
    impl_.reset();
  }
}

TranscriptStream::~TranscriptStream() = default;

void TranscriptStream::feed(std::string_view piece) {
  if (impl_) impl_->feed(piece);
}

void TranscriptStream::on_part(std::function<void(std::size_t part, std::string text)> drain) {
  if (impl_ && impl_->sink) impl_->sink->drain = std::move(drain);
}

std::size_t TranscriptStream::parts() const {
  return impl_ && impl_->report ? impl_->report->parts() : 0;
}

std::string TranscriptStream::take(std::size_t part) {
  if (!impl_ || !impl_->report || part >= impl_->report->parts()) return "";
  return impl_->report->take(part);
}

Output TranscriptStream::finish(std::vector<std::string>& after) {
  after.clear();
  const Format format = impl_ ? impl_->format : Format::kText;
  return guarded("transcript", format, [&]() -> Output {
    if (!impl_) throw std::runtime_error("could not start");
    return impl_->finish(after);
  });
}

Output transcript(std::string_view text, const Options& options) {
  return guarded("transcript", options.format, [&]() -> Output {
    TranscriptRun run(options);
    run.feed(text, true);
    std::vector<std::string> after;
    Output out = run.finish(after);
    if (out.status == 2) return out;
    std::string whole = std::move(out.out);
    for (std::size_t k = 0; k < after.size(); ++k) {
      whole += run.report->take(k);
      whole += after[k];
    }
    out.out = std::move(whole);
    return out;
  });
}

}  // namespace kefu
