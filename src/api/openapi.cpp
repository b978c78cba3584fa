#include "api/openapi.hpp"

#include <regex>

namespace dichtbij::api {

namespace {

// Shared parts that operations refer to with $ref.
nlohmann::json components() {
  const nlohmann::json problem_schema = {
      {"type", "object"},
      {"description", "An error, as RFC 9457 problem details."},
      {"required", {"type", "title", "status", "detail"}},
      {"properties",
       {{"type", {{"type", "string"}, {"description", "A URI naming the kind of problem."}}},
        {"title", {{"type", "string"}, {"description", "The HTTP reason phrase."}}},
        {"code",
         {{"type", "string"},
          {"description",
           "Present where a client must tell this problem apart from others with the same "
           "status: secondFactorRequired (401: the password was right, send the code too), "
           "secondFactorWrong (401: the code was wrong or used before), "
           "secondFactorSetupRequired (403: set up a second factor first)."},
          {"enum", {"secondFactorRequired", "secondFactorWrong", "secondFactorSetupRequired"}}}},
        {"status", {{"type", "integer"}, {"format", "int32"}}},
        {"detail", {{"type", "string"}, {"description", "What went wrong, for people."}}},
        {"requestId",
         {{"type", "string"}, {"description", "Quote this id; it is also in the server log."}}},
        {"invalidParams",
         {{"type", "array"},
          {"description", "Every invalid input field and why."},
          {"items",
           {{"type", "object"},
            {"required", {"name", "reason"}},
            {"properties",
             {{"name", {{"type", "string"}}}, {"reason", {{"type", "string"}}}}}}}}}}}};
  auto problem_response = [](std::string description) {
    return nlohmann::json{
        {"description", std::move(description)},
        {"content",
         {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
  };
  return {
      {"schemas",
       {{"Problem", problem_schema},
        {"Health",
         {{"type", "object"},
          {"required", {"status", "database"}},
          {"properties",
           {{"status", {{"type", "string"}, {"enum", {"ok"}}}},
            {"database",
             {{"type", "object"},
              {"required", {"engine", "schemaVersion"}},
              {"properties",
               {{"engine", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}},
                {"schemaVersion", {{"type", "integer"}, {"format", "int32"}}}}}}}}}}}}},
      {"headers",
       {{"API-Version",
         {{"description", "The full version of the API that answered."},
          {"schema", {{"type", "string"}, {"example", kApiVersion}}}}},
        {"ETag",
         {{"description", "The version of the item; send it back in If-Match to change it."},
          {"schema", {{"type", "string"}, {"example", "\"3\""}}}}},
        {"Location",
         {{"description", "Where the created item lives."},
          {"schema", {{"type", "string"}, {"format", "uri-reference"}}}}},
        {"Link",
         {{"description", "RFC 8288 links to the first, previous, next and last page."},
          {"schema", {{"type", "string"}}}}}}},
      {"parameters",
       {{"IdempotencyKey",
         {{"name", "Idempotency-Key"},
          {"in", "header"},
          {"required", false},
          {"description",
           "A key of the client's choosing (e.g. a UUID). A retry with the same key and body "
           "gets the first answer back and creates nothing new."},
          {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 255}}}}},
        {"IfMatch",
         {{"name", "If-Match"},
          {"in", "header"},
          {"required", false},
          {"description", "The ETag the change is based on; a stale one gets 412."},
          {"schema", {{"type", "string"}}}}},
        {"IfMatchRequired",
         {{"name", "If-Match"},
          {"in", "header"},
          {"required", true},
          {"description", "The ETag the change is based on; required; a stale one gets 412."},
          {"schema", {{"type", "string"}}}}},
        {"CsrfToken",
         {{"name", "X-CSRF-Token"},
          {"in", "header"},
          {"required", true},
          {"description",
           "The session's CSRF token (from signing in, or GET /session); without it a change "
           "gets 403 and nothing changes."},
          {"schema", {{"type", "string"}}}}}}},
      {"securitySchemes",
       {{"sessionCookie",
         {{"type", "apiKey"},
          {"in", "cookie"},
          {"name", "dichtbij_session"},
          {"description", "The HttpOnly session cookie that signing in sets."}}}}},
      {"responses",
       {{"BadRequest", problem_response("The request is invalid; invalidParams names each field.")},
        {"NotFound", problem_response("No such resource.")},
        {"Conflict", problem_response("The change conflicts with stored data.")},
        {"PreconditionFailed",
         problem_response("Someone else changed it since the ETag in If-Match was read.")},
        {"PreconditionRequired", problem_response("This change needs an If-Match header.")},
        {"Unauthorized", problem_response("Not signed in, or the session has ended.")},
        {"Forbidden",
         problem_response("Not allowed: the account may not do this, a change came without "
                          "the session's CSRF token, or (code secondFactorSetupRequired) the "
                          "account's role requires a second factor it has not set up yet.")},
        {"TooManyRequests",
         problem_response("Too many failed sign-ins: the account or the address is locked for a "
                          "while.")},
        {"ServiceUnavailable", problem_response("The database cannot be reached right now.")}}}};
}

}  // namespace

std::string openapi_path(std::string_view route_path) {
  std::string path(route_path);
  if (path.rfind(kApiBasePath, 0) == 0) path.erase(0, kApiBasePath.size());
  static const std::regex kParameter(R"(:([A-Za-z][A-Za-z0-9]*))");
  return std::regex_replace(path, kParameter, "{$1}");
}

nlohmann::json build_openapi_document(std::span<const Route> routes, const nlohmann::json& schemas,
                                      const nlohmann::json& tags) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : routes) {
    paths[openapi_path(route.path)][std::string(openapi_method_name(route.method))] =
        nlohmann::json::parse(route.openapi_operation);
  }
  nlohmann::json shared = components();
  shared["schemas"].update(schemas);
  nlohmann::json all_tags = {
      {{"name", "Service"}, {"description", "Health and the API description."}}};
  for (const nlohmann::json& tag : tags) all_tags.push_back(tag);
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "Dichtbij API"},
        {"version", kApiVersion},
        {"description",
         "Neighbourhood social support: who supports whom, with what, and who arranged it."},
        {"contact",
         {{"name", "Dichtbij maintainers"},
          {"email", "maintainers@dichtbij.invalid"},
          {"url", "https://dichtbij.invalid"}}},
        {"license", {{"name", "EUPL-1.2"}, {"identifier", "EUPL-1.2"}}}}},
      {"servers", {{{"url", kApiBasePath}, {"description", "This server"}}}},
      {"tags", all_tags},
      {"paths", std::move(paths)},
      {"components", std::move(shared)},
      {"security", {{{"sessionCookie", nlohmann::json::array()}}}},
  };
}

}  // namespace dichtbij::api
