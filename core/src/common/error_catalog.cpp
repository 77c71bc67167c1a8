#include "common/error_catalog.h"

namespace kefu {

const std::vector<ErrorSpec>& error_catalog() {
  static const std::vector<ErrorSpec> catalog = {
#define KEFU_ERROR(name, code, meaning, zh, en) {#name, code, meaning, zh, en},
#include "common/error_catalog.inc"
#undef KEFU_ERROR
  };
  return catalog;
}

const ErrorSpec* find_error_spec(std::string_view code) {
  for (const auto& e : error_catalog())
    if (e.code == code) return &e;
  return nullptr;
}

std::string fill_error_template(std::string_view tmpl, ErrorFields fields) {
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    const std::string_view slot = tmpl.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& f : fields)
      if (f.first == slot) value = &f.second;
    if (value)
      out += *value;
    else
      out.append(tmpl.substr(open, close - open + 1));
    i = close + 1;
  }
  return out;
}

Error catalog_error(std::string_view code, std::string_view lang, ErrorFields fields,
                    std::string file, std::string pointer) {
  Error e;
  e.code = std::string(code);
  e.file = std::move(file);
  e.pointer = std::move(pointer);
  if (const ErrorSpec* spec = find_error_spec(code)) {
    e.message = fill_error_template(lang == "en" ? spec->en : spec->zh, fields);
  } else {
    for (const auto& f : fields) e.message += (e.message.empty() ? "" : "; ") + f.second;
  }
  return e;
}

namespace errors {

Error input_too_large(std::size_t size, std::size_t limit, std::string_view lang) {
  return catalog_error("input.E103", lang,
                       {{"size", std::to_string(size)}, {"limit", std::to_string(limit)}});
}

Error format_not_offered(std::string_view command, std::string_view formats,
                         std::string_view lang) {
  return catalog_error("usage.E002", lang,
                       {{"command", std::string(command)}, {"formats", std::string(formats)}});
}

Error internal(std::string_view command, std::string_view why, std::string_view lang) {
  return catalog_error("internal.E900", lang,
                       {{"command", std::string(command)}, {"why", std::string(why)}});
}

}  // namespace errors
}  // namespace kefu
