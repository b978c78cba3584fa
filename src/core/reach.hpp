// Reach: the households a caller may see, as access/policy.hpp decides it,
// in a form the store turns into SQL. A household is within reach when any
// of the set parts holds for it; with no part set, none is.
#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"

namespace dichtbij {

struct Reach {
  bool everything = false;             // no limit (the CLI, analyses over all data)
  std::optional<PersonId> team;        // households whose current team holds this person
  std::optional<PracticeId> practice;  // households of this practice
  std::optional<PersonId> member;      // households this person is a current member of
  // Households this person helps: a current tie to it, an agreement they
  // are responsible for, an act they gave.
  std::optional<PersonId> helper;
  // The caller's own person, and the persons their account registered, are
  // always within reach (persons only).
  std::optional<PersonId> self;
  std::optional<AccountId> account;
  // Households this account opened by break-the-glass, until it expires.
  std::optional<AccountId> break_glass;
  std::string today;  // YYYY-MM-DD: team and membership periods
  std::string now;    // UTC timestamp: break-the-glass expiry

  [[nodiscard]] static Reach all() {
    Reach reach;
    reach.everything = true;
    return reach;
  }
};

}  // namespace dichtbij
