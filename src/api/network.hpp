// GET /api/v1/households/{householdId}/network?date=YYYY-MM-DD: the ecomap
// as it stood on that day (default today) — nodes with role, formal or
// informal, ring and recent support acts; edges with relation, support types,
// direction and quality. The web app draws exactly this. Rendered answers are
// kept (api/rendered_cache.hpp) until any data changes.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the route.
void add_network_route(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
