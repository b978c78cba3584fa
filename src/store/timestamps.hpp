// Record timestamps: UTC, ISO 8601 to the second, stored as text so that
// both engines sort and compare them the same way.
#pragma once

#include <chrono>
#include <string>

namespace dichtbij::store {

// Now, as "2026-11-27T08:15:00Z".
[[nodiscard]] std::string utc_now_text();
// Some time ago, in the same form.
[[nodiscard]] std::string utc_text_ago(std::chrono::seconds age);
// Some time from now, in the same form.
[[nodiscard]] std::string utc_text_in(std::chrono::seconds later);

}  // namespace dichtbij::store
