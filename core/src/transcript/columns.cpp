// Column names of spreadsheet exports, and the names of the layouts the text reader knows.
#include <nlohmann/json.hpp>

#include "pack/builtin_packs.h"
#include "transcript/transcript_reader.h"

namespace kefu {

bool TranscriptColumns::from_json(const nlohmann::json& v, const std::string& file,
                                  const std::string& pointer, TranscriptColumns& out,
                                  std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  if (!v.is_object()) {
    errors.push_back({"pack.E202", file, pointer, 0, 0,
                      "must be an object of word lists: time, role, name, text, conversation, "
                      "buyer, agent, system"});
    return false;
  }
  TranscriptColumns c;
  const std::pair<const char*, std::vector<std::string>*> fields[] = {
      {"time", &c.time},
      {"role", &c.role},
      {"name", &c.name},
      {"text", &c.text},
      {"conversation", &c.conversation},
      {"buyer", &c.buyer},
      {"agent", &c.agent},
      {"system", &c.system},
      {"agent_name", &c.agent_name},
      {"buyer_name", &c.buyer_name}};
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::vector<std::string>* list = nullptr;
    for (const auto& f : fields)
      if (it.key() == f.first) list = f.second;
    if (!list) {
      errors.push_back({"pack.E103", file, pointer + "/" + it.key(), 0, 0,
                        "unknown field; transcript_columns has time, role, name, agent_name, "
                        "buyer_name, text, conversation, buyer, agent, system"});
      continue;
    }
    bool ok = it->is_array();
    if (ok)
      for (const auto& w : *it) ok = ok && w.is_string() && !w.get<std::string>().empty();
    if (!ok) {
      errors.push_back({"pack.E202", file, pointer + "/" + it.key(), 0, 0,
                        "must be a list of non-empty strings"});
      continue;
    }
    for (const auto& w : *it) list->push_back(w.get<std::string>());
  }
  if (c.text.empty())
    errors.push_back({"pack.E202", file, pointer + "/text", 0, 0,
                      "must list at least one name of the message column (内容)"});
  if (errors.size() != before) return false;
  out = std::move(c);
  return true;
}

const TranscriptColumns& TranscriptColumns::builtin() {
  static const TranscriptColumns columns = [] {
    TranscriptColumns c;
    const BuiltinPack* common = find_builtin_pack("common");
    if (!common) return c;
    const nlohmann::json& doc = builtin_json(*common);
    if (doc.is_object() && doc.contains("settings") && doc["settings"].is_object() &&
        doc["settings"].contains("transcript_columns")) {
      std::vector<Error> ignored;  // the built-in pack is checked by the tests
      from_json(doc["settings"]["transcript_columns"], "common", "/settings/transcript_columns", c,
                ignored);
    }
    return c;
  }();
  return columns;
}

const char* layout_name(Layout l) {
  switch (l) {
    case Layout::kTimedLines:
      return "timed_lines";
    case Layout::kHeading:
      return "heading_then_text";
    case Layout::kUntimed:
      return "untimed_lines";
    case Layout::kCsv:
      return "csv";
    case Layout::kTsv:
      return "tsv";
    case Layout::kJson:
      return "json";
  }
  return "timed_lines";
}

const char* layout_label(Layout l) {
  switch (l) {
    case Layout::kTimedLines:
      return "每行「[时间] 名字: 消息」";
    case Layout::kHeading:
      return "一行「名字 时间」，下一行起是消息";
    case Layout::kUntimed:
      return "没有时间的「名字: 消息」行";
    case Layout::kCsv:
      return "CSV 表格 (逗号分隔，带表头)";
    case Layout::kTsv:
      return "TSV 表格 (制表符分隔，带表头)";
    case Layout::kJson:
      return "JSON";
  }
  return "";
}

Layout TextStats::layout() const {
  std::size_t best = 0;
  for (std::size_t k = 1; k < 6; ++k)
    if (by_layout[k] > by_layout[best]) best = k;
  return static_cast<Layout>(best);
}

}  // namespace kefu
