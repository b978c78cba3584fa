#include "store/hashing.hpp"

#include <sodium.h>

namespace dichtbij::store {

std::string blake2b_hex(std::string_view data) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string blake2b_keyed_hex(std::string_view data, std::string_view key, std::size_t bytes) {
  unsigned char hash[crypto_generichash_BYTES_MAX];
  crypto_generichash(hash, bytes, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, bytes);
  return hex;
}

}  // namespace dichtbij::store
