// Command-line arguments -> kefu::Options. The CLI holds no checking logic: it reads, calls the
// core and prints, exactly as the wasm glue does.
#pragma once

#include <string>
#include <vector>

#include "kefu/kefu.h"

namespace kefu::cli {

struct Args {
  std::string command;
  Options options;
  std::vector<std::string> pack_files;  // --pack, read before the call
  std::string input = "-";              // FILE or - (stdin)
  bool input_given = false;
  long long serious = -1, general = -1;  // points
  std::string scenario;                  // phrases --scenario
  bool lines = false;                    // check --lines: one reply per input line
  EvalThresholds thresholds;             // eval --min-recall / --min-clean
  bool help = false;
};

// Fills `args`; on a usage error returns false with a sentence in `error`.
bool parse_args(int argc, char** argv, Args& args, std::string& error);
std::string usage();

}  // namespace kefu::cli
