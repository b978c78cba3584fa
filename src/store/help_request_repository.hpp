// HelpRequestRepository: help requests of households (core/help_request.hpp).
#pragma once

#include "core/help_request.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class HelpRequestRepository {
 public:
  explicit HelpRequestRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming householdId, practiceId or requestedById when it
  // names no record, and practiceId when the household is not of that practice.
  [[nodiscard]] Result<HelpRequest> create(const HelpRequestFields& fields);
  [[nodiscard]] Result<HelpRequest> get(const HelpRequestId& id);
  // Ordered by creation, then id.
  [[nodiscard]] Result<Page<HelpRequest>> list(const HelpRequestFilter& filter,
                                               const Paging& paging);
  // Every request of the filter, in the order of list(): for matching runs.
  [[nodiscard]] Result<std::vector<HelpRequest>> all(const HelpRequestFilter& filter);
  [[nodiscard]] Result<HelpRequest> update(const HelpRequestId& id,
                                           std::optional<int> expected_version,
                                           const HelpRequestFields& fields);
  // Sets the status only: what a match's life cycle does to its request.
  [[nodiscard]] Result<void> set_status(const HelpRequestId& id, HelpRequestStatus status);
  [[nodiscard]] Result<void> remove(const HelpRequestId& id);

 private:
  Result<void> write(const std::string& id, const HelpRequestFields& fields, bool insert);
  Result<Page<HelpRequest>> select(const HelpRequestFilter& filter,
                                   const std::optional<Paging>& paging);
  Transaction& transaction_;
};

}  // namespace dichtbij::store
