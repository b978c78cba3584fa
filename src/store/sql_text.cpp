#include "store/sql_text.hpp"

#include <cctype>

namespace dichtbij::store {

std::string contains_pattern(std::string_view needle) {
  std::string pattern = "%";
  for (char c : needle) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  pattern += '%';
  return pattern;
}

}  // namespace dichtbij::store
