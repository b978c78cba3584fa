// Tie (relatie): who is connected to whom around a household, how closely,
// with what support, in which direction. Between a household member and a
// network person, and between two network persons (for density and
// brokerage). Dated, so the network can be seen as it was on any day; ending
// a tie sets its until rather than deleting it.
#pragma once

#include <optional>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/period.hpp"
#include "core/result.hpp"

namespace dichtbij {

struct TieFields {
  static constexpr int kClosest = 1;
  static constexpr int kFarthest = 3;

  PersonId person;  // the network person
  PersonId other;   // the household member, or another network person
  RelationKind relation_kind = RelationKind::other;
  std::vector<SupportType> support_types;  // what flows along the tie
  int closeness = 2;                       // 1 (inner ring) … 3 (outer ring)
  std::optional<ContactFrequency> contact_frequency;
  HelpDirection direction = HelpDirection::both;  // seen from person towards other
  TieQuality quality = TieQuality::ordinary;
  Period period;
};

struct Tie {
  TieId id;
  HouseholdId household;
  int version = 1;
  TieFields fields;
};

struct TieFilter {
  std::optional<Date> on;          // only ties that held on this day
  std::optional<PersonId> person;  // only ties with this person at either end
};

// A tie joins two different people and its period is ordered.
[[nodiscard]] std::vector<InvalidParam> check(const TieFields& fields);

}  // namespace dichtbij
