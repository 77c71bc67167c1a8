// kind "detector": personal data and contact handles found by algorithm (checksums, shapes),
// with the words that cue them (handles) or mark them (addresses) taken from the pack.
#include "detect/detectors.h"
#include "rules/kinds.h"
#include "rules/term_list.h"
#include "text/utf8.h"

namespace kefu {
namespace {

enum class Detector { kMobile, kIdCard, kBankCard, kEmail, kHandle, kAddress };

class DetectorRule : public ReplyRule {
 public:
  DetectorRule(Detector d, AddressMarkers markers) : detector_(d), markers_(std::move(markers)) {}
  bool masks() const override { return true; }

  void run(const ReplyView& view, const std::vector<Hit>& hits,
           std::vector<RawFinding>& out) const override {
    std::u32string_view f = view.norm.folded;
    std::vector<DetectedSpan> spans;
    switch (detector_) {
      case Detector::kMobile:
        spans = find_mobiles(view.norm, view.original);
        break;
      case Detector::kIdCard:
        spans = find_id_cards(view.norm, view.original);
        break;
      case Detector::kBankCard:
        spans = find_bank_cards(view.norm, view.original);
        break;
      case Detector::kEmail:
        spans = find_emails(f, view.original);
        break;
      case Detector::kAddress:
        spans = find_addresses(f, view.original, markers_);
        break;
      case Detector::kHandle: {
        std::uint32_t last = 0;
        for (const Hit& h : allowed_hits(hits, Role::kCue)) {
          DetectedSpan s;
          std::uint32_t cue_end = view.norm.end_of(h.end);
          if (cue_end >= last && find_handle_after(f, view.original, cue_end, s)) {
            // The finding covers the cue too: "微信 abc123" is one act of sharing a contact.
            s.start = view.norm.begin_of(h.start);
            s.masked =
                encode_utf8(view.original.substr(s.start, cue_end - s.start)) + " " + s.masked;
            last = s.end;
            spans.push_back(s);
          }
        }
        break;
      }
    }
    for (auto& s : spans) out.push_back({s.start, s.end, std::move(s.masked)});
  }

 private:
  Detector detector_;
  AddressMarkers markers_;
};

bool read_marker_list(const nlohmann::json& markers, const char* key, KindContext& ctx,
                      std::vector<std::u32string>& out) {
  const std::string ptr = std::string("/markers/") + key;
  if (!markers.contains(key) || !markers[key].is_array() || markers[key].empty()) {
    ctx.error("pack.E102", ptr, "needs a non-empty array of marker words");
    return false;
  }
  for (std::size_t i = 0; i < markers[key].size(); ++i) {
    const auto& v = markers[key][i];
    if (!v.is_string()) {
      ctx.error("pack.E201", ptr + "/" + std::to_string(i), "must be a string");
      return false;
    }
    std::u32string w;
    for (char32_t c : decode_utf8(v.get<std::string>()).chars) w.push_back(fold_char(c));
    out.push_back(w);
  }
  return true;
}

}  // namespace

std::unique_ptr<ReplyRule> compile_detector(const nlohmann::json& rule, KindContext& ctx) {
  static const std::pair<const char*, Detector> kNames[] = {
      {"mobile", Detector::kMobile},      {"id_card", Detector::kIdCard},
      {"bank_card", Detector::kBankCard}, {"email", Detector::kEmail},
      {"handle", Detector::kHandle},      {"address", Detector::kAddress}};
  if (!rule.contains("detector") || !rule["detector"].is_string()) {
    ctx.error("pack.E102", "/detector",
              "must name a detector: mobile, id_card, bank_card, email, handle, address");
    return nullptr;
  }
  const std::string name = rule["detector"].get<std::string>();
  const Detector* d = nullptr;
  for (const auto& [n, det] : kNames)
    if (name == n) d = &det;
  if (!d) {
    ctx.error("pack.E202", "/detector",
              "unknown detector \"" + name +
                  "\"; expected one of: mobile, id_card, bank_card, email, handle, address");
    return nullptr;
  }
  AddressMarkers markers;
  if (*d == Detector::kHandle) {
    TermList cues;
    if (!read_terms(rule, "cues", Role::kCue, ctx, cues)) return nullptr;
  } else if (*d == Detector::kAddress) {
    if (!rule.contains("markers") || !rule["markers"].is_object()) {
      ctx.error("pack.E102", "/markers",
                "an address detector needs {\"admin\", \"street\", \"unit\"} marker lists");
      return nullptr;
    }
    const auto& m = rule["markers"];
    if (!read_marker_list(m, "admin", ctx, markers.admin) ||
        !read_marker_list(m, "street", ctx, markers.street) ||
        !read_marker_list(m, "unit", ctx, markers.unit))
      return nullptr;
  }
  return std::make_unique<DetectorRule>(*d, std::move(markers));
}

}  // namespace kefu
