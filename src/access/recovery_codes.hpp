// Recovery codes: ten single-use codes handed out once when a second factor
// is set up, for signing in when the authenticator is lost.
//
// Each code is 80 random bits, shown as four groups of four base32
// characters, e.g. "K7QF-2MXA-PL3D-WZ4C" (base32 has no 0, 1, 8 or 9, so
// no digit reads as a letter). Only a hash is stored: BLAKE2b-256 over the account id and the
// code. A slow hash (Argon2id) earns nothing here: it protects secrets people
// choose, which are guessable, while 80 random bits cannot be searched even
// with a fast hash; and a sign-in with a recovery code can look its hash up
// directly instead of running up to ten Argon2id verifications (a second in all).
// The account id in the hash keeps equal codes of two accounts apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace dichtbij::access {

inline constexpr int kRecoveryCodeCount = 10;

// kRecoveryCodeCount new codes, formatted for people.
[[nodiscard]] std::vector<std::string> new_recovery_codes();

// The code without dashes and spaces, in upper case; nullopt when it cannot
// be a recovery code (not 16 base32 characters).
[[nodiscard]] std::optional<std::string> normalise_recovery_code(std::string_view text);

// The stored hash of a normalised code of this account.
[[nodiscard]] std::string recovery_code_hash(const AccountId& account,
                                             std::string_view normalised_code);

}  // namespace dichtbij::access
