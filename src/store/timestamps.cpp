#include "store/timestamps.hpp"

#include <chrono>
#include <ctime>

#include <fmt/chrono.h>

namespace dichtbij::store {

std::string utc_now_text() {
  return utc_text_ago(std::chrono::seconds(0));
}

std::string local_today_text() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:%Y-%m-%d}", local);
}

std::string utc_text_ago(std::chrono::seconds age) {
  // fmt 9 formats a time_point in local time: go through gmtime, or the
  // text would be Amsterdam's time marked Z.
  return fmt::format(
      "{:%Y-%m-%dT%H:%M:%SZ}",
      fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() - age)));
}

std::string utc_text_in(std::chrono::seconds later) {
  return utc_text_ago(-later);
}

}  // namespace dichtbij::store
