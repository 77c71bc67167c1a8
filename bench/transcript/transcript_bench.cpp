// Transcript figures: a synthetic day's export of about 50 MB (many short conversations, timed
// lines, sub-accounts, system events, continuation lines) checked in each format by
// kefu::TranscriptStream fed 1 MiB at a time (the CLI's way; the report drained as it grows and
// dropped, as if written to /dev/null) and by kefu::transcript over the whole string, beside the
// plain reply path over the same lines. Prints throughput and peak memory; asserts nothing
// (timing belongs in benchmarks, not in tests). Peak RSS only grows, so the figures are in order
// of the memory they need; for the CLI's own figures run it under /usr/bin/time -v on --write's
// file.
//
// usage: kefu_transcript_bench [MEGABYTES=50] [--platform P] [--write FILE]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "api/engine.h"
#include "kefu/kefu.h"
#include "kefu/transcript_stream.h"
#include "transcript/transcript_checker.h"
#include "transcript/transcript_reader.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU seconds of this process: steadier than wall time on a shared, busy machine.
double cpu_now() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double peak_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;  // Linux reports KiB
}

// Reads and checks, writes no report: what the transcript path costs before output.
class CountingSink : public kefu::ConversationSink {
 public:
  explicit CountingSink(const kefu::TranscriptChecker& c) : checker_(c) {}
  void on_conversation(kefu::Conversation& c) override {
    checker_.check(c, result_, notes_);
    findings += result_.findings.size();
    ++conversations;
  }
  std::size_t findings = 0, conversations = 0;

 private:
  const kefu::TranscriptChecker& checker_;
  kefu::ConversationResult result_;
  kefu::Notes notes_;
};

// Lines drawn from the dialogues and rules of bench/corpus/seeds (000, 002), good and bad mixed.
const char* const kBuyer[] = {"你好 在吗",    "这个款产品多少钱?价格可不可以少点啊。",
                              "能开发票吗",   "拍错了，要重拍",
                              "什么时候发货", "包邮吗",
                              "好的",         "那我拍了",
                              "有红色吗",     "能便宜点吗"};
const char* const kAgent[] = {
    "亲，您好，欢迎光临松鼠铺子旗舰店～有什么可以帮您的呢",
    "亲,很抱歉哦,商城没有办法修改价格的~~",
    "亲，特价商品不开发票的哦",
    "嗯",
    "亲，已同意退款，您重新拍就好",
    "我们默认快递是中通快递。省内一般2-3天左右到货的.其他地区4-5天左右到货的!",
    "亲，跟您核对一下收货信息：收货人李女士，地址浙江省杭州市西湖区文三路478号",
    "加我微信 abc_12345 给您便宜",
    "谢谢您对本店的支持，希望您对我们的服务满意，欢迎您下次惠顾。",
    "亲，这款是全网最低价了，保证明天到"};

std::string make_export(std::size_t bytes) {
  std::string s;
  s.reserve(bytes + 4096);
  std::uint32_t x = 7;
  auto rnd = [&](std::uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 8) % n;
  };
  char line[512];
  for (int conv = 0; s.size() < bytes; ++conv) {
    int t = 8 * 3600 + rnd(14 * 3600);
    std::snprintf(line, sizeof line, "=== 会话 %d ===\n", conv + 1);
    s += line;
    const int turns = 4 + rnd(12);
    for (int k = 0; k < turns; ++k) {
      const bool buyer = k % 2 == 0;
      t += buyer ? 20 + rnd(300) : 5 + rnd(400);
      if (t >= 86400) t = 86399;
      const char* who = buyer ? nullptr : (rnd(2) ? "松鼠铺子旗舰店:小萌" : "松鼠铺子旗舰店:小美");
      std::snprintf(line, sizeof line, "[2024-06-18 %02d:%02d:%02d] %s%s: %s\n", t / 3600,
                    t / 60 % 60, t % 60, buyer ? "tb_buyer" : who,
                    buyer ? std::to_string(conv).c_str() : "",
                    buyer ? kBuyer[rnd(10)] : kAgent[rnd(10)]);
      s += line;
      if (!buyer && rnd(8) == 0) s += "收货地址：浙江省杭州市西湖区\n";
      if (buyer && rnd(10) == 0) {
        std::snprintf(line, sizeof line, "[2024-06-18 %02d:%02d:%02d] 系统: 买家已下单\n", t / 3600,
                      t / 60 % 60, t % 60);
        s += line;
      }
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 50;
  kefu::Options options;
  std::string write_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--platform" && i + 1 < argc)
      options.platform = argv[++i];
    else if (a == "--write" && i + 1 < argc)
      write_path = argv[++i];
    else
      megabytes = std::atof(a.c_str());
  }
  const std::string text = make_export(static_cast<std::size_t>(megabytes * 1048576));
  if (!write_path.empty()) std::ofstream(write_path, std::ios::binary) << text;
  const double mb = text.size() / 1048576.0;
  std::vector<kefu::Error> errors;
  const std::shared_ptr<const kefu::Engine> engine = kefu::engine_for(options, errors);
  if (!engine) {
    std::fprintf(stderr, "%s", kefu::join_errors(errors).c_str());
    return 2;
  }
  std::printf("export: %.1f MB, peak RSS after generating it %.0f MB\n", mb, peak_mb());

  // The reply path: every line through the reply checker, the work a transcript cannot avoid.
  auto t0 = Clock::now();
  double c0 = cpu_now();
  std::size_t lines = 0, findings = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    findings += engine->checker->check(std::string_view(text).substr(at, nl - at)).findings.size();
    ++lines;
    at = nl + 1;
  }
  const double reply_s = seconds_since(t0), reply_cpu = cpu_now() - c0;
  std::printf(
      "reply path, line by line: %.2f s (%.1f MB/s; cpu %.2f s, %.1f MB/s), %zu lines, %zu "
      "findings, "
      "peak RSS %.0f MB\n",
      reply_s, mb / reply_s, reply_cpu, mb / reply_cpu, lines, findings, peak_mb());

  auto checker = kefu::TranscriptChecker::build(*engine, errors);
  t0 = Clock::now();
  c0 = cpu_now();
  CountingSink sink(*checker);
  kefu::Notes notes;
  const std::size_t messages = kefu::read_text_transcript(text, kefu::RoleHints{}, sink, notes);
  const double check_s = seconds_since(t0), check_cpu = cpu_now() - c0;
  std::printf(
      "transcript, read and check only: %.2f s (%.1f MB/s; cpu %.2f s, %.1f MB/s, %.2fx the reply "
      "path), "
      "%zu conversations, %zu messages, %zu findings, peak RSS %.0f MB\n",
      check_s, mb / check_s, check_cpu, mb / check_cpu, check_cpu / reply_cpu, sink.conversations,
      messages, sink.findings, peak_mb());

  const kefu::Format formats[] = {kefu::Format::kCsv, kefu::Format::kText, kefu::Format::kJson};
  auto name = [](kefu::Format f) {
    return f == kefu::Format::kCsv ? "csv" : f == kefu::Format::kText ? "text" : "json";
  };
  for (kefu::Format f : formats) {
    options.format = f;
    t0 = Clock::now();
    c0 = cpu_now();
    kefu::TranscriptStream stream(options);
    std::size_t out_bytes = 0;
    for (std::size_t at = 0; at < text.size(); at += 1 << 20) {
      stream.feed(std::string_view(text).substr(at, 1 << 20));
      for (std::size_t k = 0; k < stream.parts(); ++k) out_bytes += stream.take(k).size();
    }
    std::vector<std::string> after;
    kefu::Output out = stream.finish(after);
    out_bytes += out.out.size();
    for (std::size_t k = 0; k < after.size(); ++k)
      out_bytes += stream.take(k).size() + after[k].size();
    const double s = seconds_since(t0), cpu = cpu_now() - c0;
    std::printf(
        "stream --format %-4s: %.2f s (%.1f MB/s; cpu %.2f s, %.1f MB/s, %.2fx the reply path), "
        "status %d, "
        "output %.1f MB, peak RSS %.0f MB\n",
        name(f), s, mb / s, cpu, mb / cpu, cpu / reply_cpu, out.status, out_bytes / 1048576.0,
        peak_mb());
  }
  for (kefu::Format f : formats) {
    options.format = f;
    t0 = Clock::now();
    kefu::Output out = kefu::transcript(text, options);
    const double s = seconds_since(t0);
    std::printf(
        "whole string --format %-4s: %.2f s (%.1f MB/s, %.2fx the reply path), status %d, output "
        "%.1f MB, "
        "peak RSS %.0f MB\n",
        name(f), s, mb / s, s / reply_s, out.status, out.out.size() / 1048576.0, peak_mb());
  }
  return 0;
}
