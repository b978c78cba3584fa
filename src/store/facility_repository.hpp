// FacilityRepository and ReferralRepository: the social map and referrals
// of households to it.
#pragma once

#include "core/facility.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class FacilityRepository {
 public:
  explicit FacilityRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming organisationId when it names no organisation.
  [[nodiscard]] Result<Facility> create(const FacilityFields& fields);
  [[nodiscard]] Result<Facility> get(const FacilityId& id);
  // Ordered by name, then id.
  [[nodiscard]] Result<Page<Facility>> list(const FacilityFilter& filter, const Paging& paging);
  [[nodiscard]] Result<Facility> update(const FacilityId& id, std::optional<int> expected_version,
                                        const FacilityFields& fields);
  // conflict while referrals point to it.
  [[nodiscard]] Result<void> remove(const FacilityId& id);

 private:
  Result<void> write(const std::string& id, const FacilityFields& fields, bool insert);
  Transaction& transaction_;
};

// Borrows the transaction; create one per transaction.
class ReferralRepository {
 public:
  explicit ReferralRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming householdId, facilityId, personId or referredById
  // when it names no record.
  [[nodiscard]] Result<Referral> create(const ReferralFields& fields);
  [[nodiscard]] Result<Referral> get(const ReferralId& id);
  // Ordered by date, then id.
  [[nodiscard]] Result<Page<Referral>> list(const ReferralFilter& filter, const Paging& paging);
  [[nodiscard]] Result<Referral> update(const ReferralId& id, std::optional<int> expected_version,
                                        const ReferralFields& fields);
  [[nodiscard]] Result<void> remove(const ReferralId& id);

 private:
  Result<void> write(const std::string& id, const ReferralFields& fields, bool insert);
  Transaction& transaction_;
};

}  // namespace dichtbij::store
