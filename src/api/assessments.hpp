// /api/v1/households/{householdId}/assessments: ZRM self-reliance profiles,
// only the domains that matter for the request.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_assessment_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
