// /api/v1/households/{householdId}/ties: who is connected to whom around a
// household.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_tie_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
