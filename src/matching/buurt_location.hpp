// Where a buurt is, for the distance a volunteer travels.
//
// Dichtbij stores CBS buurt codes, not coordinates. The demo data's codes
// are synthetic (BU0363 + wijk + buurt, docs/demo-data.md), so this is a
// small model of Amsterdam rather than the CBS centroid file: each stadsdeel
// sits at its real centre, its wijken on a ring of about 1.5 km around it
// and each wijk's buurten on a ring of 350 m around the wijk. Distances are
// straight lines on a local flat projection, good to a few metres over the
// city; travel is by bike or public transport, so a straight line is the
// honest unit. Swapping in the real centroids changes only this file.
#pragma once

#include <cmath>
#include <optional>
#include <string_view>

namespace dichtbij::matching {

// Kilometres east and north of the Dam.
struct GeoPoint {
  double east_km = 0;
  double north_km = 0;
  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

// The centre of the buurt; nullopt for a code outside the Amsterdam model
// (another municipality, a wijk the model does not have). Thread-safe.
[[nodiscard]] std::optional<GeoPoint> buurt_location(std::string_view buurt_code) noexcept;

// Inline: the candidate scan calls it for every spot of every request.
[[nodiscard]] inline double distance_km(const GeoPoint& a, const GeoPoint& b) noexcept {
  const double east = a.east_km - b.east_km;
  const double north = a.north_km - b.north_km;
  return std::sqrt(east * east + north * north);
}

}  // namespace dichtbij::matching
