// Person: anyone in a network — household members, family, neighbours,
// volunteers, professionals. A display name (an alias is fine) and a birth
// year, never a birth date: data minimisation.
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

// A role held for a period: client 2023–2024, then volunteer, then peer worker.
struct RoleSpell {
  PersonRole role = PersonRole::client;
  Period period;

  bool operator==(const RoleSpell&) const = default;
};

// Membership of an organisation (professionals, volunteers).
struct Membership {
  OrganisationId organisation;
  Period period;
};

struct PersonFields {
  static constexpr std::size_t kMaxNameLength = 100;
  static constexpr std::size_t kMaxListItems = 20;
  static constexpr std::size_t kMaxItemLength = 100;
  static constexpr int kEarliestBirthYear = 1900;

  std::string display_name;
  std::optional<int> birth_year;
  std::optional<std::string> buurt_code;
  std::vector<std::string> languages;
  std::vector<std::string> skills;  // skills and interests
  std::vector<RoleSpell> roles;
  std::vector<Membership> memberships;
};

struct Person {
  PersonId id;
  int version = 1;
  PersonFields fields;
};

struct PersonFilter {
  std::optional<PersonRole> role;  // holds this role today (or on as_of)
  std::optional<OrganisationId> organisation;
  std::optional<std::string> name_contains;
  // Only what lies within this reach (access/policy.hpp); everything when unset.
  std::optional<Reach> reach;
};

// Invariants beyond each field's type: the birth year is not in the future,
// the buurt code is a CBS code, every period ends on or after it starts.
[[nodiscard]] std::vector<InvalidParam> check(const PersonFields& fields, int current_year);

}  // namespace dichtbij
