#include "api/routes.hpp"

#include <memory>

#include "api/access_log.hpp"
#include "api/accounts.hpp"
#include "api/agreements.hpp"
#include "api/assessments.hpp"
#include "api/break_glass.hpp"
#include "api/consents.hpp"
#include "api/enumerations.hpp"
#include "api/facilities.hpp"
#include "api/framework_matrices.hpp"
#include "api/health.hpp"
#include "api/help_requests.hpp"
#include "api/household_analyses.hpp"
#include "api/households.hpp"
#include "api/matches.hpp"
#include "api/member_checks.hpp"
#include "api/network.hpp"
#include "api/openapi.hpp"
#include "api/organisations.hpp"
#include "api/persons.hpp"
#include "api/practice_analyses.hpp"
#include "api/practice_reports.hpp"
#include "api/practices.hpp"
#include "api/research_analyses.hpp"
#include "api/research_coding.hpp"
#include "api/research_exports.hpp"
#include "api/research_projects.hpp"
#include "api/research_refi_qda.hpp"
#include "api/resource_support.hpp"
#include "api/second_factor.hpp"
#include "api/session.hpp"
#include "api/subject_rights.hpp"
#include "api/support_acts.hpp"
#include "api/ties.hpp"

namespace dichtbij::api {

namespace {

Route openapi_route(std::shared_ptr<const std::string> document) {
  Route route;
  route.method = Method::get;
  route.path = std::string(kApiBasePath) + "/openapi.json";
  route.handler = [document = std::move(document)](const Request&) {
    Response response;
    response.body = *document;
    response.headers.emplace_back("Content-Type", "application/json");
    return response;
  };
  route.needs_session = false;
  route.openapi_operation = R"({
    "operationId": "getOpenApiDocument",
    "summary": "This document",
    "description": "Built from the routes themselves, so it lists exactly what the server serves.",
    "tags": ["Service"],
    "responses": {
      "200": {
        "description": "The OpenAPI 3.1 description of this API.",
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {"application/json": {"schema": {"type": "object"}}}
      }
    }
  })";
  return route;
}

}  // namespace

std::vector<Route> make_api_routes(const ApiContext& context) {
  ApiRegistry registry;
  // Shared by the session routes and the check in front of every route,
  // which keep it alive.
  auto sessions = std::make_shared<access::Sessions>(context.database, context.sessions);
  registry.routes.push_back(health_route(context.database));
  add_session_routes(registry, sessions, context.secure_cookies);
  auto second_factors = std::make_shared<access::SecondFactors>(context.database, context.sessions);
  add_second_factor_routes(registry, second_factors);
  add_account_routes(registry, context.database, second_factors);
  add_enumeration_routes(registry);
  add_organisation_routes(registry, context.database);
  add_person_routes(registry, context.database);
  add_practice_routes(registry, context.database);
  add_household_routes(registry, context.database);
  add_tie_routes(registry, context.database);
  add_agreement_routes(registry, context.database);
  add_support_act_routes(registry, context.database);
  add_network_route(registry, context.database);
  add_household_analysis_routes(registry, context.database);
  add_practice_analysis_routes(registry, context.database);
  add_assessment_routes(registry, context.database);
  add_facility_routes(registry, context.database);
  add_access_log_route(registry, context.database);
  add_break_glass_routes(registry, context.database);
  add_consent_routes(registry, context.database);
  add_research_export_routes(registry, context.database);
  add_subject_rights_routes(registry, context.database);
  add_help_request_routes(registry, context.database);
  add_match_routes(registry, context.database);
  add_research_project_routes(registry, context.database);
  add_research_coding_routes(registry, context.database);
  add_research_analysis_routes(registry, context.database);
  add_research_refi_qda_routes(registry, context.database);
  add_member_check_routes(registry, context.database);
  add_framework_matrix_routes(registry, context.database);
  add_practice_report_routes(registry, context.database);

  // The document describes itself too, so it is built once the list is
  // complete; the route shares the finished text (immutable, so threads may
  // read it freely).
  auto document = std::make_shared<std::string>();
  registry.routes.push_back(openapi_route(document));
  require_sessions(registry.routes, sessions, context.database);
  *document = build_openapi_document(registry.routes, registry.schemas, registry.tags).dump();
  return std::move(registry.routes);
}

}  // namespace dichtbij::api
