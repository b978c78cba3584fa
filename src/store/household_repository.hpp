// HouseholdRepository: households with their practices, members and team.
#pragma once

#include "core/household.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class HouseholdRepository {
 public:
  explicit HouseholdRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming practiceIds[i], members[i].personId or
  // team[i].personId when it names no record.
  [[nodiscard]] Result<Household> create(const HouseholdFields& fields);
  [[nodiscard]] Result<Household> get(const HouseholdId& id);
  // Ordered by name, then id.
  [[nodiscard]] Result<Page<Household>> list(const HouseholdFilter& filter, const Paging& paging);
  // Sets closed_on to today when the status becomes closed, clears it when
  // the household reopens, and leaves it while the status stays closed.
  [[nodiscard]] Result<Household> update(const HouseholdId& id, std::optional<int> expected_version,
                                         const HouseholdFields& fields);
  [[nodiscard]] Result<void> remove(const HouseholdId& id);
  [[nodiscard]] bool exists(const HouseholdId& id);
  // Whether there is any household at all; reads one row.
  [[nodiscard]] bool any();

 private:
  Result<void> check_references(const HouseholdFields& fields);
  void write_children(const std::string& id, const HouseholdFields& fields);
  // closed_on is the day the status became closed, from which the retention
  // period runs (access/subject_rights.hpp); reopening clears it.
  void set_closed_on(const std::string& id, bool closed);
  // Fills in the practices, members and team of households, one query per
  // child table.
  void load_children(std::vector<Household>& households);

  Transaction& transaction_;
};

}  // namespace dichtbij::store
