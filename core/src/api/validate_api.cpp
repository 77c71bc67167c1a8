#include "api/api_common.h"
#include "pack/pack.h"
#include "reply/reply_checker.h"

namespace kefu {

Output validate(std::string_view file_name, std::string_view pack_json) {
  // Text and JSON at once: a validator's caller wants the errors either way.
  return guarded("validate", Format::kText, [&]() -> Output {
    const std::string file(file_name);
    std::vector<Error> errors;
    nlohmann::json doc;
    if (parse_pack_json(pack_json, file, doc, errors)) validate_pack(doc, file, false, errors);
    Output out;
    if (!errors.empty()) {
      out.status = 2;
      out.err = join_errors(errors);
      out.out = errors_json(errors);
      return out;
    }
    std::size_t n = doc.contains("rules") ? doc["rules"].size() : 0;
    out.out = dump_json({{"file", file}, {"pack", doc["pack"]}, {"ok", true}, {"rules", n}});
    out.err = file + ": ok, " + std::to_string(n) + " rules\n";
    return out;
  });
}

}  // namespace kefu
