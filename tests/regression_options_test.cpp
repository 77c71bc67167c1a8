// Regressions in options_from_json, the page's way in across the wasm boundary (fuzz_options):
// a clock past the range of int64 was converted anyway (undefined behaviour, UBSan:
// "1e+300 is outside the range of representable values of type 'long'"), and a pack whose
// "name" is not a string made nlohmann throw out of a function whose header promises no throw.
#include <gtest/gtest.h>

#include "kefu/kefu.h"

namespace kefu {
namespace {

TEST(RegressionOptions, ClockOutOfRangeIsRefusedWithASentence) {
  for (const char* json : {R"({"clock":1e300})", R"({"clock":-1e300})", R"({"clock":9.3e18})"}) {
    Options o;
    std::string error;
    EXPECT_FALSE(options_from_json(json, o, error)) << json;
    EXPECT_EQ(error, "options.clock must be a number of seconds since 1970") << json;
  }
  Options o;
  std::string error;
  EXPECT_TRUE(options_from_json(R"({"clock":1718676000.5})", o, error)) << error;
  EXPECT_EQ(o.clock_unix, 1718676000);
}

TEST(RegressionOptions, PackNameThatIsNotAStringIsRefusedNotThrown) {
  Options o;
  std::string error;
  bool ok = true;
  EXPECT_NO_THROW(ok = options_from_json(R"({"packs":[{"name":7,"json":"{}"}]})", o, error));
  EXPECT_FALSE(ok);
  EXPECT_EQ(error, "options.packs must be an array of {name, json}");
}

}  // namespace
}  // namespace kefu
