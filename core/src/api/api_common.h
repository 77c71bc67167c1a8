// Small pieces every api/*.cpp entry point shares: turning errors into an Output, and the
// catch-all that keeps exceptions from crossing the public header.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/error_catalog.h"
#include "kefu/kefu.h"
#include "report/json_out.h"

namespace kefu {

inline Output error_output(const std::vector<Error>& errors, Format format) {
  Output out;
  out.status = 2;
  out.err = join_errors(errors);
  if (format == Format::kJson) out.out = errors_json(errors);
  return out;
}

// Runs `body`; anything it throws becomes a status-2 Output naming the command.
template <typename Body>
Output guarded(const char* command, Format format, Body&& body) {
  try {
    return body();
  } catch (const std::exception& ex) {
    return error_output({errors::internal(command, ex.what(), "en")}, format);
  } catch (...) {
    return error_output({errors::internal(command, "not a standard exception", "en")}, format);
  }
}

}  // namespace kefu
