#include "transcript/output_escape.h"

namespace kefu {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], 0 when the byte there starts none.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n;
  char32_t cp;
  if (c < 0xC2) return 0;
  if (c < 0xE0)
    n = 2, cp = c & 0x1F;
  else if (c < 0xF0)
    n = 3, cp = c & 0x0F;
  else if (c < 0xF5)
    n = 4, cp = c & 0x07;
  else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the stretch that needs no escaping
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (std::size_t n = utf8_sequence(s, i)) {
        i += n;
        continue;
      }
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += "\xEF\xBF\xBD";  // an invalid byte
        }
    }
    run = ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_csv_cell(std::string& out, std::string_view s, bool text) {
  const bool formula =
      text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
  const bool quote = (!s.empty() && (s.front() == ' ' || s.back() == ' ')) ||
                     s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  if (!quote) {
    out.append(s.data(), s.size());
    return;
  }
  // Double every quote, copying the stretches between them whole.
  for (std::size_t at = 0;;) {
    const std::size_t q = s.find('"', at);
    if (q == std::string_view::npos) {
      out.append(s.data() + at, s.size() - at);
      break;
    }
    out.append(s.data() + at, q + 1 - at);
    out += '"';
    at = q + 1;
  }
  out += '"';
}

}  // namespace kefu
