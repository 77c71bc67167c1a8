#include "api/api_common.h"
#include "api/engine.h"
#include "common/error_catalog.h"
#include "quiz/quiz.h"

namespace kefu {

Output quiz(const Options& options) {
  return guarded("quiz", options.format, [&]() -> Output {
    std::vector<Error> errors;
    if (options.count < 1 || options.count > 200)
      return error_output(
          {{"usage.E010", "", "/count", 0, 0, "题数（count）必须是 1 到 200 之间的整数"}},
          options.format);
    const std::shared_ptr<const Engine> engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    QuizRequest req;
    req.count = options.count;
    req.seed = options.seed;
    req.categories = options.categories;
    const auto q = make_quiz(*engine->checker, req);
    Output out;
    switch (options.format) {
      case Format::kJson:
        out.out = quiz_json(q, engine->packs.platform, options.seed);
        break;
      case Format::kHtml:
        out.out = quiz_html(q, engine->packs.platform, options.seed);
        break;
      default:
        return error_output({errors::format_not_offered("quiz", "json or html", "en")},
                            options.format);
    }
    if (static_cast<int>(q.size()) < options.count)
      out.err = "只出了 " + std::to_string(q.size()) + " 题（规则的示例不够 " +
                std::to_string(options.count) + " 题）\n";
    return out;
  });
}

}  // namespace kefu
