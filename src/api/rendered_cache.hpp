// RenderedCache: answer bodies kept while the data they were built from is
// unchanged. An entry is stored under the data generation read before its
// data was read (store::Database::data_generation) and found only under that
// same generation, so a change anywhere — this process, the CLI, another
// instance — retires every entry at once. Coarse, but never stale.
//
// Bounded: at most `capacity` entries; when full, an arbitrary entry makes
// room. Thread-safe.
//
// The key must hold everything the body depends on besides the data: the
// resource, its parameters, and (once answers differ per user) the view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dichtbij::api {

class RenderedCache {
 public:
  explicit RenderedCache(std::size_t capacity) : capacity_(capacity) {}

  // The body stored under key at this generation; null when there is none.
  [[nodiscard]] std::shared_ptr<const std::string> find(const std::string& key,
                                                        std::uint64_t generation);

  // Keeps body under key at generation. A generation older than the newest
  // seen is already stale and is not kept.
  void store(const std::string& key, std::uint64_t generation, std::string body);

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;  // guarded by mutex_: of every entry
  std::unordered_map<std::string, std::shared_ptr<const std::string>> entries_;  // guarded
};

}  // namespace dichtbij::api
