#include "transcript_cmd.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "kefu/transcript_stream.h"

namespace kefu::cli {
namespace {

constexpr std::size_t kPiece = 1 << 20;

// One part of the report while it grows: in memory while small, then in a temporary file (the
// totals that head the report are known only at the end, so the parts cannot go to stdout yet).
class Spool {
 public:
  // KEFU_TRANSCRIPT_SPOOL_BYTES sets how much a part may hold in memory before it goes to a
  // temporary file (tests set 0 to run the file path on small inputs).
  Spool() {
    if (const char* v = std::getenv("KEFU_TRANSCRIPT_SPOOL_BYTES")) in_memory_ = std::strtoull(v, nullptr, 10);
  }
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool() {
    if (file_) std::fclose(file_);
  }
  void append(const std::string& s) {
    if (s.empty()) return;
    if (!file_ && mem_.size() + s.size() > in_memory_) {
      file_ = std::tmpfile();  // removed by the system when closed
      if (!file_) {
        in_memory_ = static_cast<std::size_t>(-1);  // no temporary file: keep it in memory
      } else {
        if (!write(mem_)) return;
        std::string().swap(mem_);
      }
    }
    if (file_) {
      write(s);
    } else {
      mem_ += s;
    }
  }
  // Copies the part to `out`; false when a write or a read failed.
  bool copy_to(std::FILE* out) {
    if (failed_) return false;
    if (file_) {
      std::rewind(file_);
      std::vector<char> buf(kPiece);
      std::size_t n;
      while ((n = std::fread(buf.data(), 1, buf.size(), file_)) > 0)
        if (std::fwrite(buf.data(), 1, n, out) != n) return false;
      if (std::ferror(file_)) return false;
    }
    return std::fwrite(mem_.data(), 1, mem_.size(), out) == mem_.size();
  }
  bool failed() const { return failed_; }

 private:
  bool write(const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) failed_ = true;
    return !failed_;
  }
  std::size_t in_memory_ = 8u << 20;
  std::FILE* file_ = nullptr;
  std::string mem_;
  bool failed_ = false;
};

int fail(const std::string& message) {
  std::cerr << "kefu-lint: " << message << "\n" << usage();
  return 2;
}

}  // namespace

int run_transcript(const Args& args) {
  std::FILE* in = args.input == "-" ? stdin : std::fopen(args.input.c_str(), "rb");
  if (!in) return fail("cannot read \"" + args.input + "\"");
  TranscriptStream stream(args.options);
  std::vector<Spool> spools(stream.parts());
  stream.on_part([&](std::size_t k, std::string text) { spools[k].append(text); });
  std::vector<char> buf(kPiece);
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), in)) > 0) {
    stream.feed(std::string_view(buf.data(), n));
    for (std::size_t k = 0; k < spools.size(); ++k) spools[k].append(stream.take(k));
  }
  const bool read_error = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  if (read_error) return fail("cannot read \"" + args.input + "\"");
  std::vector<std::string> after;
  Output out = stream.finish(after);
  std::fwrite(out.out.data(), 1, out.out.size(), stdout);
  bool ok = true;
  if (out.status != 2) {
    for (std::size_t k = 0; k < spools.size() && k < after.size(); ++k) {
      spools[k].append(stream.take(k));
      ok = ok && spools[k].copy_to(stdout);
      ok = ok && std::fwrite(after[k].data(), 1, after[k].size(), stdout) == after[k].size();
    }
  }
  ok = std::fflush(stdout) == 0 && ok;
  std::cerr << out.err;
  if (!ok) {
    std::cerr << "kefu-lint: could not write the whole report (disk full, or stdout closed?)\n";
    return 2;
  }
  return out.status;
}

}  // namespace kefu::cli
