#include "detect/detectors.h"

#include <algorithm>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

// A number the detectors look at: where it is and its digits (without group separators).
struct NumberToken {
  std::uint32_t start, end;  // original positions
  std::u32string digits;
  char32_t tail = 0;  // an 'x' right after 17 digits (ID numbers end in X)
};

bool is_group_separator(char32_t c) { return c == ' ' || c == '-'; }

// Only runs whose digit count (and X tail) `wanted` accepts become tokens: a transcript's many
// other numbers (times, dates, prices) cost no allocation.
using DigitCountFilter = bool (*)(std::size_t digits, bool tail);
std::vector<NumberToken> number_tokens(std::u32string_view f, const std::vector<NumberRun>& runs,
                                       DigitCountFilter wanted) {
  std::vector<NumberToken> out;
  for (const NumberRun& r : runs) {
    if (!wanted(r.digits, r.tail)) continue;
    NumberToken t{r.start, r.end, {}, r.tail ? U'x' : U'\0'};
    t.digits.reserve(r.digits);
    for (std::uint32_t k = r.start; k < r.end; ++k)
      if (is_ascii_digit(f[k])) t.digits.push_back(f[k]);
    out.push_back(std::move(t));
  }
  return out;
}

// What each detector can accept at all; the detectors check the digits themselves.
bool mobile_shape(std::size_t digits, bool tail) { return !tail && (digits == 11 || digits == 13); }
bool id_card_shape(std::size_t digits, bool tail) { return tail ? digits == 17 : digits == 18; }
bool bank_card_shape(std::size_t digits, bool tail) {
  return !tail && digits >= 16 && digits <= 19;
}

const std::vector<NumberRun>& runs_of(const NormalizedText& text) {
  if (!text.number_runs_found) {
    text.number_runs = find_number_runs(text.folded);
    text.number_runs_found = true;
  }
  return text.number_runs;
}

// Masks digits (and a trailing X) of original[start, end), keeping `keep_head` and `keep_tail`.
std::string mask_digits(std::u32string_view f, std::u32string_view original, std::uint32_t start,
                        std::uint32_t end, std::size_t keep_head, std::size_t keep_tail) {
  std::size_t total = 0;
  for (std::uint32_t i = start; i < end; ++i) total += is_ascii_digit(f[i]) || f[i] == 'x';
  std::string out;
  std::size_t k = 0;
  for (std::uint32_t i = start; i < end; ++i) {
    bool digit = is_ascii_digit(f[i]) || f[i] == 'x';
    if (digit && k >= keep_head && k + keep_tail < total)
      out.push_back('*');
    else
      append_utf8(out, original[i]);
    k += digit;
  }
  return out;
}

bool is_handle_char(char32_t c) {
  return is_latin_letter(c) || is_ascii_digit(c) || c == '_' || c == '-';
}

bool starts_with_at(std::u32string_view f, std::size_t i, const std::u32string& m) {
  return f.substr(i, m.size()) == m;
}

}  // namespace

// The number detectors over runs found elsewhere (once per text, or here for a bare string).
std::vector<DetectedSpan> find_mobiles_in(std::u32string_view f, std::u32string_view original,
                                          const std::vector<NumberRun>& runs);
std::vector<DetectedSpan> find_id_cards_in(std::u32string_view f, std::u32string_view original,
                                           const std::vector<NumberRun>& runs);
std::vector<DetectedSpan> find_bank_cards_in(std::u32string_view f, std::u32string_view original,
                                             const std::vector<NumberRun>& runs);

std::vector<NumberRun> find_number_runs(std::u32string_view f) {
  std::vector<NumberRun> out;
  const std::size_t n = f.size();
  std::size_t i = 0;
  while (i < n) {
    while (i < n && !is_ascii_digit(f[i])) ++i;  // most characters: one compare each
    if (i == n) break;
    if (i > 0 && (is_ascii_digit(f[i - 1]) || is_latin_letter(f[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t j = i, digits = 0;
    while (j < n) {
      if (is_ascii_digit(f[j])) {
        ++digits;
        ++j;
      } else if (is_group_separator(f[j]) && j + 1 < n && is_ascii_digit(f[j + 1]) && digits >= 3) {
        ++j;
      } else {
        break;
      }
    }
    bool tail = false;
    if (j < n && (f[j] == 'x') && digits == 17) {
      tail = true;
      ++j;
    }
    const bool letter_after = j < n && is_latin_letter(f[j]);
    if (!letter_after)
      out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j),
                     static_cast<std::uint32_t>(digits), tail});
    i = j;
  }
  return out;
}

bool id_card_checksum_ok(std::u32string_view d) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[11] = {'1', '0', 'x', '9', '8', '7', '6', '5', '4', '3', '2'};
  if (d.size() != 18) return false;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (!is_ascii_digit(d[i])) return false;
    sum += (d[i] - '0') * kWeights[i];
  }
  char32_t last = d[17] == 'X' ? 'x' : d[17];
  return last == static_cast<char32_t>(kCheck[sum % 11]);
}

bool luhn_ok(std::u32string_view d) {
  int sum = 0;
  bool dbl = false;
  for (std::size_t i = d.size(); i-- > 0;) {
    int v = d[i] - '0';
    if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

std::vector<DetectedSpan> find_mobiles(std::u32string_view f, std::u32string_view original) {
  return find_mobiles_in(f, original, find_number_runs(f));
}

std::vector<DetectedSpan> find_mobiles(const NormalizedText& text, std::u32string_view original) {
  return find_mobiles_in(text.folded, original, runs_of(text));
}

std::vector<DetectedSpan> find_mobiles_in(std::u32string_view f, std::u32string_view original,
                                          const std::vector<NumberRun>& runs) {
  std::vector<DetectedSpan> out;
  for (const auto& t : number_tokens(f, runs, mobile_shape)) {
    std::u32string_view d = t.digits;
    std::size_t skip = 0;
    if (d.size() == 13 && d.substr(0, 2) == U"86") skip = 2;  // +86 / 86 prefix
    if (t.tail || d.size() - skip != 11 || d[skip] != '1' || d[skip + 1] < '3') continue;
    out.push_back({t.start, t.end, mask_digits(f, original, t.start, t.end, 3 + skip, 4)});
  }
  return out;
}

std::vector<DetectedSpan> find_id_cards(std::u32string_view f, std::u32string_view original) {
  return find_id_cards_in(f, original, find_number_runs(f));
}

std::vector<DetectedSpan> find_id_cards(const NormalizedText& text, std::u32string_view original) {
  return find_id_cards_in(text.folded, original, runs_of(text));
}

std::vector<DetectedSpan> find_id_cards_in(std::u32string_view f, std::u32string_view original,
                                           const std::vector<NumberRun>& runs) {
  std::vector<DetectedSpan> out;
  for (const auto& t : number_tokens(f, runs, id_card_shape)) {
    std::u32string d = t.digits;
    if (t.tail) d.push_back('x');
    if (d.size() != 18 || !id_card_checksum_ok(d)) continue;
    out.push_back({t.start, t.end, mask_digits(f, original, t.start, t.end, 3, 4)});
  }
  return out;
}

std::vector<DetectedSpan> find_bank_cards(std::u32string_view f, std::u32string_view original) {
  return find_bank_cards_in(f, original, find_number_runs(f));
}

std::vector<DetectedSpan> find_bank_cards(const NormalizedText& text,
                                          std::u32string_view original) {
  return find_bank_cards_in(text.folded, original, runs_of(text));
}

std::vector<DetectedSpan> find_bank_cards_in(std::u32string_view f, std::u32string_view original,
                                             const std::vector<NumberRun>& runs) {
  std::vector<DetectedSpan> out;
  for (const auto& t : number_tokens(f, runs, bank_card_shape)) {
    if (t.tail || t.digits.size() < 16 || t.digits.size() > 19 || !luhn_ok(t.digits)) continue;
    // An ID number that happens to pass Luhn is reported as an ID number, not twice.
    if (t.digits.size() == 18 && id_card_checksum_ok(t.digits)) continue;
    out.push_back({t.start, t.end, mask_digits(f, original, t.start, t.end, 0, 4)});
  }
  return out;
}

std::vector<DetectedSpan> find_emails(std::u32string_view f, std::u32string_view original) {
  std::vector<DetectedSpan> out;
  auto local = [](char32_t c) { return is_handle_char(c) || c == '.' || c == '+'; };
  auto domain = [](char32_t c) {
    return is_latin_letter(c) || is_ascii_digit(c) || c == '-' || c == '.';
  };
  std::size_t last_end = 0;
  for (std::size_t at = 0; at < f.size(); ++at) {
    at = std::find(f.begin() + at, f.end(), U'@') - f.begin();  // unrolled: few texts have an @
    if (at == f.size()) break;
    std::size_t s = at;
    while (s > last_end && local(f[s - 1])) --s;
    std::size_t e = at + 1;
    while (e < f.size() && domain(f[e])) ++e;
    while (e > at + 1 && f[e - 1] == '.') --e;
    std::u32string_view dom = f.substr(at + 1, e - at - 1);
    std::size_t dot = dom.rfind('.');
    if (s == at || dot == std::u32string_view::npos || dot == 0 || dom.size() - dot - 1 < 2)
      continue;
    std::string masked;
    append_utf8(masked, original[s]);
    masked += "***";
    masked += encode_utf8(original.substr(at, e - at));
    out.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e), masked});
    last_end = e;
  }
  return out;
}

bool find_handle_after(std::u32string_view f, std::u32string_view original, std::uint32_t after,
                       DetectedSpan& out) {
  // Skip what people put between the cue and the id: 号, 是, 为, a colon, spaces (at most 4).
  std::size_t i = after, skipped = 0;
  while (i < f.size() && skipped < 4 &&
         (is_separator(f[i]) || f[i] == U'号' || f[i] == U'是' || f[i] == U'为' || f[i] == U'加')) {
    ++i;
    ++skipped;
  }
  std::size_t j = i;
  while (j < f.size() && is_handle_char(f[j]) && j - i < 21) ++j;
  std::size_t len = j - i;
  if (j < f.size() && is_handle_char(f[j])) return false;  // too long to be an id
  bool all_digits = true;
  for (std::size_t k = i; k < j; ++k) all_digits &= is_ascii_digit(f[k]);
  bool wechat = len >= 6 && len <= 20 && is_latin_letter(f[i]);
  bool qq = all_digits && len >= 5 && len <= 12;
  if (!wechat && !qq) return false;
  std::string masked;
  for (std::size_t k = i; k < j; ++k) {
    if (k - i < 2)
      append_utf8(masked, original[k]);
    else
      masked.push_back('*');
  }
  out = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), masked};
  return true;
}

std::vector<DetectedSpan> find_addresses(std::u32string_view f, std::u32string_view original,
                                         const AddressMarkers& m) {
  // An address here is: some name + a street marker, then digits + a unit marker (88号, 3栋);
  // it starts at the first admin marker's name (up to 6 characters before a 省/市/区) or the
  // street name, and runs over every following number+unit group.
  std::vector<DetectedSpan> out;
  // Street markers' first characters, by their low byte: most positions start no marker, and
  // one table look-up rules them out before any comparison.
  bool street_head[256] = {};
  for (const auto& w : m.street)
    if (!w.empty()) street_head[w.front() & 0xFF] = true;
  auto match_any = [&](std::size_t i, const std::vector<std::u32string>& list) -> std::size_t {
    for (const auto& w : list)
      if (!w.empty() && starts_with_at(f, i, w)) return w.size();
    return 0;
  };
  auto is_name_char = [&](char32_t c) { return !is_separator(c) && !is_ascii_digit(c); };
  std::size_t i = 0, last_end = 0;
  while (i < f.size()) {
    if (!street_head[f[i] & 0xFF]) {
      ++i;
      continue;
    }
    std::size_t sl = match_any(i, m.street);
    if (sl == 0 || i == 0 || !is_name_char(f[i - 1])) {
      ++i;
      continue;
    }
    // Number + unit groups right after the street marker.
    std::size_t j = i + sl, end = 0;
    while (true) {
      std::size_t k = j;
      while (k < f.size() && (is_ascii_digit(f[k]) || f[k] == '-')) ++k;
      if (k == j) break;
      std::size_t ul = match_any(k, m.unit);
      if (ul == 0) break;
      j = k + ul;
      end = j;
    }
    if (end == 0) {
      i += sl;
      continue;
    }
    std::size_t start = i;
    while (start > last_end && i - start < 24 && is_name_char(f[start - 1])) --start;
    std::string masked;
    std::size_t keep = start;
    for (std::size_t k = start; k < i; ++k)
      if (match_any(k, m.admin)) keep = k + 1;
    for (std::size_t k = start; k < end; ++k) {
      bool marker = match_any(k, m.street) || match_any(k, m.unit);
      if (k < keep || marker)
        append_utf8(masked, original[k]);
      else
        masked.push_back('*');
    }
    out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), masked});
    last_end = end;
    i = end;
  }
  return out;
}

}  // namespace kefu
