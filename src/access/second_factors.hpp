// Second factors: a TOTP authenticator per account (access/totp.hpp), its
// recovery codes (access/recovery_codes.hpp), and the roles an
// administrator requires one for (OWASP ASVS L2, V2.7/V2.8).
//
// An account sets one up in two steps: enrol() makes a pending secret (the
// password again, so a stolen session cannot tie the account to someone
// else's phone), confirm() activates it with a first code and hands out the
// recovery codes once. From then on signing in needs a code or an unused
// recovery code (access/sessions.hpp calls check_sign_in()). A code's time
// step is accepted once per account: a code seen over someone's shoulder
// cannot be used again.
//
// A wrong password or code here counts as a failed sign-in of the account
// (the same lockout as access/sessions.hpp), so six digits cannot be guessed
// through these calls either; while the account is locked they answer
// too_many_requests.
//
// Enrolment, disabling, reset, a requirement change, new recovery codes and
// each use of a recovery code are audit events. Thread-safe: every call runs in its own
// transactions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/sessions.hpp"
#include "core/account.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

// Problem codes (Error::problem_code) for clients to act on.
inline constexpr std::string_view kSecondFactorRequired = "secondFactorRequired";
inline constexpr std::string_view kSecondFactorWrong = "secondFactorWrong";
inline constexpr std::string_view kSecondFactorSetupRequired = "secondFactorSetupRequired";

inline constexpr std::string_view kTotpIssuer = "Dichtbij";

enum class SecondFactorState { none, pending, active };

struct SecondFactorStatus {
  SecondFactorState state = SecondFactorState::none;
  bool required = false;  // by the account's role
  int unused_recovery_codes = 0;
};

struct Enrolment {
  std::string secret;       // base32, for typing into an authenticator
  std::string otpauth_uri;  // the same, for a QR code
};

enum class SignInFactor {
  not_set_up,      // no active factor, none required: the password suffices
  setup_required,  // none yet, but the role requires one: a limited session
  passed,          // the code or recovery code was right (and is now spent)
  missing,         // an active factor, and no code came
  wrong,           // an active factor, and the code was wrong or used before
};

class SecondFactors {
 public:
  // REQUIRES: database outlives this. Uses settings' lockout limits and
  // totp_clock.
  SecondFactors(store::Database& database, SessionSettings settings)
      : database_(database), settings_(std::move(settings)) {}

  [[nodiscard]] Result<SecondFactorStatus> status(const Actor& actor);

  // A new pending secret, replacing a pending one. forbidden for a wrong
  // password (counted as a failed sign-in); conflict when a factor is
  // active already (disable it first).
  [[nodiscard]] Result<Enrolment> enrol(const Actor& actor, std::string_view password);
  // Activates the pending factor with a current code and returns the new
  // recovery codes (the only time they are shown). invalid_input naming
  // "code" for a wrong one; conflict when nothing is pending.
  [[nodiscard]] Result<std::vector<std::string>> confirm(const Actor& actor, std::string_view code,
                                                         const std::string& client_address);
  // Replaces the account's recovery codes with kRecoveryCodeCount new ones
  // and returns them (the only time they are shown); the old ones, used or
  // not, stop working. Needs a current code of the active factor (spent
  // like a sign-in's): the codes stand in for the authenticator, so only
  // its holder may renew them, and a recovery code cannot renew itself.
  // invalid_input naming "code" for a wrong one (counted as a failed
  // sign-in); conflict when the account has no active factor;
  // too_many_requests while it is locked.
  [[nodiscard]] Result<std::vector<std::string>> regenerate_recovery_codes(
      const Actor& actor, std::string_view code, const std::string& client_address);
  // Removes the factor; an active one needs a current code or an unused
  // recovery code (invalid_input naming the field otherwise), and forbidden
  // when the role requires a second factor. Removing a pending one, or
  // none, needs nothing.
  [[nodiscard]] Result<void> disable(const Actor& actor, const SecondFactorProof& proof,
                                     const std::string& client_address);

  // For Sessions::sign_in, after the password was right: checks and spends
  // proof against the account's active factor. Does not count failures; the
  // caller does.
  [[nodiscard]] Result<SignInFactor> check_sign_in(const Account& account,
                                                   const SecondFactorProof& proof,
                                                   const std::string& client_address);

  // For an administrator (`dichtbij user reset-second-factor`): removes the
  // account's factor and recovery codes and ends its sessions. not_found
  // for an unknown username.
  [[nodiscard]] Result<void> reset(const std::string& username);
  // Requires (or no longer requires) a second factor for every account of
  // the role. Sessions already open without one are limited (or freed) at
  // once.
  // Audited as "secondFactor.requirement", by `by` (none for the CLI).
  [[nodiscard]] Result<void> set_required(AccountRole role, bool required,
                                          const std::optional<Actor>& by = {});
  [[nodiscard]] Result<std::vector<AccountRole>> required_roles();
  // The status of any account, for listing them.
  [[nodiscard]] Result<SecondFactorStatus> status_of(const Account& account);

 private:
  store::Database& database_;
  SessionSettings settings_;
};

}  // namespace dichtbij::access
