// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as the
// authenticator apps people already have compute them: HMAC-SHA1, 30-second
// steps, 6 digits, the secret shared as RFC 4648 base32 in an otpauth:// URI.
//
// SHA1 is what every authenticator app supports; HOTP's truncation makes
// SHA1's collision weakness irrelevant here (RFC 4226 appendix A). The HMAC
// comes from OpenSSL's libcrypto (libsodium has no SHA1); see totp.cpp.
//
// Pure functions, thread-safe. Replay protection (refusing a step already
// used) needs storage and lives in access/second_factors.hpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dichtbij::access {

inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends
inline constexpr std::chrono::seconds kTotpStep{30};
inline constexpr int kTotpDigits = 6;

// What the second factor reads the time from: the system clock in service,
// a clock the test moves in tests.
using TotpClock = std::function<std::chrono::sys_seconds()>;
[[nodiscard]] std::chrono::sys_seconds system_clock_now();

// RFC 4226 HOTP of key and counter: `digits` decimal digits (6..8), zero
// padded.
[[nodiscard]] std::string hotp(std::string_view key, std::uint64_t counter,
                               int digits = kTotpDigits);

// The RFC 6238 time step that holds `time` (Unix time / 30 s).
[[nodiscard]] std::int64_t totp_step(std::chrono::sys_seconds time);

// The code an authenticator shows during `step`.
[[nodiscard]] std::string totp_code(std::string_view key, std::int64_t step,
                                    int digits = kTotpDigits);

// The step among current_step - 1, current_step and current_step + 1 (a
// clock half a minute off either way) whose code is `code`, or nullopt.
// Compares in constant time; a code that is not 6 digits matches nothing.
[[nodiscard]] std::optional<std::int64_t> matching_totp_step(std::string_view key,
                                                             std::string_view code,
                                                             std::int64_t current_step);

// kTotpSecretBytes random bytes (libsodium's randombytes).
[[nodiscard]] std::string new_totp_secret();

// RFC 4648 base32 (A–Z, 2–7) without padding, as otpauth:// URIs carry it.
[[nodiscard]] std::string base32_encode(std::string_view bytes);
// The bytes of base32 text; lower case, spaces and '=' padding are
// accepted. nullopt when a character is not base32.
[[nodiscard]] std::optional<std::string> base32_decode(std::string_view text);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
// (the Key URI format authenticator apps read from a QR code), with issuer
// and account percent-encoded.
[[nodiscard]] std::string otpauth_uri(std::string_view issuer, std::string_view account,
                                      std::string_view secret);

}  // namespace dichtbij::access
