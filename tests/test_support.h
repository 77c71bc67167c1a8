// Helpers shared by the test files: the engine for a platform and findings by rule.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "api/engine.h"
#include "kefu/kefu.h"

namespace kefu::test {

// Tests hold the reference across further engine() calls, more than the engine cache keeps, so
// every engine handed out here is kept for the life of the test binary, one per platform and
// packs: asking the cache again after it evicted one would build and keep a copy each time (the
// parameter generators alternate platforms, and the copies were gigabytes).
inline const Engine& engine(const std::string& platform, std::vector<PackFile> packs = {}) {
  std::string key = platform;
  for (const auto& p : packs) key += '\0' + p.name + '\0' + p.json;
  static std::map<std::string, std::shared_ptr<const Engine>> kept;
  if (auto it = kept.find(key); it != kept.end()) return *it->second;
  Options o;
  o.platform = platform;
  o.packs = std::move(packs);
  std::vector<Error> errors;
  std::shared_ptr<const Engine> e = engine_for(o, errors);
  if (!e) throw std::runtime_error("packs do not load: " + join_errors(errors));
  return *kept.emplace(std::move(key), std::move(e)).first->second;
}

inline std::vector<Finding> findings_of(const Engine& e, const std::string& text,
                                        const std::string& rule_id) {
  std::vector<Finding> out;
  for (auto& f : e.checker->check(text).findings)
    if (f.rule->id == rule_id) out.push_back(f);
  return out;
}

inline std::string read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot read " + path);
  std::string s;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s;
}

inline std::string source_path(const std::string& rel) {
  return std::string(KEFU_SOURCE_DIR) + "/" + rel;
}

}  // namespace kefu::test
