// The one comparison every golden runner makes. With KEFU_UPDATE_GOLDEN set, a file whose bytes
// differ is rewritten and the test FAILS: an update must never pass, or a wrong output (a report
// of 「0 条规则」) is recorded and accepted in the same run. Review the diff, then run again
// without the variable.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "test_support.h"

namespace kefu::test {

// The first line where two texts part, numbered from 1, for a message a person can act on.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  std::size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
    if (expected[i++] == '\n') ++line;
  auto line_at = [](const std::string& s, std::size_t at) {
    const std::size_t begin = s.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t from = begin == std::string::npos || at == 0 ? 0 : begin + 1;
    const std::size_t end = s.find('\n', from);
    return s.substr(from, end == std::string::npos ? std::string::npos : end - from);
  };
  return "line " + std::to_string(line) + "\n  golden: " + line_at(expected, i) +
         "\n  actual: " + line_at(actual, i);
}

inline void expect_golden(const std::string& path, const std::string& actual) {
  std::string expected;
  bool present = true;
  try {
    expected = read_file(path);
  } catch (const std::exception&) {
    present = false;
  }
  if (present && expected == actual) return;
  if (std::getenv("KEFU_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    ADD_FAILURE() << "golden rewritten; review the diff and rerun: " << path
                  << (present ? "\nfirst change at " + first_difference(expected, actual)
                              : "\n(new file)");
    return;
  }
  if (!present) {
    ADD_FAILURE() << "missing golden file " << path
                  << " (run with KEFU_UPDATE_GOLDEN=1, then review it)";
    return;
  }
  EXPECT_EQ(actual, expected)
      << "golden file " << path << " differs at " << first_difference(expected, actual)
      << "\n(after an intended change: KEFU_UPDATE_GOLDEN=1, review the diff, rerun)";
}

}  // namespace kefu::test
