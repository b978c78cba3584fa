// AccountRepository: accounts, their password hashes and sign-in failures.
// Hashing and the rules for passwords and lockout live in access/; this
// stores what access/ decided.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/account.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// An account with its stored password hash (for verifying a sign-in only).
struct StoredAccount {
  Account account;
  std::string password_hash;
};

// Borrows the transaction; create one per transaction.
class AccountRepository {
 public:
  explicit AccountRepository(Transaction& transaction) : transaction_(transaction) {}

  // conflict when the username is taken; invalid_input when the person or
  // practice does not exist.
  [[nodiscard]] Result<Account> create(const AccountFields& fields,
                                       const std::string& password_hash);
  // not_found when there is none.
  [[nodiscard]] Result<StoredAccount> get(const AccountId& id);
  [[nodiscard]] Result<StoredAccount> find_by_username(const std::string& username);
  // All accounts, by username (an installation has hundreds, not millions).
  [[nodiscard]] Result<std::vector<Account>> list();

  // Replaces the hash and lifts a lockout.
  [[nodiscard]] Result<void> set_password(const AccountId& id, const std::string& password_hash);
  [[nodiscard]] Result<void> set_disabled(const AccountId& id, bool disabled);
  // Counts one failed sign-in; when the count reaches lock_after, locks the
  // account until lock_until and starts counting again. Returns the count.
  [[nodiscard]] Result<int> record_failure(const AccountId& id, int lock_after,
                                           const std::string& lock_until);
  // After a successful sign-in.
  [[nodiscard]] Result<void> clear_failures(const AccountId& id);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
