#include "rules/term_matcher.h"

#include "rules/term_list.h"
#include "text/normalize.h"

namespace kefu {
namespace {

struct Collected {
  std::vector<std::u32string> patterns;
  std::vector<std::pair<Role, std::pair<std::uint32_t, Role>>> owners;  // role, (term, protects)
};

class MatcherContext : public KindContext {
 public:
  MatcherContext(Collected& c, const TermEnv& env, std::vector<Error>& errors, std::string file,
                 std::string pointer)
      : KindContext(env, errors, std::move(file), std::move(pointer)), c_(c) {}

 protected:
  void add_one(const std::u32string& p, Role role, std::uint32_t term, Role protects) override {
    c_.patterns.push_back(p);
    c_.owners.push_back({role, {term, protects}});
  }

 private:
  Collected& c_;
};

}  // namespace

std::shared_ptr<const TermMatcher> TermMatcher::compile(const nlohmann::json& list,
                                                        const TermEnv& env, const ScopeSpec& spec,
                                                        const std::string& file,
                                                        const std::string& pointer,
                                                        std::vector<Error>& errors) {
  const std::size_t before = errors.size();
  Collected c;
  MatcherContext ctx(c, env, errors, file, pointer);
  if (!list.is_array()) {
    ctx.error("pack.E201", "", "must be a non-empty array of strings");
    return nullptr;
  }
  // Every term is term 0: the question is only whether one of them occurs.
  for (std::size_t i = 0; i < list.size(); ++i)
    register_term(list[i], "/" + std::to_string(i), Role::kTerm, 0, ctx);
  // Cues only matter when some reading is refused.
  if (spec.readings != 0x0F)
    for (std::uint32_t k = 0; k < env.cues.size(); ++k)
      ctx.add_pattern(env.cues[k].first, Role::kCue, k);
  if (errors.size() != before) return nullptr;
  auto m = std::make_shared<TermMatcher>();
  for (const auto& [role, tp] : c.owners) m->owners_.push_back({role, tp.first, tp.second});
  if (!c.patterns.empty()) m->automaton_ = Automaton(c.patterns);
  m->spec_ = spec;
  for (const auto& cue : env.cues) m->cue_readings_.push_back(cue.second);
  return m;
}

bool TermMatcher::found(std::u32string_view original) const {
  if (owners_.empty()) return false;
  const NormalizedText norm = normalize(original);
  std::vector<Hit> hits;
  std::vector<TextScope::Cue> cues;
  automaton_.scan(norm.match, [&](std::uint32_t id, std::uint32_t end) {
    const Owner& o = owners_[id];
    const std::uint32_t start = end - automaton_.pattern_length(id);
    if (o.role == Role::kCue)
      cues.push_back({start, end, cue_readings_[o.term], o.term});
    else
      hits.push_back({start, end, o.term, o.role, o.protects});
  });
  const auto terms = allowed_hits(hits, Role::kTerm);
  if (terms.empty()) return false;
  const TextScope scope(norm, std::move(cues));
  for (const Hit& h : terms) {
    const Span span{h.start, h.end};
    if (scope.fires(spec_, &span, 1)) return true;
  }
  return false;
}

}  // namespace kefu
