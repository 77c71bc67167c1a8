// The practice quiz (练习): questions drawn from the loaded packs' rules, their examples and model
// replies, every answer checked by the engine before it is asked. Deterministic: the same rule
// set, count and seed give the same quiz, so the CLI's printed sheet and the page agree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pack/pack.h"
#include "reply/reply_checker.h"

namespace kefu {

struct QuizQuestion {
  std::string type;   // "judge": is this reply compliant, and what is wrong?
                      // "pick": which reply may be sent?
  std::string text;   // the question, the reply quoted in it
  std::string reply;  // the reply itself (judge), "" for pick
  std::vector<std::string> choices;
  int answer = 0;  // index into choices
  std::string explanation;
  std::string rule;  // the rule the question is about
  std::string category;
};

struct QuizRequest {
  int count = 10;
  std::uint64_t seed = 1;
  std::vector<std::string> categories;  // only these (empty: all reply categories)
};

std::vector<QuizQuestion> make_quiz(const ReplyChecker& checker, const QuizRequest& request);

std::string quiz_json(const std::vector<QuizQuestion>& quiz, const std::string& platform,
                      std::uint64_t seed);
// A printable sheet: the questions, then the answer key with explanations on its own page.
std::string quiz_html(const std::vector<QuizQuestion>& quiz, const std::string& platform,
                      std::uint64_t seed);

}  // namespace kefu
