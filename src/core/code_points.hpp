// Text positions in Unicode code points, as REFI-QDA counts them: a coding's
// start and end are code-point offsets into its note, so "é" counts one,
// an emoji outside the Basic Multilingual Plane one (not two UTF-16 units),
// and a Windows line end "\r\n" two. Only UTF-8 is handled; no ICU.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dichtbij {

// The number of code points in text; nullopt when text is not well-formed
// UTF-8 (overlong forms, surrogates, code points past U+10FFFF, cut-off
// sequences are all refused).
[[nodiscard]] std::optional<std::size_t> utf8_code_points(std::string_view text) noexcept;

// The part of text from code point start up to (not including) code point
// end, as a view into text (valid as long as text's storage is). Offsets
// past the end are clamped to it. REQUIRES: text is well-formed UTF-8 and
// start <= end.
[[nodiscard]] std::string_view code_point_slice(std::string_view text, std::size_t start,
                                                std::size_t end) noexcept;

}  // namespace dichtbij
