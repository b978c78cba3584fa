#include "access/sessions.hpp"

#include <sodium.h>

#include <algorithm>

#include "access/passwords.hpp"
#include "access/second_factors.hpp"
#include "store/account_repository.hpp"
#include "store/hashing.hpp"
#include "store/session_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::access {

namespace {

constexpr std::string_view kWrongCredentials = "the username or password is wrong";
constexpr std::string_view kSessionEnded = "sign in first: there is no session, or it has ended";

// How often a session's last activity is written: often enough for the idle
// timeout, rarely enough that reads stay reads.
std::chrono::seconds touch_interval(const SessionSettings& settings) {
  return std::clamp(settings.idle_timeout / 8, std::chrono::seconds(1), std::chrono::seconds(60));
}

}  // namespace

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::string token_hash(std::string_view token) {
  return store::blake2b_hex(token);
}

Result<void> Sessions::record_failure(const std::string& client_address,
                                      const std::optional<AccountId>& account) {
  return database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        const std::string lock_until = store::utc_text_in(settings_.lock_for);
        if (account) {
          Result<int> counted =
              store::AccountRepository(transaction)
                  .record_failure(*account, settings_.account_lock_after, lock_until);
          if (!counted.ok()) return std::move(counted).error();
        }
        store::SessionRepository sessions(transaction);
        Result<std::optional<store::AddressFailures>> stored =
            sessions.address_failures(client_address);
        if (!stored.ok()) return std::move(stored).error();
        store::AddressFailures failures;
        const std::string window_start = store::utc_text_ago(settings_.lock_for);
        if (*stored && (*stored)->window_started_at >= window_start) failures = **stored;
        if (failures.failures == 0) failures.window_started_at = store::utc_now_text();
        ++failures.failures;
        if (failures.failures >= settings_.address_lock_after) {
          failures = store::AddressFailures{0, store::utc_now_text(), lock_until};
        }
        return sessions.save_address_failures(client_address, failures);
      });
}

Result<SignedIn> Sessions::sign_in(const std::string& username, std::string_view password,
                                   const std::string& client_address,
                                   const SecondFactorProof& proof) {
  struct Found {
    std::optional<store::StoredAccount> account;
    std::optional<std::string> address_locked_until;
  };
  Result<Found> found = database_.in_transaction<Found>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Found> {
        Found result;
        Result<std::optional<store::AddressFailures>> failures =
            store::SessionRepository(transaction).address_failures(client_address);
        if (!failures.ok()) return std::move(failures).error();
        if (*failures) result.address_locked_until = (*failures)->locked_until;
        Result<store::StoredAccount> account =
            store::AccountRepository(transaction).find_by_username(username);
        if (account.ok()) {
          result.account = std::move(account).value();
        } else if (account.error().code != ErrorCode::not_found) {
          return std::move(account).error();
        }
        return result;
      });
  if (!found.ok()) return std::move(found).error();
  const std::string now = store::utc_now_text();
  if (found->address_locked_until && *found->address_locked_until > now) {
    return make_error(ErrorCode::too_many_requests,
                      "too many failed sign-ins from this address; try again after " +
                          *found->address_locked_until + " (UTC)");
  }
  if (!found->account) {
    verify_against_nothing(password);
    if (Result<void> recorded = record_failure(client_address, std::nullopt); !recorded.ok()) {
      return std::move(recorded).error();
    }
    return make_error(ErrorCode::unauthenticated, std::string(kWrongCredentials));
  }
  const Account& account = found->account->account;
  if (account.locked_until && *account.locked_until > now) {
    return make_error(ErrorCode::too_many_requests,
                      "this account is locked after repeated failed sign-ins; try again after " +
                          *account.locked_until + " (UTC), or ask an administrator");
  }
  if (!verify_password(found->account->password_hash, password)) {
    if (Result<void> recorded = record_failure(client_address, account.id); !recorded.ok()) {
      return std::move(recorded).error();
    }
    return make_error(ErrorCode::unauthenticated, std::string(kWrongCredentials));
  }
  if (account.disabled) {
    return make_error(ErrorCode::forbidden, "this account is disabled; ask an administrator");
  }
  Result<SignInFactor> factor =
      SecondFactors(database_, settings_).check_sign_in(account, proof, client_address);
  if (!factor.ok()) return std::move(factor).error();
  if (*factor == SignInFactor::missing) {
    Error error = make_error(ErrorCode::unauthenticated,
                             "this account signs in with a second factor: send the code from "
                             "the authenticator app as \"code\", or a recovery code as "
                             "\"recoveryCode\"");
    error.problem_code = kSecondFactorRequired;
    return error;
  }
  if (*factor == SignInFactor::wrong) {
    if (Result<void> recorded = record_failure(client_address, account.id); !recorded.ok()) {
      return std::move(recorded).error();
    }
    Error error = make_error(ErrorCode::unauthenticated,
                             "the second-factor code is wrong, or was used already; wait for "
                             "the next code, or use a recovery code");
    error.problem_code = kSecondFactorWrong;
    return error;
  }
  const bool setup_required = *factor == SignInFactor::setup_required;
  SignedIn signed_in{random_token(), random_token(), store::utc_text_in(settings_.absolute_timeout),
                     actor_of(account), setup_required};
  Result<void> stored = database_.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        if (Result<void> cleared = store::AccountRepository(transaction).clear_failures(account.id);
            !cleared.ok()) {
          return cleared;
        }
        store::SessionRepository sessions(transaction);
        if (Result<void> cleared = sessions.clear_address_failures(client_address); !cleared.ok()) {
          return cleared;
        }
        return sessions.create(token_hash(signed_in.token), account.id, signed_in.csrf_token,
                               store::utc_now_text(), signed_in.expires_at, client_address,
                               setup_required);
      });
  if (!stored.ok()) return std::move(stored).error();
  return signed_in;
}

std::optional<Result<CurrentSession>> Sessions::resolve_from_memory(const std::string& token) {
  const std::string hash = token_hash(token);
  std::optional<store::StoredSession> found = cache_.find(hash, database_.data_generation());
  if (!found || found->last_seen_at < store::utc_text_ago(touch_interval(settings_))) {
    return std::nullopt;
  }
  // Seen within the touch interval, so neither idle nor due to be touched.
  if (found->revoked || found->expires_at <= store::utc_now_text() ||
      found->account.account.disabled) {
    return Result<CurrentSession>(
        make_error(ErrorCode::unauthenticated, std::string(kSessionEnded)));
  }
  return Result<CurrentSession>(CurrentSession{actor_of(found->account.account), found->csrf_token,
                                               found->expires_at,
                                               found->second_factor_setup_required});
}

Result<CurrentSession> Sessions::resolve(const std::string& token) {
  const std::string hash = token_hash(token);
  const std::string idle_start = store::utc_text_ago(settings_.idle_timeout);
  // Read before the session, so that a sign-out committed meanwhile retires
  // what is cached under it.
  const std::uint64_t generation = database_.data_generation();
  std::optional<store::StoredSession> found = cache_.find(hash, generation);
  // One that looks idle here may have been active on another instance.
  if (!found || found->last_seen_at < idle_start) {
    Result<store::StoredSession> stored = database_.in_transaction<store::StoredSession>(
        store::TransactionKind::read, [&](store::Transaction& transaction) {
          return store::SessionRepository(transaction).find(hash);
        });
    if (!stored.ok()) {
      if (stored.error().code != ErrorCode::not_found) return std::move(stored).error();
      return make_error(ErrorCode::unauthenticated, std::string(kSessionEnded));
    }
    found = std::move(stored).value();
    cache_.store(hash, generation, *found);
  }
  const std::string now = store::utc_now_text();
  if (found->revoked || found->expires_at <= now || found->account.account.disabled ||
      found->last_seen_at < idle_start) {
    return make_error(ErrorCode::unauthenticated, std::string(kSessionEnded));
  }
  if (found->last_seen_at < store::utc_text_ago(touch_interval(settings_))) {
    Result<void> touched = database_.in_transaction(
        store::TransactionKind::write, [&](store::Transaction& transaction) {
          transaction.mark_bookkeeping_only();
          return store::SessionRepository(transaction).touch(hash, now);
        });
    if (!touched.ok()) return std::move(touched).error();
    cache_.touched(hash, now);
  }
  return CurrentSession{actor_of(found->account.account), found->csrf_token, found->expires_at,
                        found->second_factor_setup_required};
}

Result<void> Sessions::sign_out(const std::string& token) {
  const std::string hash = token_hash(token);
  // A data-changing commit (not bookkeeping): it retires this session in
  // every instance's cache.
  Result<void> revoked =
      database_.in_transaction(store::TransactionKind::write, [&](store::Transaction& transaction) {
        return store::SessionRepository(transaction).revoke(hash, store::utc_now_text());
      });
  if (revoked.ok()) cache_.forget(hash);
  return revoked;
}

}  // namespace dichtbij::access
