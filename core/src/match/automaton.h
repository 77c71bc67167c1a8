// Aho–Corasick over code points: all terms of a pack set in one automaton, built once, scanned
// in one pass. Work is linear in the text plus the hits, whatever the input: no backtracking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu {

class Automaton {
 public:
  // Each pattern must be non-empty; duplicates are allowed (they get separate ids).
  explicit Automaton(const std::vector<std::u32string>& patterns);
  Automaton() = default;

  std::size_t state_count() const { return fail_.size(); }
  std::uint32_t pattern_length(std::uint32_t id) const { return pattern_len_[id]; }

  // Calls on_hit(pattern_id, end) for every occurrence, `end` one past its last character.
  template <typename OnHit>
  void scan(std::u32string_view text, OnHit&& on_hit) const {
    if (bmp_pages_.empty()) return;  // no patterns
    const std::uint16_t* const page_of = page_of_.data();
    const std::uint32_t* const pages = bmp_pages_.data();
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char32_t c = text[i];
      const std::uint32_t cls =
          c < 0x10000 ? pages[std::size_t{page_of[c >> 8]} * 256 + (c & 0xFF)] : class_of(c);
      if (cls == 0) {
        state = 0;
        continue;
      }
      state = step(state, cls);
      for (std::uint32_t s = out_head_[state]; s != 0; s = dict_link_[s])
        for (std::uint32_t k = out_begin_[s]; k < out_begin_[s + 1]; ++k)
          on_hit(out_ids_[k], static_cast<std::uint32_t>(i + 1));
    }
  }

 private:
  std::uint32_t class_of(char32_t c) const;
  std::uint32_t next(std::uint32_t state, std::uint32_t cls) const;
  std::uint32_t edge(std::uint32_t state, std::uint32_t cls) const;  // 0 when absent

  // next() for the scan, inline: the out-of-line calls per character were a third of the
  // matcher's time. Short edge lists are searched linearly, long ones by bisection.
  std::uint32_t step(std::uint32_t state, std::uint32_t cls) const {
    const std::uint32_t* const classes = edge_class_.data();
    while (state != 0) {
      const std::uint32_t* b = classes + edge_begin_[state];
      const std::uint32_t* e = classes + edge_begin_[state + 1];
      if (e - b <= 8) {
        while (b != e && *b < cls) ++b;
      } else {
        // Branch-free lower_bound: the many-child states near the root are where the scan
        // spends its time, and a bisection's branches are unpredictable.
        std::size_t len = static_cast<std::size_t>(e - b);
        while (len > 1) {
          const std::size_t half = len / 2;
          b = b[half - 1] < cls ? b + half : b;
          len -= half;
        }
        b += *b < cls;
      }
      if (b != e && *b == cls) return edge_target_[b - classes];
      state = fail_[state];
    }
    return root_next_[cls];
  }

  // Classes of the BMP in 256-character pages: page_of_[c >> 8] is c's page in bmp_pages_, page
  // 0 being all zeros (no pattern has such a character). A flat 65,536-entry table was 256 KB
  // per automaton, and every conversation rule has one: most of an engine's memory.
  std::vector<std::uint16_t> page_of_;    // 256 entries
  std::vector<std::uint32_t> bmp_pages_;  // 256 classes per page; 0 = not in any pattern
  std::vector<std::pair<char32_t, std::uint32_t>> astral_class_;  // sorted
  std::vector<std::uint32_t> root_next_;   // dense transitions of the root, by class
  std::vector<std::uint32_t> edge_begin_;  // CSR of the trie edges, per state
  std::vector<std::uint32_t> edge_class_;
  std::vector<std::uint32_t> edge_target_;
  std::vector<std::uint32_t> fail_;
  std::vector<std::uint32_t> dict_link_;  // nearest proper suffix state with output
  std::vector<std::uint32_t> out_head_;   // the state itself if it has output, else dict_link_
  std::vector<std::uint32_t> out_begin_;  // CSR of pattern ids ending at a state
  std::vector<std::uint32_t> out_ids_;
  std::vector<std::uint32_t> pattern_len_;
};

}  // namespace kefu
