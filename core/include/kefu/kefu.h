// kefu-lint public API: one function per CLI subcommand. Strings in, an Output value out.
// Nothing here throws and nothing does I/O; the CLI (cli/) and the wasm glue (wasm/) are thin
// shells over exactly these functions, so both print the same bytes for the same input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu {

// Bumped whenever the JSON shapes or the function set below change; the page refuses a module
// whose version it does not know.
inline constexpr int kAbiVersion = 2;

enum class Format { kText, kJson, kCsv, kMarkdown, kHtml };

// A user pack given on top of the built-in ones: its display name (file name) and its text.
struct PackFile {
  std::string name;
  std::string json;
};

struct Options {
  std::string platform = "taobao";
  bool shop_pack = true;        // the shop's own service code (rules/shop.json)
  std::vector<PackFile> packs;  // user packs, loaded after the built-in ones
  Format format = Format::kText;
  std::string now;              // deadlines: "now" as text; overrides the input's "now"
  std::int64_t clock_unix = 0;  // the shell's clock, used when no "now" is given anywhere
  std::string agent;            // transcript: names to treat as agent / buyer
  std::string buyer;
  std::string lang = "zh";  // deadlines: language of messages, "zh" (default) or "en"
  std::string shop_name;    // rules --format html: the shop named on the handout's cover
  int count = 10;           // quiz: number of questions
  std::uint64_t seed = 1;   // quiz: the same seed gives the same sheet
  std::vector<std::string> categories;  // quiz: only these categories (empty: all)
};

// Exit status and the two streams of a command. In JSON format `out` is always one valid JSON
// document, errors included ({"errors":[...]}), so a program never has to read `err`.
struct Output {
  int status = 0;   // 0: no error-severity finding; 1: findings; 2: bad usage or bad input
  std::string out;  // what goes to stdout, in the requested format
  std::string err;  // warnings and errors for people, one per line (stderr)
};

Output check(std::string_view reply, const Options& options);
// One reply per input line. `out` is JSON Lines whatever the format: {"line":N,"findings":[...]}
// per input line (blank lines included); status 1 when any line has an error finding.
Output check_lines(std::string_view text, const Options& options);

// A finding of check() as values: what a caller needs to show it without the JSON text of every
// finding (the wasm module's typed boundary, docs/wasm-api.md). Rule title, message, penalty,
// source and the rule's suggestion are in the rule's entry of rules() for the same options.
struct FindingValue {
  std::uint32_t rule = 0;      // index into the "rules" array of rules() with the same options
  std::uint32_t severity = 0;  // 0 error, 1 warning, 2 info (the order of vocabulary()'s)
  std::uint32_t start = 0;     // code points of the input, as the JSON's "start"/"end"
  std::uint32_t end = 0;
  std::uint32_t start_utf16 = 0;  // UTF-16 units, as "start_utf16"/"end_utf16"
  std::uint32_t end_utf16 = 0;
  std::string suggestion;  // set only when not the rule's own (a masked number, say)
};
struct CheckValues {
  // check()'s Output with JSON format, its "findings" array left empty (platform, packs,
  // summary and warnings as check() prints them); on bad input its errors and status 2.
  Output output;
  std::vector<FindingValue> findings;  // check()'s findings, in its order
};
// check() as values: the same findings, computed by the same code; options.format is ignored.
CheckValues check_values(std::string_view reply, const Options& options);

// A labeled corpus file for eval: its name (for messages) and its JSON Lines text, one
// {"id","platform","text","categories":[...]} per line ([] = a clean reply).
struct CorpusFile {
  std::string name;
  std::string text;
};
// Eval thresholds; a negative one is not checked.
struct EvalThresholds {
  double min_recall = -1;  // every labeled category's recall
  double min_clean = -1;   // share of clean replies with no error or warning finding
};
// The packs scored on labeled replies: per-category precision, recall and F1, overall recall,
// clean rate, confusion, misses and false alarms (docs/rule-language.md). A line's own platform
// wins over options.platform. Status 1 under a threshold, 2 for a bad line or pack.
Output eval(const std::vector<CorpusFile>& files, const EvalThresholds& thresholds,
            const Options& options);
Output mask(std::string_view text, const Options& options);
Output rules(const Options& options);
// A practice quiz drawn from the loaded packs' examples: {"questions":[{"text","choices",
// "answer","explanation","rule"}]} (json) or a printable sheet with its answer key (html).
// Deterministic: the same packs, count and seed give the same quiz in the CLI and the page.
Output quiz(const Options& options);
Output validate(std::string_view file_name, std::string_view pack_json);
Output transcript(std::string_view text, const Options& options);
Output deadlines(std::string_view facts_json, const Options& options);
Output points(std::string_view request_json, const Options& options);
// The reply rewritten so that it passes: each finding's sentence replaced from the packs'
// `rewrites`, every rewrite re-checked before it is offered. JSON:
// {"platform","text","changes":[{"rule","start","end","start_utf16","end_utf16","before","after"}],
//  "findings":[...those that remain, each with "advice"]}; offsets of changes are code points
// (and UTF-16 units) of the input, those of findings of the fixed text.
Output fix(std::string_view reply, const Options& options);
// The packs' approved replies (话术库) offered on the platform, in the platform's wording,
// optionally of one scenario. JSON: {"platform","scenarios":[...],"phrases":[{"id","scenario",
// "title","text"}]}.
Output phrases(std::string_view scenario, const Options& options);

// Reads the options object the page and the wasm glue send:
// {"platform","shop","format","now","clock","agent","buyer","packs":[{"name","json"}]}.
// Returns false and fills `error` (a sentence) when it is not of that form.
bool options_from_json(std::string_view json, Options& options, std::string& error);

// The platforms a user may choose, in display order (the built-in ones).
std::vector<std::string> platforms();
// The shared words, read from the packs (rules/vocabulary.json and every pack with "platform"):
// {"platforms":[{"name","title","title_en","builtin"}], "categories":[{"name","scope","title",
// "title_en"}], "severities":[{"name","title","title_en"}] (most serious first),
// "deadline_kinds":[...], "deadline_statuses":[{"name","title","title_en"}], "order_events":[...],
// "shipping_methods":[...]} (json) or a listing (text). A user pack with "platform" adds its
// platform after the built-in ones; a pack that does not load is an error (status 2).
Output vocabulary(const Options& options);

// The Output of a call refused before any command ran (the page's module given options it
// cannot read): status 2, `err` the error in the printed form every error has, and in JSON
// format `out` the {"errors":[...]} document a command's own errors give. `code` is one of
// the error catalog (docs/errors.md).
Output refused(std::string_view code, std::string_view message, Format format);

}  // namespace kefu
