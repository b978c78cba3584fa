// BreakGlassRepository: households opened outside a caller's reach, with
// the reason given (access/break_glass.hpp decides who may).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct BreakGlassOpening {
  std::string id;
  AccountId account;
  std::string username;
  HouseholdId household;
  std::string reason;
  std::string opened_at;   // UTC text
  std::string expires_at;  // UTC text
};

struct BreakGlassFilter {
  std::optional<AccountId> account;    // opened by this account
  std::optional<PracticeId> practice;  // of households of this practice
};

// Borrows the transaction; create one per transaction.
class BreakGlassRepository {
 public:
  explicit BreakGlassRepository(Transaction& transaction) : transaction_(transaction) {}

  [[nodiscard]] Result<BreakGlassOpening> open(const AccountId& account,
                                               const HouseholdId& household,
                                               const std::string& reason,
                                               std::chrono::seconds lasting);
  // Newest first; either filter part, or both, must be set.
  [[nodiscard]] Result<Page<BreakGlassOpening>> list(const BreakGlassFilter& filter,
                                                     const Paging& paging);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
