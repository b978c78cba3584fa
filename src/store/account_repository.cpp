#include "store/account_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

struct Row {
  std::string id;
  int version = 0;
  std::string username;
  std::string role;
  std::string person;
  soci::indicator person_indicator = soci::i_null;
  std::string practice;
  soci::indicator practice_indicator = soci::i_null;
  std::string password_hash;
  int disabled = 0;
  int failed_sign_ins = 0;
  std::string locked_until;
  soci::indicator locked_indicator = soci::i_null;
  std::string created_at;

  StoredAccount to_stored() const {
    StoredAccount stored;
    Account& account = stored.account;
    account.id = AccountId(id);
    account.version = version;
    account.fields.username = username;
    account.fields.role = from_code<AccountRole>(role).value_or(AccountRole::client);
    if (person_indicator == soci::i_ok) account.fields.person = PersonId(person);
    if (practice_indicator == soci::i_ok) account.fields.practice = PracticeId(practice);
    account.disabled = disabled != 0;
    account.failed_sign_ins = failed_sign_ins;
    if (locked_indicator == soci::i_ok) account.locked_until = locked_until;
    account.created_at = created_at;
    stored.password_hash = password_hash;
    return stored;
  }
};

#define DICHTBIJ_ACCOUNT_INTO(row)                                                             \
  soci::into(row.id), soci::into(row.version), soci::into(row.username), soci::into(row.role), \
      soci::into(row.person, row.person_indicator),                                            \
      soci::into(row.practice, row.practice_indicator), soci::into(row.password_hash),         \
      soci::into(row.disabled), soci::into(row.failed_sign_ins),                               \
      soci::into(row.locked_until, row.locked_indicator), soci::into(row.created_at)

constexpr const char* kColumns =
    "id, version, username, role, person_id, practice_id, password_hash, disabled, "
    "failed_sign_ins, locked_until, created_at";

Result<void> expect_one_row(soci::statement& statement, const AccountId& id) {
  statement.execute(true);
  if (statement.get_affected_rows() != 1) {
    return make_error(ErrorCode::not_found, "there is no account " + id.str());
  }
  return {};
}

}  // namespace

Result<Account> AccountRepository::create(const AccountFields& fields,
                                          const std::string& password_hash) {
  soci::session& session = transaction_.session();
  if (find_by_username(fields.username).ok()) {
    return make_error(ErrorCode::conflict, "the username " + fields.username + " is taken");
  }
  std::vector<InvalidParam> problems;
  if (fields.person && !row_exists(transaction_, "persons", fields.person->str())) {
    problems.push_back({"personId", "names no person"});
  }
  if (fields.practice && !row_exists(transaction_, "practices", fields.practice->str())) {
    problems.push_back({"practiceId", "names no practice"});
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "the account refers to nothing");
    error.invalid_params = std::move(problems);
    return error;
  }
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  const std::string role(to_code(fields.role));
  const std::string person = fields.person ? fields.person->str() : "";
  soci::indicator person_indicator = fields.person ? soci::i_ok : soci::i_null;
  const std::string practice = fields.practice ? fields.practice->str() : "";
  soci::indicator practice_indicator = fields.practice ? soci::i_ok : soci::i_null;
  session << "INSERT INTO accounts (id, version, username, role, person_id, practice_id, "
             "password_hash, disabled, failed_sign_ins, created_at, updated_at) VALUES (:id, 1, "
             ":username, :role, :person, :practice, :hash, 0, 0, :created_at, :updated_at)",
      soci::use(id), soci::use(fields.username), soci::use(role),
      soci::use(person, person_indicator), soci::use(practice, practice_indicator),
      soci::use(password_hash), soci::use(now), soci::use(now);
  Account account;
  account.id = AccountId(id);
  account.fields = fields;
  account.created_at = now;
  return account;
}

Result<StoredAccount> AccountRepository::get(const AccountId& id) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM accounts WHERE id = :id", soci::use(id.str()),
      DICHTBIJ_ACCOUNT_INTO(row);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no account " + id.str());
  return row.to_stored();
}

Result<StoredAccount> AccountRepository::find_by_username(const std::string& username) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM accounts WHERE username = :username",
      soci::use(username), DICHTBIJ_ACCOUNT_INTO(row);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no account " + username);
  }
  return row.to_stored();
}

Result<std::vector<Account>> AccountRepository::list() {
  Row row;
  std::vector<Account> accounts;
  soci::statement statement = (transaction_.session().prepare << "SELECT " << kColumns
                                                              << " FROM accounts ORDER BY username",
                               DICHTBIJ_ACCOUNT_INTO(row));
  statement.execute();
  while (statement.fetch()) accounts.push_back(row.to_stored().account);
  return accounts;
}

Result<void> AccountRepository::set_password(const AccountId& id,
                                             const std::string& password_hash) {
  const std::string now = utc_now_text();
  soci::statement statement =
      (transaction_.session().prepare << "UPDATE accounts SET password_hash = :hash, "
                                         "failed_sign_ins = 0, locked_until = NULL, "
                                         "version = version + 1, updated_at = :now WHERE id = :id",
       soci::use(password_hash), soci::use(now), soci::use(id.str()));
  return expect_one_row(statement, id);
}

Result<void> AccountRepository::set_disabled(const AccountId& id, bool disabled) {
  const std::string now = utc_now_text();
  const int flag = disabled ? 1 : 0;
  soci::statement statement =
      (transaction_.session().prepare << "UPDATE accounts SET disabled = :disabled, version = "
                                         "version + 1, updated_at = :now WHERE id = :id",
       soci::use(flag), soci::use(now), soci::use(id.str()));
  return expect_one_row(statement, id);
}

Result<int> AccountRepository::record_failure(const AccountId& id, int lock_after,
                                              const std::string& lock_until) {
  soci::session& session = transaction_.session();
  int failures = 0;
  session << "SELECT failed_sign_ins FROM accounts WHERE id = :id", soci::use(id.str()),
      soci::into(failures);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no account " + id.str());
  ++failures;
  if (failures >= lock_after) {
    session << "UPDATE accounts SET failed_sign_ins = 0, locked_until = :until WHERE id = :id",
        soci::use(lock_until), soci::use(id.str());
  } else {
    session << "UPDATE accounts SET failed_sign_ins = :failures WHERE id = :id",
        soci::use(failures), soci::use(id.str());
  }
  return failures;
}

Result<void> AccountRepository::clear_failures(const AccountId& id) {
  transaction_.session() << "UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL "
                            "WHERE id = :id",
      soci::use(id.str());
  return {};
}

}  // namespace dichtbij::store
