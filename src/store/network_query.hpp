// NetworkQuery: reads what a household's ecomap is built from, in a handful
// of set-based queries (not one per person), since the ecomap is the most
// read view of the app.
#pragma once

#include "core/date.hpp"
#include "core/ecomap.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

class NetworkQuery {
 public:
  explicit NetworkQuery(Transaction& transaction) : transaction_(transaction) {}

  // The household's members, team, ties holding on `on`, the persons and
  // organisations they involve, and the support acts per provider in the 90
  // days up to `on`. not_found when there is no such household.
  [[nodiscard]] Result<EcomapInput> read(const HouseholdId& household, const Date& on);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
