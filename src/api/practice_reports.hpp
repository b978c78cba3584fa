// /api/v1/research/projects/:projectId/practices/:practiceId/report (JSON)
// and …/report.pdf: the report of one practice of a research project
// (issue 9, research/practice_report.hpp). The project's researchers only;
// every report is an audit event. Counts only households whose research
// consent is in force today, and only notes not linked to a household
// without it.
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the routes.
void add_practice_report_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
