// AgreementRepository: the agreements of one household's support plan, with
// every earlier version kept.
#pragma once

#include <vector>

#include "core/agreement.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; works within one household's plan.
class AgreementRepository {
 public:
  AgreementRepository(Transaction& transaction, HouseholdId household)
      : transaction_(transaction), household_(std::move(household)) {}

  // invalid_input naming responsiblePersonId when it names no person.
  [[nodiscard]] Result<Agreement> create(const AgreementFields& fields);
  [[nodiscard]] Result<Agreement> get(const AgreementId& id);
  // Ordered by creation, then id; as the plan stood on filter.on if set.
  [[nodiscard]] Result<Page<Agreement>> list(const AgreementFilter& filter, const Paging& paging);
  // Keeps the replaced version in the history.
  [[nodiscard]] Result<Agreement> update(const AgreementId& id, std::optional<int> expected_version,
                                         const AgreementFields& fields);
  [[nodiscard]] Result<void> remove(const AgreementId& id);
  // Every version, oldest first; not_found unless it belongs to the household.
  [[nodiscard]] Result<std::vector<AgreementVersion>> history(const AgreementId& id);

 private:
  Result<void> check_references(const AgreementFields& fields);
  void record_version(const std::string& id, int version, const AgreementFields& fields,
                      const std::string& changed_at);

  Transaction& transaction_;
  HouseholdId household_;
};

}  // namespace dichtbij::store
