// Arbitrary bytes as a user's rule pack: the loader and validator never crash and always answer
// with status 0 or 2, and every error has a stable code and a sentence; a pack that loads is
// then used to check a reply and to print the handbook.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "kefu/kefu.h"

namespace {

using kefu::fuzz::require;

// Touches every reply kind: terms, allow contexts, proximity, detectors, short and only-terms.
constexpr const char kReply[] =
    "亲，嗯嗯，特价不能开发票哦，加我vx：abc_12345，电话13812345678，"
    "寄到北京市朝阳区建国路88号3栋502室😀 好的";

void check_validate(std::string_view pack, int& status) {
  const kefu::Output v = kefu::validate("fuzz.json", pack);
  require(v.status == 0 || v.status == 2, "validate gave a status other than 0 or 2", v.err);
  const auto j = kefu::fuzz::parse_answer(v.out, "validate");
  if (v.status == 2)
    kefu::fuzz::require_errors(j, v.err, "validate");
  else
    require(j.value("ok", false), "validate status 0 without ok", v.out);
  status = v.status;
}

void check_in_use(std::string_view pack, int validate_status) {
  kefu::Options o;
  o.shop_pack = false;  // fewer built-in rules to compile per input
  o.format = kefu::Format::kJson;
  o.packs.push_back({"fuzz.json", std::string(pack)});
  const kefu::Output c = kefu::check(kReply, o);
  require(c.status >= 0 && c.status <= 2, "check gave an unknown status", c.err);
  const auto j = kefu::fuzz::parse_answer(c.out, "check");
  if (c.status == 2) {
    kefu::fuzz::require_errors(j, c.err, "check");
    return;
  }
  // A pack the validator refuses must not be used.
  require(validate_status == 0, "check used a pack that validate refused", c.out);
  kefu::fuzz::require_findings_slice_back(j.at("findings"), kefu::fuzz::reference_decode(kReply),
                                          "check");

  o.format = kefu::Format::kHtml;
  const kefu::Output html = kefu::rules(o);
  require(html.status == 0, "rules --format html failed on a pack check accepted", html.err);
  std::string lower = html.out;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  for (const char* tag : {"<script", "<img", "<svg", "<iframe", "<object"})
    require(lower.find(tag) == std::string::npos, std::string("pack text became markup: ") + tag);
  // The handout's own contents list links to its sections (<a href="#…">); any other link
  // would be pack text turned into markup.
  for (std::size_t at = lower.find("<a "); at != std::string::npos; at = lower.find("<a ", at + 1))
    require(lower.compare(at, 10, "<a href=\"#") == 0, "pack text became markup: <a ",
            lower.substr(at, 40));
  require(kefu::fuzz::is_valid_utf8(html.out), "the handbook is not valid UTF-8");

  o.format = kefu::Format::kMarkdown;
  require(kefu::rules(o).status == 0, "rules --format markdown failed on a pack check accepted");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view pack(reinterpret_cast<const char*>(data), size);
  int status = 2;
  check_validate(pack, status);
  // Using a pack compiles the built-in packs with it (tens of milliseconds under ASan), so a
  // refused pack is only tried in use one time in sixteen: enough to catch check accepting
  // what validate refused, while the fuzzer spends its time on the parser and validator.
  if (status == 0 || size % 16 == 0) check_in_use(pack, status);
  return 0;
}
