// Hostile inputs end with a clear result or a clear error; ctest's timeout bounds the time.
#include <gtest/gtest.h>

#include "pack/pack.h"
#include "test_support.h"

namespace kefu {
namespace {

Options json_options() {
  Options o;
  o.format = Format::kJson;
  return o;
}

TEST(HostileInput, TenMegabyteSingleLine) {
  std::string line;
  const std::string chunk = "亲，这款商品现在有货，加微信聊😀，发票可以开的哦。";
  while (line.size() < (10u << 20)) line += chunk;
  Options o = json_options();
  o.packs.push_back(
      {"kinds.json", test::read_file(test::source_path("tests/fixtures/packs/kinds.json"))});
  Output out = check(line, o);
  EXPECT_EQ(out.status, 1);
  auto j = nlohmann::json::parse(out.out);
  EXPECT_GT(j["summary"]["total"].get<int>(), 1000);
}

TEST(HostileInput, HundredThousandEmoji) {
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "😀";
  Output out = check(s, json_options());
  EXPECT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(nlohmann::json::parse(out.out)["summary"]["total"], 0);
}

TEST(HostileInput, EmptyReplyHasNothingToReport) {
  Output out = check("", json_options());
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(nlohmann::json::parse(out.out)["findings"].size(), 0u);
}

TEST(HostileInput, InvalidUtf8IsReportedNotFatal) {
  Output out = check("\xC3\x28\xFF 加微信", json_options());
  EXPECT_NE(out.status, 2);
  auto j = nlohmann::json::parse(out.out);
  EXPECT_EQ(j["warnings"][0]["code"], "input.E101");
  EXPECT_NE(out.err.find("invalid UTF-8 byte 0xc3 at byte 0"), std::string::npos) << out.err;
}

TEST(HostileInput, InputOverTheLimitIsRefused) {
  std::string big(Limits::kMaxInputBytes + 1, 'a');
  Output out = check(big, Options{});
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err, "[input.E103]: input is " + std::to_string(big.size()) +
                         " bytes; the limit is " + std::to_string(Limits::kMaxInputBytes) + "\n");
}

TEST(HostileInput, HundredThousandTermPackLoadsAndChecks) {
  std::string terms;
  for (int i = 0; i < 100000; ++i) {
    // Distinct 3-character CJK terms.
    std::string t;
    for (int k : {i % 200, (i / 200) % 200, i / 40000}) {
      char32_t c = 0x4E00 + 100 * k + (k % 7);
      t += static_cast<char>(0xE0 | (c >> 12));
      t += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      t += static_cast<char>(0x80 | (c & 0x3F));
    }
    terms += (i ? ",\"" : "\"") + t + "\"";
  }
  std::string pack = R"({"pack":"big","rules":[{"id":"big.r","kind":"terms","category":"rude",
  "severity":"warning","title":"t","message":"m","penalty":"","source":"s","terms":[)" +
                     terms + R"(],"examples":{"bad":["x"],"good":["y"]}}]})";
  Options o = json_options();
  o.packs.push_back({"big.json", pack});
  Output out = check("你好，今天发货", o);
  EXPECT_NE(out.status, 2) << out.err;
}

TEST(HostileInput, PackOverTheSizeLimitIsRefused) {
  std::string pack =
      "{\"pack\":\"big\",\"description\":\"" + std::string(Limits::kMaxPackBytes, 'x') + "\"}";
  Output out = validate("big.json", pack);
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.err.rfind("[pack.E105] big.json: pack is ", 0), 0u) << out.err;
}

TEST(HostileInput, OptionsJsonMistakesAreSentences) {
  Options o;
  std::string error;
  EXPECT_FALSE(options_from_json("[]", o, error));
  EXPECT_EQ(error, "options must be a JSON object");
  EXPECT_FALSE(options_from_json(R"({"shop":"yes"})", o, error));
  EXPECT_EQ(error, "options.shop must be true or false");
  EXPECT_TRUE(options_from_json(
      R"({"platform":"jd","format":"json","packs":[{"name":"a","json":"{}"}]})", o, error));
  EXPECT_EQ(o.platform, "jd");
  EXPECT_EQ(o.format, Format::kJson);
  EXPECT_EQ(o.packs.size(), 1u);
}

}  // namespace
}  // namespace kefu
