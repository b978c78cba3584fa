// Facility (voorziening) on the social map of a neighbourhood — a community
// centre, a food bank, a walk-in, debt help, a meeting place — and referrals
// of households to it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/reach.hpp"
#include "core/result.hpp"

namespace dichtbij {

struct FacilityFields {
  static constexpr std::size_t kMaxNameLength = 200;
  static constexpr std::size_t kMaxTextLength = 2000;

  std::string name;
  FacilityKind kind = FacilityKind::other;
  std::string buurt_code;
  std::optional<std::string> address;
  std::optional<std::string> description;
  std::optional<OrganisationId> organisation;  // who runs it
};

struct Facility {
  FacilityId id;
  int version = 1;
  FacilityFields fields;
};

struct FacilityFilter {
  std::optional<FacilityKind> kind;
  std::optional<std::string> buurt_code;
};

struct ReferralFields {
  static constexpr std::size_t kMaxNoteLength = 500;

  Date date;
  HouseholdId household;
  FacilityId facility;
  std::optional<PersonId> person;       // who was referred
  std::optional<PersonId> referred_by;  // who referred
  ReferralStatus status = ReferralStatus::proposed;
  std::optional<std::string> note;
};

struct Referral {
  ReferralId id;
  int version = 1;
  ReferralFields fields;
};

struct ReferralFilter {
  std::optional<HouseholdId> household;
  std::optional<FacilityId> facility;
  std::optional<ReferralStatus> status;
  // Only what lies within this reach (access/policy.hpp); everything when unset.
  std::optional<Reach> reach;
};

[[nodiscard]] std::vector<InvalidParam> check(const FacilityFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const ReferralFields& fields, const Date& today);

}  // namespace dichtbij
