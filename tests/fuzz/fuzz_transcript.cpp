// Arbitrary bytes as a chat transcript (JSON, `[time] name: text` lines or the seeds' G:/K:
// form): never a crash, a known status, one JSON document in JSON format, valid UTF-8 in every
// format, and the same answer for the same input.
// Input: one selector byte (platform, format, agent/buyer names), then the transcript bytes.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "kefu/kefu.h"

namespace {

using kefu::fuzz::require;

// Every finding-like object anywhere in the answer: offsets ordered and non-negative.
void require_sane_offsets(const nlohmann::json& j) {
  if (j.is_object()) {
    if (j.contains("start") && j.contains("end") && j["start"].is_number() && j["end"].is_number())
      require(j["start"].get<double>() >= 0 && j["start"].get<double>() <= j["end"].get<double>(),
              "transcript finding with start after end", j.dump());
    if (j.contains("message_index") && j["message_index"].is_number())
      require(j["message_index"].get<double>() >= 0, "negative message_index", j.dump());
    for (const auto& [key, value] : j.items()) require_sane_offsets(value);
  } else if (j.is_array()) {
    for (const auto& value : j) require_sane_offsets(value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned selector = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  kefu::Options o;
  static const char* const kPlatforms[] = {"taobao", "kuaishou", "jd", "tmall"};
  o.platform = kPlatforms[selector % 4];  // four: the engine cache keeps four
  static const kefu::Format kFormats[] = {kefu::Format::kJson, kefu::Format::kText, kefu::Format::kCsv,
                                          kefu::Format::kJson};
  o.format = kFormats[(selector >> 2) % 4];
  if (selector & 0x10) o.agent = "小美";
  if (selector & 0x20) o.buyer = "tb_123";

  const kefu::Output out = kefu::transcript(text, o);
  require(out.status >= 0 && out.status <= 2, "transcript gave an unknown status", out.err);
  require(kefu::fuzz::is_valid_utf8(out.out), "transcript output is not valid UTF-8");
  require(kefu::fuzz::is_valid_utf8(out.err), "transcript stderr is not valid UTF-8");
  if (o.format == kefu::Format::kJson) {
    const auto j = kefu::fuzz::parse_answer(out.out, "transcript");
    if (out.status == 2) kefu::fuzz::require_errors(j, out.err, "transcript");
    else require_sane_offsets(j);
  } else if (out.status == 2) {
    require(!out.err.empty(), "transcript status 2 with nothing on stderr");
  }
  const kefu::Output again = kefu::transcript(text, o);
  require(again.status == out.status && again.out == out.out,
          "the same transcript checked twice answered differently");
  return 0;
}
