// A person's rights over their data, for administrators (GDPR arts. 15 and
// 17):
//
//   GET  /api/v1/persons/{id}/subject-access   everything about the person
//                                              as one JSON document
//   POST /api/v1/persons/{id}/erasure {reason}  anonymise the person in place
//
// The rules — what the document holds, what erasure clears, who may — are in
// access/subject_rights.hpp; both calls are audit events, refusals included.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_subject_rights_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
