#include "api/health.hpp"

#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "store/migrations.hpp"

namespace dichtbij::api {

Route health_route(store::Database& database) {
  Route route;
  route.method = Method::get;
  route.path = "/api/v1/health";
  route.handler = [&database](const Request& request) {
    Result<int> version = store::schema_version(database);
    if (!version.ok()) {
      // Whatever broke, the instance cannot serve: say 503 so probes act.
      Error error = std::move(version).error();
      error.code = ErrorCode::unavailable;
      return problem(error, request.request_id);
    }
    return Response::json(
        200, {{"status", "ok"},
              {"database",
               {{"engine", store::engine_name(database.engine())}, {"schemaVersion", *version}}}});
  };
  route.needs_session = false;  // probes do not sign in
  route.openapi_operation = R"({
    "operationId": "getHealth",
    "summary": "Health of the service and its database",
    "description": "200 when a read transaction on the database succeeds, 503 otherwise.",
    "tags": ["Service"],
    "responses": {
      "200": {
        "description": "The service and its database work.",
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}
      },
      "503": {"$ref": "#/components/responses/ServiceUnavailable"}
    }
  })";
  return route;
}

}  // namespace dichtbij::api
