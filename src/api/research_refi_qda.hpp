// /api/v1/research/projects/:projectId/…: the REFI-QDA exchange with QDA
// programs (ATLAS.ti, NVivo, MAXQDA, QualCoder, Taguette; docs/research.md):
// the codebook as a .qdc, out and in; the project as a .qdpx; the codings as
// CSV; and a summary of what an export holds, leaves out and cannot carry.
// The project's researchers only; every export is in the audit log, every
// imported code in the codebook's change log.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_research_refi_qda_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
