// Reply-path figures: pack compile time, one 500-character reply (p50/p99 over many calls),
// and a whole transcript's text checked line by line and as one text. Prints figures; asserts
// nothing (timing belongs in benchmarks, not in tests).
//
// usage: kefu_check_bench TRANSCRIPT.txt [TERMS.txt] [--platform P]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "api/engine.h"
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

// A user pack holding every line of terms.txt as one warning rule, as the benchmark's peers get.
std::string terms_pack(const std::string& terms_text) {
  nlohmann::json terms = nlohmann::json::array();
  std::istringstream in(terms_text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) terms.push_back(line);
  nlohmann::json rule = {{"id", "bench.terms"}, {"kind", "terms"}, {"category", "absolute_claim"},
                         {"severity", "warning"}, {"title", "bench"}, {"message", "bench"},
                         {"penalty", ""}, {"source", "bench"}, {"terms", terms},
                         {"examples", {{"bad", {"x"}}, {"good", {"y"}}}}};
  return nlohmann::json{{"pack", "bench"}, {"rules", {rule}}}.dump();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s TRANSCRIPT.txt [TERMS.txt] [--platform P]\n", argv[0]);
    return 2;
  }
  kefu::Options options;
  std::string terms_path;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--platform" && i + 1 < argc) options.platform = argv[++i];
    else terms_path = a;
  }
  const std::string text = read(argv[1]);
  if (!terms_path.empty()) options.packs.push_back({"terms.json", terms_pack(read(terms_path))});

  auto t0 = Clock::now();
  std::vector<kefu::Error> errors;
  const kefu::Engine* engine = kefu::engine_for(options, errors);
  const double compile_ms = ms_since(t0);
  if (!engine) {
    std::fprintf(stderr, "%s", kefu::join_errors(errors).c_str());
    return 2;
  }
  std::printf("packs: %zu rules compiled in %.1f ms\n", engine->checker->rules().size(), compile_ms);

  // A 500-character reply cut from the transcript, on a character boundary.
  std::u32string chars = kefu::decode_utf8(text.substr(0, 4096)).chars;
  std::string reply = kefu::encode_utf8(std::u32string_view(chars).substr(0, 500));
  std::vector<double> us;
  std::size_t sink = 0;
  for (int i = 0; i < 10000; ++i) {
    auto t = Clock::now();
    sink += engine->checker->check(reply).findings.size();
    us.push_back(ms_since(t) * 1000);
  }
  std::sort(us.begin(), us.end());
  std::printf("500-char reply: p50 %.1f us, p99 %.1f us (10000 calls, %zu findings each)\n",
              us[us.size() / 2], us[us.size() * 99 / 100], sink / 10000);

  for (int round = 0; round < 2; ++round) {  // the first round warms caches
    t0 = Clock::now();
    std::size_t findings = 0, lines = 0;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t nl = text.find('\n', at);
      if (nl == std::string::npos) nl = text.size();
      findings += engine->checker->check(std::string_view(text).substr(at, nl - at)).findings.size();
      ++lines;
      at = nl + 1;
    }
    const double line_ms = ms_since(t0);
    t0 = Clock::now();
    std::size_t whole = engine->checker->check(text).findings.size();
    const double whole_ms = ms_since(t0);
    if (round == 1) {
      const double mb = text.size() / 1048576.0;
      std::printf("transcript %.1f MB, %zu lines: per line %.0f ms (%.1f MB/s, %zu findings); "
                  "as one text %.0f ms (%.1f MB/s, %zu findings)\n",
                  mb, lines, line_ms, mb / (line_ms / 1000), findings, whole_ms,
                  mb / (whole_ms / 1000), whole);
    }
  }
  return 0;
}
