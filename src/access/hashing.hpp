// One hash for access/: BLAKE2b-256 (libsodium's crypto_generichash) as
// lower-case hex. Session tokens are stored under it; audit events chain by it.
#pragma once

#include <string>
#include <string_view>

namespace dichtbij::access {

[[nodiscard]] std::string blake2b_hex(std::string_view data);

}  // namespace dichtbij::access
