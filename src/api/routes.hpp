// Every route of the JSON API, each documented.
#pragma once

#include <vector>

#include "access/sessions.hpp"
#include "api/http.hpp"
#include "store/database.hpp"

namespace dichtbij::api {

// What the API's handlers share. Borrowed: everything must outlive the
// routes.
struct ApiContext {
  store::Database& database;
  access::SessionSettings sessions{};
  // Session cookies carry Secure even without X-Forwarded-Proto: https.
  bool secure_cookies = false;
};

// The API's routes, GET /api/v1/openapi.json among them.
[[nodiscard]] std::vector<Route> make_api_routes(const ApiContext& context);

}  // namespace dichtbij::api
