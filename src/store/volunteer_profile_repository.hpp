// VolunteerProfileRepository: what volunteers offer, where and when
// (core/help_request.hpp). One profile per volunteer and practice.
#pragma once

#include "core/help_request.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class VolunteerProfileRepository {
 public:
  explicit VolunteerProfileRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming personId, practiceId or excludedHouseholdIds[i]
  // when it names no record; conflict when the person already has a
  // profile in the practice.
  [[nodiscard]] Result<VolunteerProfile> create(const VolunteerProfileFields& fields);
  [[nodiscard]] Result<VolunteerProfile> get(const VolunteerProfileId& id);
  // Ordered by creation, then id.
  [[nodiscard]] Result<Page<VolunteerProfile>> list(const VolunteerProfileFilter& filter,
                                                    const Paging& paging);
  // Every profile of the filter, in the order of list(): for matching runs.
  [[nodiscard]] Result<std::vector<VolunteerProfile>> all(const VolunteerProfileFilter& filter);
  [[nodiscard]] Result<VolunteerProfile> update(const VolunteerProfileId& id,
                                                std::optional<int> expected_version,
                                                const VolunteerProfileFields& fields);
  [[nodiscard]] Result<void> remove(const VolunteerProfileId& id);

 private:
  Result<void> write(const std::string& id, const VolunteerProfileFields& fields, bool insert);
  Result<Page<VolunteerProfile>> select(const VolunteerProfileFilter& filter,
                                        const std::optional<Paging>& paging);
  Transaction& transaction_;
};

}  // namespace dichtbij::store
