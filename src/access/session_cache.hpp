// SessionCache: sessions recently resolved, so that a signed-in request need
// not read its session from the database.
//
// An entry is kept under the data generation it was read at
// (store::Database::data_generation(), store/change_watch.hpp) and served
// only while that generation holds. Signing out, changing a password and
// disabling an account are data-changing commits, so each retires every
// entry: in this process at once, in another process or instance as soon as
// its change watch sees the commit (SQLite: within 20 ms; PostgreSQL: when
// the notification arrives, and never while the listener is down). A
// session's activity ("touch") is bookkeeping and moves no generation: the
// process that touched updates its entry itself (touched()).
//
// The timeouts are checked by the caller on the cached timestamps. The
// account's password hash is not kept.
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/session_repository.hpp"

namespace dichtbij::access {

class SessionCache {
 public:
  // Entries kept at most; when full, those of older generations go, and if
  // that is not enough, all (each costs a few hundred bytes).
  static constexpr std::size_t kMaxEntries = 10'000;

  // A copy of the session stored under token_hash if it was read at
  // generation; nullopt otherwise.
  [[nodiscard]] std::optional<store::StoredSession> find(const std::string& token_hash,
                                                         std::uint64_t generation) const;
  // Keeps session, read at generation (taken BEFORE the read, so that a
  // change committed meanwhile retires it).
  void store(const std::string& token_hash, std::uint64_t generation, store::StoredSession session);
  // This process recorded activity at now (UTC text).
  void touched(const std::string& token_hash, const std::string& now);
  // Drops the entry (its session ended here).
  void forget(const std::string& token_hash);

 private:
  struct Entry {
    std::uint64_t generation = 0;
    store::StoredSession session;
  };

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by token hash; guarded by mutex_
};

}  // namespace dichtbij::access
