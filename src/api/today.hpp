// The current date as the API sees it, for checks such as "birth year not in
// the future" and for "as of today" defaults.
#pragma once

#include "core/date.hpp"

namespace dichtbij::api {

// Today where the service is: the date in the process's local time zone
// (TZ; `dichtbij` sets Europe/Amsterdam when TZ is unset, see cli/main.cpp).
// Not UTC: from midnight in Amsterdam to midnight UTC a helper's "today"
// would otherwise be a day in the future and refused.
[[nodiscard]] Date today();

}  // namespace dichtbij::api
