// Record timestamps: UTC, ISO 8601 to the second, stored as text so that
// both engines sort and compare them the same way.
#pragma once

#include <string>

namespace dichtbij::store {

// Now, as "2026-11-27T08:15:00Z".
[[nodiscard]] std::string utc_now_text();

}  // namespace dichtbij::store
