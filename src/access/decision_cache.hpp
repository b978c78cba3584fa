// DecisionCache: household access decisions recently made, so that a request
// about one household need not run the policy's query (store/reach.cpp: one
// read transaction, five EXISTS subqueries) again.
//
// A decision is kept per (account, its role, person and practice, household)
// for the day (UTC) it was made on, under the data generation it was read at
// (store::Database::data_generation(), store/change_watch.hpp), and served
// only while both hold. Team, membership, tie, agreement, act and practice
// changes, account changes and break-the-glass openings are all data changes:
// each retires every entry, in this process at once, in another process or
// instance as soon as its change watch sees the commit (SQLite: within
// 20 ms; PostgreSQL: when the notification arrives, and never while the
// listener is down). Periods are dated, so a new day is a new key.
//
// The one thing that changes with the clock alone is a break-the-glass
// opening, which expires after an hour: a break_glass standing is never
// kept (every such request reads again, as it should be flagged anyway).
// Any other standing does not depend on an opening (team outranks it;
// member and helper are decided only when there is none).
//
// One per Database (store::Database::attachment). Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "access/policy.hpp"
#include "core/account.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

class DecisionCache final : public store::Database::Attachment {
 public:
  // Entries kept at most; when full, those of other generations go, and if
  // that is not enough, all (each costs about 200 bytes).
  static constexpr std::size_t kMaxEntries = 20'000;

  explicit DecisionCache(store::Database& /*database*/) {}

  // The cache of this database.
  [[nodiscard]] static DecisionCache& of(store::Database& database) {
    return database.attachment<DecisionCache>();
  }

  // The decision for actor about household made on today (YYYY-MM-DD) at
  // generation; nullopt when there is none.
  [[nodiscard]] std::optional<HouseholdAccess> find(const Actor& actor,
                                                    const HouseholdId& household,
                                                    std::string_view today,
                                                    std::uint64_t generation) const;
  // Keeps access, decided on today at generation (taken BEFORE the read, so
  // that a change committed meanwhile retires it). A break_glass standing is
  // not kept (see above).
  void store(const Actor& actor, const HouseholdId& household, std::string_view today,
             std::uint64_t generation, const HouseholdAccess& access);

  // Entries held now (tests).
  [[nodiscard]] std::size_t size() const;

 private:
  struct Entry {
    std::uint64_t generation = 0;
    std::string today;
    HouseholdAccess access;
  };
  [[nodiscard]] static std::string key(const Actor& actor, const HouseholdId& household);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mutex_
};

// How actor stands to household now, as household_access() decides it,
// from the decision cache when it holds a current decision, otherwise read
// in a read transaction of its own (and kept). not_found when there is no
// such household (never cached), or the database's error.
[[nodiscard]] Result<HouseholdAccess> cached_household_access(store::Database& database,
                                                              const Actor& actor,
                                                              const HouseholdId& household);

// The same from the decision cache alone: nullopt when it holds no current
// decision. Never reads the database.
[[nodiscard]] std::optional<HouseholdAccess> remembered_household_access(
    store::Database& database, const Actor& actor, const HouseholdId& household);

}  // namespace dichtbij::access
