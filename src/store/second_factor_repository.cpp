#include "store/second_factor_repository.hpp"

#include <soci/soci.h>

#include <algorithm>

namespace dichtbij::store {

Result<std::optional<StoredSecondFactor>> SecondFactorRepository::find(const AccountId& account) {
  StoredSecondFactor factor;
  std::string confirmed_at;
  soci::indicator confirmed_indicator = soci::i_null;
  long long last_used_step = 0;
  soci::indicator step_indicator = soci::i_null;
  soci::session& sql = transaction_.session();
  sql << "SELECT secret, confirmed_at, last_used_step FROM second_factors "
         "WHERE account_id = :account",
      soci::use(account.str()), soci::into(factor.secret),
      soci::into(confirmed_at, confirmed_indicator), soci::into(last_used_step, step_indicator);
  if (!sql.got_data()) return std::optional<StoredSecondFactor>();
  if (confirmed_indicator == soci::i_ok) factor.confirmed_at = confirmed_at;
  if (step_indicator == soci::i_ok) factor.last_used_step = last_used_step;
  return std::optional<StoredSecondFactor>(std::move(factor));
}

Result<void> SecondFactorRepository::save_pending(const AccountId& account,
                                                  const std::string& secret,
                                                  const std::string& now) {
  if (Result<void> removed = remove(account); !removed.ok()) return removed;
  transaction_.session() << "INSERT INTO second_factors (account_id, secret, created_at) "
                            "VALUES (:account, :secret, :now)",
      soci::use(account.str()), soci::use(secret), soci::use(now);
  return {};
}

Result<void> SecondFactorRepository::confirm(const AccountId& account, const std::string& now) {
  soci::statement statement =
      (transaction_.session().prepare << "UPDATE second_factors SET confirmed_at = :now "
                                         "WHERE account_id = :account",
       soci::use(now), soci::use(account.str()));
  statement.execute(true);
  if (statement.get_affected_rows() != 1) {
    return make_error(ErrorCode::not_found, "the account has no second factor to confirm");
  }
  return {};
}

Result<bool> SecondFactorRepository::use_step(const AccountId& account, std::int64_t step) {
  // One conditional UPDATE, so two sign-ins racing with the same code cannot
  // both pass.
  const long long value = step;
  soci::statement statement =
      (transaction_.session().prepare
           << "UPDATE second_factors SET last_used_step = :step WHERE account_id = :account "
              "AND (last_used_step IS NULL OR last_used_step < :step_again)",
       soci::use(value), soci::use(account.str()), soci::use(value));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

Result<void> SecondFactorRepository::remove(const AccountId& account) {
  soci::session& sql = transaction_.session();
  sql << "DELETE FROM recovery_codes WHERE account_id = :account", soci::use(account.str());
  sql << "DELETE FROM second_factors WHERE account_id = :account", soci::use(account.str());
  return {};
}

Result<void> SecondFactorRepository::replace_recovery_codes(const AccountId& account,
                                                            const std::vector<std::string>& hashes,
                                                            const std::string& now) {
  soci::session& sql = transaction_.session();
  sql << "DELETE FROM recovery_codes WHERE account_id = :account", soci::use(account.str());
  for (const std::string& hash : hashes) {
    sql << "INSERT INTO recovery_codes (account_id, code_hash, created_at) "
           "VALUES (:account, :hash, :now)",
        soci::use(account.str()), soci::use(hash), soci::use(now);
  }
  return {};
}

Result<bool> SecondFactorRepository::use_recovery_code(const AccountId& account,
                                                       const std::string& hash,
                                                       const std::string& now) {
  soci::statement statement =
      (transaction_.session().prepare
           << "UPDATE recovery_codes SET used_at = :now WHERE account_id = :account "
              "AND code_hash = :hash AND used_at IS NULL",
       soci::use(now), soci::use(account.str()), soci::use(hash));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

Result<int> SecondFactorRepository::unused_recovery_codes(const AccountId& account) {
  int count = 0;
  transaction_.session() << "SELECT COUNT(*) FROM recovery_codes WHERE account_id = :account "
                            "AND used_at IS NULL",
      soci::use(account.str()), soci::into(count);
  return count;
}

Result<std::vector<AccountRole>> SecondFactorRepository::required_roles() {
  std::vector<std::string> codes(16);
  transaction_.session() << "SELECT role FROM second_factor_requirements", soci::into(codes);
  std::vector<AccountRole> roles;
  for (const std::string& code : codes) {
    if (std::optional<AccountRole> role = from_code<AccountRole>(code)) roles.push_back(*role);
  }
  std::sort(roles.begin(), roles.end());
  return roles;
}

Result<bool> SecondFactorRepository::is_required(AccountRole role) {
  int count = 0;
  // Named: SOCI runs the statement after a temporary would be gone.
  const std::string code(to_code(role));
  transaction_.session() << "SELECT COUNT(*) FROM second_factor_requirements WHERE role = :role",
      soci::use(code), soci::into(count);
  return count > 0;
}

Result<void> SecondFactorRepository::set_required(AccountRole role, bool required,
                                                  const std::string& now) {
  soci::session& sql = transaction_.session();
  const std::string code(to_code(role));
  sql << "DELETE FROM second_factor_requirements WHERE role = :role", soci::use(code);
  if (required) {
    sql << "INSERT INTO second_factor_requirements (role, required_at) VALUES (:role, :now)",
        soci::use(code), soci::use(now);
  }
  return {};
}

}  // namespace dichtbij::store
