// An error as a value: a stable code, the place, and a sentence a user understands.
// Rendered as `[pack.E201] my.json /rules/3/terms/0: must be a string` (pointer form) or
// `[input.E101] reply:1:7: invalid UTF-8 byte 0xff` (line/column form).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace kefu {

struct Error {
  std::string code;     // e.g. "pack.E201"; the prefix names the layer that found it
  std::string file;     // pack or input name, may be empty
  std::string pointer;  // JSON pointer into `file`, may be empty
  int line = 0;         // 1-based, 0 when not known
  int column = 0;       // 1-based, in code points, 0 when not known
  std::string message;  // a sentence, no trailing period

  std::string to_string() const;
  nlohmann::ordered_json to_json() const;
};

std::string join_errors(const std::vector<Error>& errors);  // one per line

}  // namespace kefu
