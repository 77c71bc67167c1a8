// Arbitrary bytes as a chat transcript (JSON, `[time] name: text` lines or the untimed G:/K:
// form): never a crash, a known status, one JSON document in JSON format, valid UTF-8 in every
// format, and the same answer for the same input.
// Input: one selector byte (platform, format, agent/buyer names), then the transcript bytes.
#include <cstdint>
#include <map>
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

// Every finding points into its message: offsets in code points of that message's text, text
// that slices back, UTF-16 offsets that agree with a recount; the counts add up.
void require_findings_point_into_messages(const nlohmann::json& j) {
  std::map<std::pair<std::int64_t, std::int64_t>, std::u32string> texts;
  std::size_t per_conversation = 0;
  for (const auto& c : j.at("conversations")) {
    per_conversation += c.at("findings").get<std::size_t>();
    for (const auto& m : c.at("messages"))
      texts[{c.at("index").get<std::int64_t>(), m.at("index").get<std::int64_t>()}] =
          kefu::fuzz::reference_decode(m.at("text").get<std::string>());
  }
  const auto& findings = j.at("findings");
  require(findings.size() == per_conversation, "conversation finding counts do not add up");
  require(j.at("summary").at("total").get<std::size_t>() == findings.size(),
          "summary total is not the number of findings");
  for (const auto& f : findings) {
    auto it = texts.find(
        {f.at("conversation").get<std::int64_t>(), f.at("message_index").get<std::int64_t>()});
    require(it != texts.end(), "a finding names a message that is not in its conversation",
            f.dump());
    if (f.at("end").get<std::uint64_t>() == 0) continue;  // about the message as a whole
    kefu::fuzz::require_findings_slice_back(nlohmann::json::array({f}), it->second, "transcript");
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
  static const kefu::Format kFormats[] = {kefu::Format::kJson, kefu::Format::kText,
                                          kefu::Format::kCsv, kefu::Format::kJson};
  o.format = kFormats[(selector >> 2) % 4];
  if (selector & 0x10) o.agent = "小美";
  if (selector & 0x20) o.buyer = "tb_123";

  const kefu::Output out = kefu::transcript(text, o);
  require(out.status >= 0 && out.status <= 2, "transcript gave an unknown status", out.err);
  require(kefu::fuzz::is_valid_utf8(out.out), "transcript output is not valid UTF-8");
  require(kefu::fuzz::is_valid_utf8(out.err), "transcript stderr is not valid UTF-8");
  if (o.format == kefu::Format::kJson) {
    const auto j = kefu::fuzz::parse_answer(out.out, "transcript");
    if (out.status == 2)
      kefu::fuzz::require_errors(j, out.err, "transcript");
    else {
      require_sane_offsets(j);
      require_findings_point_into_messages(j);
    }
  } else if (out.status == 2) {
    require(!out.err.empty(), "transcript status 2 with nothing on stderr");
  }
  const kefu::Output again = kefu::transcript(text, o);
  require(again.status == out.status && again.out == out.out,
          "the same transcript checked twice answered differently");
  return 0;
}
