// OrganisationRepository: organisations in the database.
#pragma once

#include "core/organisation.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class OrganisationRepository {
 public:
  explicit OrganisationRepository(Transaction& transaction) : transaction_(transaction) {}

  // A new organisation with a new id, version 1.
  [[nodiscard]] Result<Organisation> create(const OrganisationFields& fields);
  // not_found when there is none with this id.
  [[nodiscard]] Result<Organisation> get(const OrganisationId& id);
  // Ordered by name, then id, so pages are stable.
  [[nodiscard]] Result<Page<Organisation>> list(const OrganisationFilter& filter,
                                                const Paging& paging);
  // Replaces the fields when the stored version is expected_version (or
  // always, when nullopt); precondition_failed when it is not, not_found
  // when there is no such organisation.
  [[nodiscard]] Result<Organisation> update(const OrganisationId& id,
                                            std::optional<int> expected_version,
                                            const OrganisationFields& fields);
  // not_found when there is none; conflict while people or practices refer
  // to it.
  [[nodiscard]] Result<void> remove(const OrganisationId& id);
  // Whether it exists (for checking references from other aggregates).
  [[nodiscard]] bool exists(const OrganisationId& id);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
