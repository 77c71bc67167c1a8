// UTF-8 in, code points out. Invalid bytes never stop decoding: each becomes U+FFFD (one code
// point per bad byte, so offsets stay predictable) and is reported with its byte offset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu {

struct InvalidByte {
  std::size_t byte_offset;
  unsigned char value;
  std::size_t char_index;  // the U+FFFD that stands for it
};

struct DecodedText {
  std::u32string chars;
  std::vector<InvalidByte> invalid;  // the first kMaxReported only
  std::size_t invalid_count = 0;
  static constexpr std::size_t kMaxReported = 20;
};

DecodedText decode_utf8(std::string_view bytes);
void append_utf8(std::string& out, char32_t c);
std::string encode_utf8(std::u32string_view chars);
// Number of UTF-16 code units of chars[0, n): what JavaScript string offsets count.
std::size_t utf16_length(std::u32string_view chars);

}  // namespace kefu
