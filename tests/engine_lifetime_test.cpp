// Engines are shared-owned: the cache keeps a few recent ones, and whatever still uses an engine
// (a TranscriptStream between pieces, a caller of engine_for) keeps its own share, so an engine
// the cache drops is freed only when its last user lets go. With a cache of owned engines, a
// library caller with more option sets than the cache holds freed the engine under a live
// stream; AddressSanitizer reported a heap-use-after-free on the next feed().
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "api/engine.h"
#include "kefu/kefu.h"
#include "kefu/transcript_stream.h"

namespace kefu {
namespace {

// More distinct option sets than any cache of a few engines keeps: each platform with and
// without the shop pack.
std::vector<Options> many_option_sets() {
  std::vector<Options> out;
  for (const std::string& platform : platforms())
    for (bool shop : {true, false}) {
      Options o;
      o.platform = platform;
      o.shop_pack = shop;
      out.push_back(o);
    }
  return out;
}

const char kExport[] =
    "[2024-06-18 10:00:00] tb_1: 在吗，这个有货吗\n"
    "[2024-06-18 10:00:30] 小萌: 亲，有货的，加我vx聊\n\n"
    "[2024-06-18 11:00:00] tb_2: 什么时候发货\n"
    "[2024-06-18 11:00:40] 小萌: 亲，保证今天发，不发货赔您十倍\n\n";

TEST(EngineLifetime, AStreamOutlivesTheCacheDroppingItsEngine) {
  const std::vector<Options> others = many_option_sets();
  ASSERT_GE(others.size(), 10u) << "too few option sets to push an engine out of the cache";
  for (Format format : {Format::kText, Format::kJson, Format::kCsv}) {
    Options mine;
    mine.platform = "taobao";
    mine.format = format;
    mine.packs = {{"lifetime.json", R"({"pack":"lifetime","title":"寿命","rules":[]})"}};
    const Output expected = transcript(kExport, mine);
    ASSERT_EQ(expected.status, 1) << expected.err;

    TranscriptStream stream(mine);
    const std::string text = kExport;
    const std::size_t half = text.find("\n\n") + 2;
    std::vector<std::string> parts(stream.parts());
    stream.feed(std::string_view(text).substr(0, half));
    // Every other option set is checked while the stream waits for its next piece: the
    // stream's engine leaves the cache.
    for (const Options& o : others) {
      const Output r = check("加我微信", o);
      ASSERT_NE(r.status, 2) << o.platform << r.err;
    }
    stream.feed(std::string_view(text).substr(half));
    for (std::size_t p = 0; p < parts.size(); ++p) parts[p] += stream.take(p);
    std::vector<std::string> after;
    Output got = stream.finish(after);
    ASSERT_EQ(after.size(), parts.size());
    for (std::size_t p = 0; p < after.size(); ++p) got.out += parts[p] + stream.take(p) + after[p];
    EXPECT_EQ(got.status, expected.status);
    EXPECT_EQ(got.out, expected.out);
    EXPECT_EQ(got.err, expected.err);
  }
}

TEST(EngineLifetime, AnEngineHeldByACallerSurvivesEviction) {
  Options mine;
  mine.platform = "jd";
  std::vector<Error> errors;
  std::shared_ptr<const Engine> held = engine_for(mine, errors);
  ASSERT_TRUE(held) << join_errors(errors);
  // Asked again while cached: the same engine, not a second compile.
  EXPECT_EQ(engine_for(mine, errors).get(), held.get());
  for (const Options& o : many_option_sets()) {
    if (o.platform == "jd") continue;
    ASSERT_TRUE(engine_for(o, errors)) << join_errors(errors);
  }
  // Dropped by the cache, still whole for the holder.
  const ReplyResult r = held->checker->check("加我微信聊");
  EXPECT_FALSE(r.findings.empty());
  EXPECT_EQ(held->packs.platform, "jd");
  // Asked again after the eviction: compiled anew, the held one untouched.
  std::shared_ptr<const Engine> again = engine_for(mine, errors);
  ASSERT_TRUE(again);
  EXPECT_NE(again.get(), held.get());
  EXPECT_EQ(again->checker->check("加我微信聊").findings.size(), r.findings.size());
}

}  // namespace
}  // namespace kefu
