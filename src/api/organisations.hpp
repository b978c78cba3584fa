// /api/v1/organisations: the organisations that professionals and volunteers
// belong to.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_organisation_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
