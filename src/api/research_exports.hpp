// /api/v1/research/exports/…: pseudonymised exports for researchers, of the
// households whose research consent is in force today (access/consent.hpp).
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_research_export_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
