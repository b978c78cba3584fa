// Break-the-glass (access/break_glass.hpp):
//
//   POST /api/v1/households/{householdId}/break-glass  {reason} → opens the
//        household for an hour; 409 when the caller already sees it
//   GET  /api/v1/break-glass   the openings a coordinator reviews (their
//        practice's), or a professional's own
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_break_glass_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
