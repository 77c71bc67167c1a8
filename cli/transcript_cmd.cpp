#include "transcript_cmd.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
    if (const char* v = std::getenv("KEFU_TRANSCRIPT_SPOOL_BYTES"))
      in_memory_ = std::strtoull(v, nullptr, 10);
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

// Exports saved by Windows tools are often GBK/GB18030 (Excel's plain "CSV") or UTF-16 (some
// workbenches' "save as text"); the core reads UTF-8 only, so the shell converts before it:
// UTF-16 by its byte order mark, GB18030 (a superset of GBK and GB2312) when the first block is
// not UTF-8 but converts cleanly. Files that are no text at all (a photo, a workbook) pass through
// untouched so the core can name them.
class Decoder {
 public:
  ~Decoder() {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  // Decides on the first block; returns the encoding's name ("" for UTF-8 / passed through).
  const char* decide(std::string_view first) {
    auto starts = [&](std::string_view m) { return first.substr(0, m.size()) == m; };
    const char* from = nullptr;
    if (starts("\xFF\xFE"))
      from = "UTF-16LE";
    else if (starts("\xFE\xFF"))
      from = "UTF-16BE";
    else if (!starts("\xEF\xBB\xBF") && !binary(first) && !valid_utf8(first) &&
             converts(first, "GB18030"))
      from = "GB18030";
    if (!from) return "";
    cd_ = iconv_open("UTF-8", from);
    if (cd_ == reinterpret_cast<iconv_t>(-1)) return "";
    skip_ = from[3] == '-' ? 2 : 0;  // the UTF-16 byte order mark
    name_ = from;
    return from;
  }
  bool active() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  // Converts a block (sequences cut at its end wait for the next); bad bytes become U+FFFD.
  std::string convert(std::string_view in, bool last) {
    pending_.append(in.data() + std::min(skip_, in.size()), in.size() - std::min(skip_, in.size()));
    skip_ = 0;
    std::string out;
    std::vector<char> buf(4 * pending_.size() + 16);
    char* src = pending_.data();
    std::size_t left = pending_.size();
    while (left > 0) {
      char* dst = buf.data();
      std::size_t room = buf.size();
      const std::size_t r = iconv(cd_, &src, &left, &dst, &room);
      out.append(buf.data(), buf.size() - room);
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) continue;
      if (errno == EINVAL && !last) break;  // an unfinished sequence: wait for the next block
      out += "\xEF\xBF\xBD";
      ++src;
      --left;
      if (name_[3] == '-' && left > 0) {  // UTF-16: skip the whole unit
        ++src;
        --left;
      }
    }
    pending_.erase(0, pending_.size() - left);
    return out;
  }

 private:
  static bool binary(std::string_view s) {
    for (std::string_view m :
         {"\x89PNG", "\xFF\xD8\xFF", "GIF8", "PK\x03\x04", "%PDF", "\xD0\xCF\x11\xE0"})
      if (s.substr(0, m.size()) == m) return true;
    return s.find('\0') != std::string_view::npos;
  }
  // Well-formed UTF-8, a sequence cut at the end of the block allowed.
  static bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      const std::size_t n = c < 0x80                 ? 1
                            : c >= 0xC2 && c <= 0xDF ? 2
                            : (c >> 4) == 0xE        ? 3
                            : c >= 0xF0 && c <= 0xF4 ? 4
                                                     : 0;
      if (n == 0) return false;
      for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) return true;
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      }
      i += n;
    }
    return true;
  }
  static bool converts(std::string_view s, const char* from) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    std::string copy(s);
    std::vector<char> buf(4 * copy.size() + 16);
    char* src = copy.data();
    std::size_t left = copy.size();
    char* dst = buf.data();
    std::size_t room = buf.size();
    const std::size_t r = iconv(cd, &src, &left, &dst, &room);
    const bool ok = r != static_cast<std::size_t>(-1) || (errno == EINVAL && left < 4);
    iconv_close(cd);
    return ok;
  }

  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string pending_;
  std::size_t skip_ = 0;
  const char* name_ = "";
};

int fail(const std::string& message) {
  std::cerr << "[usage.E004]: " << message << "\n" << usage();
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
  Decoder decoder;
  bool first = true;
  std::string note;
  while ((n = std::fread(buf.data(), 1, buf.size(), in)) > 0) {
    const std::string_view block(buf.data(), n);
    if (first) {
      first = false;
      if (const char* from = decoder.decide(block); *from)
        note = std::string("kefu-lint: 这个文件是 ") + from +
               " 编码，已转换成 UTF-8 再检查 (read as " + from + ")\n";
    }
    if (decoder.active())
      stream.feed(decoder.convert(block, false));
    else
      stream.feed(block);
    for (std::size_t k = 0; k < spools.size(); ++k) spools[k].append(stream.take(k));
  }
  if (decoder.active()) stream.feed(decoder.convert("", true));
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
  std::cerr << note << out.err;
  if (!ok) {
    std::cerr << "kefu-lint: could not write the whole report (disk full, or stdout closed?)\n";
    return 2;
  }
  return out.status;
}

}  // namespace kefu::cli
