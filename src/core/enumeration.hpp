// Closed enumerations of the domain, each with a stable code (camelCase, as
// the API and the database spell it) and Dutch and English labels, served by
// the API so the web app never hard-codes them.
//
// A domain enum E declares its values once, in an EnumTraits<E>
// specialisation listing them in declaration order; to_code(), from_code()
// and the enumerations catalogue all read that one list.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dichtbij {

struct EnumValue {
  std::string_view code;  // "emotional"
  std::string_view nl;    // "Emotionele steun"
  std::string_view en;    // "Emotional support"
};

// Specialised per enum: static constexpr std::string_view kName (the API's
// name for the enumeration, e.g. "supportType") and static constexpr
// std::array<EnumValue, N> kValues, in the order of the enum's values.
template <typename E>
struct EnumTraits;

template <typename E>
[[nodiscard]] constexpr std::string_view to_code(E value) noexcept {
  return EnumTraits<E>::kValues[static_cast<std::size_t>(value)].code;
}

// The value with this code; nullopt when there is none (codes are
// case-sensitive).
template <typename E>
[[nodiscard]] constexpr std::optional<E> from_code(std::string_view code) noexcept {
  const auto& values = EnumTraits<E>::kValues;
  for (std::size_t i = 0; i != values.size(); ++i) {
    if (values[i].code == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

// "a, b or c": the codes, for an error message that says what is allowed.
template <typename E>
[[nodiscard]] std::string allowed_codes() {
  std::string text;
  const auto& values = EnumTraits<E>::kValues;
  for (std::size_t i = 0; i != values.size(); ++i) {
    if (i != 0) text += i + 1 == values.size() ? " or " : ", ";
    text += values[i].code;
  }
  return text;
}

// One enumeration as the catalogue lists it.
struct EnumerationInfo {
  std::string_view name;
  std::span<const EnumValue> values;
};

template <typename E>
[[nodiscard]] constexpr EnumerationInfo enumeration_info() noexcept {
  return {EnumTraits<E>::kName, EnumTraits<E>::kValues};
}

}  // namespace dichtbij
