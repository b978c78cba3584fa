#include "analysis/household_analysis.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

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

namespace {

// One slice's analyses, in id order, or what stopped it.
Result<std::vector<HouseholdAnalysis>> analyse_slice(store::Database& database, const Date& on,
                                                     const store::PersonRoleBook& roles,
                                                     std::span<const HouseholdId> slice) {
  std::optional<store::NetworkBatch> batch;
  Result<void> read = database.in_transaction(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<void> {
        Result<store::NetworkBatch> got =
            store::read_network_batch(transaction, on, capacity_window_start(on), roles, slice);
        if (!got.ok()) return std::move(got).error();
        batch = std::move(*got);
        return {};
      });
  if (!read.ok()) return std::move(read).error();
  std::vector<HouseholdAnalysis> analyses;
  analyses.reserve(batch->households.size());
  for (std::size_t i = 0; i != batch->households.size(); ++i) {
    Result<HouseholdAnalysis> analysis =
        analyse_household(batch->households[i], build_ecomap(batch->inputs[i], on), batch->acts[i]);
    if (!analysis.ok()) return std::move(analysis).error();
    analyses.push_back(std::move(*analysis));
  }
  return analyses;
}

}  // namespace

Result<void> analyse_all_households(store::Database& database, const Date& on,
                                    const EachAnalysis& each, const AllHouseholdsOptions& options) {
  std::vector<HouseholdId> households;
  std::optional<store::PersonRoleBook> roles;
  Result<void> read = database.in_transaction(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<void> {
        Result<std::vector<HouseholdId>> ids = store::household_ids(transaction);
        if (!ids.ok()) return std::move(ids).error();
        households = std::move(*ids);
        Result<store::PersonRoleBook> book = store::read_person_roles(transaction);
        if (!book.ok()) return std::move(book).error();
        roles = std::move(*book);
        return {};
      });
  if (!read.ok()) return read;
  const std::size_t total = households.size();
  const std::size_t slices = (total + options.slice - 1) / options.slice;

  // Finished slices wait in `ready` until every slice before them has been
  // handed to `each`; a thread does not start a slice more than `ahead`
  // slices past the next to hand over, so memory stays bounded.
  std::mutex mutex;
  std::condition_variable handed_over;
  std::vector<std::optional<std::vector<HouseholdAnalysis>>> ready(slices);
  std::size_t next_to_start = 0, next_to_hand = 0, done = 0;
  std::optional<Error> failure;
  const std::size_t ahead = 2 * options.threads;
  auto work = [&] {
    std::unique_lock lock(mutex);
    while (!failure) {
      handed_over.wait(lock, [&] { return failure || next_to_start < next_to_hand + ahead; });
      if (failure || next_to_start == slices) return;
      const std::size_t k = next_to_start++;
      lock.unlock();
      const std::size_t begin = k * options.slice;
      const std::size_t size = std::min(options.slice, total - begin);
      Result<std::vector<HouseholdAnalysis>> analysed =
          analyse_slice(database, on, *roles, std::span(households).subspan(begin, size));
      lock.lock();
      if (!analysed.ok()) {
        if (!failure) failure = std::move(analysed).error();
        break;
      }
      ready[k] = std::move(*analysed);
      // Whoever completes the next slice to hand over hands over every
      // consecutive finished one, holding the lock: one call of each at a
      // time, in order.
      while (!failure && next_to_hand != slices && ready[next_to_hand]) {
        for (const HouseholdAnalysis& analysis : *ready[next_to_hand]) {
          if (Result<void> taken = each(analysis, ++done, total); !taken.ok()) {
            failure = std::move(taken).error();
            break;
          }
        }
        ready[next_to_hand].reset();
        ++next_to_hand;
      }
      handed_over.notify_all();
    }
    handed_over.notify_all();
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < options.threads; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  if (failure) return std::move(*failure);
  return {};
}

}  // namespace dichtbij::analysis
