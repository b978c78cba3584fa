// The calendar day the server calls today is the local one, not UTC's.
#include "store/timestamps.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include <fmt/chrono.h>

namespace dichtbij::store {
namespace {

// Sets TZ for the test and puts back what was there.
class ZoneTest : public ::testing::Test {
 protected:
  ZoneTest() {
    if (const char* zone = std::getenv("TZ")) saved_ = zone;
  }
  ~ZoneTest() override {
    if (saved_) {
      setenv("TZ", saved_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  static void use_zone(const char* zone) {
    setenv("TZ", zone, 1);
    tzset();
  }
  // The UTC calendar day `offset` hours from now.
  static std::string utc_day_in(std::chrono::hours offset) {
    return fmt::format("{:%Y-%m-%d}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                          std::chrono::system_clock::now() + offset)));
  }

 private:
  std::optional<std::string> saved_;
};

TEST_F(ZoneTest, TodayIsTheDayInTheProcesssTimeZone) {
  // Fixed offsets with no daylight saving (POSIX signs: Etc/GMT-14 is UTC+14).
  // At any moment at least one of the two is on another day than UTC.
  use_zone("Etc/GMT-14");
  const std::string east = local_today_text();
  EXPECT_EQ(east, utc_day_in(std::chrono::hours(14)));
  use_zone("Etc/GMT+12");
  const std::string west = local_today_text();
  EXPECT_EQ(west, utc_day_in(std::chrono::hours(-12)));
  EXPECT_NE(east, west);
  use_zone("UTC");
  EXPECT_EQ(local_today_text(), utc_now_text().substr(0, 10));
}

TEST_F(ZoneTest, RecordTimestampsAreUtcWhateverTheZone) {
  auto utc_text = [] {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
  };
  for (const char* zone : {"Etc/GMT-14", "Etc/GMT+12", "Europe/Amsterdam"}) {
    use_zone(zone);
    const std::string before = utc_text();
    const std::string now = utc_now_text();
    const std::string after = utc_text();
    EXPECT_LE(before, now) << zone;
    EXPECT_LE(now, after) << zone;
  }
}

}  // namespace
}  // namespace dichtbij::store
