// Escaping for the transcript reports, written straight into the output string: a 50 MB export
// has hundreds of thousands of findings, and building a JSON value or a temporary string for
// each cell cost more than checking them.
#pragma once

#include <string>
#include <string_view>

namespace kefu {

// A JSON string literal, quotes included. Invalid UTF-8 bytes become U+FFFD, as dump_json does.
void append_json_string(std::string& out, std::string_view s);
// One CSV cell (RFC 4180). With `text`, a leading = + - @ gets a ' so Excel keeps it text.
void append_csv_cell(std::string& out, std::string_view s, bool text);

}  // namespace kefu
