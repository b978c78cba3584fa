// TieRepository: the ties around one household.
#pragma once

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/tie.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; works within one household's ties.
class TieRepository {
 public:
  TieRepository(Transaction& transaction, HouseholdId household)
      : transaction_(transaction), household_(std::move(household)) {}

  // invalid_input naming personId or otherPersonId when it names no person.
  [[nodiscard]] Result<Tie> create(const TieFields& fields);
  // not_found unless the tie belongs to this household.
  [[nodiscard]] Result<Tie> get(const TieId& id);
  // Ordered by valid_from, then id.
  [[nodiscard]] Result<Page<Tie>> list(const TieFilter& filter, const Paging& paging);
  [[nodiscard]] Result<Tie> update(const TieId& id, std::optional<int> expected_version,
                                   const TieFields& fields);
  [[nodiscard]] Result<void> remove(const TieId& id);

 private:
  Result<void> check_references(const TieFields& fields);
  Result<void> write(const std::string& id, const TieFields& fields, bool insert);

  Transaction& transaction_;
  HouseholdId household_;
};

// Every tie of every household that held on day, in no particular order: for
// analyses over all households (store/network_batch_query.hpp). With first
// and last, only the ties of households whose ids sort between them
// (inclusive, in the database's order).
[[nodiscard]] Result<std::vector<Tie>> ties_holding_on(Transaction& transaction, const Date& day);
[[nodiscard]] Result<std::vector<Tie>> ties_holding_on(Transaction& transaction, const Date& day,
                                                       const HouseholdId& first,
                                                       const HouseholdId& last);

}  // namespace dichtbij::store
