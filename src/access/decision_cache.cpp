#include "access/decision_cache.hpp"

#include <iterator>

#include "store/timestamps.hpp"

namespace dichtbij::access {

std::string DecisionCache::key(const Actor& actor, const HouseholdId& household) {
  // Everything reach() reads of the actor: a stale Actor (an account changed
  // meanwhile) is a different key as well as a different generation.
  std::string key;
  key.reserve(4 * 37 + 2);
  key += actor.account.str();
  key += ' ';
  key += static_cast<char>('0' + static_cast<int>(actor.role));
  key += actor.person ? actor.person->str() : "-";
  key += ' ';
  key += actor.practice ? actor.practice->str() : "-";
  key += ' ';
  key += household.str();
  return key;
}

std::optional<HouseholdAccess> DecisionCache::find(const Actor& actor, const HouseholdId& household,
                                                   std::string_view today,
                                                   std::uint64_t generation) const {
  const std::string wanted = key(actor, household);
  std::lock_guard lock(mutex_);
  const auto entry = entries_.find(wanted);
  if (entry == entries_.end() || entry->second.generation != generation ||
      entry->second.today != today) {
    return std::nullopt;
  }
  return entry->second.access;
}

void DecisionCache::store(const Actor& actor, const HouseholdId& household, std::string_view today,
                          std::uint64_t generation, const HouseholdAccess& access) {
  if (access.break_glass()) return;  // expires by the clock, not by a change
  std::string stored = key(actor, household);
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries && !entries_.contains(stored)) {
    for (auto entry = entries_.begin(); entry != entries_.end();) {
      entry = entry->second.generation != generation ? entries_.erase(entry) : std::next(entry);
    }
    if (entries_.size() >= kMaxEntries) entries_.clear();
  }
  entries_.insert_or_assign(std::move(stored), Entry{generation, std::string(today), access});
}

std::size_t DecisionCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

Result<HouseholdAccess> cached_household_access(store::Database& database, const Actor& actor,
                                                const HouseholdId& household) {
  DecisionCache& cache = DecisionCache::of(database);
  // Both before the read: a change committed while it runs moves the
  // generation, and the entry is stale from the start.
  const std::uint64_t generation = database.data_generation();
  const std::string today = store::local_today_text();
  if (std::optional<HouseholdAccess> known = cache.find(actor, household, today, generation)) {
    return *known;
  }
  Result<HouseholdAccess> access = database.in_transaction<HouseholdAccess>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return household_access(transaction, actor, household);
      });
  // Decided across midnight: the day it holds for is unclear, so not kept.
  if (access.ok() && store::local_today_text() == today)
    cache.store(actor, household, today, generation, *access);
  return access;
}

std::optional<HouseholdAccess> remembered_household_access(store::Database& database,
                                                           const Actor& actor,
                                                           const HouseholdId& household) {
  return DecisionCache::of(database).find(actor, household, store::local_today_text(),
                                          database.data_generation());
}

}  // namespace dichtbij::access
