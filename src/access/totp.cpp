#include "access/totp.hpp"

// HMAC-SHA1 from OpenSSL's libcrypto rather than nettle or libgcrypt: libpq
// (our PostgreSQL client) already links libcrypto into the process, and
// libpq-dev already brings libssl-dev, so this adds no package and no second
// crypto library to keep patched. libsodium stays the choice for everything
// else (it has no SHA1).
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>
#include <cassert>
#include <cctype>

namespace dichtbij::access {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

constexpr std::uint32_t power_of_ten(int digits) {
  std::uint32_t value = 1;
  for (int i = 0; i != digits; ++i) value *= 10;
  return value;
}

std::string percent_encode(std::string_view text) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return encoded;
}

}  // namespace

std::chrono::sys_seconds system_clock_now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  assert(digits >= 6 && digits <= 8);
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_length = 0;
  const unsigned char* done = HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
                                   message.data(), message.size(), mac.data(), &mac_length);
  assert(done != nullptr && mac_length == 20);
  (void)done;
  // RFC 4226 §5.3: dynamic truncation.
  const unsigned offset = mac[19] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::string code = std::to_string(binary % power_of_ten(digits));
  code.insert(0, static_cast<std::size_t>(digits) - code.size(), '0');
  return code;
}

std::int64_t totp_step(std::chrono::sys_seconds time) {
  return time.time_since_epoch() / kTotpStep;
}

std::string totp_code(std::string_view key, std::int64_t step, int digits) {
  return hotp(key, static_cast<std::uint64_t>(step), digits);
}

std::optional<std::int64_t> matching_totp_step(std::string_view key, std::string_view code,
                                               std::int64_t current_step) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  std::optional<std::int64_t> matched;
  // Every candidate is computed and compared, so the time taken does not
  // say which step matched.
  for (std::int64_t step = current_step - 1; step <= current_step + 1; ++step) {
    const std::string expected = totp_code(key, step);
    if (sodium_memcmp(expected.data(), code.data(), expected.size()) == 0 && !matched) {
      matched = step;
    }
  }
  return matched;
}

std::string new_totp_secret() {
  std::string secret(kTotpSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string base32_encode(std::string_view bytes) {
  std::string text;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      text += kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F];
      bits -= 5;
    }
  }
  if (bits > 0) text += kBase32Alphabet[(buffer << (5 - bits)) & 0x1F];
  return text;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string bytes;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == ' ' || c == '=') continue;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::size_t value = kBase32Alphabet.find(upper);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bytes += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return bytes;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret) {
  const std::string encoded_issuer = percent_encode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) +
         "?secret=" + base32_encode(secret) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStep.count());
}

}  // namespace dichtbij::access
