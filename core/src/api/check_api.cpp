#include "api/api_common.h"
#include "api/engine.h"
#include "common/error_catalog.h"
#include "report/check_report.h"
#include "text/utf8.h"

namespace kefu {
namespace {

bool input_too_large(std::string_view input, std::vector<Error>& errors) {
  if (input.size() <= Limits::kMaxInputBytes) return false;
  errors.push_back(errors::input_too_large(input.size(), Limits::kMaxInputBytes, "en"));
  return true;
}

}  // namespace

Output check(std::string_view reply, const Options& options) {
  return guarded("check", options.format, [&]() -> Output {
    std::vector<Error> errors;
    if (input_too_large(reply, errors)) return error_output(errors, options.format);
    const std::shared_ptr<const Engine> engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    ReplyResult result = engine->checker->check(reply);
    Output out;
    for (const auto& f : result.findings)
      if (f.rule->severity == "error") out.status = 1;
    out.err = join_errors(result.warnings);
    if (options.format == Format::kJson) {
      out.out = check_report_json(engine->packs, result);
    } else {
      out.out = check_report_text(decode_utf8(reply).chars, result);
    }
    return out;
  });
}

Output mask(std::string_view text, const Options& options) {
  return guarded("mask", options.format, [&]() -> Output {
    std::vector<Error> errors;
    if (input_too_large(text, errors)) return error_output(errors, options.format);
    const std::shared_ptr<const Engine> engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    Output out;
    std::string masked = engine->checker->mask(text);
    out.out = options.format == Format::kJson ? dump_json({{"masked", masked}}) : masked;
    return out;
  });
}

}  // namespace kefu
