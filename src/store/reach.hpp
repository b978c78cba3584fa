// The SQL for a Reach (core/reach.hpp): which households a caller may see.
//
// A list query starts with reach_cte(), which names the households within
// reach as `reach`, and limits its rows with in_reach(column); the values
// are bound positionally by DICHTBIJ_REACH_CTE_USE and DICHTBIJ_REACH_ALL_USE,
// in that order of appearance.
#pragma once

#include <string>
#include <string_view>

#include <soci/soci.h>

#include "core/reach.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// "WITH reach(household_id) AS (…) "
[[nodiscard]] std::string reach_cte();

// "(everything OR column IN reach)"
[[nodiscard]] std::string in_reach(std::string_view column);
// "(everything OR persons.id is the caller's, or someone in a household
// within reach: member, team, tie, agreement, act, or, for a coordinator,
// someone who volunteers for their practice)"
[[nodiscard]] std::string persons_in_reach();

// A Reach's values, ready to bind.
struct ReachValues {
  struct Bound {
    std::string value;
    soci::indicator indicator = soci::i_null;
  };
  Bound team, practice, member, helper, break_glass, self, account, today, now;
  int everything = 0;

  explicit ReachValues(const Reach& reach);
};

#define DICHTBIJ_REACH_BIND(b) soci::use((b).value, (b).indicator)
// For reach_cte(), in its order of parameters.
#define DICHTBIJ_REACH_CTE_USE(r)                                                                \
  DICHTBIJ_REACH_BIND((r).team), DICHTBIJ_REACH_BIND((r).today), DICHTBIJ_REACH_BIND((r).today), \
      DICHTBIJ_REACH_BIND((r).practice), DICHTBIJ_REACH_BIND((r).member),                        \
      DICHTBIJ_REACH_BIND((r).today), DICHTBIJ_REACH_BIND((r).today),                            \
      DICHTBIJ_REACH_BIND((r).helper), DICHTBIJ_REACH_BIND((r).helper),                          \
      DICHTBIJ_REACH_BIND((r).today), DICHTBIJ_REACH_BIND((r).helper),                           \
      DICHTBIJ_REACH_BIND((r).helper), DICHTBIJ_REACH_BIND((r).break_glass),                     \
      DICHTBIJ_REACH_BIND((r).now)
// For one in_reach().
#define DICHTBIJ_REACH_ALL_USE(r) soci::use((r).everything)
// For one persons_in_reach().
#define DICHTBIJ_PERSONS_REACH_USE(r)                                                         \
  soci::use((r).everything), DICHTBIJ_REACH_BIND((r).self), DICHTBIJ_REACH_BIND((r).account), \
      DICHTBIJ_REACH_BIND((r).practice)

// How a reach meets one household: which of its parts hold.
struct HouseholdStanding {
  bool exists = false;
  bool team = false;
  bool practice = false;
  bool member = false;
  bool helper = false;
  bool break_glass = false;
};

// Whether a person is within reach (see persons_in_reach()).
[[nodiscard]] Result<bool> person_within_reach(Transaction& transaction, const Reach& reach,
                                               const std::string& person_id);

[[nodiscard]] Result<HouseholdStanding> household_standing(Transaction& transaction,
                                                           const Reach& reach,
                                                           const std::string& household_id);

}  // namespace dichtbij::store
