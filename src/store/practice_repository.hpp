// PracticeRepository: practices with their organisations.
#pragma once

#include "core/page.hpp"
#include "core/practice.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct PracticeFilter {
  std::optional<TargetGroup> target_group;
  std::optional<std::string> name_contains;
};

// Borrows the transaction; create one per transaction.
class PracticeRepository {
 public:
  explicit PracticeRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming organisationIds[i] when it names no organisation.
  [[nodiscard]] Result<Practice> create(const PracticeFields& fields);
  [[nodiscard]] Result<Practice> get(const PracticeId& id);
  // Ordered by name, then id.
  [[nodiscard]] Result<Page<Practice>> list(const PracticeFilter& filter, const Paging& paging);
  [[nodiscard]] Result<Practice> update(const PracticeId& id, std::optional<int> expected_version,
                                        const PracticeFields& fields);
  // conflict while households belong to it.
  [[nodiscard]] Result<void> remove(const PracticeId& id);

 private:
  Result<void> check_references(const PracticeFields& fields);
  void write_organisations(const std::string& id, const PracticeFields& fields);
  // Fills in the organisations of practices, in one query.
  void load_organisations(std::vector<Practice>& practices);

  Transaction& transaction_;
};

}  // namespace dichtbij::store
