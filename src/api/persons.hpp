// /api/v1/persons: everyone in a network, with their role history and
// memberships of organisations.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_person_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
