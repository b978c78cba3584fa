// /api/v1/research/projects: research projects, their members and their
// field notes, with pseudonymisation of names in a note (issue 9,
// docs/research.md). The codebook, codings and memos are in
// api/research_coding.hpp, the analyses in api/research_analyses.hpp.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_research_project_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
