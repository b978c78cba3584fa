// /api/v1/research/projects/:projectId/{codes,codebook-changes,codings,memos}:
// a project's codebook with its change log, the codings of its field notes
// and memos (issue 9, docs/research.md). The project's researchers only.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_research_coding_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
