#include "common/error.h"

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace kefu {

std::string Error::to_string() const {
  std::string s = "[" + code + "]";
  std::string where = file;
  if (line > 0) {
    where += (where.empty() ? "" : ":") + std::to_string(line);
    if (column > 0) where += ":" + std::to_string(column);
  }
  if (!where.empty()) s += " " + where;
  if (!pointer.empty())
    s += " " + pointer;
  else if (file.empty() && line == 0)
    s += "";
  s += ": " + message;
  // Messages can quote the input (nlohmann's "last read: ..." does, byte for byte); a line
  // for people must still be UTF-8, so bad bytes read as U+FFFD as they do in JSON output.
  const DecodedText decoded = decode_utf8(s);
  return decoded.invalid_count == 0 ? s : encode_utf8(decoded.chars);
}

nlohmann::ordered_json Error::to_json() const {
  nlohmann::ordered_json j;
  j["code"] = code;
  j["message"] = message;
  j["text"] = to_string();
  if (!file.empty()) j["file"] = file;
  if (!pointer.empty()) j["pointer"] = pointer;
  if (line > 0) j["line"] = line;
  if (column > 0) j["column"] = column;
  return j;
}

std::string join_errors(const std::vector<Error>& errors) {
  std::string s;
  for (const auto& e : errors) s += e.to_string() + "\n";
  return s;
}

}  // namespace kefu
