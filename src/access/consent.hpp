// Consent as a rule of access: which households research may see.
//
// The one place that decides it, so every research analysis and export asks
// the same question: a household is in from the day its research consent is
// granted and out from the day it is withdrawn (core/consent.hpp).
#pragma once

#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

// The households whose research consent is in force on today, in id order.
// Read it in the same transaction as the data it selects, so a withdrawal
// committed in between cannot let a household through.
[[nodiscard]] Result<std::vector<HouseholdId>> research_households(store::Transaction& transaction,
                                                                   const Date& today);

}  // namespace dichtbij::access
