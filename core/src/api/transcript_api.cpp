// kefu::transcript: read the export conversation by conversation over a view of the input,
// check each as it completes, and write the report as it goes; nothing holds the whole file
// but the caller's own string.
#include "api/api_common.h"
#include "api/engine.h"
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
    totals.figures.add(result_.figures);
    totals.messages += c.messages.size();
    for (const auto& m : c.messages)
      if (m.speaker != Speaker::kUnknown) ++totals.by_speaker[static_cast<int>(m.speaker)];
    totals.findings += result_.findings.size();
    for (const auto& f : result_.findings) ++totals.by_severity[severity_rank(f.finding.rule->severity)];
  }

  TranscriptTotals totals;

 private:
  const TranscriptChecker& checker_;
  TranscriptReport& report_;
  Notes& notes_;
  ConversationResult result_;
};

}  // namespace

Output transcript(std::string_view text, const Options& options) {
  return guarded("transcript", options.format, [&]() -> Output {
    std::vector<Error> errors;
    if (options.format != Format::kText && options.format != Format::kJson && options.format != Format::kCsv)
      return error_output({{"usage.E002", "", "", 0, 0, "transcript prints text, json or csv"}}, options.format);
    if (text.size() > Limits::kMaxInputBytes)
      return error_output({{"input.E103", "", "", 0, 0,
                            "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                                std::to_string(Limits::kMaxInputBytes)}}, options.format);
    const Engine* engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    auto checker = TranscriptChecker::build(*engine, errors);
    if (!checker) return error_output(errors, options.format);

    auto report = make_transcript_report(options.format, engine->packs, checker->settings());
    Notes notes;
    CheckingSink sink(*checker, *report, notes);
    const RoleHints hints = RoleHints::from(options.agent, options.buyer);
    const std::size_t messages = looks_like_json(text)
                                     ? read_json_transcript(text, hints, sink, notes, errors)
                                     : read_text_transcript(text, hints, sink, notes);
    if (!errors.empty()) return error_output(errors, options.format);
    std::vector<Error> all_notes = notes.finish();
    if (messages == 0) {
      std::vector<Error> fatal = {{"transcript.E312", "transcript", "", 0, 0,
                                   "no message found; a message is \"[time] name: text\", \"name: text\" "
                                   "with 买家/客服/G/K/Q, or JSON {\"messages\":[...]}"}};
      fatal.insert(fatal.end(), all_notes.begin(), all_notes.end());
      return error_output(fatal, options.format);
    }
    Output out;
    out.status = sink.totals.by_severity[0] > 0 ? 1 : 0;
    out.out = report->finish(sink.totals, all_notes);
    out.err = join_errors(all_notes);
    return out;
  });
}

}  // namespace kefu
