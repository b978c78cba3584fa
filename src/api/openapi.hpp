// The OpenAPI 3.1 document served at GET /api/v1/openapi.json.
//
// Assembled from the routes themselves: each Route carries its operation
// object, so a route cannot exist without documentation and the document
// cannot name a route that does not exist.
#pragma once

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "api/http.hpp"

namespace dichtbij::api {

// The API's version, as in the API-Version header and info.version.
inline constexpr std::string_view kApiVersion = "1.0.0";
// Every API route starts with this; it is the document's server URL.
inline constexpr std::string_view kApiBasePath = "/api/v1";

// "/api/v1/households/:id" → "/households/{id}".
[[nodiscard]] std::string openapi_path(std::string_view route_path);

// The whole document for these routes, with the resources' component
// schemas and tags added to the shared ones. Throws
// nlohmann::json::parse_error when a route's openapi_operation is not JSON (a
// programmer error, caught by the tests).
[[nodiscard]] nlohmann::json build_openapi_document(std::span<const Route> routes,
                                                    const nlohmann::json& schemas,
                                                    const nlohmann::json& tags);

}  // namespace dichtbij::api
