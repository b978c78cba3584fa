// Record timestamps: UTC, ISO 8601 to the second, stored as text so that
// both engines sort and compare them the same way.
#pragma once

#include <chrono>
#include <string>

namespace dichtbij::store {

// Now, as "2026-11-27T08:15:00Z".
[[nodiscard]] std::string utc_now_text();
// Today's calendar day where the server is (the process's local time zone,
// which `dichtbij` sets to Europe/Amsterdam unless TZ says otherwise), as
// "2026-11-27". Dates people enter (acts, ties, team periods) are local days,
// so "today" must be one too, not UTC's: between midnight in Amsterdam and
// midnight UTC they differ.
[[nodiscard]] std::string local_today_text();
// Some time ago, in the same form.
[[nodiscard]] std::string utc_text_ago(std::chrono::seconds age);
// Some time from now, in the same form.
[[nodiscard]] std::string utc_text_in(std::chrono::seconds later);

}  // namespace dichtbij::store
