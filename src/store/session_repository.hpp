// SessionRepository: sign-in sessions (by the hash of their token) and the
// failed sign-ins per client address. The rules — timeouts, limits — live
// in access/sessions.hpp; times are UTC text (store/timestamps.hpp).
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "store/account_repository.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct StoredSession {
  std::string token_hash;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // absolute end
  bool revoked = false;
  // The account's role requires a second factor it has not set up yet.
  bool second_factor_setup_required = false;
  StoredAccount account;
};

struct AddressFailures {
  int failures = 0;
  std::string window_started_at;
  std::optional<std::string> locked_until;
};

// Borrows the transaction; create one per transaction.
class SessionRepository {
 public:
  explicit SessionRepository(Transaction& transaction) : transaction_(transaction) {}

  [[nodiscard]] Result<void> create(const std::string& token_hash, const AccountId& account,
                                    const std::string& csrf_token, const std::string& now,
                                    const std::string& expires_at,
                                    const std::string& client_address,
                                    bool second_factor_setup_required);
  // not_found when there is no session with this token hash.
  [[nodiscard]] Result<StoredSession> find(const std::string& token_hash);
  [[nodiscard]] Result<void> touch(const std::string& token_hash, const std::string& now);
  [[nodiscard]] Result<void> revoke(const std::string& token_hash, const std::string& now);
  // Every session of the account (password change, disabling).
  [[nodiscard]] Result<void> revoke_all(const AccountId& account, const std::string& now);
  // Sets second_factor_setup_required on the account's sessions (cleared
  // once it confirms a second factor).
  [[nodiscard]] Result<void> set_second_factor_setup_required(const AccountId& account,
                                                              bool required);
  // Sets second_factor_setup_required on the live sessions of every account
  // of this role that has no confirmed second factor (when the requirement
  // is switched on or off).
  [[nodiscard]] Result<void> set_second_factor_setup_required(AccountRole role, bool required);

  // Failed sign-ins from one address; nullopt when there are none recorded.
  [[nodiscard]] Result<std::optional<AddressFailures>> address_failures(
      const std::string& client_address);
  [[nodiscard]] Result<void> save_address_failures(const std::string& client_address,
                                                   const AddressFailures& failures);
  [[nodiscard]] Result<void> clear_address_failures(const std::string& client_address);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
