#include "store/session_repository.hpp"

#include <soci/soci.h>

namespace dichtbij::store {

Result<void> SessionRepository::create(const std::string& token_hash, const AccountId& account,
                                       const std::string& csrf_token, const std::string& now,
                                       const std::string& expires_at,
                                       const std::string& client_address,
                                       bool second_factor_setup_required) {
  const int setup_required = second_factor_setup_required ? 1 : 0;
  transaction_.session()
      << "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, "
         "expires_at, client_address, second_factor_setup_required) VALUES (:hash, :account, "
         ":csrf, :created, :seen, :expires, :address, :setup_required)",
      soci::use(token_hash), soci::use(account.str()), soci::use(csrf_token), soci::use(now),
      soci::use(now), soci::use(expires_at), soci::use(client_address), soci::use(setup_required);
  return {};
}

Result<StoredSession> SessionRepository::find(const std::string& token_hash) {
  StoredSession session;
  std::string account_id, revoked_at;
  soci::indicator revoked_indicator = soci::i_null;
  int setup_required = 0;
  soci::session& sql = transaction_.session();
  sql << "SELECT csrf_token, created_at, last_seen_at, expires_at, revoked_at, account_id, "
         "second_factor_setup_required FROM sessions WHERE token_hash = :hash",
      soci::use(token_hash), soci::into(session.csrf_token), soci::into(session.created_at),
      soci::into(session.last_seen_at), soci::into(session.expires_at),
      soci::into(revoked_at, revoked_indicator), soci::into(account_id), soci::into(setup_required);
  if (!sql.got_data()) return make_error(ErrorCode::not_found, "there is no such session");
  Result<StoredAccount> account = AccountRepository(transaction_).get(AccountId(account_id));
  if (!account.ok()) return std::move(account).error();
  session.token_hash = token_hash;
  session.revoked = revoked_indicator == soci::i_ok;
  session.second_factor_setup_required = setup_required != 0;
  session.account = std::move(account).value();
  return session;
}

Result<void> SessionRepository::touch(const std::string& token_hash, const std::string& now) {
  transaction_.session() << "UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash",
      soci::use(now), soci::use(token_hash);
  return {};
}

Result<void> SessionRepository::revoke(const std::string& token_hash, const std::string& now) {
  transaction_.session() << "UPDATE sessions SET revoked_at = :now WHERE token_hash = :hash AND "
                            "revoked_at IS NULL",
      soci::use(now), soci::use(token_hash);
  return {};
}

Result<void> SessionRepository::revoke_all(const AccountId& account, const std::string& now) {
  transaction_.session() << "UPDATE sessions SET revoked_at = :now WHERE account_id = :account "
                            "AND revoked_at IS NULL",
      soci::use(now), soci::use(account.str());
  return {};
}

Result<void> SessionRepository::set_second_factor_setup_required(const AccountId& account,
                                                                 bool required) {
  const int flag = required ? 1 : 0;
  transaction_.session() << "UPDATE sessions SET second_factor_setup_required = :flag "
                            "WHERE account_id = :account AND revoked_at IS NULL",
      soci::use(flag), soci::use(account.str());
  return {};
}

Result<void> SessionRepository::set_second_factor_setup_required(AccountRole role, bool required) {
  const int flag = required ? 1 : 0;
  const std::string code(to_code(role));  // named: outlives the statement
  transaction_.session()
      << "UPDATE sessions SET second_factor_setup_required = :flag WHERE revoked_at IS NULL "
         "AND account_id IN (SELECT id FROM accounts WHERE role = :role) AND account_id NOT IN "
         "(SELECT account_id FROM second_factors WHERE confirmed_at IS NOT NULL)",
      soci::use(flag), soci::use(code);
  return {};
}

Result<std::optional<AddressFailures>> SessionRepository::address_failures(
    const std::string& client_address) {
  AddressFailures failures;
  std::string locked_until;
  soci::indicator locked_indicator = soci::i_null;
  soci::session& sql = transaction_.session();
  sql << "SELECT failures, window_started_at, locked_until FROM sign_in_failures "
         "WHERE client_address = :address",
      soci::use(client_address), soci::into(failures.failures),
      soci::into(failures.window_started_at), soci::into(locked_until, locked_indicator);
  if (!sql.got_data()) return std::optional<AddressFailures>();
  if (locked_indicator == soci::i_ok) failures.locked_until = locked_until;
  return std::optional<AddressFailures>(failures);
}

Result<void> SessionRepository::save_address_failures(const std::string& client_address,
                                                      const AddressFailures& failures) {
  soci::session& sql = transaction_.session();
  sql << "DELETE FROM sign_in_failures WHERE client_address = :address", soci::use(client_address);
  const std::string locked_until = failures.locked_until.value_or("");
  soci::indicator locked_indicator = failures.locked_until ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO sign_in_failures (client_address, failures, window_started_at, "
         "locked_until) VALUES (:address, :failures, :started, :until)",
      soci::use(client_address), soci::use(failures.failures),
      soci::use(failures.window_started_at), soci::use(locked_until, locked_indicator);
  return {};
}

Result<void> SessionRepository::clear_address_failures(const std::string& client_address) {
  transaction_.session() << "DELETE FROM sign_in_failures WHERE client_address = :address",
      soci::use(client_address);
  return {};
}

}  // namespace dichtbij::store
