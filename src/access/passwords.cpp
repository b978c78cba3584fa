#include "access/passwords.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace dichtbij::access {

namespace {

// libsodium must be initialised before use; doing it more than once is fine.
[[maybe_unused]] const bool kSodiumReady = sodium_init() >= 0;

std::string lower(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

}  // namespace

std::string password_problem(std::string_view password, std::string_view username) {
  if (password.size() < kMinPasswordLength) {
    return "must be at least " + std::to_string(kMinPasswordLength) + " characters long";
  }
  if (password.size() > kMaxPasswordLength) {
    return "must be at most " + std::to_string(kMaxPasswordLength) + " characters long";
  }
  const std::string lowered = lower(password);
  if (!username.empty() && lowered.find(lower(username)) != std::string::npos) {
    return "must not contain the username";
  }
  const std::vector<std::string_view>& common = common_passwords();
  if (std::binary_search(common.begin(), common.end(), std::string_view(lowered))) {
    return "is one of the most common passwords; choose another (a few unrelated words work well)";
  }
  return {};
}

Result<std::string> hash_password(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return make_error(ErrorCode::internal, "not enough memory to hash the password");
  }
  return std::string(hash);
}

bool verify_password(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_against_nothing(std::string_view password) {
  static const std::string kHash = [] {
    Result<std::string> hash = hash_password("nobody has this password, ever");
    return hash.ok() ? *hash : std::string();
  }();
  (void)verify_password(kHash, password);
}

}  // namespace dichtbij::access
