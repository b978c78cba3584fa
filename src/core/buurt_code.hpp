// CBS neighbourhood codes (buurtcodes): "BU" and eight digits, the first four
// the municipality (0363 is Amsterdam), e.g. BU03630000.
#pragma once

#include <string_view>

namespace dichtbij {

[[nodiscard]] constexpr bool is_buurt_code(std::string_view code) noexcept {
  if (code.size() != 10 || code[0] != 'B' || code[1] != 'U') return false;
  for (char c : code.substr(2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace dichtbij
