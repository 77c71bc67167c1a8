#include <stdexcept>

#include "api/api_common.h"
#include "api/engine.h"
#include "common/error_catalog.h"
#include "report/check_report.h"
#include "text/utf8.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

bool input_too_large(std::string_view input, std::vector<Error>& errors) {
  if (input.size() <= Limits::kMaxInputBytes) return false;
  errors.push_back(errors::input_too_large(input.size(), Limits::kMaxInputBytes, "en"));
  return true;
}

// The one place check() and check_values() compute a reply's findings; they differ only in how
// they write them out. Null (and `errors` filled) when the input or the options are refused.
std::shared_ptr<const Engine> run_check(std::string_view reply, const Options& options,
                                        std::vector<Error>& errors, ReplyResult& result,
                                        Output& out) {
  if (input_too_large(reply, errors)) return nullptr;
  std::shared_ptr<const Engine> engine = engine_for(options, errors);
  if (!engine) return nullptr;
  result = engine->checker->check(reply);
  for (const auto& f : result.findings)
    if (f.rule->severity == "error") out.status = 1;
  out.err = join_errors(result.warnings);
  return engine;
}

}  // namespace

Output check(std::string_view reply, const Options& options) {
  return guarded("check", options.format, [&]() -> Output {
    std::vector<Error> errors;
    ReplyResult result;
    Output out;
    const auto engine = run_check(reply, options, errors, result, out);
    if (!engine) return error_output(errors, options.format);
    if (options.format == Format::kJson) {
      out.out = check_report_json(engine->packs, result);
    } else {
      out.out = check_report_text(decode_utf8(reply).chars, result);
    }
    return out;
  });
}

CheckValues check_values(std::string_view reply, const Options& options) {
  CheckValues values;
  values.output = guarded("check", Format::kJson, [&]() -> Output {
    std::vector<Error> errors;
    ReplyResult result;
    Output out;
    const auto engine = run_check(reply, options, errors, result, out);
    if (!engine) return error_output(errors, Format::kJson);
    out.out = check_report_json(engine->packs, result, false);
    // A finding's rule points into the checker's rule list, which rules() lists in this order.
    const std::vector<RuleMeta>& rules = engine->checker->rules();
    values.findings.reserve(result.findings.size());
    for (const Finding& f : result.findings) {
      FindingValue v;
      const std::ptrdiff_t index = f.rule - rules.data();
      if (index < 0 || static_cast<std::size_t>(index) >= rules.size())
        throw std::logic_error("a finding's rule is not in the rule list");
      v.rule = static_cast<std::uint32_t>(index);
      v.severity = static_cast<std::uint32_t>(vocab::severity_rank(f.rule->severity));
      v.start = f.start;
      v.end = f.end;
      v.start_utf16 = f.start_utf16;
      v.end_utf16 = f.end_utf16;
      if (f.suggestion != f.rule->suggestion) v.suggestion = f.suggestion;
      values.findings.push_back(std::move(v));
    }
    return out;
  });
  if (values.output.status == 2) values.findings.clear();  // an exception part way through
  return values;
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
