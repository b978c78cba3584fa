#include "access/session_cache.hpp"

#include <iterator>

namespace dichtbij::access {

std::optional<store::StoredSession> SessionCache::find(const std::string& token_hash,
                                                       std::uint64_t generation) const {
  std::lock_guard lock(mutex_);
  const auto entry = entries_.find(token_hash);
  if (entry == entries_.end() || entry->second.generation != generation) return std::nullopt;
  return entry->second.session;
}

void SessionCache::store(const std::string& token_hash, std::uint64_t generation,
                         store::StoredSession session) {
  session.account.password_hash.clear();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries && !entries_.contains(token_hash)) {
    for (auto entry = entries_.begin(); entry != entries_.end();) {
      entry = entry->second.generation != generation ? entries_.erase(entry) : std::next(entry);
    }
    if (entries_.size() >= kMaxEntries) entries_.clear();
  }
  entries_.insert_or_assign(token_hash, Entry{generation, std::move(session)});
}

void SessionCache::touched(const std::string& token_hash, const std::string& now) {
  std::lock_guard lock(mutex_);
  const auto entry = entries_.find(token_hash);
  if (entry != entries_.end() && entry->second.session.last_seen_at < now) {
    entry->second.session.last_seen_at = now;
  }
}

void SessionCache::forget(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(token_hash);
}

}  // namespace dichtbij::access
