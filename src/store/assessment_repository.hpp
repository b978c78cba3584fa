// AssessmentRepository: the ZRM assessments of one household.
#pragma once

#include "core/assessment.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; works within one household.
class AssessmentRepository {
 public:
  AssessmentRepository(Transaction& transaction, HouseholdId household)
      : transaction_(transaction), household_(std::move(household)) {}

  // invalid_input naming personId or assessorId when it names no person.
  [[nodiscard]] Result<Assessment> create(const AssessmentFields& fields);
  [[nodiscard]] Result<Assessment> get(const AssessmentId& id);
  // Ordered by date, then id.
  [[nodiscard]] Result<Page<Assessment>> list(const AssessmentFilter& filter, const Paging& paging);
  [[nodiscard]] Result<Assessment> update(const AssessmentId& id,
                                          std::optional<int> expected_version,
                                          const AssessmentFields& fields);
  [[nodiscard]] Result<void> remove(const AssessmentId& id);

 private:
  Result<void> check_references(const AssessmentFields& fields);
  void write_scores(const std::string& id, const AssessmentFields& fields);
  // Fills in the scores of assessments, in one query, each in the matrix's
  // order.
  void load_scores(std::vector<Assessment>& assessments);

  Transaction& transaction_;
  HouseholdId household_;
};

}  // namespace dichtbij::store
