// kefu::refused: the shells' own errors (the wasm glue's unreadable options, a failure outside
// the core) in the very form the core gives its errors, so a caller reads one shape.
#include "api/api_common.h"

namespace kefu {

Output refused(std::string_view code, std::string_view message, Format format) {
  return error_output({{std::string(code), "", "", 0, 0, std::string(message)}}, format);
}

}  // namespace kefu
