// Pack text cites its sources by title and issuer, never by the file names of the notes the packs
// were written from: a user's clone has no such files, and the notes (follows, messages, sources
// of rules and deadlines) are shown to users in the handbook and the deadline reports.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "pack/builtin_packs.h"

namespace kefu {
namespace {

// Every string of a JSON value with its JSON pointer.
void strings_of(const nlohmann::json& j, const std::string& at,
                std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_string()) {
    out.emplace_back(at, j.get<std::string>());
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) strings_of(*it, at + "/" + it.key(), out);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) strings_of(j[i], at + "/" + std::to_string(i), out);
  }
}

// The working notes' names: a seed file (000_<hash>.txt), "seed 002", the rule-sources notes and
// their § sections, the product spec and style notes.
const std::regex& internal_name() {
  static const std::regex re(
      R"(\d{3}_[0-9a-f]{16}\.txt|rule-sources|\b[Ss]eeds?\b|§|\bSPEC\b|STYLE\.md|TOOLCHAIN|/work/)");
  return re;
}

TEST(PackCitations, NoBuiltinPackTextNamesAnInternalFile) {
  int checked = 0;
  for (const auto& b : builtin_packs()) {
    std::vector<std::pair<std::string, std::string>> all;
    strings_of(nlohmann::json::parse(b.json), "rules/" + std::string(b.name) + ".json", all);
    for (const auto& [at, text] : all) {
      ++checked;
      EXPECT_FALSE(std::regex_search(text, internal_name())) << at << ": " << text;
    }
  }
  EXPECT_GT(checked, 1000) << "the built-in packs were not walked";
}

TEST(PackCitations, TheCheckCatchesTheOldForms) {
  for (const char* old :
       {"rule-sources.md §8/§3: current platform rules", "seed 002 advises paying",
        "SPEC §2：2天 = 48小时", "see 004_fa46e3387869b6a3.txt"}) {
    EXPECT_TRUE(std::regex_search(std::string(old), internal_name())) << old;
  }
  EXPECT_FALSE(std::regex_search(
      std::string("《店铺客服规范（示例）：常见问题处理流程》（示例店铺）"), internal_name()));
}

}  // namespace
}  // namespace kefu
