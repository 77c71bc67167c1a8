#include "quiz/quiz.h"

#include <algorithm>
#include <set>

#include "report/handbook.h"
#include "report/json_out.h"
#include "vocab/vocabulary.h"

namespace kefu {
namespace {

// splitmix64: the same numbers on every compiler and in wasm (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::uint64_t s_;
};

const char* kCompliant = "合规，可以发送";

// Findings that matter for a trainee: errors and warnings (info findings are hints).
std::vector<const RuleMeta*> flagged(const ReplyChecker& checker, const std::string& text) {
  std::vector<const RuleMeta*> out;
  for (const auto& f : checker.check(text).findings)
    if (f.rule && f.rule->severity != "info" &&
        std::find(out.begin(), out.end(), f.rule) == out.end())
      out.push_back(f.rule);
  return out;
}

bool is_reply_rule(const RuleMeta& r) {
  const auto* c = vocab::find_category(r.category);
  return c && c->scope == vocab::Scope::kReply && r.severity != "info";
}

}  // namespace

std::vector<QuizQuestion> make_quiz(const ReplyChecker& checker, const QuizRequest& request) {
  std::vector<const RuleMeta*> pool;
  for (const auto& r : checker.rules()) {
    if (!is_reply_rule(r) || r.bad.empty()) continue;
    if (!request.categories.empty() &&
        std::find(request.categories.begin(), request.categories.end(), r.category) ==
            request.categories.end())
      continue;
    pool.push_back(&r);
  }
  std::vector<std::string> all_categories;  // distractors: every reply category the set has
  for (const auto& c : vocab::categories())
    if (c.scope == vocab::Scope::kReply)
      for (const auto& r : checker.rules())
        if (r.category == c.name && is_reply_rule(r)) {
          all_categories.emplace_back(c.name);
          break;
        }
  std::vector<QuizQuestion> out;
  if (pool.empty() || request.count <= 0) return out;
  Rng rng(request.seed);
  std::vector<const RuleMeta*> order = pool;
  rng.shuffle(order);
  std::set<std::string> asked;
  std::size_t attempts = 0;
  for (std::size_t i = 0;
       static_cast<int>(out.size()) < request.count && attempts < order.size() * 8;
       ++i, ++attempts) {
    const RuleMeta& r = *order[i % order.size()];
    if (i > 0 && i % order.size() == 0) rng.shuffle(order);
    const int kind = static_cast<int>(rng.below(3));  // 0, 1: judge a reply (bad / model); 2: pick
    QuizQuestion q;
    q.rule = r.id;
    q.category = r.category;
    if (kind < 2) {
      const bool show_bad = kind == 0;
      std::string reply;
      if (show_bad) {
        reply = r.bad[rng.below(r.bad.size())];
        const auto hits = flagged(checker, reply);
        // Asked only when the engine agrees the reply breaks exactly this rule's category.
        if (hits.empty() || std::none_of(hits.begin(), hits.end(), [&](const RuleMeta* h) {
              return h->category == r.category;
            }))
          continue;
      } else {
        const auto models = model_replies(r, 3);
        if (models.empty()) continue;
        reply = models[rng.below(models.size())];
        if (!flagged(checker, reply).empty()) continue;  // a "model" the engine flags is no model
      }
      if (!asked.insert(reply).second) continue;
      q.type = "judge";
      q.reply = reply;
      q.text = "客服这样回复买家，合规吗？如果不合规，问题属于哪一类？\n「" + reply + "」";
      std::vector<std::string> distract;
      for (const auto& c : all_categories)
        if (c != r.category) distract.push_back(c);
      rng.shuffle(distract);
      std::vector<std::string> choices = {kCompliant, category_title(r.category)};
      for (std::size_t k = 0; k < distract.size() && choices.size() < 4; ++k)
        choices.push_back(category_title(distract[k]));
      const std::string right = show_bad ? category_title(r.category) : kCompliant;
      rng.shuffle(choices);
      q.choices = choices;
      q.answer =
          static_cast<int>(std::find(choices.begin(), choices.end(), right) - choices.begin());
      q.explanation =
          show_bad
              ? "不合规（" + category_title(r.category) + "）：" + r.message + " 处罚：" +
                    (r.penalty.empty() ? penalty_text(r) : authority_label(r) + " · " + r.penalty)
              : "合规：这是「" + r.title + "」一条的示范回复，可以直接发送。";
      if (show_bad && !r.suggestion.empty()) q.explanation += " 建议：" + r.suggestion;
    } else {
      // Pick the one reply that may be sent: a model reply of this rule among three bad ones.
      const auto models = model_replies(r, 3);
      if (models.empty()) continue;
      const std::string good = models[rng.below(models.size())];
      if (!flagged(checker, good).empty() || asked.count(good)) continue;
      std::vector<const RuleMeta*> others = pool;
      rng.shuffle(others);
      std::vector<std::string> bads = {r.bad[rng.below(r.bad.size())]};
      for (const RuleMeta* o : others) {
        if (bads.size() >= 3) break;
        if (o == &r || o->bad.empty()) continue;
        const std::string b = o->bad[rng.below(o->bad.size())];
        if (std::find(bads.begin(), bads.end(), b) == bads.end() && !flagged(checker, b).empty())
          bads.push_back(b);
      }
      if (bads.size() < 3 || flagged(checker, bads[0]).empty()) continue;
      asked.insert(good);
      std::vector<std::string> choices = bads;
      choices.push_back(good);
      rng.shuffle(choices);
      q.type = "pick";
      q.text = "「" + category_title(r.category) + "」：下面哪一句回复可以发给买家？";
      q.choices = choices;
      q.answer =
          static_cast<int>(std::find(choices.begin(), choices.end(), good) - choices.begin());
      q.explanation = "「" + good + "」是示范回复。其余几句都会被检查出问题；本题考的是：" +
                      r.title + "——" + r.message;
    }
    out.push_back(std::move(q));
  }
  return out;
}

std::string quiz_json(const std::vector<QuizQuestion>& quiz, const std::string& platform,
                      std::uint64_t seed) {
  nlohmann::ordered_json j;
  j["platform"] = platform;
  j["seed"] = seed;
  j["questions"] = nlohmann::ordered_json::array();
  for (const auto& q : quiz)
    j["questions"].push_back({{"type", q.type},
                              {"text", q.text},
                              {"reply", q.reply},
                              {"choices", q.choices},
                              {"answer", q.answer},
                              {"explanation", q.explanation},
                              {"rule", q.rule},
                              {"category", q.category}});
  return dump_json(j);
}

std::string quiz_html(const std::vector<QuizQuestion>& quiz, const std::string& platform,
                      std::uint64_t seed) {
  static const char* const kLetters[] = {"A", "B", "C", "D", "E", "F"};
  std::string out =
      "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<title>客服规则练习 · " +
      html_escape(platform_title(platform)) +
      "</title>\n<style>\nbody{font-family:\"Noto Sans CJK "
      "SC\",sans-serif;max-width:50em;margin:auto;padding:0 1em;line-height:1.5}\n"
      "ol.questions>li{margin:.8em "
      "0;break-inside:avoid}ol.choices{list-style:none;padding-left:1em}\n"
      ".key{break-before:page}.reply{white-space:pre-wrap}\n@page{size:A4;margin:15mm}\n</"
      "style>\n</head>\n<body>\n";
  out += "<h1>客服规则练习 · " + html_escape(platform_title(platform)) + "</h1>\n<p>共 " +
         std::to_string(quiz.size()) + " 题 · 题号 " + std::to_string(seed) +
         " · 姓名：__________ 得分：______</p>\n<ol class=\"questions\">\n";
  for (const auto& q : quiz) {
    out += "<li data-rule=\"" + html_escape(q.rule) + "\"><p class=\"reply\">" +
           html_escape(q.text) + "</p>\n<ol class=\"choices\">\n";
    for (std::size_t i = 0; i < q.choices.size() && i < 6; ++i)
      out += "<li>" + std::string(kLetters[i]) + ". " + html_escape(q.choices[i]) + "</li>\n";
    out += "</ol></li>\n";
  }
  out += "</ol>\n<section class=\"key\">\n<h2>答案与解析</h2>\n<ol>\n";
  for (const auto& q : quiz)
    out += "<li><b>" + std::string(q.answer >= 0 && q.answer < 6 ? kLetters[q.answer] : "?") +
           "</b> " + html_escape(q.explanation) + "</li>\n";
  return out + "</ol>\n</section>\n</body>\n</html>\n";
}

}  // namespace kefu
