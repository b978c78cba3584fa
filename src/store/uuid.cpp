#include "store/uuid.hpp"

#include <sodium.h>

#include <stdexcept>

namespace dichtbij::store {

std::string new_uuid() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  std::string text(hex);
  text.insert(20, "-");
  text.insert(16, "-");
  text.insert(12, "-");
  text.insert(8, "-");
  return text;
}

}  // namespace dichtbij::store
