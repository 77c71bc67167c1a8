// `kefu-lint transcript`: the export is read 1 MiB at a time and the report written as it grows,
// so a day's export of any size is checked in bounded memory.
#pragma once

#include "args.h"

namespace kefu::cli {

// Runs the command; returns the exit status.
int run_transcript(const Args& args);

}  // namespace kefu::cli
