// /api/v1/support-acts: who gave what support to whom, and who set it in
// motion.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_support_act_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
