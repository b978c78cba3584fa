#include "api/session.hpp"

#include <sodium.h>
#include <strings.h>

#include <stdexcept>

#include "access/audit.hpp"
#include "access/second_factors.hpp"
#include "api/openapi.hpp"
#include "api/problem.hpp"
#include "api/second_factor.hpp"

namespace dichtbij::api {

namespace {

bool changes_state(Method method) {
  return method != Method::get;
}

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(' ');
  return std::string(text.substr(begin, end - begin + 1));
}

// Secure when configured so or when a TLS proxy says the request was https.
bool secure(const Request& request, bool secure_cookies) {
  const std::optional<std::string_view> protocol = request.header("X-Forwarded-Proto");
  return secure_cookies || (protocol && *protocol == "https");
}

std::string set_cookie(std::string_view name, std::string_view value, bool http_only, bool secure,
                       std::optional<int> max_age) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=/; SameSite=Strict";
  if (http_only) cookie += "; HttpOnly";
  if (secure) cookie += "; Secure";
  if (max_age) cookie += "; Max-Age=" + std::to_string(*max_age);
  return cookie;
}

nlohmann::json account_json(const Actor& actor) {
  nlohmann::json json{
      {"id", actor.account.str()}, {"username", actor.username}, {"role", to_code(actor.role)}};
  if (actor.person) json["personId"] = actor.person->str();
  if (actor.practice) json["practiceId"] = actor.practice->str();
  return json;
}

nlohmann::json session_json(const Actor& actor, const std::string& csrf_token,
                            const std::string& expires_at, bool second_factor_setup_required) {
  return {{"account", account_json(actor)},
          {"csrfToken", csrf_token},
          {"expiresAt", expires_at},
          {"secondFactorSetupRequired", second_factor_setup_required}};
}

struct Credentials {
  std::string username;
  std::string password;
  access::SecondFactorProof proof;
};

void read_credentials(FieldReader& reader, Credentials& credentials) {
  reader.text("username", credentials.username, AccountFields::kMaxUsernameLength,
              "The account's username.");
  reader.text("password", credentials.password, 256, "The account's password.");
  read_second_factor_proof(reader, credentials.proof,
                           "For an account with a second factor: the 6-digit code its "
                           "authenticator app shows now.",
                           "For an account with a second factor whose authenticator is at hand "
                           "no more: one of its recovery codes, each good once.");
}

Response sign_in(access::Sessions& sessions, bool secure_cookies, const Request& request) {
  Result<Credentials> credentials = read_input(request, &read_credentials);
  if (!credentials.ok()) return problem(credentials.error(), request.request_id);
  Result<access::SignedIn> signed_in = sessions.sign_in(
      credentials->username, credentials->password, request.client_address, credentials->proof);
  if (!signed_in.ok()) return problem(signed_in.error(), request.request_id);
  const bool is_secure = secure(request, secure_cookies);
  const int max_age = static_cast<int>(sessions.settings().absolute_timeout.count());
  Response response = Response::json(
      201, session_json(signed_in->actor, signed_in->csrf_token, signed_in->expires_at,
                        signed_in->second_factor_setup_required));
  response.with_header("Set-Cookie",
                       set_cookie(kSessionCookie, signed_in->token, true, is_secure, max_age));
  response.with_header("Set-Cookie",
                       set_cookie(kCsrfCookie, signed_in->csrf_token, false, is_secure, max_age));
  return response;
}

Response current(access::Sessions& sessions, const Request& request) {
  const std::optional<std::string> token = cookie(request, kSessionCookie);
  if (!token) {
    return problem(make_error(ErrorCode::unauthenticated, "sign in first: there is no session"),
                   request.request_id);
  }
  Result<access::CurrentSession> session = sessions.resolve(*token);
  if (!session.ok()) return problem(session.error(), request.request_id);
  return Response::json(200, session_json(session->actor, session->csrf_token, session->expires_at,
                                          session->second_factor_setup_required));
}

Response sign_out(access::Sessions& sessions, bool secure_cookies, const Request& request) {
  // require_sessions() checked the session and the CSRF token.
  if (Result<void> ended = sessions.sign_out(*cookie(request, kSessionCookie)); !ended.ok()) {
    return problem(ended.error(), request.request_id);
  }
  const bool is_secure = secure(request, secure_cookies);
  Response response = no_content();
  response.with_header("Set-Cookie", set_cookie(kSessionCookie, "", true, is_secure, 0));
  response.with_header("Set-Cookie", set_cookie(kCsrfCookie, "", false, is_secure, 0));
  return response;
}

bool same_token(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// A caller whose role may not call the route: 403, and an audit event.
Response refuse_role(store::Database& database, const Request& request,
                     std::string_view operation_id) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = "route." + std::string(operation_id);
  event.allowed = false;
  for (const auto& [name, value] : request.path_params) {
    if (name == "householdId") event.household_id = value;
  }
  event.client_address = request.client_address;
  if (Result<void> audited = access::record(database, event); !audited.ok()) {
    return problem(audited.error(), request.request_id);
  }
  return problem(make_error(ErrorCode::forbidden,
                            "an account with role " + std::string(to_code(request.actor->role)) +
                                " may not do this (" + std::string(operation_id) + ")"),
                 request.request_id);
}

// The routes a session reaches before a required second factor is set up:
// the session itself and the second factor's enrolment.
bool reachable_before_second_factor(const std::string& path) {
  const std::string session_path = std::string(kApiBasePath) + "/session";
  return path == session_path || path.rfind(session_path + "/", 0) == 0;
}

// The session and role check in front of one route.
Handler guarded(Handler handler, std::shared_ptr<access::Sessions> sessions,
                store::Database& database, RoleSet roles, std::string operation_id,
                bool reachable_before_setup) {
  return [handler = std::move(handler), sessions, &database, roles,
          operation_id = std::move(operation_id),
          reachable_before_setup](const Request& request) -> Response {
    const std::optional<std::string> token = cookie(request, kSessionCookie);
    if (!token) {
      return problem(make_error(ErrorCode::unauthenticated, "sign in first: there is no session"),
                     request.request_id);
    }
    Result<access::CurrentSession> session = make_error(ErrorCode::unauthenticated, "");
    if (request.may_block) {
      session = sessions->resolve(*token);
    } else if (auto remembered = sessions->resolve_from_memory(*token)) {
      session = std::move(*remembered);
    } else {
      return Response::on_worker();
    }
    if (!session.ok()) return problem(session.error(), request.request_id);
    if (changes_state(request.method)) {
      const std::optional<std::string_view> sent = request.header(kCsrfHeader);
      if (!sent || !same_token(*sent, session->csrf_token)) {
        return problem(
            make_error(ErrorCode::forbidden, "a change needs the session's CSRF token in the " +
                                                 std::string(kCsrfHeader) +
                                                 " header (GET /api/v1/session gives it)"),
            request.request_id);
      }
    }
    if (session->second_factor_setup_required && !reachable_before_setup) {
      Error error = make_error(ErrorCode::forbidden,
                               "set up a second factor first: your role requires one (POST "
                               "/api/v1/session/second-factor, then its confirmation)");
      error.problem_code = access::kSecondFactorSetupRequired;
      return problem(error, request.request_id);
    }
    Request signed_in = request;
    signed_in.actor = session->actor;
    if (!roles.contains(session->actor.role)) {
      if (!request.may_block) return Response::on_worker();  // the refusal is audited
      return refuse_role(database, signed_in, operation_id);
    }
    return handler(signed_in);
  };
}

}  // namespace

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header.size() != 6 || strncasecmp(header.c_str(), "cookie", 6) != 0) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      const std::string pair = trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      const auto equals = pair.find('=');
      if (equals != std::string::npos && pair.compare(0, equals, name) == 0 &&
          equals == name.size()) {
        return pair.substr(equals + 1);
      }
    }
  }
  return std::nullopt;
}

void add_session_routes(ApiRegistry& registry, std::shared_ptr<access::Sessions> sessions,
                        bool secure_cookies) {
  const std::string path = std::string(kApiBasePath) + "/session";
  const nlohmann::json session_content{
      {"application/json", {{"schema", {{"$ref", "#/components/schemas/Session"}}}}}};
  const nlohmann::json version_header{
      {"API-Version", {{"$ref", "#/components/headers/API-Version"}}}};

  Route create{
      Method::post,
      path,
      [sessions, secure_cookies](const Request& request) {
        return sign_in(*sessions, secure_cookies, request);
      },
      nlohmann::json{{"operationId", "signIn"},
                     {"summary", "Sign in"},
                     {"description",
                      "Checks the username and password and starts a session: an HttpOnly cookie, "
                      "and a CSRF token to send in X-CSRF-Token with every change. A wrong "
                      "password and an unknown username get the same answer. Repeated failures "
                      "lock the account and the client address for a while (429). An account "
                      "with a second factor also needs `code` or `recoveryCode`: with the right "
                      "password and neither, the 401 problem has code secondFactorRequired; "
                      "with a wrong or reused one, secondFactorWrong (a failure that counts "
                      "towards the lock). When the account's role requires a second factor "
                      "it has not set up, the session has secondFactorSetupRequired and "
                      "reaches only the session routes until it is set up."},
                     {"tags", {"Session"}},
                     {"requestBody",
                      {{"required", true},
                       {"content",
                        {{"application/json",
                          {{"schema", {{"$ref", "#/components/schemas/Credentials"}}}}}}}}},
                     {"responses",
                      {{"201",
                        {{"description", "Signed in."},
                         {"headers", version_header},
                         {"content", session_content}}},
                       {"400", {{"$ref", "#/components/responses/BadRequest"}}},
                       {"401", {{"$ref", "#/components/responses/Unauthorized"}}},
                       {"403", {{"$ref", "#/components/responses/Forbidden"}}},
                       {"429", {{"$ref", "#/components/responses/TooManyRequests"}}},
                       {"503", {{"$ref", "#/components/responses/ServiceUnavailable"}}}}}}
          .dump(),
      false,
      RoleSet{}};
  Route read{Method::get,
             path,
             [sessions](const Request& request) { return current(*sessions, request); },
             nlohmann::json{{"operationId", "getSession"},
                            {"summary", "Who is signed in"},
                            {"description", "The signed-in account and the session's CSRF token."},
                            {"tags", {"Session"}},
                            {"responses",
                             {{"200",
                               {{"description", "The session."},
                                {"headers", version_header},
                                {"content", session_content}}},
                              {"401", {{"$ref", "#/components/responses/Unauthorized"}}},
                              {"503", {{"$ref", "#/components/responses/ServiceUnavailable"}}}}}}
                 .dump(),
             false,
             RoleSet{}};
  Route remove{
      Method::delete_,
      path,
      [sessions, secure_cookies](const Request& request) {
        return sign_out(*sessions, secure_cookies, request);
      },
      nlohmann::json{{"operationId", "signOut"},
                     {"summary", "Sign out"},
                     {"description", "Ends the session at once."},
                     {"tags", {"Session"}},
                     {"responses",
                      {{"204", {{"description", "Signed out."}, {"headers", version_header}}},
                       {"400", {{"$ref", "#/components/responses/BadRequest"}}},
                       {"503", {{"$ref", "#/components/responses/ServiceUnavailable"}}}}}}
          .dump(),
      true,
      RoleSet::every()};
  registry.routes.push_back(std::move(create));
  registry.routes.push_back(std::move(read));
  registry.routes.push_back(std::move(remove));

  FieldReader describer = FieldReader::describer();
  Credentials ignored;
  read_credentials(describer, ignored);
  registry.schemas["Credentials"] = describer.schema();
  registry.schemas["Session"] = {
      {"type", "object"},
      {"required", {"account", "csrfToken", "expiresAt", "secondFactorSetupRequired"}},
      {"properties",
       {{"account",
         {{"type", "object"},
          {"required", {"id", "username", "role"}},
          {"properties",
           {{"id", {{"type", "string"}, {"format", "uuid"}}},
            {"username", {{"type", "string"}}},
            {"role", {{"type", "string"}}},
            {"personId", {{"type", "string"}, {"format", "uuid"}}},
            {"practiceId", {{"type", "string"}, {"format", "uuid"}}}}}}},
        {"csrfToken", {{"type", "string"}}},
        {"expiresAt", {{"type", "string"}, {"format", "date-time"}}},
        {"secondFactorSetupRequired",
         {{"type", "boolean"},
          {"description",
           "The role requires a second factor this account has not "
           "set up: until it does, every route but the session "
           "routes answers 403 secondFactorSetupRequired."}}}}}};
  registry.tags.push_back({{"name", "Session"}, {"description", "Signing in and out."}});
}

void require_sessions(std::vector<Route>& routes, const std::shared_ptr<access::Sessions>& sessions,
                      store::Database& database) {
  for (Route& route : routes) {
    nlohmann::json operation = nlohmann::json::parse(route.openapi_operation);
    if (!route.needs_session) {
      operation["security"] = nlohmann::json::array();
      route.openapi_operation = operation.dump();
      continue;
    }
    const std::string operation_id = operation.value("operationId", route.path);
    if (route.roles.empty()) {
      throw std::logic_error("route " + operation_id + " needs a session but names no roles");
    }
    const bool reachable = reachable_before_second_factor(route.path);
    route.handler =
        guarded(std::move(route.handler), sessions, database, route.roles, operation_id, reachable);
    operation["responses"]["401"] = {{"$ref", "#/components/responses/Unauthorized"}};
    operation["responses"]["403"] = {{"$ref", "#/components/responses/Forbidden"}};
    if (changes_state(route.method)) {
      operation["parameters"].push_back({{"$ref", "#/components/parameters/CsrfToken"}});
    }
    route.openapi_operation = operation.dump();
  }
}

}  // namespace dichtbij::api
