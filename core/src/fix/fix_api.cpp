// kefu::fix and kefu::phrases: the public entry points of this module (kefu/kefu.h).
#include "api/api_common.h"
#include "api/engine.h"
#include "fix/fix_pack.h"
#include "fix/fixer.h"
#include "report/check_report.h"
#include "report/finding_json.h"
#include "text/utf8.h"

namespace kefu {
namespace {

std::string fix_json(const PackSet& packs, const FixResult& r) {
  nlohmann::ordered_json j;
  j["platform"] = packs.platform;
  j["text"] = r.text;
  j["changes"] = nlohmann::ordered_json::array();
  for (const auto& c : r.changes)
    j["changes"].push_back({{"rule", c.rule},
                            {"start", c.start},
                            {"end", c.end},
                            {"start_utf16", c.start_utf16},
                            {"end_utf16", c.end_utf16},
                            {"before", c.before},
                            {"after", c.after}});
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : r.findings) {
    auto fj = finding_to_json(f.finding);
    fj["advice"] = f.advice;
    j["findings"].push_back(std::move(fj));
  }
  return dump_json(j);
}

std::string fix_text(std::string_view original, const FixResult& r) {
  const std::u32string before = decode_utf8(original).chars;
  const std::u32string after = decode_utf8(r.text).chars;
  std::string out = r.text;
  if (out.empty() || out.back() != '\n') out += "\n";
  if (r.changes.empty() && r.findings.empty()) return out + "\n没有发现问题 (no findings)\n";
  out += "\n" + std::to_string(r.changes.size()) + " 处改写 (changes)\n";
  for (const auto& c : r.changes) {
    out += "  " + c.rule + "  " + line_column(before, c.start) + "\n";
    out += "    原文: " + c.before + "\n";
    out += "    改为: " + c.after + "\n";
  }
  if (r.findings.empty()) return out + "改写后复查通过 (clean)\n";
  out += std::to_string(r.findings.size()) + " 处问题没有安全的改写，请手动修改 (remaining)\n";
  for (const auto& f : r.findings) {
    const RuleMeta& m = *f.finding.rule;
    out += "  " + m.severity + "  " + m.title + "  [" + m.category + "] " + m.id + "\n";
    out += "    " + line_column(after, f.finding.start) + " " +
           marked_context(after, f.finding.start, f.finding.end) + "\n";
    if (!f.advice.empty()) out += "    怎么改: " + f.advice + "\n";
  }
  return out;
}

}  // namespace

Output fix(std::string_view reply, const Options& options) {
  return guarded("fix", options.format, [&]() -> Output {
    std::vector<Error> errors;
    if (reply.size() > Limits::kMaxInputBytes) {
      errors.push_back({"input.E103", "", "", 0, 0,
                        "input is " + std::to_string(reply.size()) + " bytes; the limit is " +
                            std::to_string(Limits::kMaxInputBytes)});
      return error_output(errors, options.format);
    }
    const std::shared_ptr<const Engine> engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    const RewriteBook book(engine->packs);
    const FixResult result = fix_reply(*engine->checker, book, reply);
    Output out;
    for (const auto& f : result.findings)
      if (f.finding.rule->severity == "error") out.status = 1;
    out.err = join_errors(result.warnings);
    out.out =
        options.format == Format::kJson ? fix_json(engine->packs, result) : fix_text(reply, result);
    return out;
  });
}

Output phrases(std::string_view scenario, const Options& options) {
  return guarded("phrases", options.format, [&]() -> Output {
    std::vector<Error> errors;
    const std::shared_ptr<const Engine> engine = engine_for(options, errors);
    if (!engine) return error_output(errors, options.format);
    std::vector<Phrase> all = phrases_for(engine->packs, engine->packs.platform);
    std::vector<std::string> scenarios;
    for (const auto& p : all)
      if (std::find(scenarios.begin(), scenarios.end(), p.scenario) == scenarios.end())
        scenarios.push_back(p.scenario);
    if (!scenario.empty() &&
        std::find(scenarios.begin(), scenarios.end(), scenario) == scenarios.end()) {
      std::string list;
      for (const auto& s : scenarios) list += (list.empty() ? "" : "、") + s;
      errors.push_back({"usage.E002", "", "", 0, 0,
                        "--scenario: 没有场景“" + std::string(scenario) + "”；" +
                            engine->packs.platform + " 的场景有：" + list});
      return error_output(errors, options.format);
    }
    std::vector<Phrase> shown;
    for (auto& p : all)
      if (scenario.empty() || p.scenario == scenario) shown.push_back(std::move(p));
    Output out;
    if (options.format == Format::kJson) {
      nlohmann::ordered_json j;
      j["platform"] = engine->packs.platform;
      j["scenarios"] = scenarios;
      j["phrases"] = nlohmann::ordered_json::array();
      for (const auto& p : shown)
        j["phrases"].push_back(
            {{"id", p.id}, {"scenario", p.scenario}, {"title", p.title}, {"text", p.text}});
      out.out = dump_json(j);
    } else {
      std::string last;
      for (const auto& p : shown) {
        if (p.scenario != last)
          out.out += (last.empty() ? "" : "\n") + ("【" + p.scenario + "】\n");
        last = p.scenario;
        out.out += "  " + p.title + "  (" + p.id + ")\n    " + p.text + "\n";
      }
      out.out += "\n" + std::to_string(shown.size()) + " 条话术 (phrases), " +
                 engine->packs.platform + "\n";
    }
    return out;
  });
}

}  // namespace kefu
