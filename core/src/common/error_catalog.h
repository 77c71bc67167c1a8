// The error catalog (error_catalog.inc) as data, and the named constructors of the codes whose
// call sites build their message from it. An Error keeps its printed form (Error::to_string);
// the catalog decides the code's meaning and the wording of its message in each language.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"

namespace kefu {

struct ErrorSpec {
  std::string_view name;     // the constructor's name in the catalog, e.g. InputTooLarge
  std::string_view code;     // "input.E103"
  std::string_view meaning;  // one sentence for docs/errors.md
  std::string_view zh, en;   // message templates with {field} slots
};

// Every code, in catalog order.
const std::vector<ErrorSpec>& error_catalog();
const ErrorSpec* find_error_spec(std::string_view code);

using ErrorFields = std::initializer_list<std::pair<std::string_view, std::string>>;

// `tmpl` with each {name} replaced by its field; a slot with no field is left as written, so a
// missing field shows in the message instead of vanishing.
std::string fill_error_template(std::string_view tmpl, ErrorFields fields);

// An Error of a catalogued code, its message from the template of `lang` ("en" for English,
// Chinese otherwise). A code not in the catalog is a programming error that
// tests/error_catalog_test.cpp catches; here it gives the code with the fields as the message.
Error catalog_error(std::string_view code, std::string_view lang, ErrorFields fields,
                    std::string file = "", std::string pointer = "");

// Named constructors. `lang` is the message language; the call sites that have always answered
// in English pass "en" until their command learns options.lang.
namespace errors {
Error input_too_large(std::size_t size, std::size_t limit, std::string_view lang);  // input.E103
Error format_not_offered(std::string_view command, std::string_view formats,
                         std::string_view lang);  // usage.E002
Error internal(std::string_view command, std::string_view why,
               std::string_view lang);  // internal.E900
}  // namespace errors

}  // namespace kefu
