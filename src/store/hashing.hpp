// One hash for the whole program: BLAKE2b-256 (libsodium's
// crypto_generichash) as lower-case hex. Migration checksums, stored session
// tokens and the audit chain all use it.
#pragma once

#include <string>
#include <string_view>

namespace dichtbij::store {

[[nodiscard]] std::string blake2b_hex(std::string_view data);

}  // namespace dichtbij::store
