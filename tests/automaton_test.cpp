#include "match/automaton.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

namespace kefu {
namespace {

using HitSet = std::set<std::pair<std::uint32_t, std::uint32_t>>;  // (pattern, end)

HitSet scan(const Automaton& a, const std::u32string& text) {
  HitSet hits;
  a.scan(text, [&](std::uint32_t id, std::uint32_t end) { hits.insert({id, end}); });
  return hits;
}

HitSet naive(const std::vector<std::u32string>& patterns, const std::u32string& text) {
  HitSet hits;
  for (std::uint32_t id = 0; id < patterns.size(); ++id)
    for (std::size_t at = text.find(patterns[id]); at != std::u32string::npos;
         at = text.find(patterns[id], at + 1))
      hits.insert({id, static_cast<std::uint32_t>(at + patterns[id].size())});
  return hits;
}

TEST(Automaton, FindsOverlappingAndNestedPatterns) {
  std::vector<std::u32string> p = {U"he", U"she", U"his", U"hers", U"不是", U"是不是"};
  Automaton a(p);
  EXPECT_EQ(scan(a, U"ushers"), naive(p, U"ushers"));
  HitSet h = scan(a, U"你是不是");
  EXPECT_TRUE(h.count({4, 4}));
  EXPECT_TRUE(h.count({5, 4}));
}

TEST(Automaton, DuplicatePatternsEachReport) {
  std::vector<std::u32string> p = {U"发票", U"发票"};
  Automaton a(p);
  EXPECT_EQ(scan(a, U"开发票").size(), 2u);
}

TEST(Automaton, AstralCharactersMatch) {
  std::vector<std::u32string> p = {U"😀好", U"𠀀"};
  Automaton a(p);
  EXPECT_EQ(scan(a, U"x😀好𠀀"), (HitSet{{0, 3}, {1, 4}}));
}

TEST(Automaton, AgreesWithNaiveSearchOnRandomInput) {
  std::mt19937 rng(7);
  const std::u32string alphabet = U"ab不是嗯😀";
  for (int round = 0; round < 200; ++round) {
    std::vector<std::u32string> p;
    for (int i = 0; i < 8; ++i) {
      std::u32string s;
      for (int k = 0, n = 1 + rng() % 4; k < n; ++k) s += alphabet[rng() % alphabet.size()];
      p.push_back(s);
    }
    std::u32string text;
    for (int k = 0; k < 60; ++k) text += alphabet[rng() % alphabet.size()];
    Automaton a(p);
    ASSERT_EQ(scan(a, text), naive(p, text)) << "round " << round;
  }
}

TEST(Automaton, EmptyAutomatonFindsNothing) {
  Automaton a(std::vector<std::u32string>{});
  EXPECT_TRUE(scan(a, U"任何文字").empty());
}

}  // namespace
}  // namespace kefu
