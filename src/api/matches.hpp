// Matching routes (issue 8, docs/matching.md):
//   POST /api/v1/practices/{practiceId}/matching-runs  a coordinator matches
//        the practice's open requests; the answer holds every proposal with
//        its explanation, and why each unserved request stayed unserved;
//   GET  /api/v1/matches, /api/v1/matches/{id}  a coordinator sees their
//        practice's matches, a volunteer their own once approved — with the
//        request's essentials only, and the household once they accepted;
//   POST /api/v1/matches/{id}/transitions  a step in the life cycle.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_match_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
