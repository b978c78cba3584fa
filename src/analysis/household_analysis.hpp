// One household analysed on one day: its network, the network's measures and
// its carrying capacity, read in one transaction.
#pragma once

#include <cstddef>
#include <functional>

#include "analysis/carrying_capacity.hpp"
#include "analysis/household_network.hpp"
#include "analysis/network_measures.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::analysis {

struct HouseholdAnalysis {
  HouseholdId household;
  Date on;
  HouseholdNetwork network;
  NetworkMeasures measures;
  CarryingCapacity capacity;
};

// Reads household's network on `on` and its acts of the 90 days up to it,
// and measures both. not_found when there is no such household; unavailable
// when the database fails; internal when igraph does.
[[nodiscard]] Result<HouseholdAnalysis> analyse_household(store::Transaction& transaction,
                                                          const HouseholdId& household,
                                                          const Date& on);

// The same from what was read: the ecomap of the day and the window's acts.
[[nodiscard]] Result<HouseholdAnalysis> analyse_household(const HouseholdId& household,
                                                          const Ecomap& map,
                                                          std::span<const store::StandingAct> acts);

// Called with each household's analysis, the number done so far and the
// total; an error stops the run and is returned.
using EachAnalysis =
    std::function<Result<void>(const HouseholdAnalysis&, std::size_t done, std::size_t total)>;

// Every household on `on`, in id order, from one batch read
// (store/network_batch_query.hpp): the same values as analyse_household()
// for each, in a handful of queries. Errors as analyse_household(), or each's.
[[nodiscard]] Result<void> analyse_all_households(store::Transaction& transaction, const Date& on,
                                                  const EachAnalysis& each);

struct AllHouseholdsOptions {
  std::size_t slice = 2000;  // households read and analysed together
  std::size_t threads = 2;   // slices in progress at once, each on its own read transaction
};

// The same, a slice at a time on several threads: memory holds a few slices
// instead of the city, and reading one slice overlaps analysing another.
// `each` is still called in id order, one call at a time (from any of the
// threads). The slices are read on separate transactions, so a write that
// commits during the run may show in the later slices only.
// REQUIRES: options.slice >= 1, options.threads >= 1, and database's pool has
// options.threads sessions free.
[[nodiscard]] Result<void> analyse_all_households(store::Database& database, const Date& on,
                                                  const EachAnalysis& each,
                                                  const AllHouseholdsOptions& options = {});

}  // namespace dichtbij::analysis
