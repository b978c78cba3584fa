#include "research/pseudonyms.hpp"

#include <sodium.h>

#include <optional>

#include "research/refi_qda.hpp"
#include "store/hashing.hpp"
#include "store/settings_repository.hpp"

namespace dichtbij::research {

namespace {

constexpr std::string_view kSetting = "research_pseudonym_key";
constexpr std::size_t kKeyBytes = crypto_generichash_KEYBYTES;  // 32
constexpr std::size_t kPseudonymBytes = 16;

std::string new_key_hex() {
  unsigned char key[kKeyBytes];
  randombytes_buf(key, sizeof key);
  char hex[sizeof key * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, key, sizeof key);
  sodium_memzero(key, sizeof key);
  return hex;
}

std::optional<std::string> from_hex(const std::string& hex) {
  std::string bytes(kKeyBytes, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kKeyBytes) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace

Result<Pseudonyms> Pseudonyms::open(store::Database& database) {
  if (sodium_init() < 0) return make_error(ErrorCode::internal, "libsodium failed to initialise");
  Result<std::optional<std::string>> stored = database.in_transaction<std::optional<std::string>>(
      store::TransactionKind::read,
      [](store::Transaction& transaction) -> Result<std::optional<std::string>> {
        return store::SettingsRepository(transaction).get(kSetting);
      });
  if (!stored.ok()) return std::move(stored).error();
  std::string hex;
  if (*stored) {
    hex = **stored;
  } else {
    const std::string fresh = new_key_hex();
    Result<std::string> kept = database.in_transaction<std::string>(
        store::TransactionKind::write, [&](store::Transaction& transaction) {
          // No cached answer depends on the key.
          transaction.mark_bookkeeping_only();
          return store::SettingsRepository(transaction).keep_first(kSetting, fresh);
        });
    if (!kept.ok()) return std::move(kept).error();
    hex = *kept;
  }
  std::optional<std::string> key = from_hex(hex);
  if (!key) {
    return make_error(
        ErrorCode::internal,
        "the stored research pseudonym key is damaged (settings." + std::string(kSetting) + ")");
  }
  return Pseudonyms(std::move(*key));
}

std::string Pseudonyms::of(const HouseholdId& household) const {
  return store::blake2b_keyed_hex("household:" + household.str(), key_, kPseudonymBytes);
}

std::string Pseudonyms::of(const PersonId& person) const {
  return store::blake2b_keyed_hex("person:" + person.str(), key_, kPseudonymBytes);
}

std::string Pseudonyms::name_digest(const std::string& project, std::string_view name) const {
  return store::blake2b_keyed_hex("name:" + project + ":" + std::string(name), key_,
                                  kPseudonymBytes);
}

std::string Pseudonyms::refi_guid(const std::string& project, std::string_view kind,
                                  const std::string& id) const {
  return uuid_from_digest(store::blake2b_keyed_hex(
      "refi-qda:" + project + ":" + std::string(kind) + ":" + id, key_, kPseudonymBytes));
}

}  // namespace dichtbij::research
