// Passwords: the rules a new password must meet, and hashing with Argon2id
// (libsodium's crypto_pwhash_str at its interactive limits or above: about
// 64 MiB and a tenth of a second per hash, which is the point).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace dichtbij::access {

inline constexpr std::size_t kMinPasswordLength = 12;
// Argon2 takes any length; this only bounds the work a request can ask for.
inline constexpr std::size_t kMaxPasswordLength = 256;

// Why this password may not be used, or empty when it may: too short, too
// long, on the list of common passwords, or the username itself.
[[nodiscard]] std::string password_problem(std::string_view password, std::string_view username);

// The Argon2id hash string, salt and limits included. Fails with internal
// only when the machine lacks the memory.
[[nodiscard]] Result<std::string> hash_password(std::string_view password);

// Whether password matches hash. Takes as long for a wrong password as for
// a right one.
[[nodiscard]] bool verify_password(const std::string& hash, std::string_view password);

// Runs a verification against a fixed hash, so that a sign-in for a name
// that has no account takes as long as one with a wrong password.
void verify_against_nothing(std::string_view password);

// The list behind password_problem (access/common_passwords.cpp), sorted.
[[nodiscard]] const std::vector<std::string_view>& common_passwords();

}  // namespace dichtbij::access
