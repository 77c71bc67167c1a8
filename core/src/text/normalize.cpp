#include "text/normalize.h"

#include <algorithm>
#include <array>
#include <memory>

namespace kefu {
namespace {

struct FoldPair {
  char32_t from, to;
};
struct SeparatorRange {
  char32_t lo, hi;
};
#include "text/fold_table.inc"

// Per-BMP-character lookups, built once from the generated tables: folding and the separator
// test are on the hot path of every check.
struct BmpTables {
  std::unique_ptr<char16_t[]> fold{new char16_t[0x10000]};
  std::unique_ptr<bool[]> separator{new bool[0x10000]};
  BmpTables() {
    for (char32_t c = 0; c < 0x10000; ++c) fold[c] = static_cast<char16_t>(c);
    for (const auto& p : kFoldPairs)
      if (p.from < 0x10000 && p.to < 0x10000) fold[p.from] = static_cast<char16_t>(p.to);
    std::fill(separator.get(), separator.get() + 0x10000, false);
    for (const auto& r : kSeparatorRanges)
      for (char32_t c = r.lo; c <= r.hi && c < 0x10000; ++c) separator[c] = true;
  }
};

const BmpTables& bmp() {
  static const BmpTables tables;
  return tables;
}

}  // namespace

char32_t fold_char(char32_t c) {
  if (c < 0x10000) return bmp().fold[c];
  auto it = std::lower_bound(std::begin(kFoldPairs), std::end(kFoldPairs), c,
                             [](const FoldPair& p, char32_t v) { return p.from < v; });
  return (it != std::end(kFoldPairs) && it->from == c) ? it->to : c;
}

bool is_separator(char32_t c) {
  if (c < 0x10000) return bmp().separator[c];
  auto it = std::upper_bound(std::begin(kSeparatorRanges), std::end(kSeparatorRanges), c,
                             [](char32_t v, const SeparatorRange& r) { return v < r.lo; });
  if (it == std::begin(kSeparatorRanges)) return false;
  --it;
  return c >= it->lo && c <= it->hi;
}

NormalizedText normalize(std::u32string_view original) {
  NormalizedText t;
  const std::size_t n = original.size();
  t.folded.resize(n);
  t.match.reserve(n);
  t.orig_begin.reserve(n);
  t.orig_end.reserve(n);
  const auto& tables = bmp();
  for (std::size_t i = 0; i < n; ++i) {
    char32_t c = original[i];
    char32_t f;
    bool sep;
    if (c < 0x10000) {
      f = tables.fold[c];
      sep = tables.separator[f];
    } else {
      f = fold_char(c);
      sep = is_separator(f);
    }
    t.folded[i] = f;
    if (sep) continue;
    if (!t.match.empty() && t.match.back() == f && !is_ascii_digit(f)) {
      t.orig_end.back() = static_cast<std::uint32_t>(i + 1);
      continue;
    }
    t.match.push_back(f);
    t.orig_begin.push_back(static_cast<std::uint32_t>(i));
    t.orig_end.push_back(static_cast<std::uint32_t>(i + 1));
  }
  return t;
}

std::u32string normalize_term(std::u32string_view term) {
  std::u32string out;
  for (char32_t c : term) {
    char32_t f = fold_char(c);
    if (is_separator(f)) continue;
    if (!out.empty() && out.back() == f && !is_ascii_digit(f)) continue;
    out.push_back(f);
  }
  return out;
}

std::size_t content_length(std::u32string_view original) {
  std::size_t n = 0;
  for (char32_t c : original) n += !is_separator(fold_char(c));
  return n;
}

}  // namespace kefu
