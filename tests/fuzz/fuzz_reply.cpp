// Arbitrary bytes as a reply: UTF-8 decoding, normalization and the whole public check, with
// the properties the page relies on to highlight the right characters.
// Input: one selector byte (which packs), then the reply bytes.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "kefu/kefu.h"
#include "pack/pack.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace {

using kefu::fuzz::require;

std::string g_kinds_pack;  // every reply rule kind, so the fuzzer reaches them all

void check_decoding(std::string_view bytes, const std::u32string& reference, std::size_t bad) {
  const kefu::DecodedText d = kefu::decode_utf8(bytes);
  require(d.chars == reference, "decode_utf8 disagrees with the Table 3-7 reference decoder");
  require(d.invalid_count == bad, "invalid byte count disagrees with the reference");
  require(d.invalid.size() == std::min(bad, kefu::DecodedText::kMaxReported),
          "reported invalid bytes are not the first kMaxReported");
  for (const auto& b : d.invalid)
    require(b.byte_offset < bytes.size() &&
                static_cast<unsigned char>(bytes[b.byte_offset]) == b.value &&
                b.char_index < d.chars.size() && d.chars[b.char_index] == 0xFFFD,
            "an invalid-byte report points at the wrong byte or character");
  if (bad == 0) require(kefu::encode_utf8(d.chars) == bytes, "valid UTF-8 does not round-trip");
  require(kefu::utf16_length(d.chars) == kefu::fuzz::utf16_units(d.chars),
          "utf16_length miscounts");
}

void check_normalization(const std::u32string& chars) {
  const kefu::NormalizedText n = kefu::normalize(chars);
  require(n.folded.size() == chars.size(), "folded text changed length");
  require(n.orig_begin.size() == n.match.size() && n.orig_end.size() == n.match.size(),
          "match map has the wrong size");
  std::uint32_t last_end = 0;
  for (std::size_t i = 0; i < n.match.size(); ++i) {
    require(n.orig_begin[i] < n.orig_end[i] && n.orig_end[i] <= chars.size(),
            "a match character maps outside the original");
    require(n.orig_begin[i] >= last_end, "match characters map to overlapping originals");
    require(!kefu::is_separator(n.match[i]), "a separator survived into the match stream");
    // Terms are folded once and text is folded once; a fold that is not a fixed point would
    // let a term miss text already written in its folded form.
    require(kefu::fold_char(n.match[i]) == n.match[i], "folding is not idempotent");
    // A run collapses inside a sentence only: 已开！开不了 keeps both 开, so a repeat may
    // survive when a sentence end lies between the two originals.
    if (i > 0 && !kefu::is_ascii_digit(n.match[i]) && n.match[i] == n.match[i - 1]) {
      bool split = false;
      for (std::uint32_t k = n.orig_end[i - 1]; k < n.orig_begin[i] && !split; ++k)
        split = kefu::ends_sentence(kefu::fold_char(chars[k]));
      require(split, "a repeat survived the collapse");
    }
    last_end = n.orig_end[i];
  }
  require(kefu::content_length(chars) <= chars.size(), "content length exceeds the text");
}

void check_whole_reply(std::string_view bytes, const std::u32string& reference, std::size_t bad,
                       unsigned selector) {
  // Four configurations: the engine cache keeps four, so the fuzzer does not spend its time
  // recompiling packs.
  kefu::Options o;
  static const char* const kPlatforms[] = {"taobao", "jd", "pdd", "douyin"};
  o.platform = kPlatforms[selector % 4];
  o.shop_pack = selector % 4 != 2;
  if (selector % 4 != 3) o.packs.push_back({"kinds.json", g_kinds_pack});
  o.format = kefu::Format::kJson;

  const kefu::Output out = kefu::check(bytes, o);
  require(out.status == 0 || out.status == 1, "check of a reply under the limit gave status 2",
          out.err);
  const auto j = kefu::fuzz::parse_answer(out.out, "check");
  kefu::fuzz::require_findings_slice_back(j.at("findings"), reference, "check");
  bool any_error = false;
  for (const auto& f : j["findings"]) any_error |= f.at("severity") == "error";
  require(any_error == (out.status == 1), "status 1 does not match the error-severity findings");
  const std::size_t expected_warnings =
      std::min(bad, kefu::DecodedText::kMaxReported) + (bad > kefu::DecodedText::kMaxReported);
  require(j.at("warnings").size() == expected_warnings, "one input.E101 warning per invalid byte",
          j["warnings"].dump());

  require(kefu::check(bytes, o).out == out.out,
          "the same reply checked twice answered differently");

  o.format = kefu::Format::kText;
  const kefu::Output text = kefu::check(bytes, o);
  require(text.status == out.status, "text and JSON formats disagree on the status");
  require(kefu::fuzz::is_valid_utf8(text.out), "the text report is not valid UTF-8", text.out);

  const kefu::Output masked = kefu::mask(bytes, o);
  require(masked.status == 0, "mask of a reply under the limit failed", masked.err);
  require(kefu::fuzz::is_valid_utf8(masked.out), "masked text is not valid UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::FILE* f = std::fopen(KEFU_SOURCE_DIR "/tests/fixtures/packs/kinds.json", "rb");
  if (!f) kefu::fuzz::fail("cannot read tests/fixtures/packs/kinds.json");
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) g_kinds_pack.append(buf, n);
  std::fclose(f);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned selector = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t bad = 0;
  const std::u32string reference = kefu::fuzz::reference_decode(bytes, &bad);
  check_decoding(bytes, reference, bad);
  check_normalization(reference);
  check_whole_reply(bytes, reference, bad, selector);
  return 0;
}
