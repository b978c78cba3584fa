#include "access/accounts.hpp"

#include "access/passwords.hpp"
#include "store/account_repository.hpp"
#include "store/session_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::access {

namespace {

Error invalid(std::string name, std::string reason) {
  Error error = make_error(ErrorCode::invalid_input, "the account is not valid");
  error.invalid_params.push_back({std::move(name), std::move(reason)});
  return error;
}

// Names the account by id only: the log cannot be rewritten, and a username
// may be a person's name that an erasure must be able to remove.
Result<void> audit(store::Transaction& transaction, const std::optional<Actor>& by,
                   std::string action, const Account& account,
                   std::optional<std::string> reason = {}) {
  AuditEvent event;
  event.actor = by;
  event.action = std::move(action);
  event.record_id = account.id.str();
  event.reason = std::move(reason);
  return record(transaction, event);
}

}  // namespace

Result<Account> Accounts::add(const AccountFields& fields, std::string_view password,
                              const std::optional<Actor>& by) {
  if (std::string problem = username_problem(fields.username); !problem.empty()) {
    return invalid("username", problem);
  }
  if (std::string problem = password_problem(password, fields.username); !problem.empty()) {
    return invalid("password", problem);
  }
  if (fields.role == AccountRole::coordinator && !fields.practice) {
    return invalid("practiceId", "a coordinator coordinates a practice: name it");
  }
  if (fields.role != AccountRole::coordinator && fields.practice) {
    return invalid("practiceId", "only a coordinator has a practice");
  }
  // Hash before the transaction: it takes a tenth of a second on purpose.
  Result<std::string> hash = hash_password(password);
  if (!hash.ok()) return std::move(hash).error();
  return database_.in_transaction<Account>(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<Account> {
        Result<Account> created = store::AccountRepository(transaction).create(fields, *hash);
        if (!created.ok()) return created;
        if (Result<void> audited = audit(transaction, by, "account.create", *created,
                                         "role=" + std::string(to_code(created->fields.role)));
            !audited.ok()) {
          return std::move(audited).error();
        }
        return created;
      });
}

Result<void> Accounts::set_password(const std::string& username, std::string_view password,
                                    const std::optional<Actor>& by) {
  if (std::string problem = password_problem(password, username); !problem.empty()) {
    return invalid("password", problem);
  }
  Result<std::string> hash = hash_password(password);
  if (!hash.ok()) return std::move(hash).error();
  return database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        store::AccountRepository accounts(transaction);
        Result<store::StoredAccount> found = accounts.find_by_username(username);
        if (!found.ok()) return std::move(found).error();
        if (Result<void> set = accounts.set_password(found->account.id, *hash); !set.ok()) {
          return set;
        }
        if (Result<void> audited = audit(transaction, by, "account.password", found->account);
            !audited.ok()) {
          return audited;
        }
        return store::SessionRepository(transaction)
            .revoke_all(found->account.id, store::utc_now_text());
      });
}

Result<void> Accounts::set_disabled(const std::string& username, bool disabled,
                                    const std::optional<Actor>& by) {
  return database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        store::AccountRepository accounts(transaction);
        Result<store::StoredAccount> found = accounts.find_by_username(username);
        if (!found.ok()) return std::move(found).error();
        if (Result<void> set = accounts.set_disabled(found->account.id, disabled); !set.ok()) {
          return set;
        }
        if (Result<void> audited = audit(
                transaction, by, disabled ? "account.disable" : "account.enable", found->account);
            !audited.ok()) {
          return audited;
        }
        if (!disabled) return {};
        return store::SessionRepository(transaction)
            .revoke_all(found->account.id, store::utc_now_text());
      });
}

Result<std::vector<Account>> Accounts::list() {
  return database_.in_transaction<std::vector<Account>>(
      store::TransactionKind::read,
      [](store::Transaction& transaction) { return store::AccountRepository(transaction).list(); });
}

Result<Account> Accounts::get(const AccountId& id) {
  return database_.in_transaction<Account>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Account> {
        Result<store::StoredAccount> found = store::AccountRepository(transaction).get(id);
        if (!found.ok()) return std::move(found).error();
        return found->account;
      });
}

}  // namespace dichtbij::access
