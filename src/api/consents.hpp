// /api/v1/households/{householdId}/consents: a household's consent per
// purpose — sharing between organisations, research use — granted and
// withdrawn with dates, and who recorded each step. Withdrawing is a PUT
// with withdrawnOn; a consent is never deleted.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_consent_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
