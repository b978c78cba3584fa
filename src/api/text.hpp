// Checks on text that arrives from clients.
#pragma once

#include <cstddef>
#include <string_view>

namespace dichtbij::api {

// Whether text is valid UTF-8 (as nlohmann's serialiser judges it).
[[nodiscard]] bool is_utf8(std::string_view text);

// The number of code points in UTF-8 text.
[[nodiscard]] std::size_t code_points(std::string_view text);

// Whether text holds a control character other than tab and newline, which
// no field of ours may carry (NUL is cut off by PostgreSQL, for one).
[[nodiscard]] bool has_control_characters(std::string_view text);

}  // namespace dichtbij::api
