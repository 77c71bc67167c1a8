#include "api/engine.h"

#include <functional>
#include <list>

namespace kefu {
namespace {

std::string cache_key(const Options& o) {
  std::string key = o.platform + (o.shop_pack ? "|shop" : "|noshop");
  for (const auto& p : o.packs)
    key += "|" + p.name + ":" + std::to_string(p.json.size()) + ":" +
           std::to_string(std::hash<std::string>{}(p.json));
  return key;
}

}  // namespace

std::shared_ptr<const Engine> engine_for(const Options& options, std::vector<Error>& errors) {
  // The page checks on every keystroke; recompiling the packs each time would dominate.
  // Dropping an entry only gives up the cache's share (see engine.h).
  static std::list<std::pair<std::string, std::shared_ptr<const Engine>>> cache;
  constexpr std::size_t kKeep = 4;
  const std::string key = cache_key(options);
  for (auto it = cache.begin(); it != cache.end(); ++it)
    if (it->first == key) {
      cache.splice(cache.begin(), cache, it);
      return cache.front().second;
    }
  auto engine = std::make_unique<Engine>();
  if (!load_pack_set(options, engine->packs, errors)) return nullptr;
  engine->checker = ReplyChecker::build(engine->packs, errors);
  if (!engine->checker) return nullptr;
  cache.emplace_front(key, std::move(engine));
  if (cache.size() > kKeep) cache.pop_back();
  return cache.front().second;
}

}  // namespace kefu
