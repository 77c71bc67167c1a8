// kefu-lint: reads the input, calls the core function of the subcommand, prints its Output.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "args.h"
#include "kefu/kefu.h"
#include "transcript_cmd.h"

namespace {

// Whole input in 1 MiB reads: a stream iterator costs an eighth of a check of a big file.
bool read_all(const std::string& path, std::string& out, std::string& error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot read \"" + path + "\"";
    return false;
  }
  out.clear();
  std::size_t got = 0;
  do {
    const std::size_t at = out.size();
    out.resize(at + (1u << 20));
    got = std::fread(&out[at], 1, 1u << 20, f);
    out.resize(at + got);
  } while (got > 0);
  const bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (failed) error = "cannot read \"" + path + "\"";
  return !failed;
}

// A command line the CLI cannot act on, printed in the form of every other error (usage.E004).
int fail(const std::string& message) {
  std::cerr << "[usage.E004]: " << message << "\n" << kefu::cli::usage();
  return 2;
}

std::string points_request(const kefu::cli::Args& a) {
  std::string r = "{\"platform\":\"" + a.options.platform + "\"";
  if (a.serious >= 0) r += ",\"serious\":" + std::to_string(a.serious);
  if (a.general >= 0) r += ",\"general\":" + std::to_string(a.general);
  return r + "}";
}

// eval FILE.jsonl, or a directory: every *.jsonl in it, in name order.
int run_eval(const kefu::cli::Args& args) {
  if (!args.input_given) return fail("eval needs a CORPUS.jsonl or a directory of them");
  std::vector<std::string> paths;
  std::error_code ec;
  if (std::filesystem::is_directory(args.input, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(args.input, ec))
      if (entry.path().extension() == ".jsonl") paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) return fail("no *.jsonl file in \"" + args.input + "\"");
  } else {
    paths.push_back(args.input);
  }
  std::vector<kefu::CorpusFile> files;
  std::string error;
  for (const auto& p : paths) {
    kefu::CorpusFile f{p, {}};
    if (!read_all(p, f.text, error)) return fail(error);
    files.push_back(std::move(f));
  }
  const kefu::Output out = kefu::eval(files, args.thresholds, args.options);
  std::cout << out.out;
  std::cout.flush();
  std::cerr << out.err;
  return out.status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  kefu::cli::Args args;
  std::string error;
  if (!kefu::cli::parse_args(argc, argv, args, error)) return fail(error);
  if (args.help) {
    std::cout << kefu::cli::usage();
    return 0;
  }
  for (const auto& path : args.pack_files) {
    kefu::PackFile pack{path, {}};
    if (!read_all(path, pack.json, error)) return fail("--pack: " + error);
    args.options.packs.push_back(std::move(pack));
  }
  args.options.clock_unix = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
  const std::string& cmd = args.command;
  if (cmd == "transcript")
    return kefu::cli::run_transcript(args);  // streams: any size, bounded memory
  if (cmd == "eval") return run_eval(args);
  kefu::Output out;
  std::string input;
  const bool reads_input =
      cmd == "check" || cmd == "deadlines" || cmd == "fix" || cmd == "mask" || cmd == "validate";
  if (reads_input) {
    if (cmd == "validate" && !args.input_given) return fail("validate needs a PACK.json");
    if (!read_all(args.input, input, error)) return fail(error);
  }
  if (cmd == "check" && args.lines)
    out = kefu::check_lines(input, args.options);
  else if (cmd == "check")
    out = kefu::check(input, args.options);
  else if (cmd == "mask")
    out = kefu::mask(input, args.options);
  else if (cmd == "fix")
    out = kefu::fix(input, args.options);
  else if (cmd == "phrases")
    out = kefu::phrases(args.scenario, args.options);
  else if (cmd == "deadlines")
    out = kefu::deadlines(input, args.options);
  else if (cmd == "points")
    out = kefu::points(points_request(args), args.options);
  else if (cmd == "rules")
    out = kefu::rules(args.options);
  else if (cmd == "quiz")
    out = kefu::quiz(args.options);
  else if (cmd == "vocabulary")
    out = kefu::vocabulary(args.options);
  else if (cmd == "validate")
    out = kefu::validate(args.input, input);
  else
    return fail("unknown command \"" + cmd + "\"");
  std::cout << out.out;
  std::cout.flush();
  std::cerr << out.err;
  return out.status;
}
