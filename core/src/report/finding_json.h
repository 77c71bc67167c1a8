// The finding object of the JSON output (README), written in one place. check, transcript, eval
// and fix all print a finding through FindingJsonWriter, so its members, their order and their
// escaping are defined once; finding_to_json gives the same members as a JSON value for outputs
// built as documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reply/finding.h"

namespace kefu {

class FindingJsonWriter {
 public:
  // `indent`: what starts each member's line after the first (a line break is written before it).
  explicit FindingJsonWriter(std::string indent);

  // Appends the members "rule" … "source", separated by "," and a line break + indent; no braces
  // and nothing before the first member or after the last, so a caller can add its own members
  // around them (a transcript finding's conversation, message and detail).
  void append_members(std::string& out, const Finding& f);

 private:
  // A rule's own members are the same in each of its findings: escaped once per rule, around the
  // finding's offsets, text and suggestion (a pasted transcript has tens of thousands of findings,
  // and escaping or building a JSON value per finding cost more than checking the text).
  struct RuleParts {
    const RuleMeta* rule;
    std::string head, middle, tail;  // before start, between text and suggestion, after it
  };
  const RuleParts& parts_of(const RuleMeta& r);

  std::string indent_;
  std::string end_, start_utf16_, end_utf16_, text_;  // the separators and keys between offsets
  std::vector<RuleParts> parts_;
};

nlohmann::ordered_json finding_to_json(const Finding& f);

}  // namespace kefu
