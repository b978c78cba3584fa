// /api/v1/facilities and /api/v1/referrals: the social map of a
// neighbourhood, and households referred to it.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_facility_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
