#include "api/rendered_cache.hpp"

namespace dichtbij::api {

std::shared_ptr<const std::string> RenderedCache::find(const std::string& key,
                                                       std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return nullptr;
  const auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second;
}

void RenderedCache::store(const std::string& key, std::uint64_t generation, std::string body) {
  auto shared = std::make_shared<const std::string>(std::move(body));
  std::lock_guard lock(mutex_);
  if (generation < generation_ || capacity_ == 0) return;
  if (generation > generation_) {
    entries_.clear();
    generation_ = generation;
  }
  if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.erase(entries_.begin());
  entries_.insert_or_assign(key, std::move(shared));
}

}  // namespace dichtbij::api
