// The framework matrix (issue 9, docs/research.md), under
// /api/v1/research/projects/:projectId, for the project's researchers:
//   GET/POST …/framework-matrices              list, create (name, themes)
//   GET/PUT  …/framework-matrices/:id          the table; rename, change themes
//   PUT      …/framework-matrices/:id/cells/:practiceId/:codeId
//            write one cell (If-Match: the cell's version, "0" unwritten)
//   GET      …/framework-matrices/:id/csv      the table as CSV
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the registry's routes.
void add_framework_matrix_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
