// /api/v1/households/{householdId}/agreements: the support plan — who does
// what, and why — with every earlier version kept (…/{id}/history).
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_agreement_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
