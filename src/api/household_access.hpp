// The access check for routes about one household that CrudRoutes does not
// build (the ecomap, an agreement's history, the access log, …).
#pragma once

#include <string_view>

#include "access/policy.hpp"
#include "api/http.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// How the caller stands to household when the policy permits operation on
// resource there, decided by access/decision_cache.hpp (kept while the data
// it was read from holds). Otherwise records the refusal in the audit log
// (action names it) and answers forbidden; not_found when there is no such
// household.
[[nodiscard]] Result<access::HouseholdAccess> household_access(
    store::Database& database, const Request& request, const HouseholdId& household,
    access::Resource resource, access::Operation operation, std::string_view action);

// The caller's standing from the decision cache alone, when it holds a
// decision that permits operation on resource; nullopt otherwise (no
// decision in memory, or a refusal, which household_access() must audit).
// Never blocks: for Request::may_block false.
[[nodiscard]] std::optional<access::HouseholdAccess> remembered_household_access(
    store::Database& database, const Request& request, const HouseholdId& household,
    access::Resource resource, access::Operation operation);

// The same for reading every version of resource's records in household
// (access::permits_history): refused, and the refusal audited, where the
// caller sees only their own records.
[[nodiscard]] Result<access::HouseholdAccess> household_history_access(store::Database& database,
                                                                       const Request& request,
                                                                       const HouseholdId& household,
                                                                       access::Resource resource,
                                                                       std::string_view action);

}  // namespace dichtbij::api
