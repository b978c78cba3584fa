// SecondFactorRepository: each account's TOTP authenticator, its recovery
// codes (as hashes), and the roles that must use a second factor. The rules
// — codes, replay, who may do what — live in access/second_factors.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct StoredSecondFactor {
  std::string secret;                       // base32
  std::optional<std::string> confirmed_at;  // none while pending
  std::optional<std::int64_t> last_used_step;

  bool active() const noexcept { return confirmed_at.has_value(); }
};

// Borrows the transaction; create one per transaction.
class SecondFactorRepository {
 public:
  explicit SecondFactorRepository(Transaction& transaction) : transaction_(transaction) {}

  // nullopt when the account has none, pending or active.
  [[nodiscard]] Result<std::optional<StoredSecondFactor>> find(const AccountId& account);
  // Replaces the account's factor (pending or active) with a pending one and
  // drops its recovery codes.
  [[nodiscard]] Result<void> save_pending(const AccountId& account, const std::string& secret,
                                          const std::string& now);
  [[nodiscard]] Result<void> confirm(const AccountId& account, const std::string& now);
  // Records step as the last one used. false, changing nothing, when a step
  // this late or later was used already: the code is a replay (or lost a
  // race with the same code).
  [[nodiscard]] Result<bool> use_step(const AccountId& account, std::int64_t step);
  // Removes the factor and the recovery codes; removing none is fine.
  [[nodiscard]] Result<void> remove(const AccountId& account);

  // Replaces the account's recovery codes with these hashes.
  [[nodiscard]] Result<void> replace_recovery_codes(const AccountId& account,
                                                    const std::vector<std::string>& hashes,
                                                    const std::string& now);
  // Spends the unused code with this hash; false when there is none.
  [[nodiscard]] Result<bool> use_recovery_code(const AccountId& account, const std::string& hash,
                                               const std::string& now);
  [[nodiscard]] Result<int> unused_recovery_codes(const AccountId& account);

  // The roles that must use a second factor, in the order of AccountRole.
  [[nodiscard]] Result<std::vector<AccountRole>> required_roles();
  [[nodiscard]] Result<bool> is_required(AccountRole role);
  // Setting what is already set is fine.
  [[nodiscard]] Result<void> set_required(AccountRole role, bool required, const std::string& now);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
