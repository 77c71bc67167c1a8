#include "eval/eval.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "api/api_common.h"
#include "api/engine.h"
#include "report/finding_json.h"
#include "text/utf8.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

constexpr const char* kClean = "(clean)";  // the expected side of a clean reply
constexpr const char* kNone = "(none)";    // the found side when nothing was found

// Lines of `text` without their line break (\n or \r\n); a last empty line is not a line.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  std::size_t at = 0;
  int number = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(++number, line);
    at = nl + 1;
  }
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string ratio(int num, int den) {
  if (den == 0) return "  -  ";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(num) / den);
  return buf;
}

nlohmann::ordered_json ratio_json(int num, int den) {
  if (den == 0) return nullptr;
  return static_cast<double>(num) / den;
}

double f1(const CategoryScore& s) {
  const int p = s.tp + s.fp, r = s.tp + s.fn;
  if (p == 0 || r == 0 || s.tp == 0) return 0;
  const double precision = static_cast<double>(s.tp) / p, recall = static_cast<double>(s.tp) / r;
  return 2 * precision * recall / (precision + recall);
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out.empty() ? "无" : out;
}

// A reply on one line of the report: its line breaks shown as ⏎.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n')
      out += "⏎";
    else if (c != '\r')
      out += c;
  }
  return out;
}

std::string fixed2(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

}  // namespace

bool read_labeled(const std::vector<CorpusFile>& files, const std::string& default_platform,
                  std::vector<LabeledReply>& out, std::vector<Error>& errors,
                  const std::vector<PackFile>& packs) {
  const std::size_t before = errors.size();
  const std::vector<vocab::Platform> platforms = vocab::platforms_with(packs);
  for (const auto& file : files) {
    for_each_line(file.text, [&](int number, std::string_view line) {
      if (blank(line)) return;
      auto err = [&](const std::string& code, const std::string& message) {
        errors.push_back({code, file.name, "", number, 0, message});
      };
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        err("input.E301", "第 " + std::to_string(number) +
                              " 行不是 JSON 对象；每行应为 "
                              "{\"id\", \"platform\", \"text\", \"categories\": [...]}");
        return;
      }
      LabeledReply r;
      r.file = file.name;
      r.line = number;
      if (!j.contains("text") || !j["text"].is_string()) {
        err("input.E302",
            "第 " + std::to_string(number) + " 行缺少字符串字段 \"text\"（回复原文）");
        return;
      }
      r.text = j["text"].get<std::string>();
      if (!j.contains("categories") || !j["categories"].is_array()) {
        err("input.E302", "第 " + std::to_string(number) +
                              " 行缺少数组字段 \"categories\"（违规类别；干净的回复写 []）");
        return;
      }
      bool ok = true;
      for (const auto& c : j["categories"]) {
        const vocab::Category* cat =
            c.is_string() ? vocab::find_category(c.get<std::string>()) : nullptr;
        if (!cat || cat->scope != vocab::Scope::kReply) {
          err("input.E303", "第 " + std::to_string(number) + " 行的类别 " + c.dump() +
                                " 不是回复类别（kefu-lint rules --format json 列出类别）");
          ok = false;
          continue;
        }
        r.expected.insert(c.get<std::string>());
      }
      r.platform = default_platform;
      if (j.contains("platform") && !j["platform"].is_null()) {
        bool known = false;
        if (j["platform"].is_string())
          for (const auto& p : platforms) known |= p.name == j["platform"].get<std::string>();
        if (!known) {
          err("input.E303", "第 " + std::to_string(number) + " 行的平台 " + j["platform"].dump() +
                                " 未知；可选：" + vocab::platform_list(platforms));
          ok = false;
        } else {
          r.platform = j["platform"].get<std::string>();
        }
      }
      if (j.contains("id") && (j["id"].is_string() || j["id"].is_number()))
        r.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
      else
        r.id = file.name + ":" + std::to_string(number);
      if (ok) out.push_back(std::move(r));
    });
  }
  return errors.size() == before;
}

bool score(const CheckerFor& checker_for, EvalReport& report) {
  // By platform, one compiled engine at a time (the engine cache keeps only a few).
  std::vector<std::string> platforms;
  for (const auto& r : report.replies)
    if (std::find(platforms.begin(), platforms.end(), r.platform) == platforms.end())
      platforms.push_back(r.platform);
  for (const auto& platform : platforms) {
    const ReplyChecker* checker = checker_for(platform);
    if (!checker) return false;
    for (auto& r : report.replies) {
      if (r.platform != platform) continue;
      for (const auto& f : checker->check(r.text).findings) {
        if (f.rule->severity != "error" && f.rule->severity != "warning") continue;
        r.found.insert(f.rule->category);
        if (std::find(r.rules.begin(), r.rules.end(), f.rule->id) == r.rules.end())
          r.rules.push_back(f.rule->id);
      }
    }
  }
  for (const auto& r : report.replies) {
    for (const auto& c : r.expected) {
      auto& s = report.categories[c];
      ++report.expected_total;
      if (r.found.count(c)) {
        ++s.tp;
        ++report.expected_found;
      } else {
        ++s.fn;
      }
    }
    for (const auto& c : r.found)
      if (!r.expected.count(c)) ++report.categories[c].fp;
    if (r.expected.empty()) {
      ++report.clean_lines;
      if (r.found.empty()) ++report.clean_kept;
    }
    const std::set<std::string> expected =
        r.expected.empty() ? std::set<std::string>{kClean} : r.expected;
    const std::set<std::string> found = r.found.empty() ? std::set<std::string>{kNone} : r.found;
    for (const auto& e : expected)
      for (const auto& f : found) ++report.confusion[e][f];
  }
  return true;
}

Output check_lines(std::string_view text, const Options& options) {
  return guarded("check", Format::kJson, [&]() -> Output {
    std::vector<Error> errors;
    if (text.size() > Limits::kMaxInputBytes) {
      errors.push_back({"input.E103", "", "", 0, 0,
                        "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                            std::to_string(Limits::kMaxInputBytes)});
      return error_output(errors, Format::kJson);
    }
    auto engine = engine_for(options, errors);
    if (!engine) return error_output(errors, Format::kJson);
    Output out;
    for_each_line(text, [&](int number, std::string_view line) {
      ReplyResult result = engine->checker->check(line);
      nlohmann::ordered_json j;
      j["line"] = number;
      j["findings"] = nlohmann::ordered_json::array();
      for (const auto& f : result.findings) {
        j["findings"].push_back(finding_to_json(f));
        if (f.rule->severity == "error") out.status = 1;
      }
      for (auto w : result.warnings) {
        w.line = number;
        out.err += w.to_string() + "\n";
      }
      out.out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      out.out += '\n';
    });
    return out;
  });
}

Output eval(const std::vector<CorpusFile>& files, const EvalThresholds& thresholds,
            const Options& options) {
  return guarded("eval", options.format, [&]() -> Output {
    std::vector<Error> errors;
    EvalReport report;
    if (files.empty()) {
      errors.push_back({"usage.E002", "", "", 0, 0, "eval 需要至少一个 .jsonl 文件"});
      return error_output(errors, options.format);
    }
    if (!read_labeled(files, options.platform, report.replies, errors, options.packs))
      return error_output(errors, options.format);
    decltype(engine_for(options, errors)) engine{};  // the current platform's, kept alive
    const bool scored = score(
        [&](const std::string& platform) -> const ReplyChecker* {
          Options o = options;
          o.platform = platform;
          engine = engine_for(o, errors);
          return engine ? engine->checker.get() : nullptr;
        },
        report);
    if (!scored) return error_output(errors, options.format);
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.name);
    return render_eval(report, names, thresholds, options.format);
  });
}

Output render_eval(const EvalReport& report, const std::vector<std::string>& files,
                   const EvalThresholds& thresholds, Format format) {
  {
    // Thresholds: every labeled category's recall, and the clean rate.
    std::vector<std::string> failures;
    for (const auto& [cat, s] : report.categories) {
      const int support = s.tp + s.fn;
      if (thresholds.min_recall >= 0 && support > 0 &&
          static_cast<double>(s.tp) / support < thresholds.min_recall)
        failures.push_back(cat + " 召回率 " + ratio(s.tp, support) + " 低于 " +
                           fixed2(thresholds.min_recall));
    }
    if (thresholds.min_clean >= 0 && report.clean_lines > 0 &&
        static_cast<double>(report.clean_kept) / report.clean_lines < thresholds.min_clean)
      failures.push_back("干净率 " + ratio(report.clean_kept, report.clean_lines) + " 低于 " +
                         fixed2(thresholds.min_clean));

    Output out;
    out.status = failures.empty() ? 0 : 1;
    for (const auto& f : failures) out.err += "kefu-lint eval: " + f + "\n";

    if (format == Format::kJson) {
      nlohmann::ordered_json j;
      j["files"] = files;
      j["lines"] = report.replies.size();
      nlohmann::ordered_json cats = nlohmann::ordered_json::object();
      for (const auto& [cat, s] : report.categories) {
        cats[cat] = {{"expected", s.tp + s.fn},
                     {"found", s.tp + s.fp},
                     {"true_positive", s.tp},
                     {"false_positive", s.fp},
                     {"false_negative", s.fn},
                     {"precision", ratio_json(s.tp, s.tp + s.fp)},
                     {"recall", ratio_json(s.tp, s.tp + s.fn)},
                     {"f1", f1(s)}};
      }
      j["categories"] = cats;
      j["overall"] = {{"recall", ratio_json(report.expected_found, report.expected_total)},
                      {"expected", report.expected_total},
                      {"found", report.expected_found},
                      {"clean_rate", ratio_json(report.clean_kept, report.clean_lines)},
                      {"clean_lines", report.clean_lines},
                      {"clean_kept", report.clean_kept}};
      j["confusion"] = report.confusion;
      auto line_json = [](const LabeledReply& r) {
        nlohmann::ordered_json x;
        x["id"] = r.id;
        x["file"] = r.file;
        x["line"] = r.line;
        x["platform"] = r.platform;
        x["text"] = r.text;
        x["expected"] = r.expected;
        x["found"] = r.found;
        x["rules"] = r.rules;
        return x;
      };
      j["misses"] = nlohmann::ordered_json::array();
      j["false_alarms"] = nlohmann::ordered_json::array();
      for (const auto& r : report.replies) {
        bool miss = false, alarm = false;
        for (const auto& c : r.expected) miss |= !r.found.count(c);
        for (const auto& c : r.found) alarm |= !r.expected.count(c);
        if (miss) j["misses"].push_back(line_json(r));
        if (alarm) j["false_alarms"].push_back(line_json(r));
      }
      j["thresholds"] = {
          {"min_recall",
           thresholds.min_recall >= 0 ? nlohmann::ordered_json(thresholds.min_recall) : nullptr},
          {"min_clean",
           thresholds.min_clean >= 0 ? nlohmann::ordered_json(thresholds.min_clean) : nullptr}};
      j["passed"] = failures.empty();
      j["failures"] = failures;
      out.out = dump_json(j);
      return out;
    }

    std::string& t = out.out;
    t += "评测 " + std::to_string(report.replies.size()) + " 条回复（";
    for (std::size_t i = 0; i < files.size(); ++i) t += (i ? ", " : "") + files[i];
    t += "）\n\n";
    t += pad("类别", 30) + "精确率  召回率  F1     应报  命中  误报\n";
    for (const auto& [cat, s] : report.categories) {
      char f1s[16];
      std::snprintf(f1s, sizeof f1s, "%.3f", f1(s));
      t += pad(cat, 28) + ratio(s.tp, s.tp + s.fp) + "   " + ratio(s.tp, s.tp + s.fn) + "   " +
           f1s + "  " + pad(std::to_string(s.tp + s.fn), 6) + pad(std::to_string(s.tp), 6) +
           std::to_string(s.fp) + "\n";
    }
    t += "\n总体召回率 " + ratio(report.expected_found, report.expected_total) + "（" +
         std::to_string(report.expected_found) + "/" + std::to_string(report.expected_total) +
         "），干净率 " + ratio(report.clean_kept, report.clean_lines) + "（" +
         std::to_string(report.clean_kept) + "/" + std::to_string(report.clean_lines) + "）\n";
    t += "\n混淆（应为 → 实报: 条数）\n";
    for (const auto& [e, row] : report.confusion) {
      t += "  " + pad(e, 28) + "→";
      for (const auto& [f, n] : row) t += " " + f + ": " + std::to_string(n) + ";";
      t += "\n";
    }
    std::string misses, alarms;
    int n_miss = 0, n_alarm = 0;
    for (const auto& r : report.replies) {
      std::set<std::string> missing, extra;
      for (const auto& c : r.expected)
        if (!r.found.count(c)) missing.insert(c);
      for (const auto& c : r.found)
        if (!r.expected.count(c)) extra.insert(c);
      std::string rules;
      for (const auto& id : r.rules) rules += (rules.empty() ? "" : ", ") + id;
      if (!missing.empty()) {
        ++n_miss;
        misses += "  [" + r.id + "] " + r.platform + " 漏 " + join(missing) + "（实报 " +
                  join(r.found) + "）：" + one_line(r.text) + "\n";
      }
      if (!extra.empty()) {
        ++n_alarm;
        alarms += "  [" + r.id + "] " + r.platform + " 多报 " + join(extra) + "（" + rules +
                  "）：" + one_line(r.text) + "\n";
      }
    }
    t += "\n漏报 " + std::to_string(n_miss) + " 条\n" + misses;
    t += "\n误报 " + std::to_string(n_alarm) + " 条\n" + alarms;
    if (!failures.empty()) {
      t += "\n未达标：\n";
      for (const auto& f : failures) t += "  " + f + "\n";
    }
    return out;
  }
}

}  // namespace kefu
