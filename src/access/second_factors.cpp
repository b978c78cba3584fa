#include "access/second_factors.hpp"

#include "access/audit.hpp"
#include "access/passwords.hpp"
#include "access/recovery_codes.hpp"
#include "access/totp.hpp"
#include "store/account_repository.hpp"
#include "store/second_factor_repository.hpp"
#include "store/session_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::access {

namespace {

Error invalid(std::string name, std::string reason) {
  Error error = make_error(ErrorCode::invalid_input, "the second-factor code is not right");
  error.invalid_params.push_back({std::move(name), std::move(reason)});
  return error;
}

AuditEvent event_of(std::string action, const std::optional<Actor>& actor, const AccountId& account,
                    std::optional<std::string> client_address) {
  AuditEvent event;
  event.actor = actor;
  event.action = std::move(action);
  event.record_id = account.str();
  event.client_address = std::move(client_address);
  return event;
}

enum class ProofCheck { right, wrong };

// Checks proof against an active factor and spends it: the code's step, or
// the recovery code (an audit event). Inside the caller's write transaction.
Result<ProofCheck> spend_proof(store::Transaction& transaction, const Account& account,
                               const store::StoredSecondFactor& factor,
                               const SecondFactorProof& proof, std::int64_t current_step,
                               const std::string& client_address) {
  store::SecondFactorRepository factors(transaction);
  if (proof.code) {
    const std::optional<std::string> key = base32_decode(factor.secret);
    if (!key) return make_error(ErrorCode::internal, "a stored TOTP secret is not base32");
    const std::optional<std::int64_t> step = matching_totp_step(*key, *proof.code, current_step);
    if (!step) return ProofCheck::wrong;
    Result<bool> fresh = factors.use_step(account.id, *step);
    if (!fresh.ok()) return std::move(fresh).error();
    return *fresh ? ProofCheck::right : ProofCheck::wrong;
  }
  if (proof.recovery_code) {
    const std::optional<std::string> code = normalise_recovery_code(*proof.recovery_code);
    if (!code) return ProofCheck::wrong;
    Result<bool> spent = factors.use_recovery_code(
        account.id, recovery_code_hash(account.id, *code), store::utc_now_text());
    if (!spent.ok()) return std::move(spent).error();
    if (!*spent) return ProofCheck::wrong;
    if (Result<void> recorded =
            record(transaction, event_of("secondFactor.recoveryCodeUse", actor_of(account),
                                         account.id, client_address));
        !recorded.ok()) {
      return std::move(recorded).error();
    }
    return ProofCheck::right;
  }
  return ProofCheck::wrong;
}

// The account behind actor, refusing while it is locked.
Result<store::StoredAccount> unlocked_account(store::Transaction& transaction, const Actor& actor) {
  Result<store::StoredAccount> found = store::AccountRepository(transaction).get(actor.account);
  if (!found.ok()) return found;
  const Account& account = found->account;
  if (account.locked_until && *account.locked_until > store::utc_now_text()) {
    return make_error(ErrorCode::too_many_requests,
                      "this account is locked after repeated wrong passwords or codes; try again "
                      "after " +
                          *account.locked_until + " (UTC)");
  }
  return found;
}

// Counts a wrong password or code as a failed sign-in of the account (the
// lockout of access/sessions.hpp).
Result<void> count_failure(store::Transaction& transaction, const AccountId& account,
                           const SessionSettings& settings) {
  Result<int> counted = store::AccountRepository(transaction)
                            .record_failure(account, settings.account_lock_after,
                                            store::utc_text_in(settings.lock_for));
  if (!counted.ok()) return std::move(counted).error();
  return {};
}

constexpr std::string_view kWrongCode =
    "is not the authenticator's current code (or was used already)";

// Stores the hashes of codes as the account's recovery codes, in place of
// any it had.
Result<void> store_recovery_codes(store::SecondFactorRepository& factors, const AccountId& account,
                                  const std::vector<std::string>& codes, const std::string& now) {
  std::vector<std::string> hashes;
  for (const std::string& code : codes) {
    hashes.push_back(recovery_code_hash(account, *normalise_recovery_code(code)));
  }
  return factors.replace_recovery_codes(account, hashes, now);
}

}  // namespace

Result<SecondFactorStatus> SecondFactors::status(const Actor& actor) {
  Result<store::StoredAccount> found = database_.in_transaction<store::StoredAccount>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return store::AccountRepository(transaction).get(actor.account);
      });
  if (!found.ok()) return std::move(found).error();
  return status_of(found->account);
}

Result<SecondFactorStatus> SecondFactors::status_of(const Account& account) {
  return database_.in_transaction<SecondFactorStatus>(
      store::TransactionKind::read,
      [&](store::Transaction& transaction) -> Result<SecondFactorStatus> {
        store::SecondFactorRepository factors(transaction);
        SecondFactorStatus status;
        Result<std::optional<store::StoredSecondFactor>> factor = factors.find(account.id);
        if (!factor.ok()) return std::move(factor).error();
        if (*factor) {
          status.state =
              (*factor)->active() ? SecondFactorState::active : SecondFactorState::pending;
        }
        Result<bool> required = factors.is_required(account.fields.role);
        if (!required.ok()) return std::move(required).error();
        status.required = *required;
        Result<int> unused = factors.unused_recovery_codes(account.id);
        if (!unused.ok()) return std::move(unused).error();
        status.unused_recovery_codes = *unused;
        return status;
      });
}

Result<Enrolment> SecondFactors::enrol(const Actor& actor, std::string_view password) {
  // Read, verify the password outside any transaction (it takes a tenth of
  // a second on purpose), then write.
  Result<store::StoredAccount> found = database_.in_transaction<store::StoredAccount>(
      store::TransactionKind::read,
      [&](store::Transaction& transaction) { return unlocked_account(transaction, actor); });
  if (!found.ok()) return std::move(found).error();
  const bool password_right = verify_password(found->password_hash, password);
  const std::string secret = new_totp_secret();
  return database_.in_transaction<Enrolment>(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<Enrolment> {
        transaction.mark_bookkeeping_only();
        if (!password_right) {
          if (Result<void> counted = count_failure(transaction, actor.account, settings_);
              !counted.ok()) {
            return std::move(counted).error();
          }
          Error error = make_error(ErrorCode::forbidden,
                                   "the password is wrong; setting up a second factor needs the "
                                   "account's password again");
          error.invalid_params.push_back({"password", "is not the account's password"});
          return error;
        }
        store::SecondFactorRepository factors(transaction);
        Result<std::optional<store::StoredSecondFactor>> existing = factors.find(actor.account);
        if (!existing.ok()) return std::move(existing).error();
        if (*existing && (*existing)->active()) {
          return make_error(ErrorCode::conflict,
                            "this account has a second factor already; disable it first "
                            "(DELETE /api/v1/session/second-factor) to set up a new one");
        }
        if (Result<void> saved =
                factors.save_pending(actor.account, base32_encode(secret), store::utc_now_text());
            !saved.ok()) {
          return std::move(saved).error();
        }
        return Enrolment{base32_encode(secret), otpauth_uri(kTotpIssuer, actor.username, secret)};
      });
}

Result<std::vector<std::string>> SecondFactors::confirm(const Actor& actor, std::string_view code,
                                                        const std::string& client_address) {
  const std::vector<std::string> recovery_codes = new_recovery_codes();
  const std::int64_t current_step = totp_step(settings_.totp_clock());
  // A wrong code is answered only after the transaction that counts it has
  // committed; the rest rolls back with an error.
  bool wrong = false;
  Result<std::vector<std::string>> confirmed = database_.in_transaction<std::vector<std::string>>(
      store::TransactionKind::write,
      [&](store::Transaction& transaction) -> Result<std::vector<std::string>> {
        // A data change, not bookkeeping: cached sessions of the account
        // must see the factor (access/session_cache.hpp).
        Result<store::StoredAccount> account = unlocked_account(transaction, actor);
        if (!account.ok()) return std::move(account).error();
        store::SecondFactorRepository factors(transaction);
        Result<std::optional<store::StoredSecondFactor>> factor = factors.find(actor.account);
        if (!factor.ok()) return std::move(factor).error();
        if (!*factor || (*factor)->active()) {
          return make_error(ErrorCode::conflict,
                            *factor ? "the second factor is active already"
                                    : "there is no second factor to confirm; start with POST "
                                      "/api/v1/session/second-factor");
        }
        const std::optional<std::string> key = base32_decode((*factor)->secret);
        if (!key) return make_error(ErrorCode::internal, "a stored TOTP secret is not base32");
        const std::optional<std::int64_t> step = matching_totp_step(*key, code, current_step);
        Result<bool> fresh = step ? factors.use_step(actor.account, *step) : Result<bool>(false);
        if (!fresh.ok()) return std::move(fresh).error();
        if (!*fresh) {
          wrong = true;
          if (Result<void> counted = count_failure(transaction, actor.account, settings_);
              !counted.ok()) {
            return std::move(counted).error();
          }
          return std::vector<std::string>();
        }
        const std::string now = store::utc_now_text();
        if (Result<void> done = factors.confirm(actor.account, now); !done.ok()) {
          return std::move(done).error();
        }
        if (Result<void> stored = store_recovery_codes(factors, actor.account, recovery_codes, now);
            !stored.ok()) {
          return std::move(stored).error();
        }
        if (Result<void> freed = store::SessionRepository(transaction)
                                     .set_second_factor_setup_required(actor.account, false);
            !freed.ok()) {
          return std::move(freed).error();
        }
        if (Result<void> recorded = record(
                transaction, event_of("secondFactor.enrol", actor, actor.account, client_address));
            !recorded.ok()) {
          return std::move(recorded).error();
        }
        return recovery_codes;
      });
  if (!confirmed.ok()) return confirmed;
  if (wrong) {
    return invalid("code", std::string(kWrongCode));
  }
  return confirmed;
}

Result<std::vector<std::string>> SecondFactors::regenerate_recovery_codes(
    const Actor& actor, std::string_view code, const std::string& client_address) {
  const std::vector<std::string> recovery_codes = new_recovery_codes();
  const std::int64_t current_step = totp_step(settings_.totp_clock());
  // As in confirm(): a wrong code is answered once its count has committed.
  bool wrong = false;
  Result<std::vector<std::string>> renewed = database_.in_transaction<std::vector<std::string>>(
      store::TransactionKind::write,
      [&](store::Transaction& transaction) -> Result<std::vector<std::string>> {
        Result<store::StoredAccount> account = unlocked_account(transaction, actor);
        if (!account.ok()) return std::move(account).error();
        store::SecondFactorRepository factors(transaction);
        Result<std::optional<store::StoredSecondFactor>> factor = factors.find(actor.account);
        if (!factor.ok()) return std::move(factor).error();
        if (!*factor || !(*factor)->active()) {
          return make_error(ErrorCode::conflict,
                            "this account has no active second factor, so no recovery codes to "
                            "renew; set one up with POST /api/v1/session/second-factor");
        }
        Result<ProofCheck> checked = spend_proof(transaction, account->account, **factor,
                                                 SecondFactorProof{std::string(code), std::nullopt},
                                                 current_step, client_address);
        if (!checked.ok()) return std::move(checked).error();
        if (*checked == ProofCheck::wrong) {
          wrong = true;
          if (Result<void> counted = count_failure(transaction, actor.account, settings_);
              !counted.ok()) {
            return std::move(counted).error();
          }
          return std::vector<std::string>();
        }
        if (Result<void> stored =
                store_recovery_codes(factors, actor.account, recovery_codes, store::utc_now_text());
            !stored.ok()) {
          return std::move(stored).error();
        }
        if (Result<void> recorded = record(
                transaction,
                event_of("secondFactor.recoveryCodesRenew", actor, actor.account, client_address));
            !recorded.ok()) {
          return std::move(recorded).error();
        }
        return recovery_codes;
      });
  if (!renewed.ok()) return renewed;
  if (wrong) {
    return invalid("code", std::string(kWrongCode));
  }
  return renewed;
}

Result<void> SecondFactors::disable(const Actor& actor, const SecondFactorProof& proof,
                                    const std::string& client_address) {
  const std::int64_t current_step = totp_step(settings_.totp_clock());
  bool wrong = false;
  Result<void> done = database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        // A data change: cached sessions must see the factor go.
        Result<store::StoredAccount> account = unlocked_account(transaction, actor);
        if (!account.ok()) return std::move(account).error();
        store::SecondFactorRepository factors(transaction);
        Result<std::optional<store::StoredSecondFactor>> factor = factors.find(actor.account);
        if (!factor.ok()) return std::move(factor).error();
        if (!*factor) return {};
        if (!(*factor)->active()) return factors.remove(actor.account);
        Result<bool> required = factors.is_required(actor.role);
        if (!required.ok()) return std::move(required).error();
        if (*required) {
          return make_error(ErrorCode::forbidden,
                            "your role must sign in with a second factor, so it cannot be "
                            "switched off; after losing the device, ask an administrator to "
                            "reset it");
        }
        if (!proof.code && !proof.recovery_code) {
          return invalid("code",
                         "is required to switch off an active second factor (or send "
                         "recoveryCode)");
        }
        Result<ProofCheck> checked = spend_proof(transaction, account->account, **factor, proof,
                                                 current_step, client_address);
        if (!checked.ok()) return std::move(checked).error();
        if (*checked == ProofCheck::wrong) {
          wrong = true;
          if (Result<void> counted = count_failure(transaction, actor.account, settings_);
              !counted.ok()) {
            return std::move(counted).error();
          }
          return {};
        }
        if (Result<void> removed = factors.remove(actor.account); !removed.ok()) return removed;
        return record(transaction,
                      event_of("secondFactor.disable", actor, actor.account, client_address));
      });
  if (!done.ok()) return done;
  if (wrong) {
    return invalid(proof.recovery_code ? "recoveryCode" : "code",
                   proof.recovery_code ? "is not an unused recovery code of this account"
                                       : std::string(kWrongCode));
  }
  return {};
}

Result<SignInFactor> SecondFactors::check_sign_in(const Account& account,
                                                  const SecondFactorProof& proof,
                                                  const std::string& client_address) {
  const std::int64_t current_step = totp_step(settings_.totp_clock());
  return database_.in_transaction<SignInFactor>(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<SignInFactor> {
        transaction.mark_bookkeeping_only();
        store::SecondFactorRepository factors(transaction);
        Result<std::optional<store::StoredSecondFactor>> factor = factors.find(account.id);
        if (!factor.ok()) return std::move(factor).error();
        if (!*factor || !(*factor)->active()) {
          Result<bool> required = factors.is_required(account.fields.role);
          if (!required.ok()) return std::move(required).error();
          return *required ? SignInFactor::setup_required : SignInFactor::not_set_up;
        }
        if (!proof.code && !proof.recovery_code) return SignInFactor::missing;
        Result<ProofCheck> checked =
            spend_proof(transaction, account, **factor, proof, current_step, client_address);
        if (!checked.ok()) return std::move(checked).error();
        return *checked == ProofCheck::right ? SignInFactor::passed : SignInFactor::wrong;
      });
}

Result<void> SecondFactors::reset(const std::string& username) {
  return database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        Result<store::StoredAccount> found =
            store::AccountRepository(transaction).find_by_username(username);
        if (!found.ok()) return std::move(found).error();
        const AccountId& account = found->account.id;
        if (Result<void> removed = store::SecondFactorRepository(transaction).remove(account);
            !removed.ok()) {
          return removed;
        }
        if (Result<void> ended =
                store::SessionRepository(transaction).revoke_all(account, store::utc_now_text());
            !ended.ok()) {
          return ended;
        }
        AuditEvent event = event_of("secondFactor.reset", std::nullopt, account, std::nullopt);
        event.reason =
            "reset by an administrator (dichtbij user reset-second-factor " + username + ")";
        return record(transaction, event);
      });
}

Result<void> SecondFactors::set_required(AccountRole role, bool required,
                                         const std::optional<Actor>& by) {
  return database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        if (Result<void> set = store::SecondFactorRepository(transaction)
                                   .set_required(role, required, store::utc_now_text());
            !set.ok()) {
          return set;
        }
        if (Result<void> flagged = store::SessionRepository(transaction)
                                       .set_second_factor_setup_required(role, required);
            !flagged.ok()) {
          return flagged;
        }
        AuditEvent event;
        event.actor = by;
        event.action = "secondFactor.requirement";
        event.reason = std::string(required ? "required" : "no longer required") + " for role " +
                       std::string(to_code(role));
        return record(transaction, event);
      });
}

Result<std::vector<AccountRole>> SecondFactors::required_roles() {
  return database_.in_transaction<std::vector<AccountRole>>(
      store::TransactionKind::read, [](store::Transaction& transaction) {
        return store::SecondFactorRepository(transaction).required_roles();
      });
}

}  // namespace dichtbij::access
