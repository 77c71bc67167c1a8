// Every "points" section's examples (rules/*.json), asked through the public `points` call on
// each platform that takes the section: the tier reached and the next tier of every track
// asked, and the next reset where the example gives one. A tier typed wrong in a pack fails here.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "kefu/kefu.h"
#include "test_support.h"

namespace kefu {
namespace {

struct PointsExample {
  std::string file, platform;
  std::size_t index = 0;
  nlohmann::json example;
};

void PrintTo(const PointsExample& e, std::ostream* os) {
  *os << e.file << " example " << e.index << " on " << e.platform;
}

std::vector<std::string> pack_files() {
  std::vector<std::string> out;
  const std::string dir = test::source_path("rules");
  DIR* h = opendir(dir.c_str());
  if (!h) throw std::runtime_error("cannot list " + dir);
  while (const dirent* e = readdir(h)) {
    const std::string n = e->d_name;
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0 && n != "pack.schema.json")
      out.push_back(n);
  }
  closedir(h);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<PointsExample> all_examples() {
  std::vector<PointsExample> out;
  for (const std::string& file : pack_files()) {
    const auto doc = nlohmann::json::parse(test::read_file(test::source_path("rules/" + file)));
    if (!doc.contains("points")) continue;
    const auto examples = doc["points"].value("examples", nlohmann::json::array());
    for (const std::string& platform : platforms()) {
      bool takes = false;
      for (const auto& p : test::engine(platform).packs.packs)
        takes |= p.name == doc["pack"] && p.contributes("points");
      if (!takes) continue;
      for (std::size_t i = 0; i < examples.size(); ++i)
        out.push_back({file, platform, i, examples[i]});
    }
  }
  return out;
}

class PointsSectionExample : public testing::TestWithParam<PointsExample> {};

TEST_P(PointsSectionExample, GivesItsTiers) {
  const auto& c = GetParam();
  nlohmann::json request = c.example["ask"];
  request["platform"] = c.platform;
  Options o;
  o.format = Format::kJson;
  o.now = c.example.value("now", "2024-06-18 10:00");
  const Output out = points(request.dump(), o);
  ASSERT_NE(out.status, 2) << out.err << out.out;
  const auto answer = nlohmann::json::parse(out.out);
  bool any_reached = false;
  for (const auto& [track, points_asked] : c.example["ask"].items()) {
    const nlohmann::json* t = nullptr;
    for (const auto& have : answer["tracks"])
      if (have["track"] == track) t = &have;
    ASSERT_NE(t, nullptr) << "no track " << track << " in " << out.out;
    const auto at_of = [](const nlohmann::json& tier) {
      return tier.is_null() ? tier : tier["at"];
    };
    EXPECT_EQ(at_of((*t)["reached"]), c.example["reached"][track])
        << track << " at " << points_asked << ": " << out.out;
    EXPECT_EQ(at_of((*t)["next"]), c.example["next"][track])
        << track << " at " << points_asked << ": " << out.out;
    any_reached |= !c.example["reached"][track].is_null();
  }
  EXPECT_EQ(out.status, any_reached ? 1 : 0) << "a tier reached is a finding";
  if (c.example.contains("reset"))
    EXPECT_EQ(answer["reset"]["next"], c.example["reset"]) << out.out;
}

INSTANTIATE_TEST_SUITE_P(Packs, PointsSectionExample, testing::ValuesIn(all_examples()),
                         [](const testing::TestParamInfo<PointsExample>& info) {
                           std::string s =
                               info.param.platform + "_" + std::to_string(info.param.index);
                           for (char& ch : s)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return s;
                         });

// Every points section has examples, each reached on some platform, and every track of a
// section is asked about by one of them.
TEST(PointsSections, EverySectionCarriesExamplesThatRun) {
  const auto examples = all_examples();
  EXPECT_GE(examples.size(), 10u);
  std::size_t sections = 0;
  for (const std::string& file : pack_files()) {
    const auto doc = nlohmann::json::parse(test::read_file(test::source_path("rules/" + file)));
    if (!doc.contains("points")) continue;
    ++sections;
    std::set<std::string> asked;
    for (const auto& e : doc["points"].value("examples", nlohmann::json::array()))
      for (const auto& [track, _] : e["ask"].items()) asked.insert(track);
    for (const auto& t : doc["points"]["tracks"])
      EXPECT_TRUE(asked.count(t["track"])) << file << ": no example asks " << t["track"];
    EXPECT_TRUE(std::any_of(examples.begin(), examples.end(),
                            [&](const PointsExample& e) { return e.file == file; }))
        << file << ": its points run on no platform";
  }
  EXPECT_GE(sections, 3u);
}

TEST(PointsSections, AnExampleNamingAnUnknownTrackIsRejected) {
  const std::string pack =
      R"({"pack":"p","title":"t","points":{"tracks":[{"track":"serious","title":"s","source":"x",
      "tiers":[{"at":5,"penalty":"p"}]}],"examples":[{"ask":{"general":1},"reached":{"general":null},"next":{"general":null}}]}})";
  const Output out = validate("p.json", pack);
  EXPECT_EQ(out.status, 2) << out.out;
  EXPECT_NE(out.err.find("/points/examples/0/ask/general"), std::string::npos) << out.err;
}

}  // namespace
}  // namespace kefu
