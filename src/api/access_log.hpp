// Who looked at a household's file:
//
//   GET /api/v1/households/{householdId}/access-log   the audit events about
//       the household, newest first: when, who (username and role), what,
//       allowed or refused, break-the-glass and its reason
//
// For the household's team and for its members themselves; reading it is
// an event too.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_access_log_route(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
