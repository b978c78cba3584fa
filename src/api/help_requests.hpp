// /api/v1/help-requests and /api/v1/volunteer-profiles: what households ask
// for and what volunteers offer (issue 8). Matching them is api/matches.hpp.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_help_request_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
