#include "access/recovery_codes.hpp"

#include <sodium.h>

#include <cctype>

#include "access/totp.hpp"
#include "store/hashing.hpp"

namespace dichtbij::access {

namespace {

constexpr std::size_t kCodeBytes = 10;  // 80 bits: 16 base32 characters
constexpr std::size_t kCodeLength = 16;
constexpr std::size_t kGroup = 4;

}  // namespace

std::vector<std::string> new_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i != kRecoveryCodeCount; ++i) {
    std::string bytes(kCodeBytes, '\0');
    randombytes_buf(bytes.data(), bytes.size());
    const std::string plain = base32_encode(bytes);
    std::string shown;
    for (std::size_t at = 0; at < plain.size(); at += kGroup) {
      if (at != 0) shown += '-';
      shown += plain.substr(at, kGroup);
    }
    codes.push_back(std::move(shown));
  }
  return codes;
}

std::optional<std::string> normalise_recovery_code(std::string_view text) {
  std::string code;
  for (const char c : text) {
    if (c == '-' || c == ' ') continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (code.size() != kCodeLength || !base32_decode(code)) return std::nullopt;
  return code;
}

std::string recovery_code_hash(const AccountId& account, std::string_view normalised_code) {
  return store::blake2b_hex(account.str() + ":" + std::string(normalised_code));
}

}  // namespace dichtbij::access
