#include "report/finding_json.h"

#include "transcript/output_escape.h"

namespace kefu {

FindingJsonWriter::FindingJsonWriter(std::string indent)
    : indent_(std::move(indent)),
      end_(",\n" + indent_ + "\"end\": "),
      start_utf16_(",\n" + indent_ + "\"start_utf16\": "),
      end_utf16_(",\n" + indent_ + "\"end_utf16\": "),
      text_(",\n" + indent_ + "\"text\": ") {}

const FindingJsonWriter::RuleParts& FindingJsonWriter::parts_of(const RuleMeta& r) {
  for (const auto& p : parts_)
    if (p.rule == &r) return p;
  const std::string next = ",\n" + indent_;
  RuleParts p{&r, "\"rule\": ", next + "\"title\": ", next + "\"source\": "};
  append_json_string(p.head, r.id);
  p.head += next + "\"category\": ";
  append_json_string(p.head, r.category);
  p.head += next + "\"severity\": ";
  append_json_string(p.head, r.severity);
  p.head += next + "\"start\": ";
  append_json_string(p.middle, r.title);
  p.middle += next + "\"message\": ";
  append_json_string(p.middle, r.message);
  p.middle += next + "\"penalty\": ";
  append_json_string(p.middle, r.penalty);
  p.middle += next + "\"suggestion\": ";
  append_json_string(p.tail, r.source);
  parts_.push_back(std::move(p));
  return parts_.back();
}

void FindingJsonWriter::append_members(std::string& out, const Finding& f) {
  const RuleParts& p = parts_of(*f.rule);
  out += p.head;
  out += std::to_string(f.start);
  out += end_;
  out += std::to_string(f.end);
  out += start_utf16_;
  out += std::to_string(f.start_utf16);
  out += end_utf16_;
  out += std::to_string(f.end_utf16);
  out += text_;
  append_json_string(out, f.text);
  out += p.middle;
  append_json_string(out, f.suggestion);
  out += p.tail;
}

nlohmann::ordered_json finding_to_json(const Finding& f) {
  // The writer's own text read back: the value has exactly the members the writer prints.
  FindingJsonWriter writer("");
  std::string text = "{";
  writer.append_members(text, f);
  text += "}";
  return nlohmann::ordered_json::parse(text);
}

}  // namespace kefu
