#include "match/automaton.h"

#include <algorithm>
#include <unordered_map>

namespace kefu {

std::uint32_t Automaton::class_of(char32_t c) const {
  if (c < 0x10000)
    return bmp_pages_.empty() ? 0 : bmp_pages_[std::size_t{page_of_[c >> 8]} * 256 + (c & 0xFF)];
  auto it = std::lower_bound(astral_class_.begin(), astral_class_.end(),
                             std::make_pair(c, std::uint32_t{0}));
  return (it != astral_class_.end() && it->first == c) ? it->second : 0;
}

std::uint32_t Automaton::edge(std::uint32_t state, std::uint32_t cls) const {
  auto b = edge_class_.begin() + edge_begin_[state];
  auto e = edge_class_.begin() + edge_begin_[state + 1];
  auto it = std::lower_bound(b, e, cls);
  return (it != e && *it == cls) ? edge_target_[it - edge_class_.begin()] : 0;
}

std::uint32_t Automaton::next(std::uint32_t state, std::uint32_t cls) const {
  while (state != 0) {
    if (std::uint32_t t = edge(state, cls)) return t;
    state = fail_[state];
  }
  return root_next_[cls];
}

Automaton::Automaton(const std::vector<std::u32string>& patterns) {
  page_of_.assign(256, 0);
  bmp_pages_.assign(256, 0);  // page 0: no class
  std::uint32_t classes = 1;
  std::unordered_map<char32_t, std::uint32_t> astral;
  auto cls = [&](char32_t c) -> std::uint32_t {
    if (c < 0x10000) {
      std::uint16_t& page = page_of_[c >> 8];
      if (page == 0) {
        page = static_cast<std::uint16_t>(bmp_pages_.size() / 256);
        bmp_pages_.resize(bmp_pages_.size() + 256, 0);
      }
      std::uint32_t& slot = bmp_pages_[std::size_t{page} * 256 + (c & 0xFF)];
      if (!slot) slot = classes++;
      return slot;
    }
    auto [it, added] = astral.emplace(c, classes);
    if (added) ++classes;
    return it->second;
  };

  // Trie as a hash of (state, class) -> child while building; turned into CSR below. Open
  // addressing in one flat table and the outputs as flat (state, id) pairs: the per-node
  // allocations of a node-based map and of one vector per state were most of the build time.
  std::size_t chars = 0;
  for (const auto& p : patterns) chars += p.size();
  std::size_t cap = 64;
  while (cap < 2 * chars + 2) cap <<= 1;
  constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::vector<std::pair<std::uint64_t, std::uint32_t>> children(cap, {kEmpty, 0});
  std::size_t child_count = 0;
  std::vector<std::uint32_t> depth{0};
  depth.reserve(chars + 1);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> finals;  // (state, pattern id)
  finals.reserve(patterns.size());
  pattern_len_.reserve(patterns.size());
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    std::uint32_t s = 0;
    for (char32_t c : patterns[id]) {
      const std::uint64_t key = (std::uint64_t{s} << 32) | cls(c);
      std::size_t h = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
      while (children[h].first != kEmpty && children[h].first != key) h = (h + 1) & (cap - 1);
      if (children[h].first == kEmpty) {
        const std::uint32_t t = static_cast<std::uint32_t>(depth.size());
        depth.push_back(depth[s] + 1);
        children[h] = {key, t};
        ++child_count;
        s = t;
      } else {
        s = children[h].second;
      }
    }
    finals.emplace_back(s, id);
    pattern_len_.push_back(static_cast<std::uint32_t>(patterns[id].size()));
  }
  astral_class_.assign(astral.begin(), astral.end());
  std::sort(astral_class_.begin(), astral_class_.end());

  const std::uint32_t n = static_cast<std::uint32_t>(depth.size());
  std::vector<std::pair<std::uint64_t, std::uint32_t>> edges;
  edges.reserve(child_count);
  for (const auto& e : children)
    if (e.first != kEmpty) edges.push_back(e);
  std::vector<std::pair<std::uint64_t, std::uint32_t>>().swap(children);
  std::sort(edges.begin(), edges.end());
  // Pattern ids per state (CSR), in id order within a state, as the scan reports them.
  out_begin_.assign(n + 1, 0);
  for (const auto& f : finals) ++out_begin_[f.first + 1];
  for (std::uint32_t s = 0; s < n; ++s) out_begin_[s + 1] += out_begin_[s];
  out_ids_.assign(finals.size(), 0);
  {
    std::vector<std::uint32_t> at(out_begin_.begin(), out_begin_.end() - 1);
    for (const auto& f : finals) out_ids_[at[f.first]++] = f.second;
  }
  auto has_output = [&](std::uint32_t s) { return out_begin_[s] < out_begin_[s + 1]; };
  edge_begin_.assign(n + 1, 0);
  edge_class_.reserve(edges.size());
  edge_target_.reserve(edges.size());
  for (const auto& [key, target] : edges) {
    ++edge_begin_[(key >> 32) + 1];
    edge_class_.push_back(static_cast<std::uint32_t>(key & 0xFFFFFFFFu));
    edge_target_.push_back(target);
  }
  for (std::uint32_t s = 0; s < n; ++s) edge_begin_[s + 1] += edge_begin_[s];

  root_next_.assign(classes, 0);
  for (std::uint32_t k = edge_begin_[0]; k < edge_begin_[1]; ++k)
    root_next_[edge_class_[k]] = edge_target_[k];

  // Failure and dictionary links in breadth-first order.
  fail_.assign(n, 0);
  dict_link_.assign(n, 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  for (std::uint32_t k = edge_begin_[0]; k < edge_begin_[1]; ++k) queue.push_back(edge_target_[k]);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    std::uint32_t s = queue[qi];
    for (std::uint32_t k = edge_begin_[s]; k < edge_begin_[s + 1]; ++k) {
      std::uint32_t c = edge_class_[k], t = edge_target_[k];
      std::uint32_t f = fail_[s];
      std::uint32_t target = 0;
      while (true) {
        std::uint32_t e = f == 0 ? root_next_[c] : edge(f, c);
        if (e != 0 && e != t) {
          target = e;
          break;
        }
        if (f == 0) break;
        f = fail_[f];
      }
      fail_[t] = target;
      dict_link_[t] = has_output(target) ? target : dict_link_[target];
      queue.push_back(t);
    }
  }
  // Read for every character scanned: one load instead of two and a branch.
  out_head_.resize(n);
  for (std::uint32_t s = 0; s < n; ++s) out_head_[s] = has_output(s) ? s : dict_link_[s];
}

}  // namespace kefu
