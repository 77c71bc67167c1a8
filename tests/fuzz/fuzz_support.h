// Shared by the fuzz targets: a reference UTF-8 decoder written independently of the core's,
// property checks that abort with a readable reason (so libFuzzer keeps the input as a crash),
// and the checks every JSON answer of the public API must pass.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <string_view>

namespace kefu::fuzz {

[[noreturn]] inline void fail(const std::string& why, std::string_view detail = {}) {
  std::fprintf(stderr, "\n*** property violated: %s\n", why.c_str());
  if (!detail.empty())
    std::fprintf(stderr, "%.*s\n", static_cast<int>(std::min<std::size_t>(detail.size(), 4000)),
                 detail.data());
  std::abort();
}

inline void require(bool ok, const std::string& why, std::string_view detail = {}) {
  if (!ok) fail(why, detail);
}

// Decodes by the well-formed byte sequences of Unicode Table 3-7; every byte that does not start
// one becomes one U+FFFD, which is the core's documented contract (utf8.h).
inline std::u32string reference_decode(std::string_view s, std::size_t* invalid = nullptr) {
  std::u32string out;
  std::size_t bad = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    std::size_t len = 0;
    if (b < 0x80)
      len = 1;
    else if (in(b, 0xC2, 0xDF))
      len = (i + 1 < n && in(p[i + 1], 0x80, 0xBF)) ? 2 : 0;
    else if (b >= 0xE0 && b <= 0xEF && i + 2 < n) {
      unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
      len = (in(p[i + 1], lo, hi) && in(p[i + 2], 0x80, 0xBF)) ? 3 : 0;
    } else if (b >= 0xF0 && b <= 0xF4 && i + 3 < n) {
      unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
      len = (in(p[i + 1], lo, hi) && in(p[i + 2], 0x80, 0xBF) && in(p[i + 3], 0x80, 0xBF)) ? 4 : 0;
    }
    if (len == 0) {
      out.push_back(0xFFFD);
      ++bad;
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  if (invalid) *invalid = bad;
  return out;
}

inline bool is_valid_utf8(std::string_view s) {
  std::size_t bad = 0;
  reference_decode(s, &bad);
  return bad == 0;
}

inline std::string reference_encode(std::u32string_view chars) {
  std::string out;
  for (char32_t c : chars) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

inline std::size_t utf16_units(std::u32string_view chars) {
  std::size_t n = 0;
  for (char32_t c : chars) n += c > 0xFFFF ? 2 : 1;
  return n;
}

// Parses an answer that must be one JSON document (the contract of Format::kJson).
inline nlohmann::json parse_answer(const std::string& out, const char* what) {
  auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded()) fail(std::string(what) + ": out is not one JSON document", out);
  return j;
}

// Status 2 always comes with errors that carry a stable code and a sentence, on both streams.
inline void require_errors(const nlohmann::json& answer, const std::string& err, const char* what) {
  static const std::regex kCode("[a-z]+\\.E[0-9]{3}");
  require(!err.empty(), std::string(what) + ": status 2 with nothing on stderr");
  require(is_valid_utf8(err), std::string(what) + ": error lines are not valid UTF-8", err);
  require(answer.is_object() && answer.contains("errors") && answer["errors"].is_array() &&
              !answer["errors"].empty(),
          std::string(what) + ": status 2 without an errors array", answer.dump());
  for (const auto& e : answer["errors"]) {
    require(e.is_object() && e.contains("code") && e["code"].is_string() &&
                std::regex_match(e["code"].get<std::string>(), kCode),
            std::string(what) + ": error without a stable code", e.dump());
    // internal.E900 is the catch-all at the API edge: something threw that should have been
    // an error value.
    require(e["code"] != "internal.E900", std::string(what) + ": an exception reached the API edge",
            e.dump());
    require(e.contains("message") && e["message"].is_string() &&
                !e["message"].get<std::string>().empty(),
            std::string(what) + ": error without a message", e.dump());
  }
}

// The reply-finding contract: offsets in code points of the original (invalid bytes count as one
// U+FFFD each), UTF-16 offsets that agree with a recount, and text that slices back exactly.
inline void require_findings_slice_back(const nlohmann::json& findings,
                                        std::u32string_view original, const char* what) {
  require(findings.is_array(), std::string(what) + ": findings is not an array");
  for (const auto& f : findings) {
    const auto start = f.at("start").get<std::uint64_t>();
    const auto end = f.at("end").get<std::uint64_t>();
    require(start < end && end <= original.size(),
            std::string(what) + ": offsets outside the reply or empty", f.dump());
    const auto slice = original.substr(start, end - start);
    require(f.at("text").get<std::string>() == reference_encode(slice),
            std::string(what) + ": text is not the original characters [start,end)", f.dump());
    const auto u16_start = utf16_units(original.substr(0, start));
    require(f.at("start_utf16").get<std::uint64_t>() == u16_start &&
                f.at("end_utf16").get<std::uint64_t>() == u16_start + utf16_units(slice),
            std::string(what) + ": UTF-16 offsets disagree with a recount", f.dump());
  }
}

}  // namespace kefu::fuzz
