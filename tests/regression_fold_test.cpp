// Regression: folding must reach a fixed point. The generated table mapped 薴 (U+85B4) to 苧
// (U+82E7), which itself folds to 苎 (U+82CE): a term written 薴 normalized to 苧 while text
// written 苧 normalized to 苎, so the term missed it. Found by fuzz_reply's idempotence check.
#include <gtest/gtest.h>

#include "kefu/kefu.h"
#include "text/normalize.h"

namespace kefu {
namespace {

TEST(RegressionFold, EveryCharacterFoldsToAFixedPoint) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const char32_t once = fold_char(c);
    ASSERT_EQ(fold_char(once), once) << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
}

TEST(RegressionFold, ATermMatchesTextWrittenInAnyFormOfItsCharacter) {
  const std::string pack = R"({"pack":"my","rules":[{"id":"my.r","kind":"terms","category":"rude",
  "severity":"error","title":"t","message":"m","penalty":"","source":"s","terms":["薴麻"],
  "examples":{"bad":["苎麻"],"good":["棉麻"]}}]})";
  Options o;
  o.packs.push_back({"my.json", pack});
  for (const char* text : {"薴麻", "苧麻", "苎麻"}) EXPECT_EQ(check(text, o).status, 1) << text;
}

}  // namespace
}  // namespace kefu
