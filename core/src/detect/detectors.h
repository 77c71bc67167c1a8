// Detectors for personal data and contact handles. They read the folded text (one character
// per original character: full-width digits already ASCII) and return original positions with
// a masked version of what they found, for 脱敏.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"

namespace kefu {

struct DetectedSpan {
  std::uint32_t start, end;  // original code points
  std::string masked;        // the span with its identifying characters replaced by *
};

struct AddressMarkers {
  std::vector<std::u32string> admin;   // 省 市 区 县 …
  std::vector<std::u32string> street;  // 路 街 巷 …
  std::vector<std::u32string> unit;    // 号 栋 单元 室 …
};

std::vector<DetectedSpan> find_mobiles(std::u32string_view folded, std::u32string_view original);
std::vector<DetectedSpan> find_id_cards(std::u32string_view folded, std::u32string_view original);
std::vector<DetectedSpan> find_bank_cards(std::u32string_view folded, std::u32string_view original);
// The same, reading the text's number runs (found once per text and kept in `text`).
std::vector<DetectedSpan> find_mobiles(const NormalizedText& text, std::u32string_view original);
std::vector<DetectedSpan> find_id_cards(const NormalizedText& text, std::u32string_view original);
std::vector<DetectedSpan> find_bank_cards(const NormalizedText& text, std::u32string_view original);
std::vector<NumberRun> find_number_runs(std::u32string_view folded);
std::vector<DetectedSpan> find_emails(std::u32string_view folded, std::u32string_view original);
// A WeChat/QQ id right after a cue word that ends at original index `after`.
bool find_handle_after(std::u32string_view folded, std::u32string_view original,
                       std::uint32_t after, DetectedSpan& out);
std::vector<DetectedSpan> find_addresses(std::u32string_view folded, std::u32string_view original,
                                         const AddressMarkers& markers);

bool id_card_checksum_ok(std::u32string_view digits18);  // ISO 7064 MOD 11-2
bool luhn_ok(std::u32string_view digits);

}  // namespace kefu
