// GET /api/v1/health: is the service able to do its work?
//
// 200 with the database engine and schema version when a read transaction on
// the database succeeds; 503 problem+json when it does not, so a load
// balancer or an operator's probe takes the instance out of rotation.
#pragma once

#include "api/http.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the route.
[[nodiscard]] Route health_route(store::Database& database);

}  // namespace dichtbij::api
