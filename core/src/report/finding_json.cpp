#include "report/finding_json.h"

namespace kefu {

nlohmann::ordered_json finding_to_json(const Finding& f) {
  const RuleMeta& r = *f.rule;
  nlohmann::ordered_json j;
  j["rule"] = r.id;
  j["category"] = r.category;
  j["severity"] = r.severity;
  j["start"] = f.start;
  j["end"] = f.end;
  j["start_utf16"] = f.start_utf16;
  j["end_utf16"] = f.end_utf16;
  j["text"] = f.text;
  j["title"] = r.title;
  j["message"] = r.message;
  j["penalty"] = r.penalty;
  j["suggestion"] = f.suggestion;
  j["source"] = r.source;
  return j;
}

}  // namespace kefu
