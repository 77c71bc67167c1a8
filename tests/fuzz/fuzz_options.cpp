// Arbitrary bytes as the options object the page sends across the wasm boundary: never a
// throw (the header promises none), a sentence whenever it is refused, and options that are
// accepted must drive a check to a known status.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "kefu/kefu.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using kefu::fuzz::require;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  kefu::Options o;
  std::string error;
  bool ok = false;
  try {
    ok = kefu::options_from_json(json, o, error);
  } catch (const std::exception& ex) {
    kefu::fuzz::fail(std::string("options_from_json threw: ") + ex.what());
  }
  if (!ok) {
    require(!error.empty(), "options refused without a sentence");
    return 0;
  }
  const kefu::Output out = kefu::check("亲，加微信吧", o);
  require(out.status >= 0 && out.status <= 2, "check with accepted options gave an unknown status");
  if (o.format == kefu::Format::kJson) {
    const auto j = kefu::fuzz::parse_answer(out.out, "check");
    if (out.status == 2) kefu::fuzz::require_errors(j, out.err, "check");
  }
  return 0;
}
