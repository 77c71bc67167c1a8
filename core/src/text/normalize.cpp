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

bool ends_sentence(char32_t c) {
  switch (c) {
    case U'。':
    case U'!':
    case U'?':
    case U';':
    case U'…':
    case U'\n':
    case U'\r':
    case U'\u2028':
    case U'\u2029':
    // Unfolded forms too, for callers holding original characters.
    case U'｡':
    case U'！':
    case U'？':
    case U'；':
      return true;
    default:
      return false;
  }
}

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
  // Sized once and written through pointers, trimmed at the end: push_back on three arrays per
  // character cost more than the folding itself.
  t.folded.resize(n);
  t.match.resize(n);
  t.orig_begin.resize(n);
  t.orig_end.resize(n);
  char32_t* const folded = t.folded.data();
  char32_t* const match = t.match.data();
  std::uint32_t* const begin = t.orig_begin.data();
  std::uint32_t* const end = t.orig_end.data();
  std::size_t m = 0;
  const auto& tables = bmp();
  const char16_t* const fold = tables.fold.get();
  const bool* const separator = tables.separator.get();
  bool broke = false;  // a sentence end since the last match character
  for (std::size_t i = 0; i < n; ++i) {
    char32_t c = original[i];
    char32_t f;
    bool sep;
    if (c < 0x10000) {
      f = fold[c];
      sep = separator[f];
    } else {
      f = fold_char(c);
      sep = is_separator(f);
    }
    folded[i] = f;
    if (sep) {
      broke |= ends_sentence(f);
      continue;
    }
    // A run does not collapse across a sentence end: 已开！开不了 keeps both 开, so that rules
    // matching inside one sentence (rules/scope.h) see where it ends.
    if (m > 0 && match[m - 1] == f && !is_ascii_digit(f) && !broke) {
      end[m - 1] = static_cast<std::uint32_t>(i + 1);
      continue;
    }
    broke = false;
    match[m] = f;
    begin[m] = static_cast<std::uint32_t>(i);
    end[m] = static_cast<std::uint32_t>(i + 1);
    ++m;
  }
  t.match.resize(m);
  t.orig_begin.resize(m);
  t.orig_end.resize(m);
  return t;
}

std::u32string normalize_term(std::u32string_view term) {
  std::u32string out;
  bool broke = false;  // as in normalize()
  for (char32_t c : term) {
    char32_t f = fold_char(c);
    if (is_separator(f)) {
      broke |= ends_sentence(f);
      continue;
    }
    if (!out.empty() && out.back() == f && !is_ascii_digit(f) && !broke) continue;
    broke = false;
    out.push_back(f);
  }
  return out;
}

std::size_t content_length(std::u32string_view original) {
  const auto& tables = bmp();
  std::size_t n = 0;
  for (char32_t c : original)
    n += c < 0x10000 ? !tables.separator[tables.fold[c]] : !is_separator(fold_char(c));
  return n;
}

}  // namespace kefu
