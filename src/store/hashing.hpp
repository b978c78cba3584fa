// One hash for the whole program: BLAKE2b-256 (libsodium's
// crypto_generichash) as lower-case hex. Migration checksums, stored session
// tokens and the audit chain all use it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dichtbij::store {

[[nodiscard]] std::string blake2b_hex(std::string_view data);

// Keyed BLAKE2b (a MAC) of data, bytes long, as lower-case hex: without the
// key nobody can compute it or tell which data gave it.
// REQUIRES: key is 16 to 64 bytes; bytes is 16 to 64.
[[nodiscard]] std::string blake2b_keyed_hex(std::string_view data, std::string_view key,
                                            std::size_t bytes);

}  // namespace dichtbij::store
