// /api/v1/analyses/…: aggregates over practices (store/analysis_query.hpp,
// definitions in docs/measures.md).
//
//   GET …/practices/{practiceId}/mobilisation?from=&to=   who mobilised support
//   GET …/practices/{practiceId}/collaboration?from=&to=  formal and informal together
//   GET …/practices?from=&to=                             all practices side by side
//   GET …/organisation-network?from=&to=&format=json|graphml
//
// A coordinator sees their own practice (the comparison and the organisation
// network hold only its households); a researcher every practice, counting
// only households whose research consent is in force. Only counts leave.
// Every answer is in the audit log before it leaves.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_practice_analysis_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
