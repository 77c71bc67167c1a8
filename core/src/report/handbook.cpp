#include "report/handbook.h"

#include <algorithm>
#include <set>

#include "deadlines/order_facts.h"
#include "report/json_out.h"
#include "sources/sources.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// Markdown tables and lists break on | and newlines inside cells.
std::string md_inline(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n')
      out += " ";
    else if (c == '|')
      out += "\\|";
    else
      out.push_back(c);
  }
  return out;
}

std::size_t chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string duration_text(const nlohmann::json& d) {
  if (!d.is_object()) return "";
  std::string t;
  if (d.contains("days") && d["days"].is_number()) t += std::to_string(d["days"].get<int>()) + "天";
  if (d.contains("hours") && d["hours"].is_number())
    t += std::to_string(d["hours"].get<int>()) + "小时";
  if (d.contains("minutes") && d["minutes"].is_number())
    t += std::to_string(d["minutes"].get<int>()) + "分钟";
  return t;
}

std::string events_text(const nlohmann::json& events) {
  std::string t;
  if (!events.is_array()) return t;
  for (const auto& e : events)
    if (e.is_string()) t += (t.empty() ? "" : "或") + event_title(e.get<std::string>(), "zh");
  return t;
}

// The registry entries the loaded packs cite, in registry order (built-in, then the user's).
std::vector<Source> cited_sources(const PackSet& packs, const std::vector<RuleMeta>& rules) {
  std::string cited;
  for (const auto& r : rules) cited += r.source + "\n";
  for (const auto& d : packs.items("deadlines"))
    if (d.value->is_object() && d.value->contains("source") && (*d.value)["source"].is_string())
      cited += (*d.value)["source"].get<std::string>() + "\n";
  SourceRegistry all = builtin_sources();
  std::vector<Error> ignored;
  for (const auto& p : packs.packs)
    if (!p.builtin) read_sources_section(p.doc, p.file, all, &builtin_sources(), ignored);
  std::vector<Source> out;
  for (const auto& s : all.all())
    if (cited.find(citation_text(s)) != std::string::npos) out.push_back(s);
  return out;
}

const char* kHandoutCss = R"css(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;max-width:60em;margin:auto;padding:0 1em;line-height:1.55;color:#111}
h1,h2,h3{line-height:1.25}
.cover{min-height:80vh;display:flex;flex-direction:column;justify-content:center;text-align:center}
.cover h1{font-size:2.4em;margin:.2em 0}.cover .cover-platform{font-size:1.6em}
.cover dl{display:inline-grid;grid-template-columns:auto auto;gap:.3em 1em;margin:2em auto;text-align:left}
.cover dt{color:#555}.cover dd{margin:0}
nav.toc ol{columns:2;padding-left:1.5em}nav.toc a{color:inherit;text-decoration:none}
section.category>h2{border-bottom:2px solid #333;padding-bottom:.2em}
article.rule{border-top:1px solid #bbb;padding:.4em 0 .6em}
article.rule h3{margin:.3em 0}
.penalty{margin:.3em 0}.authority{display:inline-block;border:1px solid #333;border-radius:3px;padding:0 .35em;margin-right:.4em;font-size:.85em}
.authority.law{background:#fde2e2}.authority.platform{background:#e2ecfd}.authority.shop{background:#fdf3d8}
.none{color:#555}
.replies{display:grid;grid-template-columns:1fr 1fr;gap:.2em 1.2em}
.replies h4{margin:.3em 0 .1em;font-size:.95em}
.replies ul{margin:0;padding-left:1.2em}
.good li::marker{content:"✓ ";color:#060}.bad li::marker{content:"✗ ";color:#a00}
.good li{color:#063}.bad li{color:#8a0000}
.cite{font-size:.85em;color:#444}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #999;padding:.25em .4em;vertical-align:top;text-align:left}
th{background:#eee}
.sources li{margin:.2em 0;font-size:.9em}
@page{size:A4;margin:14mm 14mm 16mm}
@media print{
  body{max-width:none;padding:0;font-size:10.5pt}
  .cover{min-height:0;height:250mm;break-after:page}
  nav.toc{break-after:page}
  section.cheatsheet,section.deadlines,section.sources{break-before:page}
  section.category>h2{margin-top:1.2em}
  section.cheatsheet table{font-size:8pt}section.cheatsheet td{padding:.1em .3em}
  article.rule,tr,.replies{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
}
)css";

}  // namespace

std::string platform_title(const std::string& platform) {
  if (const vocab::Platform* p = vocab::find_platform(platform)) return p->title;
  return platform;
}

std::string platform_title(const PackSet& packs) {
  for (const auto& p : packs.packs)  // a platform a user pack adds names itself
    if (!p.builtin && p.name == packs.platform && vocab::declares_platform(p.doc))
      return vocab::platform_of(p.doc, false).title;
  return platform_title(packs.platform);
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
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string authority_label(const RuleMeta& r) {
  if (r.penalty.empty()) return "";
  if (r.authority == "law") return "法律";
  if (r.authority == "shop" || (r.authority.empty() && r.pack == "shop")) return "店规";
  return "平台规则";
}

std::string penalty_text(const RuleMeta& r) {
  return r.penalty.empty() ? "无明确处罚（服务规范）" : r.penalty;
}

std::vector<std::string> model_replies(const RuleMeta& r, std::size_t n) {
  if (!r.model.empty())
    return std::vector<std::string>(r.model.begin(), r.model.begin() + std::min(n, r.model.size()));
  // Without model replies, the longest good examples read most like whole replies.
  std::vector<std::string> good = r.good;
  std::stable_sort(good.begin(), good.end(),
                   [](const std::string& a, const std::string& b) { return chars(a) > chars(b); });
  good.resize(std::min(n, good.size()));
  return good;
}

std::string ruleset_version(const PackSet& packs) {
  // FNV-1a over what the handout states: the rules and deadlines of every loaded pack (a new
  // stand-in word or phrase elsewhere in a pack does not make a new handout).
  std::uint32_t h = 2166136261u;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
  };
  for (const auto& p : packs.packs) {
    mix(p.name);
    for (const char* section : {"rules", "deadlines"})
      if (p.contributes(section) && p.doc.contains(section)) mix(p.doc[section].dump());
  }
  static const char* hex = "0123456789abcdef";
  std::string v = "r";
  for (int i = 7; i >= 0; --i) v += hex[(h >> (i * 4)) & 15];
  return v;
}

std::string handbook_json(const PackSet& packs, const std::vector<RuleMeta>& rules) {
  nlohmann::ordered_json j;
  j["platform"] = packs.platform;
  j["version"] = ruleset_version(packs);
  j["packs"] = nlohmann::ordered_json::array();
  for (const auto& p : packs.packs)
    if (p.contributes("rules"))
      j["packs"].push_back({{"name", p.name}, {"title", p.doc.value("title", p.name)}});
  j["categories"] = nlohmann::ordered_json::array();
  for (const auto& c : vocab::categories()) j["categories"].push_back(vocab::category_json(c));
  j["rules"] = nlohmann::ordered_json::array();
  for (const auto& r : rules) {
    nlohmann::ordered_json x = {{"id", r.id},
                                {"kind", r.kind},
                                {"category", r.category},
                                {"severity", r.severity},
                                {"title", r.title},
                                {"message", r.message},
                                {"penalty", r.penalty},
                                {"authority", r.penalty.empty()                         ? ""
                                              : r.authority.empty() && r.pack == "shop" ? "shop"
                                              : r.authority.empty()                     ? "platform"
                                                                    : r.authority},
                                {"source", r.source},
                                {"pack", r.pack},
                                {"suggestion", r.suggestion}};
    if (!r.title_en.empty()) x["title_en"] = r.title_en;
    if (!r.message_en.empty()) x["message_en"] = r.message_en;
    x["examples"] = {{"bad", r.bad}, {"good", r.good}};
    x["model"] = model_replies(r, 3);
    j["rules"].push_back(x);
  }
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : cited_sources(packs, rules)) {
    nlohmann::ordered_json x = {{"id", s.id},       {"kind", s.kind},
                                {"title", s.title}, {"issuer", s.issuer},
                                {"date", s.date},   {"citation", citation_text(s)}};
    if (!s.url.empty()) x["url"] = s.url;
    if (!s.note.empty()) x["note"] = s.note;
    j["sources"].push_back(x);
  }
  return dump_json(j);
}

std::string handbook_markdown(const PackSet& packs, const std::vector<RuleMeta>& rules) {
  std::string out = "# 规则手册 · " + platform_title(packs) + "\n\n";
  out += std::to_string(rules.size()) + " 条规则 · 规则集 " + ruleset_version(packs) + "\n";
  for (const auto& r : rules) {
    out += "\n## " + md_inline(r.title) + "\n\n";
    out += "- 类别: " + category_title(r.category) + " · 处罚: " +
           (r.penalty.empty() ? penalty_text(r)
                              : "[" + authority_label(r) + "] " + md_inline(r.penalty)) +
           "\n";
    out += "- 说明: " + md_inline(r.message) + "\n";
    if (!r.suggestion.empty()) out += "- 建议: " + md_inline(r.suggestion) + "\n";
    out += "- 来源: " + md_inline(r.source) + "\n";
    out += "- 示范回复:\n";
    for (const auto& g : model_replies(r, 3)) out += "  - ✓ " + md_inline(g) + "\n";
    out += "- 错误示例:\n";
    for (std::size_t i = 0; i < r.bad.size() && i < 3; ++i)
      out += "  - ✗ " + md_inline(r.bad[i]) + "\n";
  }
  return out;
}

std::string handbook_html(const PackSet& packs, const std::vector<RuleMeta>& rules,
                          const HandbookOptions& options) {
  const std::string platform = platform_title(packs);
  std::string out =
      "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<title>客服规则培训手册 · " +
      html_escape(platform) + "</title>\n<style>" + kHandoutCss + "</style>\n</head>\n<body>\n";
  out += "<div class=\"handout\" data-platform=\"" + html_escape(packs.platform) + "\">\n";
  // Cover.
  out += "<header class=\"cover\">\n<p class=\"cover-platform\">" + html_escape(platform) +
         "</p>\n<h1>客服规则培训手册</h1>\n";
  if (!options.shop_name.empty())
    out += "<p class=\"shop\">" + html_escape(options.shop_name) + "</p>\n";
  out += "<dl>\n<dt>平台</dt><dd>" + html_escape(platform) + "</dd>\n";
  if (!options.shop_name.empty())
    out += "<dt>店铺</dt><dd>" + html_escape(options.shop_name) + "</dd>\n";
  if (!options.date.empty()) out += "<dt>日期</dt><dd>" + html_escape(options.date) + "</dd>\n";
  out += "<dt>规则集版本</dt><dd data-version>" + ruleset_version(packs) +
         "</dd>\n<dt>规则数</dt><dd>" + std::to_string(rules.size()) + " 条</dd>\n</dl>\n";
  out +=
      "<p class=\"cite\">处罚标注：<span class=\"authority law\">法律</span>法律法规 · <span "
      "class=\"authority platform\">平台规则</span>平台规则 · "
      "<span class=\"authority shop\">店规</span>本店规范（只约束本店）</p>\n</header>\n";

  // Categories in vocabulary order, each with its rules.
  std::vector<std::pair<std::string, std::vector<const RuleMeta*>>> groups;
  for (const auto& c : vocab::categories()) {
    std::vector<const RuleMeta*> in;
    for (const auto& r : rules)
      if (r.category == c.name) in.push_back(&r);
    if (!in.empty()) groups.emplace_back(std::string(c.name), std::move(in));
  }
  std::vector<SectionItem> deadlines = packs.items("deadlines");

  out += "<nav class=\"toc\">\n<h2>目录</h2>\n<ol>\n";
  for (const auto& [cat, in] : groups)
    out += "<li><a href=\"#cat-" + html_escape(cat) + "\">" + html_escape(category_title(cat)) +
           "</a>（" + std::to_string(in.size()) + " 条）</li>\n";
  out += "<li><a href=\"#cheatsheet\">速查表</a></li>\n";
  if (!deadlines.empty()) out += "<li><a href=\"#deadlines\">订单时限</a></li>\n";
  out += "<li><a href=\"#sources\">来源</a></li>\n</ol>\n</nav>\n";

  for (const auto& [cat, in] : groups) {
    out += "<section class=\"category\" id=\"cat-" + html_escape(cat) + "\" data-category=\"" +
           html_escape(cat) + "\">\n<h2>" + html_escape(category_title(cat)) + "</h2>\n";
    for (const RuleMeta* r : in) {
      out += "<article class=\"rule\" data-rule=\"" + html_escape(r->id) + "\">\n<h3>" +
             html_escape(r->title) + "</h3>\n";
      out += "<p>" + html_escape(r->message) + "</p>\n";
      out += "<p class=\"penalty\">处罚：";
      if (r->penalty.empty()) {
        out += "<span class=\"none\">" + penalty_text(*r) + "</span>";
      } else {
        const std::string label = authority_label(*r);
        const char* cls = label == "法律" ? "law" : label == "店规" ? "shop" : "platform";
        out += "<span class=\"authority " + std::string(cls) + "\">" + label + "</span>" +
               html_escape(r->penalty);
      }
      out += "</p>\n";
      if (!r->suggestion.empty()) out += "<p>建议：" + html_escape(r->suggestion) + "</p>\n";
      out += "<div class=\"replies\">\n<div><h4>示范回复</h4><ul class=\"good\">\n";
      for (const auto& g : model_replies(*r, 3)) out += "<li>" + html_escape(g) + "</li>\n";
      out += "</ul></div>\n<div><h4>不要这样说</h4><ul class=\"bad\">\n";
      for (std::size_t i = 0; i < r->bad.size() && i < 3; ++i)
        out += "<li>" + html_escape(r->bad[i]) + "</li>\n";
      out += "</ul></div>\n</div>\n<p class=\"cite\">来源：" + html_escape(r->source) +
             "</p>\n</article>\n";
    }
    out += "</section>\n";
  }

  // One page: per category, what not to say and what to say instead.
  out +=
      "<section class=\"cheatsheet\" "
      "id=\"cheatsheet\">\n<h2>速查表</h2>\n<table>\n<thead><tr><th>类别</th><th>不要说</"
      "th><th>改说</th></tr></thead>\n<tbody>\n";
  for (const auto& [cat, in] : groups) {
    // Reply categories only: a conversation rule's examples are whole chats, not a phrase.
    const auto* c = vocab::find_category(cat);
    if (!c || c->scope != vocab::Scope::kReply) continue;
    std::string dont, say;
    std::set<std::string> seen;
    for (const RuleMeta* r : in) {
      if (!r->bad.empty() && seen.insert(r->bad.front()).second && seen.size() <= 2)
        dont += "<div>" + html_escape(r->bad.front()) + "</div>";
    }
    for (const RuleMeta* r : in) {
      const auto m = model_replies(*r, 1);
      if (!m.empty()) {
        say = "<div>" + html_escape(m.front()) + "</div>";
        break;
      }
    }
    out += "<tr><td>" + html_escape(category_title(cat)) + "</td><td>" + dont + "</td><td>" + say +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";

  if (!deadlines.empty()) {
    out += "<section class=\"deadlines\" id=\"deadlines\">\n<h2>订单时限 · " +
           html_escape(platform) +
           "</h2>\n<table>\n<thead><tr><th>时限</th><th>起算</th><th>期限</th><th>超时后果</"
           "th><th>处罚</th></tr></thead>\n<tbody>\n";
    for (const auto& d : deadlines) {
      const auto& j = *d.value;
      if (!j.is_object()) continue;
      std::string len = duration_text(j.value("duration", nlohmann::json()));
      if (len.empty() && j.contains("due_at")) len = "至约定时间";
      out += "<tr data-deadline=\"" + html_escape(j.value("id", "")) + "\"><td>" +
             html_escape(j.value("title", "")) + "</td><td>" +
             html_escape(events_text(j.value("from", nlohmann::json()))) + "</td><td>" +
             html_escape(len) + "</td><td>" + html_escape(j.value("consequence", "")) +
             "</td><td>" +
             html_escape(j.value("penalty", "").empty() ? "—" : j.value("penalty", "")) +
             "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
  }

  out += "<section class=\"sources\" id=\"sources\">\n<h2>来源</h2>\n<ol class=\"sources\">\n";
  for (const auto& s : cited_sources(packs, rules)) {
    out += "<li>" + html_escape(citation_text(s));
    if (!s.note.empty()) out += "（" + html_escape(s.note) + "）";
    if (!s.url.empty()) out += "<br><span class=\"cite\">" + html_escape(s.url) + "</span>";
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n</div>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace kefu
