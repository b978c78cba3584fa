// ConsentRepository: the consents of one household, per purpose (core/consent.hpp).
#pragma once

#include <vector>

#include "core/consent.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; works within one household.
class ConsentRepository {
 public:
  ConsentRepository(Transaction& transaction, HouseholdId household)
      : transaction_(transaction), household_(std::move(household)) {}

  // Records a consent granted, by account, now. conflict naming purpose when
  // the household already has a consent for that purpose in force on a day
  // the new one covers.
  [[nodiscard]] Result<Consent> create(const ConsentFields& fields, const AccountId& account);
  [[nodiscard]] Result<Consent> get(const ConsentId& id);
  // Ordered by purpose, then granted_on, then id.
  [[nodiscard]] Result<Page<Consent>> list(const ConsentFilter& filter, const Paging& paging);
  // Replaces the consent's fields; when this sets withdrawn_on, the
  // withdrawal is recorded as by account, now. conflict naming the field
  // when core's check_change() refuses, or when the new period overlaps
  // another consent for the purpose; precondition_failed as advance_version().
  [[nodiscard]] Result<Consent> update(const ConsentId& id, std::optional<int> expected_version,
                                       const ConsentFields& fields, const AccountId& account);
  // Always conflict: a consent is withdrawn, never deleted, so that the
  // record of what was agreed stays. (The API has no route for it.)
  [[nodiscard]] Result<void> remove(const ConsentId& id);

 private:
  Result<void> check_overlap(const ConsentFields& fields, const std::string& id);

  Transaction& transaction_;
  HouseholdId household_;
};

// The households with a consent for a purpose in force on a day, as a
// subquery for "household_id IN (…)": binds the purpose's code, then the day
// twice (YYYY-MM-DD). The one spelling of "in force" (core/consent.hpp) in SQL.
inline constexpr const char kHouseholdsConsentingSql[] =
    "SELECT household_id FROM consents WHERE purpose = :purpose AND granted_on <= :day1 AND "
    "(withdrawn_on IS NULL OR withdrawn_on > :day2)";

// The households with a consent for purpose in force on day, in id order.
[[nodiscard]] Result<std::vector<HouseholdId>> households_consenting(Transaction& transaction,
                                                                     ConsentPurpose purpose,
                                                                     const Date& day);

}  // namespace dichtbij::store
