#include "api/household_access.hpp"

#include "access/audit.hpp"
#include "access/decision_cache.hpp"

namespace dichtbij::api {

Result<access::HouseholdAccess> household_access(store::Database& database, const Request& request,
                                                 const HouseholdId& household,
                                                 access::Resource resource,
                                                 access::Operation operation,
                                                 std::string_view action) {
  Result<access::HouseholdAccess> access =
      access::cached_household_access(database, *request.actor, household);
  if (!access.ok() || access::permits(*access, resource, operation)) return access;
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = std::string(action);
  event.household_id = household.str();
  event.allowed = false;
  event.client_address = request.client_address;
  if (Result<void> audited = access::record(database, event); !audited.ok()) {
    return std::move(audited).error();
  }
  return make_error(ErrorCode::forbidden,
                    "you have no access to household " + household.str() + " for this");
}

}  // namespace dichtbij::api
