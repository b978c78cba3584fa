#include "api/today.hpp"

#include <chrono>

namespace dichtbij::api {

Date today() {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace dichtbij::api
