// New public ids.
#pragma once

#include <string>

namespace dichtbij::store {

// A random (version 4) UUID in canonical lower-case form, from libsodium's
// CSPRNG. Thread-safe.
[[nodiscard]] std::string new_uuid();

}  // namespace dichtbij::store
