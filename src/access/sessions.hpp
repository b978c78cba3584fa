// Sessions: signing in, finding the caller of a request, signing out.
//
// A session token is 256 random bits, given to the browser once (in an
// HttpOnly cookie) and stored only as its BLAKE2b hash. A session ends after
// idle_timeout without requests, after absolute_timeout in any case, when
// its account signs out, changes password or is disabled. Each session has a
// CSRF token the browser must echo in a header on every state-changing
// request (api/ checks it).
//
// Repeated failures lock: an account after account_lock_after failures in a
// row, for lock_for; a client address after address_lock_after failures
// within lock_for, for lock_for. A wrong password and an unknown username
// get the same answer and take the same time.
//
// An account with a second factor (access/second_factors.hpp) needs its
// code, or a recovery code, as well; a wrong one counts as a failure. Only
// after the right password does the answer say that a code is needed.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "access/session_cache.hpp"
#include "access/totp.hpp"
#include "core/account.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

struct SessionSettings {
  std::chrono::seconds idle_timeout{std::chrono::minutes(30)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(12)};
  int account_lock_after = 5;
  int address_lock_after = 20;
  std::chrono::seconds lock_for{std::chrono::minutes(15)};
  // The time second-factor codes are checked against; tests inject theirs.
  TotpClock totp_clock = &system_clock_now;
};

// What a sign-in (or a change to the second factor) offers besides the
// password: at most one of the two.
struct SecondFactorProof {
  std::optional<std::string> code;           // six digits from the authenticator
  std::optional<std::string> recovery_code;  // one of the recovery codes
};

struct SignedIn {
  std::string token;       // for the cookie; never stored
  std::string csrf_token;  // for the browser to echo
  std::string expires_at;  // the absolute end, UTC text
  Actor actor;
  bool second_factor_setup_required = false;  // see CurrentSession
};

struct CurrentSession {
  Actor actor;
  std::string csrf_token;
  std::string expires_at;
  // The role requires a second factor the account has not set up: the
  // session may reach only the session routes until it does.
  bool second_factor_setup_required = false;
};

class Sessions {
 public:
  // REQUIRES: database outlives this.
  Sessions(store::Database& database, SessionSettings settings)
      : database_(database), settings_(settings) {}

  const SessionSettings& settings() const noexcept { return settings_; }

  // unauthenticated for an unknown username or a wrong password (one
  // message for both); too_many_requests while the account or the address
  // is locked; forbidden for a disabled account with the right password.
  // With the right password and an active second factor: unauthenticated
  // with problem_code kSecondFactorRequired when proof is empty, or
  // kSecondFactorWrong (counted as a failure) when it does not fit.
  [[nodiscard]] Result<SignedIn> sign_in(const std::string& username, std::string_view password,
                                         const std::string& client_address,
                                         const SecondFactorProof& proof = {});
  // The session of this token; unauthenticated when there is none or it
  // ended. Records the request as activity (at most every few seconds).
  // Reads the database only when no data changed since it last did.
  [[nodiscard]] Result<CurrentSession> resolve(const std::string& token);
  // resolve() when it can answer from memory alone: nullopt when it would
  // have to read the database or record activity (the session is not
  // cached, looks idle, or its activity is due to be written). Never blocks.
  [[nodiscard]] std::optional<Result<CurrentSession>> resolve_from_memory(const std::string& token);
  // Ends the session; ending an ended one is fine.
  [[nodiscard]] Result<void> sign_out(const std::string& token);

 private:
  Result<void> record_failure(const std::string& client_address,
                              const std::optional<AccountId>& account);

  store::Database& database_;
  SessionSettings settings_;
  SessionCache cache_;  // what resolve() read lately (access/session_cache.hpp)
};

// The hash under which a token is stored (hex BLAKE2b-256).
[[nodiscard]] std::string token_hash(std::string_view token);

// 256 random bits as unpadded base64url.
[[nodiscard]] std::string random_token();

}  // namespace dichtbij::access
