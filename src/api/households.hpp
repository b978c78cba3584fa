// /api/v1/households: households, single persons and groups, with their
// practices, members and team over time.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_household_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
