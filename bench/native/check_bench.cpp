// Native figures for bench/run: pack compile time, the full check of a whole transcript (the
// public kefu::check with JSON output, exactly what `kefu-lint check --format json` prints, and
// the reply checker alone), the transcript line by line, and one 500-character reply (p50/p99
// over 10,000 calls). Prints one JSON document; asserts nothing (timing belongs in benchmarks).
//
// usage: kefu_check_bench TRANSCRIPT.txt [TERMS.txt] [--platform P] [--runs N] [--only WHAT]
//   WHAT: compile | full | core | lines | reply (one measurement, for callgrind or peak memory)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "api/engine.h"
#include "kefu/kefu.h"
#include "text/utf8.h"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A user pack holding every line of terms.txt as one warning rule, as the benchmark's peers get
// (bench/js/peers.mjs builds the same pack for the wasm module).
std::string terms_pack(const std::string& terms_text) {
  nlohmann::json terms = nlohmann::json::array();
  std::istringstream in(terms_text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) terms.push_back(line);
  nlohmann::json rule = {{"id", "bench.terms"},
                         {"kind", "terms"},
                         {"category", "absolute_claim"},
                         {"severity", "warning"},
                         {"title", "bench"},
                         {"message", "bench"},
                         {"penalty", ""},
                         {"source", "bench"},
                         {"terms", terms},
                         {"examples", {{"bad", {"x"}}, {"good", {"y"}}}}};
  return nlohmann::json{{"pack", "bench"}, {"rules", {rule}}}.dump();
}

// One warm-up, then `runs` timed calls; each call returns a count that is summed into `sink`
// so nothing can be optimized away.
struct Timing {
  double median_ms = 0, min_ms = 0, max_ms = 0;
  std::size_t hits = 0;
};
std::size_t sink = 0;
Timing measure(int runs, const std::function<std::size_t()>& fn) {
  sink += fn();
  std::vector<double> ms;
  Timing t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    t.hits = fn();
    ms.push_back(ms_since(t0));
    sink += t.hits;
  }
  std::sort(ms.begin(), ms.end());
  t.median_ms = ms[ms.size() / 2];
  t.min_ms = ms.front();
  t.max_ms = ms.back();
  return t;
}
nlohmann::json to_json(const Timing& t) {
  return {{"median_ms", t.median_ms}, {"min_ms", t.min_ms}, {"max_ms", t.max_ms}, {"hits", t.hits}};
}

std::size_t count_rule(const std::vector<kefu::Finding>& findings, const char* id) {
  std::size_t n = 0;
  for (const auto& f : findings) n += f.rule->id == id;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s TRANSCRIPT.txt [TERMS.txt] [--platform P] [--runs N] [--only WHAT]\n",
                 argv[0]);
    return 2;
  }
  kefu::Options options;
  std::string terms_path, only;
  int runs = 5;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--platform" && i + 1 < argc)
      options.platform = argv[++i];
    else if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--only" && i + 1 < argc)
      only = argv[++i];
    else
      terms_path = a;
  }
  auto wanted = [&](const char* what) { return only.empty() || only == what; };
  const std::string text = read(argv[1]);
  if (!terms_path.empty()) options.packs.push_back({"terms.json", terms_pack(read(terms_path))});
  options.format = kefu::Format::kJson;
  nlohmann::json out = {{"bytes", text.size()}, {"runs", runs}};

  auto t0 = Clock::now();
  std::vector<kefu::Error> errors;
  const std::shared_ptr<const kefu::Engine> engine = kefu::engine_for(options, errors);
  out["pack_compile_ms"] = ms_since(t0);
  if (!engine) {
    std::fprintf(stderr, "%s", kefu::join_errors(errors).c_str());
    return 2;
  }
  out["rules"] = engine->checker->rules().size();
  if (only == "compile") {
    std::printf("%s\n", out.dump(1).c_str());
    return 0;
  }
  const kefu::ReplyChecker& checker = *engine->checker;
  if (!only.empty()) runs = 1;  // one timed call after the warm-up

  // The full check: what `kefu-lint check --format json` does after loading the packs (the
  // engine is cached, so this is parse-free), findings counted from the JSON it prints.
  if (wanted("full")) {
    std::string last;
    Timing t = measure(runs, [&] {
      kefu::Output o = kefu::check(text, options);
      const std::size_t n = o.out.size();  // consumed; findings are counted once, untimed
      last = std::move(o.out);
      return n;
    });
    auto count = [&](const std::string& needle) {
      std::size_t n = 0;
      for (std::size_t at = last.find(needle); at != std::string::npos;
           at = last.find(needle, at + 1))
        ++n;
      return n;
    };
    out["full"] = to_json(t);
    out["full"]["output_bytes"] = t.hits;
    out["full"]["hits"] = count("\"rule\": ");
    out["full"]["terms_hits"] = count("\"rule\": \"bench.terms\"");
  }
  // The reply checker alone: findings with offsets, no JSON.
  if (wanted("core")) {
    std::size_t terms_hits = 0;
    Timing t = measure(runs, [&] {
      kefu::ReplyResult r = checker.check(text);
      terms_hits = count_rule(r.findings, "bench.terms");
      return r.findings.size();
    });
    out["core"] = to_json(t);
    out["core"]["terms_hits"] = terms_hits;
  }
  // Line by line, as a transcript's messages are checked.
  if (wanted("lines")) {
    std::size_t lines = 0;
    Timing t = measure(runs, [&] {
      std::size_t findings = 0;
      lines = 0;
      for (std::size_t at = 0; at < text.size();) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        findings += checker.check(std::string_view(text).substr(at, nl - at)).findings.size();
        ++lines;
        at = nl + 1;
      }
      return findings;
    });
    out["lines"] = to_json(t);
    out["lines"]["lines"] = lines;
  }
  // A 500-character reply cut from the transcript on a character boundary, through kefu::check
  // with JSON output (as the wasm figure, minus the options JSON the wasm call parses).
  if (wanted("reply")) {
    std::u32string chars = kefu::decode_utf8(text.substr(0, 4096)).chars;
    std::string reply = kefu::encode_utf8(std::u32string_view(chars).substr(0, 500));
    const int calls = only.empty() ? 10000 : 100;
    for (int i = 0; i < calls / 50; ++i) sink += kefu::check(reply, options).out.size();
    std::vector<double> us;
    const std::size_t findings = checker.check(reply).findings.size();
    for (int i = 0; i < calls; ++i) {
      auto t = Clock::now();
      kefu::Output o = kefu::check(reply, options);
      us.push_back(ms_since(t) * 1000);
      sink += o.out.size();
    }
    std::sort(us.begin(), us.end());
    out["reply"] = {{"chars", 500},
                    {"calls", calls},
                    {"p50_us", us[us.size() / 2]},
                    {"p99_us", us[us.size() * 99 / 100]},
                    {"findings", findings}};
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  out["peak_rss_bytes"] = static_cast<long long>(u.ru_maxrss) * 1024;
  out["sink"] = sink;
  std::printf("%s\n", out.dump(1).c_str());
  return 0;
}
