#include "api/household_access.hpp"

#include "access/audit.hpp"
#include "access/decision_cache.hpp"

namespace dichtbij::api {

namespace {

// Records the refusal of action in household and answers forbidden.
Error refuse(store::Database& database, const Request& request, const HouseholdId& household,
             std::string_view action, std::string message) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = std::string(action);
  event.household_id = household.str();
  event.allowed = false;
  event.client_address = request.client_address;
  if (Result<void> audited = access::record(database, event); !audited.ok()) {
    return std::move(audited).error();
  }
  return make_error(ErrorCode::forbidden, std::move(message));
}

}  // namespace

Result<access::HouseholdAccess> household_access(store::Database& database, const Request& request,
                                                 const HouseholdId& household,
                                                 access::Resource resource,
                                                 access::Operation operation,
                                                 std::string_view action) {
  Result<access::HouseholdAccess> access =
      access::cached_household_access(database, *request.actor, household);
  if (!access.ok() || access::permits(*access, resource, operation)) return access;
  return refuse(database, request, household, action,
                "you have no access to household " + household.str() + " for this");
}

std::optional<access::HouseholdAccess> remembered_household_access(store::Database& database,
                                                                   const Request& request,
                                                                   const HouseholdId& household,
                                                                   access::Resource resource,
                                                                   access::Operation operation) {
  std::optional<access::HouseholdAccess> access =
      access::remembered_household_access(database, *request.actor, household);
  if (!access || !access::permits(*access, resource, operation)) return std::nullopt;
  return access;
}

Result<access::HouseholdAccess> household_history_access(store::Database& database,
                                                         const Request& request,
                                                         const HouseholdId& household,
                                                         access::Resource resource,
                                                         std::string_view action) {
  Result<access::HouseholdAccess> access =
      access::cached_household_access(database, *request.actor, household);
  if (!access.ok() || access::permits_history(*access, resource)) return access;
  return refuse(database, request, household, action,
                "the history of household " + household.str() + "'s records is for its team");
}

}  // namespace dichtbij::api
