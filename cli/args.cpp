#include "args.h"

#include <cstdlib>

namespace kefu::cli {
namespace {

bool parse_format(const std::string& s, Format& f) {
  static const std::pair<const char*, Format> kFormats[] = {{"text", Format::kText},
                                                            {"json", Format::kJson},
                                                            {"csv", Format::kCsv},
                                                            {"markdown", Format::kMarkdown},
                                                            {"html", Format::kHtml}};
  for (const auto& [name, format] : kFormats)
    if (s == name) {
      f = format;
      return true;
    }
  return false;
}

bool parse_count(const std::string& s, long long& out) {
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < 0 || v > 100000) return false;
  out = v;
  return true;
}

}  // namespace

std::string usage() {
  // The platforms come from the packs (kefu-lint vocabulary), so a new platform pack shows here.
  const Options defaults;
  std::string platforms;
  for (const auto& p : kefu::platforms())
    platforms += (platforms.empty() ? "" : ", ") + p + (p == defaults.platform ? " (default)" : "");
  return "usage:\n"
         "  kefu-lint check      [--platform P] [--pack FILE]... [--no-shop] [--format text|json] "
         "[FILE|-]\n"
         "  kefu-lint transcript [--platform P] [--pack FILE]... [--no-shop] [--agent NAME] "
         "[--buyer NAME]\n"
         "                       [--now TIME] [--format text|json|csv] [FILE|-]\n"
         "  kefu-lint deadlines  [--now TIME] [--lang zh|en] [--format text|json] [FILE|-]\n"
         "  kefu-lint points     --platform P [--serious N] [--general N] [--format text|json]\n"
         "  kefu-lint rules      [--platform P] [--pack FILE]... [--no-shop] [--format "
         "json|markdown|html]\n"
         "                       [--shop-name NAME] [--now DATE]\n"
         "  kefu-lint quiz       [--platform P] [--pack FILE]... [--no-shop] [--count N] [--seed "
         "S]\n"
         "                       [--format json|html]\n"
         "  kefu-lint check      --lines [--platform P] [--pack FILE]... [FILE|-]   (JSON Lines "
         "out)\n"
         "  kefu-lint eval       CORPUS.jsonl|DIR [--platform P] [--pack FILE]... [--format "
         "text|json]\n"
         "                       [--min-recall X] [--min-clean Y]\n"
         "  kefu-lint validate   PACK.json\n"
         "  kefu-lint mask       [--platform P] [FILE|-]\n"
         "  kefu-lint fix        [--platform P] [--pack FILE]... [--no-shop] [--format text|json] "
         "[FILE|-]\n"
         "  kefu-lint phrases    [--platform P] [--pack FILE]... [--scenario S] [--format "
         "text|json]\n"
         "  kefu-lint vocabulary [--pack FILE]... [--format text|json]   (platforms, categories, "
         "severities...)\n"
         "platforms: " +
         platforms +
         "; a --pack with \"platform\" adds one\n"
         "exit status: 0 no error-severity finding, 1 findings, 2 bad usage or bad input\n";
}

bool parse_args(int argc, char** argv, Args& args, std::string& error) {
  if (argc < 2) {
    error = "no command given";
    return false;
  }
  args.command = argv[1];
  if (args.command == "-h" || args.command == "--help" || args.command == "help") {
    args.help = true;
    return true;
  }
  // Defaults that differ by command: `rules` is for tools and people alike, JSON by default.
  if (args.command == "rules") args.options.format = Format::kJson;
  if (args.command == "quiz") args.options.format = Format::kJson;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) {
        error = a + " needs a value";
        return false;
      }
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      args.help = true;
    } else if (a == "--platform") {
      if (!value(args.options.platform)) return false;
    } else if (a == "--pack") {
      if (!value(v)) return false;
      args.pack_files.push_back(v);
    } else if (a == "--no-shop") {
      args.options.shop_pack = false;
    } else if (a == "--format") {
      if (!value(v)) return false;
      if (!parse_format(v, args.options.format)) {
        error = "unknown format \"" + v + "\"; expected text, json, csv, markdown or html";
        return false;
      }
    } else if (a == "--now") {
      if (!value(args.options.now)) return false;
    } else if (a == "--lang") {
      if (!value(args.options.lang)) return false;
      if (args.options.lang != "zh" && args.options.lang != "en") {
        error = "--lang must be zh or en, not \"" + args.options.lang + "\"";
        return false;
      }
    } else if (a == "--lines") {
      args.lines = true;
    } else if (a == "--min-recall" || a == "--min-clean") {
      if (!value(v)) return false;
      char* end = nullptr;
      const double x = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !(x >= 0 && x <= 1)) {
        error = a + " needs a share from 0 to 1, got \"" + v + "\"";
        return false;
      }
      (a == "--min-recall" ? args.thresholds.min_recall : args.thresholds.min_clean) = x;
    } else if (a == "--shop-name") {
      if (!value(args.options.shop_name)) return false;
    } else if (a == "--count" || a == "--seed") {
      if (!value(v)) return false;
      char* end = nullptr;
      const unsigned long long x = std::strtoull(v.c_str(), &end, 10);
      const bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || *end != '\0' || (a == "--count" && (x < 1 || x > 200))) {
        error = a == "--count" ? "--count 需要 1 到 200 之间的整数，收到 \"" + v + "\""
                               : "--seed 需要一个非负整数，收到 \"" + v + "\"";
        return false;
      }
      if (a == "--count")
        args.options.count = static_cast<int>(x);
      else
        args.options.seed = x;
    } else if (a == "--scenario") {
      if (!value(args.scenario)) return false;
    } else if (a == "--agent") {
      if (!value(args.options.agent)) return false;
    } else if (a == "--buyer") {
      if (!value(args.options.buyer)) return false;
    } else if (a == "--serious" || a == "--general") {
      if (!value(v)) return false;
      if (!parse_count(v, a == "--serious" ? args.serious : args.general)) {
        error = a + " needs a whole number of points, got \"" + v + "\"";
        return false;
      }
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      error = "unknown option \"" + a + "\"";
      return false;
    } else if (!args.input_given) {
      args.input = a;
      args.input_given = true;
    } else {
      error = "more than one input given (\"" + args.input + "\" and \"" + a + "\")";
      return false;
    }
  }
  return true;
}

}  // namespace kefu::cli
