#include "analysis/household_analysis.hpp"

#include "store/network_batch_query.hpp"
#include "store/network_query.hpp"

namespace dichtbij::analysis {

Result<HouseholdAnalysis> analyse_household(store::Transaction& transaction,
                                            const HouseholdId& household, const Date& on) {
  Result<EcomapInput> input = store::NetworkQuery(transaction).read(household, on);
  if (!input.ok()) return std::move(input).error();
  Result<std::vector<store::StandingAct>> acts =
      store::household_acts(transaction, household, capacity_window_start(on), on);
  if (!acts.ok()) return std::move(acts).error();
  return analyse_household(household, build_ecomap(*input, on), *acts);
}

Result<HouseholdAnalysis> analyse_household(const HouseholdId& household, const Ecomap& map,
                                            std::span<const store::StandingAct> acts) {
  HouseholdAnalysis analysis;
  analysis.household = household;
  analysis.on = map.on;
  analysis.network = household_network(map);
  Result<NetworkMeasures> measures = measure_network(analysis.network);
  if (!measures.ok()) return std::move(measures).error();
  analysis.measures = std::move(*measures);
  analysis.capacity = carrying_capacity(acts, capacity_window_start(map.on), map.on);
  return analysis;
}

Result<void> analyse_all_households(store::Transaction& transaction, const Date& on,
                                    const EachAnalysis& each) {
  Result<store::NetworkBatch> batch =
      store::read_network_batch(transaction, on, capacity_window_start(on));
  if (!batch.ok()) return std::move(batch).error();
  const std::size_t total = batch->households.size();
  for (std::size_t i = 0; i != total; ++i) {
    Result<HouseholdAnalysis> analysis =
        analyse_household(batch->households[i], build_ecomap(batch->inputs[i], on), batch->acts[i]);
    if (!analysis.ok()) return std::move(analysis).error();
    if (Result<void> done = each(*analysis, i + 1, total); !done.ok()) return done;
  }
  return {};
}

}  // namespace dichtbij::analysis
