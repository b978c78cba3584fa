// /api/v1/practices: the programmes (praktijken) everything is compared
// across.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_practice_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
