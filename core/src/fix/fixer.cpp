#include "fix/fixer.h"

#include <algorithm>
#include <set>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kefu {
namespace {

// A reply shorter than this once punctuation is stripped is not a reply (short_reply);
// checked here too, so a fix stays whole when the shop pack (and its length rule) is off.
constexpr std::size_t kMinChars = 5;
// Every candidate costs one check of the whole text; a huge paste must not cost minutes.
constexpr int kMaxCandidateChecks = 400;
constexpr int kMaxRounds = 4;

bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == '!' || c == '?' || c == U'；' || c == ';' ||
         c == '\n' || c == '\r';
}
bool ends_clause(char32_t c) {
  return ends_sentence(c) || c == U'，' || c == ',' || c == U'、' || c == U'～' || c == '~';
}
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == U'\u3000'; }

struct Span {
  std::uint32_t start, end;
};

// The sentence (or clause) around [s, e): from after the previous end mark to before the next,
// leading spaces excluded, so the end mark itself and the text around stay as they were.
Span unit_around(std::u32string_view t, std::uint32_t s, std::uint32_t e, bool clause) {
  auto ends = clause ? ends_clause : ends_sentence;
  std::uint32_t a = s;
  while (a > 0 && !ends(t[a - 1])) --a;
  while (a < s && is_space(t[a])) ++a;
  std::uint32_t b = std::max(e, s);
  // A finding may end on an end mark (a detector's span, "…吧。"): the unit still ends there.
  while (b > s && ends(t[b - 1])) --b;
  while (b < t.size() && !ends(t[b])) ++b;
  while (b > a && is_space(t[b - 1])) --b;
  return {a, std::max(a, b)};
}

bool is_blocking(const Finding& f) {
  return f.rule->severity == "error" || f.rule->severity == "warning";
}

std::u32string expand(const std::string& tmpl, const Finding& f, bool& ok) {
  std::string out;
  ok = true;
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 7, "{match}") == 0) {
      out += f.text;
      i += 7;
    } else if (tmpl.compare(i, 6, "{word}") == 0) {
      // The word this very hit should become (a substitution's `use`, a detector's masked
      // form), never the rule's general advice: "用可以证明的具体事实描述商品" is not a word to
      // put in place of 最好.
      const bool own = f.suggestion != f.rule->suggestion || f.rule->kind == "substitution";
      if (!own || f.suggestion.empty()) ok = false;
      out += f.suggestion;
      i += 6;
    } else if (tmpl.compare(i, 12, "{suggestion}") == 0) {
      if (f.suggestion.empty()) ok = false;
      out += f.suggestion;
      i += 12;
    } else {
      out += tmpl[i++];
    }
  }
  return decode_utf8(out).chars;
}

// The text as pieces of the original, some replaced: later rounds edit the current text, and
// each change is still reported against the original characters it replaced.
struct Piece {
  std::uint32_t orig_start, orig_end;
  bool changed;
  std::u32string text;  // the replacement, for changed pieces
  std::string rule;
};

class Editor {
 public:
  explicit Editor(std::u32string original) : original_(std::move(original)) {
    pieces_.push_back({0, static_cast<std::uint32_t>(original_.size()), false, {}, {}});
  }

  std::u32string current() const {
    std::u32string out;
    for (const auto& p : pieces_)
      out += p.changed ? p.text : original_.substr(p.orig_start, p.orig_end - p.orig_start);
    return out;
  }

  // Replaces current [s, e) by `with`; the pieces it touches merge into one changed piece.
  void replace(std::uint32_t s, std::uint32_t e, const std::u32string& with,
               const std::string& rule) {
    struct At {
      std::size_t index;
      std::uint32_t start, end;  // current positions
    };
    std::vector<At> touched;
    std::uint32_t at = 0;
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      const Piece& p = pieces_[i];
      const std::uint32_t len = p.changed ? p.text.size() : p.orig_end - p.orig_start;
      const bool hit = len == 0 ? (at >= s && at <= e && p.changed)
                                : (at < e && at + len > s) || (s == e && at <= s && s < at + len);
      if (hit) touched.push_back({i, at, at + len});
      at += len;
    }
    if (touched.empty()) {  // an insertion at the very end
      pieces_.push_back({static_cast<std::uint32_t>(original_.size()),
                         static_cast<std::uint32_t>(original_.size()), true, with, rule});
      return;
    }
    const At first = touched.front(), last = touched.back();
    const Piece& fp = pieces_[first.index];
    const Piece& lp = pieces_[last.index];
    std::vector<Piece> out(pieces_.begin(), pieces_.begin() + first.index);
    Piece merged{0, 0, true, {}, rule};
    const std::uint32_t cut_front = s > first.start ? s - first.start : 0;
    if (fp.changed) {
      merged.orig_start = fp.orig_start;
      merged.text = fp.text.substr(0, cut_front);
    } else {
      if (cut_front > 0) out.push_back({fp.orig_start, fp.orig_start + cut_front, false, {}, {}});
      merged.orig_start = fp.orig_start + cut_front;
    }
    merged.text += with;
    for (const auto& t : touched)
      if (pieces_[t.index].changed && !pieces_[t.index].rule.empty()) {
        merged.rule = pieces_[t.index].rule;  // the change keeps the rule that started it
        break;
      }
    const std::uint32_t keep_back = last.end > e ? last.end - e : 0;
    Piece tail{0, 0, false, {}, {}};
    if (lp.changed) {
      merged.orig_end = lp.orig_end;
      merged.text += lp.text.substr(lp.text.size() - keep_back);
    } else {
      merged.orig_end = lp.orig_end - keep_back;
      tail = {merged.orig_end, lp.orig_end, false, {}, {}};
    }
    out.push_back(std::move(merged));
    if (tail.orig_end > tail.orig_start) out.push_back(tail);
    out.insert(out.end(), pieces_.begin() + last.index + 1, pieces_.end());
    pieces_ = std::move(out);
  }

  std::vector<FixChange> changes() const {
    std::vector<FixChange> out;
    for (const auto& p : pieces_) {
      if (!p.changed) continue;
      const std::u32string_view o(original_);
      const std::u32string before(o.substr(p.orig_start, p.orig_end - p.orig_start));
      if (before == p.text) continue;  // rewritten back to what it was
      FixChange c;
      c.rule = p.rule;
      c.start = p.orig_start;
      c.end = p.orig_end;
      c.start_utf16 = static_cast<std::uint32_t>(utf16_length(o.substr(0, p.orig_start)));
      c.end_utf16 = static_cast<std::uint32_t>(utf16_length(o.substr(0, p.orig_end)));
      c.before = encode_utf8(before);
      c.after = encode_utf8(p.text);
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  std::u32string original_;
  std::vector<Piece> pieces_;
};

struct Offer {
  Span region;
  std::u32string with;
  std::string rule;
};

class Fixer {
 public:
  Fixer(const ReplyChecker& checker, const RewriteBook& book) : checker_(checker), book_(book) {}

  // The first candidate of the finding's template that re-checks clean, if any.
  bool offer_for(const std::u32string& text, const Finding& f, Offer& out) {
    const RewriteTemplate* t = book_.find(f.rule->id, f.rule->category);
    if (!t) return false;
    const Span sentence = unit_around(text, f.start, f.end, false);
    const std::u32string_view sv =
        std::u32string_view(text).substr(sentence.start, sentence.end - sentence.start);
    const std::string sentence_utf8 = encode_utf8(sv);
    const std::string key = f.rule->id + "\x1f" + sentence_utf8;
    if (failed_.count(key)) return false;
    for (const auto& c : t->candidates) {
      if (!c.when.empty()) {
        bool any = false;
        for (const auto& w : c.when) any |= sentence_utf8.find(w) != std::string::npos;
        if (!any) continue;
      }
      Span region{f.start, f.end};
      bool ok = true;
      std::u32string with;
      switch (c.scope) {
        case RewriteScope::kMatch:
          break;
        case RewriteScope::kClause:
          region = unit_around(text, f.start, f.end, true);
          break;
        case RewriteScope::kSentence:
          region = sentence;
          break;
        case RewriteScope::kReply:
          region = {0, static_cast<std::uint32_t>(text.size())};
          break;
      }
      if (!c.words.empty()) {
        auto w = c.words.find(f.text);
        if (w == c.words.end()) continue;
        with = decode_utf8(w->second).chars;
      } else {
        with = expand(c.text, f, ok);
        if (!ok) continue;
      }
      if (region.end <= region.start && with.empty()) continue;
      if (c.scope != RewriteScope::kMatch) polish(text, region, with);
      if (checks_ >= kMaxCandidateChecks) break;
      if (clean_after(text, region, with, *f.rule)) {
        out = {region, std::move(with), f.rule->id};
        return true;
      }
    }
    failed_.insert(key);
    return false;
  }

  // A rewritten sentence reads as part of its reply: the buyer is addressed (亲) once, and a
  // statement put where a question was ends with 。, not with the question's ？.
  static void polish(const std::u32string& text, Span& region, std::u32string& with) {
    const std::u32string kDear = U"亲，";
    if (region.start > 0 && with.compare(0, kDear.size(), kDear) == 0 &&
        std::u32string_view(text).substr(0, region.start).find(U'亲') != std::u32string_view::npos)
      with.erase(0, kDear.size());
    const bool asks =
        !with.empty() && (with.back() == U'？' || with.back() == U'吗' || with.back() == U'呢');
    if (region.end < text.size() && (text[region.end] == U'？' || text[region.end] == '?') &&
        !asks) {
      region.end += 1;
      with += U'。';
    }
  }

  std::vector<Finding> check(const std::u32string& text) {
    DecodedText d;
    d.chars = text;
    return checker_.check_decoded(d);
  }

 private:
  bool clean_after(const std::u32string& text, Span region, const std::u32string& with,
                   const RuleMeta& rule) {
    ++checks_;
    std::u32string next = text.substr(0, region.start) + with + text.substr(region.end);
    if (content_length(next) < kMinChars) return false;
    const std::uint32_t a = region.start;
    // An empty replacement (a word deleted) is judged by the characters that now meet there.
    const std::uint32_t b = region.start + std::max<std::uint32_t>(1, with.size());
    const bool whole = region.start == 0 && region.end == text.size();
    for (const auto& f : check(next)) {
      if (f.rule->category == "short_reply") return false;
      const bool overlaps =
          whole || (f.start < b && f.end > a) || (f.start == f.end && f.start == a);
      if (!overlaps) continue;
      if (is_blocking(f) || f.rule == &rule) return false;
    }
    return true;
  }

  const ReplyChecker& checker_;
  const RewriteBook& book_;
  std::set<std::string> failed_;
  int checks_ = 0;
};

}  // namespace

FixResult fix_reply(const ReplyChecker& checker, const RewriteBook& book, std::string_view utf8) {
  FixResult result;
  ReplyResult first = checker.check(utf8);
  result.warnings = std::move(first.warnings);
  DecodedText decoded = decode_utf8(utf8);
  Editor editor(decoded.chars);
  Fixer fixer(checker, book);
  std::vector<Finding> findings = std::move(first.findings);
  std::u32string text = std::move(decoded.chars);
  for (int round = 0; round < kMaxRounds && !findings.empty(); ++round) {
    std::vector<Offer> offers;
    for (const auto& f : findings) {
      // Info findings are fixed when a template exists, but never hold the reply back.
      Offer o;
      if (fixer.offer_for(text, f, o)) offers.push_back(std::move(o));
    }
    // Narrower rewrites first: fixing a word (嗯 -> 好的呢) may be all a short reply needed,
    // and a sentence rewrite that overlaps one waits for the next round, judged on the new text.
    std::stable_sort(offers.begin(), offers.end(), [](const Offer& x, const Offer& y) {
      return x.region.end - x.region.start < y.region.end - y.region.start;
    });
    std::vector<Offer> chosen;
    for (auto& o : offers) {
      bool clash = false;
      for (const auto& c : chosen)
        clash |= o.region.start < c.region.end && c.region.start < o.region.end;
      // Two zero-width or touching edits at one point are one edit too many.
      for (const auto& c : chosen) clash |= o.region.start == c.region.start;
      if (!clash) chosen.push_back(std::move(o));
    }
    if (chosen.empty()) break;
    std::sort(chosen.begin(), chosen.end(),
              [](const Offer& x, const Offer& y) { return x.region.start > y.region.start; });
    for (const auto& c : chosen) {
      editor.replace(c.region.start, c.region.end, c.with, c.rule);
      text = text.substr(0, c.region.start) + c.with + text.substr(c.region.end);
    }
    findings = fixer.check(text);
  }
  result.text = encode_utf8(text);
  result.changes = editor.changes();
  for (auto& f : findings) {
    RemainingFinding r;
    const RewriteTemplate* t = book.find(f.rule->id, f.rule->category);
    r.advice = t ? t->advice : f.rule->suggestion;
    r.finding = std::move(f);
    result.findings.push_back(std::move(r));
  }
  return result;
}

}  // namespace kefu
