// HouseholdActsQuery: the support acts of one household in a period, with
// where their people stood on each act's day — what the carrying capacity of
// its network (analysis/carrying_capacity.hpp) is computed from.
#pragma once

#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// One act, reduced to what the capacity measures need.
struct StandingAct {
  PersonId provider;
  SupportType support_type = SupportType::practical;
  bool provider_formal = false;  // a professional on the day
  bool provider_member = false;  // a member of the household on the day
  bool receiver_member = false;
};

// The acts of household dated from … to (inclusive), by date then id. An
// unknown household has none.
[[nodiscard]] Result<std::vector<StandingAct>> household_acts(Transaction& transaction,
                                                              const HouseholdId& household,
                                                              const Date& from, const Date& to);

// The ids of every household, in id order; of one practice when practice is
// set.
[[nodiscard]] Result<std::vector<HouseholdId>> household_ids(
    Transaction& transaction, const std::optional<PracticeId>& practice);

}  // namespace dichtbij::store
