#include "core/code_points.hpp"

namespace dichtbij {

namespace {

// The length of the sequence that starts with lead, 0 for a byte that
// cannot start one.
std::size_t sequence_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The byte offset where code point index starts (text.size() past the end).
std::size_t byte_offset(std::string_view text, std::size_t index) noexcept {
  std::size_t at = 0;
  for (std::size_t seen = 0; seen != index && at < text.size(); ++seen) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    at += length == 0 ? 1 : length;
  }
  return at < text.size() ? at : text.size();
}

}  // namespace

std::optional<std::size_t> utf8_code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = sequence_length(lead);
    if (length == 0 || at + length > text.size()) return std::nullopt;
    for (std::size_t i = 1; i != length; ++i) {
      if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return std::nullopt;
    }
    if (length >= 3) {
      const auto second = static_cast<unsigned char>(text[at + 1]);
      // Overlong three- and four-byte forms, UTF-16 surrogates, and code
      // points past U+10FFFF.
      if (lead == 0xE0 && second < 0xA0) return std::nullopt;
      if (lead == 0xED && second > 0x9F) return std::nullopt;
      if (lead == 0xF0 && second < 0x90) return std::nullopt;
      if (lead == 0xF4 && second > 0x8F) return std::nullopt;
    }
    at += length;
    ++count;
  }
  return count;
}

std::string_view code_point_slice(std::string_view text, std::size_t start,
                                  std::size_t end) noexcept {
  const std::size_t from = byte_offset(text, start);
  const std::size_t to = from + byte_offset(text.substr(from), end - start);
  return text.substr(from, to - from);
}

}  // namespace dichtbij
