// Accounts: adding them, passwords, disabling — what `dichtbij user` and the
// admin API do. Every rule about a new password is checked here (see
// access/passwords.hpp); a password change or disabling ends the account's
// sessions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/audit.hpp"
#include "core/account.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

class Accounts {
 public:
  // REQUIRES: database outlives this.
  explicit Accounts(store::Database& database) : database_(database) {}

  // Each change below is recorded in the audit log in its own transaction
  // ("account.create", "account.password", "account.disable",
  // "account.enable"), by `by` (the admin API's caller; none for the CLI).

  // invalid_input naming "username", "password", "personId" or "practiceId";
  // conflict when the username is taken. A coordinator needs a practice.
  [[nodiscard]] Result<Account> add(const AccountFields& fields, std::string_view password,
                                    const std::optional<Actor>& by = {});
  // Sets a new password (checked like a new account's), lifts a lockout and
  // ends every session of the account. not_found for an unknown username.
  [[nodiscard]] Result<void> set_password(const std::string& username, std::string_view password,
                                          const std::optional<Actor>& by = {});
  // Disabled accounts cannot sign in; their sessions end at once.
  [[nodiscard]] Result<void> set_disabled(const std::string& username, bool disabled,
                                          const std::optional<Actor>& by = {});
  [[nodiscard]] Result<std::vector<Account>> list();
  // not_found for an unknown id.
  [[nodiscard]] Result<Account> get(const AccountId& id);

 private:
  store::Database& database_;
};

}  // namespace dichtbij::access
