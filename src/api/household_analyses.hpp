// /api/v1/analyses/households…: the network measures and carrying capacity
// of households (analysis/, formulas in docs/measures.md).
//
//   GET …/households/{householdId}?date=&compareWith=   one household, and
//       the change since compareWith
//   GET …/households/{householdId}/graphml?date=        its network as GraphML
//   GET …/households?date=&practiceId=&format=json|csv   every household in scope
//
// One household: whoever may see its ecomap (access/policy.hpp), and a
// researcher when its research consent is in force. The list: a coordinator
// gets their practice's households, a researcher the consenting ones. A
// researcher sees pseudonyms (research/pseudonyms.hpp) instead of ids, and
// never a name. Every answer is in the audit log before it leaves.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_household_analysis_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
