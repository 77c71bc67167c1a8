#include "api/api_common.h"
#include "api/engine.h"
#include "common/error_catalog.h"
#include "report/handbook.h"
#include "time/civil.h"

namespace kefu {
namespace {

// The handout's date: the day of --now when given, else the shell's clock, in Beijing time.
HandbookOptions handout_options(const Options& options) {
  HandbookOptions h;
  h.shop_name = options.shop_name;
  if (options.now.size() >= 10 && options.now[4] == '-' && options.now[7] == '-')
    h.date = options.now.substr(0, 10);
  else if (options.clock_unix > 0)
    h.date = time::format_plain_beijing(options.clock_unix).substr(0, 10);
  return h;
}

}  // namespace

Output rules(const Options& options) {
  return guarded("rules", options.format, [&]() -> Output {
    std::vector<Error> errors;
    const std::shared_ptr<const Engine> engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    const auto& all = engine->checker->rules();
    Output out;
    switch (options.format) {
      case Format::kMarkdown:
        out.out = handbook_markdown(engine->packs, all);
        break;
      case Format::kHtml:
        out.out = handbook_html(engine->packs, all, handout_options(options));
        break;
      case Format::kJson:
        out.out = handbook_json(engine->packs, all);
        break;
      default:
        return error_output({errors::format_not_offered("rules", "json, markdown or html", "en")},
                            options.format);
    }
    return out;
  });
}

}  // namespace kefu
