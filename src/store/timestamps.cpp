#include "store/timestamps.hpp"

#include <chrono>

#include <fmt/chrono.h>

namespace dichtbij::store {

std::string utc_now_text() {
  return utc_text_ago(std::chrono::seconds(0));
}

std::string utc_text_ago(std::chrono::seconds age) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::time_point_cast<std::chrono::seconds>(
                                                  std::chrono::system_clock::now() - age));
}

std::string utc_text_in(std::chrono::seconds later) {
  return utc_text_ago(-later);
}

}  // namespace dichtbij::store
