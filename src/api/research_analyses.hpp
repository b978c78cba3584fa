// /api/v1/research/projects/:projectId/analyses/…: the code × practice and
// code × perspective matrices, code co-occurrence, the fragments behind any
// cell, and agreement between coders (issue 9, docs/research.md). Notes
// linked to a household whose research consent is not in force are left
// out of all of them. The project's researchers only.
#pragma once

#include "api/resource_support.hpp"
#include "core/research.hpp"
#include "core/research_corpus.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// The project's notes and codings, with the notes linked to a household
// whose research consent is not in force today marked excluded; read in
// transaction, one snapshot with the consents. Coding ids only when
// with_coding_ids (drill-downs). unavailable when the database fails.
[[nodiscard]] Result<CodingCorpus> consented_corpus(store::Transaction& transaction,
                                                    const ResearchProjectId& project,
                                                    bool with_coding_ids);

// REQUIRES: database outlives the routes.
void add_research_analysis_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
