// Signing in and out, and the session every other route needs.
//
//   POST   /api/v1/session   {username, password[, code | recoveryCode]} →
//                            the account, a CSRF token; sets the HttpOnly
//                            session cookie
//   GET    /api/v1/session   who is signed in, and the CSRF token again
//   DELETE /api/v1/session   signs out
//
// require_sessions() wraps every route that needs a session: no valid
// session cookie → 401; a POST, PUT, PATCH or DELETE without the session's
// CSRF token in X-CSRF-Token → 403, and so is a role the route does not
// name, before the route runs, so nothing changes. A session whose role
// requires a second factor the account has not set up reaches only the
// routes under /api/v1/session (signing out, setting one up:
// api/second_factor.hpp); every other route answers 403 with the problem
// code secondFactorSetupRequired.
#pragma once

#include <memory>
#include <vector>

#include "access/sessions.hpp"
#include "api/resource_support.hpp"

namespace dichtbij::api {

inline constexpr std::string_view kSessionCookie = "dichtbij_session";
inline constexpr std::string_view kCsrfCookie = "dichtbij_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

void add_session_routes(ApiRegistry& registry, std::shared_ptr<access::Sessions> sessions,
                        bool secure_cookies);

// Puts the session check in front of every route with needs_session — 401
// without a session, 403 (audited) for a role the route does not name —
// and documents the 401 and 403 answers and the CSRF header in its
// operation; marks the others as needing no session. Throws
// std::logic_error for a route that needs a session but names no roles.
void require_sessions(std::vector<Route>& routes, const std::shared_ptr<access::Sessions>& sessions,
                      store::Database& database);

// The value of a cookie in the request's Cookie headers.
[[nodiscard]] std::optional<std::string> cookie(const Request& request, std::string_view name);

}  // namespace dichtbij::api
