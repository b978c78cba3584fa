// The framework matrix (issue 9, docs/research.md), under
// /api/v1/research/projects/:projectId, for the project's researchers:
//   GET/POST …/framework-matrices              list, create (name, themes,
//                                              caseKind practice or household)
//   GET/PUT  …/framework-matrices/:id          the table; rename, change themes
//   PUT      …/framework-matrices/:id/cells/:caseKey/:codeId
//            write one cell (If-Match: the cell's version, "0" unwritten);
//            caseKey is a practice's id, or a household's pseudonym
//   GET      …/framework-matrices/:id/csv      the table as CSV
// A household matrix names each household only by its research pseudonym,
// never by its id, and shows only households whose research consent is in
// force today (access/consent.hpp).
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the registry's routes.
void add_framework_matrix_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
