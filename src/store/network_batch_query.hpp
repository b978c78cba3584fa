// NetworkBatchQuery: what the networks and carrying capacities of every
// household are built from, read in a handful of set-based queries over the
// whole database instead of several per household — the path for analyses
// of all households at once (the CLI, the city-scale benchmark). Gives the
// same inputs, household by household, as NetworkQuery and
// household_acts() (checked in tests/api/analyses_test.cpp), without the
// names, organisations and recent-act counts the measures do not use.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "core/date.hpp"
#include "core/ecomap.hpp"
#include "core/result.hpp"
#include "store/database.hpp"
#include "store/household_acts_query.hpp"

namespace dichtbij::store {

struct NetworkBatch {
  std::vector<HouseholdId> households;  // every household read, in id order
  // Parallel to households: members, team, ties holding on the day, and the
  // roles of the persons these involve.
  std::vector<EcomapInput> inputs;
  // Parallel to households: the acts from acts_from to the day.
  std::vector<std::vector<StandingAct>> acts;
};

// Everything on `on`, and the acts dated acts_from … on. Memory grows with
// the database: about a kilobyte per household of the city-scale demo.
[[nodiscard]] Result<NetworkBatch> read_network_batch(Transaction& transaction, const Date& on,
                                                      const Date& acts_from);

// The same a slice at a time, so that memory stays flat and several slices
// can be read (on their own transactions) and analysed at once:

// Every household's id, in the database's id order (the order slices are
// cut from).
[[nodiscard]] Result<std::vector<HouseholdId>> household_ids(Transaction& transaction);

// The roles of every person, read once and shared, read-only, by the slices
// of one run. Cheap to copy.
class PersonRoleBook {
 public:
  struct Table;  // internal to store/
  explicit PersonRoleBook(std::shared_ptr<const Table> table) : table_(std::move(table)) {}
  const Table& table() const noexcept { return *table_; }

 private:
  std::shared_ptr<const Table> table_;
};

[[nodiscard]] Result<PersonRoleBook> read_person_roles(Transaction& transaction);

// The households of slice, consecutive entries of household_ids() (read on
// any transaction), as read_network_batch() gives them.
// REQUIRES: slice is not empty.
[[nodiscard]] Result<NetworkBatch> read_network_batch(Transaction& transaction, const Date& on,
                                                      const Date& acts_from,
                                                      const PersonRoleBook& roles,
                                                      std::span<const HouseholdId> slice);

}  // namespace dichtbij::store
