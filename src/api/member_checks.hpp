// Member checking (issue 9, docs/research.md).
//
// A project's researchers, under /api/v1/research/projects/:projectId:
//   GET  …/findings        the findings with each one's tally of answers
//   POST …/findings        publish a finding to the stakeholders of a practice
//   GET  …/findings/:id    every version, its fragments and every answer
//   PUT  …/findings/:id    revise it (If-Match): a new version, earlier kept
// A stakeholder (a project member of any account role):
//   GET  /api/v1/member-checks                   the findings published to them
//   POST /api/v1/member-checks/:findingId/answers agree / partly / disagree
#pragma once

#include "api/resource_support.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// REQUIRES: database outlives the registry's routes.
void add_member_check_routes(ApiRegistry& registry, store::Database& database);

}  // namespace dichtbij::api
