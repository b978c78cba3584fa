// Household (huishouden): a family, a single person, or a group such as a
// youth group. Members and the team of professionals change over time; both
// are kept as dated periods, so the household can be seen as it was.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/period.hpp"
#include "core/reach.hpp"
#include "core/result.hpp"

namespace dichtbij {

// A person taking part for a period: a member, or a professional on the team.
struct PersonPeriod {
  PersonId person;
  Period period;
};

struct HouseholdFields {
  static constexpr std::size_t kMaxNameLength = 100;
  static constexpr std::size_t kMaxPractices = 10;
  static constexpr std::size_t kMaxMembers = 200;  // groups can be large
  static constexpr std::size_t kMaxTeam = 50;

  HouseholdKind kind = HouseholdKind::household;
  std::string name;  // how the household is shown; an alias is fine
  TargetGroup target_group = TargetGroup::other;
  std::optional<std::string> buurt_code;
  HouseholdStatus status = HouseholdStatus::intake;
  std::vector<PracticeId> practices;  // at least one
  std::vector<PersonPeriod> members;
  std::vector<PersonPeriod> team;
};

struct Household {
  HouseholdId id;
  int version = 1;
  HouseholdFields fields;
  // Derived, never written: the later of the date of its latest support act
  // and the day (UTC) a tie or agreement of it was last created or changed.
  // Unset when it has none of those yet, and on a record not read back.
  std::optional<Date> last_activity_on;
};

struct HouseholdFilter {
  std::optional<PracticeId> practice;
  std::optional<HouseholdStatus> status;
  std::optional<TargetGroup> target_group;
  std::optional<std::string> name_contains;
  // Only what lies within this reach (access/policy.hpp); everything when unset.
  std::optional<Reach> reach;
};

// Invariants beyond each field's type: a CBS buurt code, ordered periods, a
// single-person household has at most one member at a time.
[[nodiscard]] std::vector<InvalidParam> check(const HouseholdFields& fields);

}  // namespace dichtbij
