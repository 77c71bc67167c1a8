#include "report/handbook.h"

#include "report/json_out.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

std::string platform_title(const PackSet& packs) {
  for (const auto& p : vocab::platforms())
    if (p.name == packs.platform) return std::string(p.title);
  return packs.platform;
}

std::string category_title(const std::string& name) {
  const auto* c = vocab::find_category(name);
  return c ? std::string(c->title) : name;
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Markdown tables and lists break on | and newlines inside cells.
std::string md_inline(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += " ";
    else if (c == '|') out += "\\|";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

std::string handbook_json(const PackSet& packs, const std::vector<RuleMeta>& rules) {
  nlohmann::ordered_json j;
  j["platform"] = packs.platform;
  j["packs"] = nlohmann::ordered_json::array();
  for (const auto& p : packs.packs)
    if (p.contributes("rules"))
      j["packs"].push_back({{"name", p.name}, {"file", p.file},
                            {"title", p.doc.value("title", p.name)}});
  j["categories"] = nlohmann::ordered_json::array();
  for (const auto& c : vocab::categories())
    j["categories"].push_back({{"name", c.name},
                               {"scope", c.scope == vocab::Scope::kReply ? "reply" : "conversation"},
                               {"title", c.title},
                               {"title_en", c.title_en}});
  j["rules"] = nlohmann::ordered_json::array();
  for (const auto& r : rules) {
    nlohmann::ordered_json x = {{"id", r.id},           {"kind", r.kind},         {"category", r.category},
                        {"severity", r.severity}, {"title", r.title},     {"message", r.message},
                        {"penalty", r.penalty},   {"source", r.source},   {"pack", r.pack},
                        {"suggestion", r.suggestion}};
    if (!r.title_en.empty()) x["title_en"] = r.title_en;
    if (!r.message_en.empty()) x["message_en"] = r.message_en;
    if (!r.follows.empty()) x["follows"] = r.follows;
    x["examples"] = {{"bad", r.bad}, {"good", r.good}};
    j["rules"].push_back(x);
  }
  return dump_json(j);
}

std::string handbook_markdown(const PackSet& packs, const std::vector<RuleMeta>& rules) {
  std::string out = "# 规则手册 · " + platform_title(packs) + "\n\n";
  out += std::to_string(rules.size()) + " 条规则 (packs:";
  for (const auto& p : packs.packs)
    if (p.contributes("rules")) out += " " + p.name;
  out += ")\n";
  for (const auto& r : rules) {
    out += "\n## " + md_inline(r.title) + " · `" + r.id + "`\n\n";
    out += "- 类别: " + category_title(r.category) + " (`" + r.category + "`) · 严重程度: " +
           r.severity + " · 处罚: " + (r.penalty.empty() ? "未规定" : md_inline(r.penalty)) + "\n";
    out += "- 说明: " + md_inline(r.message) + "\n";
    if (!r.suggestion.empty()) out += "- 建议: " + md_inline(r.suggestion) + "\n";
    out += "- 来源: " + md_inline(r.source) + "\n";
    if (!r.follows.empty()) out += "- 依据取舍: " + md_inline(r.follows) + "\n";
    out += "- 错误示例:\n";
    for (const auto& b : r.bad) out += "  - ✗ " + md_inline(b) + "\n";
    out += "- 正确示例:\n";
    for (const auto& g : r.good) out += "  - ✓ " + md_inline(g) + "\n";
  }
  return out;
}

std::string handbook_html(const PackSet& packs, const std::vector<RuleMeta>& rules) {
  std::string out =
      "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>规则手册 · " +
      html_escape(platform_title(packs)) +
      "</title>\n<style>\nbody{font-family:sans-serif;max-width:60em;margin:auto;line-height:1.5}\n"
      "section{border-top:1px solid #999;padding:.5em 0;break-inside:avoid}\n"
      ".bad{color:#a00}.good{color:#060}\n@media print{body{max-width:none}}\n</style>\n</head>\n<body>\n";
  out += "<h1>规则手册 · " + html_escape(platform_title(packs)) + "</h1>\n";
  for (const auto& r : rules) {
    out += "<section data-rule=\"" + html_escape(r.id) + "\" data-category=\"" +
           html_escape(r.category) + "\" data-severity=\"" + html_escape(r.severity) + "\">\n";
    out += "<h2>" + html_escape(r.title) + " <code>" + html_escape(r.id) + "</code></h2>\n";
    out += "<p>类别: " + html_escape(category_title(r.category)) + " · 严重程度: " +
           html_escape(r.severity) + " · 处罚: " + html_escape(r.penalty.empty() ? "未规定" : r.penalty) +
           "</p>\n";
    out += "<p>" + html_escape(r.message) + "</p>\n";
    if (!r.suggestion.empty()) out += "<p>建议: " + html_escape(r.suggestion) + "</p>\n";
    out += "<p>来源: " + html_escape(r.source) + "</p>\n<ul>\n";
    for (const auto& b : r.bad) out += "<li class=\"bad\">✗ " + html_escape(b) + "</li>\n";
    for (const auto& g : r.good) out += "<li class=\"good\">✓ " + html_escape(g) + "</li>\n";
    out += "</ul>\n</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace kefu
