// Accounts: adding them, passwords, disabling — what `dichtbij user` and the
// admin API do. Every rule about a new password is checked here (see
// access/passwords.hpp); a password change or disabling ends the account's
// sessions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/account.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

class Accounts {
 public:
  // REQUIRES: database outlives this.
  explicit Accounts(store::Database& database) : database_(database) {}

  // invalid_input naming "username", "password", "personId" or "practiceId";
  // conflict when the username is taken. A coordinator needs a practice.
  [[nodiscard]] Result<Account> add(const AccountFields& fields, std::string_view password);
  // Sets a new password (checked like a new account's), lifts a lockout and
  // ends every session of the account. not_found for an unknown username.
  [[nodiscard]] Result<void> set_password(const std::string& username, std::string_view password);
  // Disabled accounts cannot sign in; their sessions end at once.
  [[nodiscard]] Result<void> set_disabled(const std::string& username, bool disabled);
  [[nodiscard]] Result<std::vector<Account>> list();

 private:
  store::Database& database_;
};

}  // namespace dichtbij::access
