#include "matching/buurt_location.hpp"

#include <array>
#include <cmath>
#include <numbers>

#include "core/buurt_code.hpp"

namespace dichtbij::matching {

namespace {

// The stadsdelen and Weesp with their wijk numbers, as the demo data
// numbers them (demo/amsterdam.cpp), and their centres in degrees (WGS84).
struct DistrictCentre {
  int wijk_first;
  int wijken;
  double latitude;
  double longitude;
  double ring_km;  // how far its wijken lie from its centre
};

constexpr std::array<DistrictCentre, 8> kDistricts{{
    {0, 6, 52.3730, 4.8932, 1.0},   // Centrum
    {10, 6, 52.3790, 4.8500, 1.5},  // West
    {20, 8, 52.3600, 4.8000, 2.0},  // Nieuw-West
    {30, 6, 52.3480, 4.8700, 1.5},  // Zuid
    {40, 7, 52.3590, 4.9400, 1.5},  // Oost
    {50, 7, 52.3950, 4.9300, 2.0},  // Noord
    {60, 7, 52.3100, 4.9750, 1.8},  // Zuidoost
    {70, 2, 52.3080, 5.0420, 0.8},  // Weesp
}};

constexpr double kDamLatitude = 52.3731;
constexpr double kDamLongitude = 4.8926;
constexpr double kKmPerDegreeNorth = 111.2;
// 111.2 × cos(52.37°): a degree east at Amsterdam's latitude.
constexpr double kKmPerDegreeEast = 67.9;
constexpr double kBuurtRingKm = 0.35;
constexpr int kBuurtenPerWijk = 6;

int digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<GeoPoint> buurt_location(std::string_view buurt_code) noexcept {
  if (!is_buurt_code(buurt_code) || buurt_code.substr(2, 4) != "0363") return std::nullopt;
  const int wijk = digits(buurt_code.substr(6, 2));
  const int buurt = digits(buurt_code.substr(8, 2));
  if (buurt >= kBuurtenPerWijk) return std::nullopt;
  for (const DistrictCentre& district : kDistricts) {
    const int offset = wijk - district.wijk_first;
    if (offset < 0 || offset >= district.wijken) continue;
    const double wijk_angle = 2 * std::numbers::pi * offset / district.wijken;
    const double buurt_angle = 2 * std::numbers::pi * buurt / kBuurtenPerWijk;
    GeoPoint point;
    point.east_km = (district.longitude - kDamLongitude) * kKmPerDegreeEast +
                    district.ring_km * std::cos(wijk_angle) + kBuurtRingKm * std::cos(buurt_angle);
    point.north_km = (district.latitude - kDamLatitude) * kKmPerDegreeNorth +
                     district.ring_km * std::sin(wijk_angle) + kBuurtRingKm * std::sin(buurt_angle);
    return point;
  }
  return std::nullopt;
}

}  // namespace dichtbij::matching
