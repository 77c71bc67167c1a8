// Pack text -> JSON, with errors that name the line and column a user's editor shows.
#include <string>

#include "pack/pack.h"

namespace kefu {
namespace {

// Line and column (1-based, column in code points) of byte offset `at` in `text`.
void line_column(std::string_view text, std::size_t at, int& line, int& column) {
  line = 1;
  column = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
}

// Nesting is checked before parsing so that a hostile pack cannot make the parser recurse deeply.
bool check_depth(std::string_view text, const std::string& file, std::vector<Error>& errors) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > Limits::kMaxJsonDepth) {
        Error e{"pack.E104",
                file,
                "",
                0,
                0,
                "nesting deeper than " + std::to_string(Limits::kMaxJsonDepth) + " levels"};
        line_column(text, i, e.line, e.column);
        errors.push_back(e);
        return false;
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

}  // namespace

bool parse_pack_json(std::string_view text, const std::string& file, nlohmann::json& out,
                     std::vector<Error>& errors) {
  if (text.size() > Limits::kMaxPackBytes) {
    errors.push_back({"pack.E105", file, "", 0, 0,
                      "pack is " + std::to_string(text.size()) + " bytes; the limit is " +
                          std::to_string(Limits::kMaxPackBytes)});
    return false;
  }
  if (!check_depth(text, file, errors)) return false;
  try {
    out = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& ex) {
    Error e{"pack.E100", file, "", 0, 0, ""};
    std::size_t at = ex.byte > 0 ? ex.byte - 1 : 0;
    line_column(text, at, e.line, e.column);
    // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2:
    // syntax error while parsing value - ..."; keep the part after the position.
    std::string what = ex.what();
    auto colon = what.find(": ", what.find("parse error"));
    e.message = "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
    errors.push_back(e);
  } catch (const std::exception& ex) {
    errors.push_back({"pack.E100", file, "", 0, 0, std::string("invalid JSON: ") + ex.what()});
  }
  return false;
}

}  // namespace kefu
