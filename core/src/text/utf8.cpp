#include "text/utf8.h"

#include <algorithm>
#include <cstring>

namespace kefu {

DecodedText decode_utf8(std::string_view s) {
  DecodedText out;
  const std::size_t n = s.size();
  // Written through a pointer, trimmed at the end (a push_back per character was a tenth of a
  // whole check). Sized by the bytes that start a character: enough for every valid character
  // (half of n for Chinese text). A stray continuation byte also becomes a U+FFFD, so the first
  // invalid byte makes room for one per byte left.
  std::size_t continuations = 0, k = 0;
  for (; k + 8 <= n; k += 8) {  // eight bytes at a time: bytes 10xxxxxx have bit 7 set, bit 6 clear
    std::uint64_t x;
    std::memcpy(&x, s.data() + k, 8);
    continuations +=
        static_cast<std::size_t>(__builtin_popcountll(x & ~(x << 1) & 0x8080808080808080ull));
  }
  for (; k < n; ++k) continuations += (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  out.chars.resize(n - continuations);
  char32_t* o = out.chars.data();
  std::size_t w = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  bool room_for_every_byte = false;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      o[w++] = b;
      ++i;
      continue;
    }
    // Three bytes, the common case in Chinese text: valid unless overlong or a surrogate.
    if ((b & 0xF0) == 0xE0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      const char32_t cp =
          (char32_t(b & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        o[w++] = cp;
        i += 3;
        continue;
      }
    }
    int len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1F;
      min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0F;
      min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07;
      min = 0x10000;
    }
    bool ok = len != 0 && i + len <= n;
    for (int k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are as invalid as stray bytes.
    if (ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
      o[w++] = cp;
      i += len;
      continue;
    }
    if (!room_for_every_byte) {
      out.chars.resize(std::max(out.chars.size(), w + (n - i)));
      o = out.chars.data();
      room_for_every_byte = true;
    }
    if (out.invalid.size() < DecodedText::kMaxReported) out.invalid.push_back({i, p[i], w});
    ++out.invalid_count;
    o[w++] = 0xFFFD;
    ++i;
  }
  out.chars.resize(w);
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view chars) {
  std::string out;
  out.reserve(chars.size() * 3);
  for (char32_t c : chars) append_utf8(out, c);
  return out;
}

std::size_t utf16_length(std::u32string_view chars) {
  std::size_t n = chars.size();
  for (char32_t c : chars) n += c > 0xFFFF;
  return n;
}

}  // namespace kefu
