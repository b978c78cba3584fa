// Small helpers for the SQL that repositories write. No SQL leaves store/.
#pragma once

#include <string>
#include <string_view>

namespace dichtbij::store {

// A LIKE pattern matching any text that contains needle, case-insensitively
// for ASCII, with % _ and \ in needle escaped (use with ESCAPE '\').
[[nodiscard]] std::string contains_pattern(std::string_view needle);

}  // namespace dichtbij::store
