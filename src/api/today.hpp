// The current date as the API sees it, for checks such as "birth year not in
// the future" and for "as of today" defaults.
#pragma once

#include "core/date.hpp"

namespace dichtbij::api {

// Today in UTC.
[[nodiscard]] Date today();

}  // namespace dichtbij::api
