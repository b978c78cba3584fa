#include "api/break_glass.hpp"

#include "access/break_glass.hpp"
#include "access/policy.hpp"
#include "api/idempotency.hpp"
#include "api/openapi.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"

namespace dichtbij::api {

namespace {

constexpr OperationNames kNames{"Break-the-glass", "BreakGlassOpening", "BreakGlassInput",
                                "break-the-glass opening"};

struct Reason {
  std::string text;
};

void read_reason(FieldReader& reader, Reason& reason) {
  reader.text("reason", reason.text, access::kMaxBreakGlassReason,
              "Why the household must be opened now; the coordinator reads it.");
}

nlohmann::json to_json(const store::BreakGlassOpening& opening) {
  return {{"id", opening.id},
          {"householdId", opening.household.str()},
          {"username", opening.username},
          {"reason", opening.reason},
          {"openedAt", opening.opened_at},
          {"expiresAt", opening.expires_at}};
}

Response open(store::Database& database, const Request& request) {
  const std::string_view household = request.path_param("householdId");
  if (!is_uuid(household)) {
    return problem(
        make_error(ErrorCode::not_found, "there is no household " + std::string(household)),
        request.request_id);
  }
  Result<Reason> reason = read_input(request, &read_reason);
  if (!reason.ok()) return problem(reason.error(), request.request_id);
  if (reason->text.find_first_not_of(" \t\n") == std::string::npos) {
    Error error = make_error(ErrorCode::invalid_input, "a reason is needed");
    error.invalid_params.push_back({"reason", "say why the household must be opened"});
    return problem(error, request.request_id);
  }
  return create_once(database, request, [&](store::Transaction& transaction) -> Result<Response> {
    Result<store::BreakGlassOpening> opened =
        access::break_glass(transaction, *request.actor, HouseholdId(std::string(household)),
                            reason->text, request.client_address);
    if (!opened.ok()) return std::move(opened).error();
    return Response::json(201, to_json(*opened));
  });
}

Response list(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  Result<Page<store::BreakGlassOpening>> found =
      access::break_glass_openings(database, *request.actor, Paging{page.offset(), page.page_size});
  if (!found.ok()) return problem(found.error(), request.request_id);
  nlohmann::json items = nlohmann::json::array();
  for (const store::BreakGlassOpening& opening : found->items) items.push_back(to_json(opening));
  return page_response(request, page, std::move(items), found->total);
}

nlohmann::json opening_schema() {
  const nlohmann::json text{{"type", "string"}};
  return {{"type", "object"},
          {"description", "A household opened outside the caller's reach, for an hour."},
          {"required", {"id", "householdId", "username", "reason", "openedAt", "expiresAt"}},
          {"properties",
           {{"id", {{"type", "string"}, {"format", "uuid"}}},
            {"householdId", {{"type", "string"}, {"format", "uuid"}}},
            {"username", text},
            {"reason", text},
            {"openedAt", {{"type", "string"}, {"format", "date-time"}}},
            {"expiresAt", {{"type", "string"}, {"format", "date-time"}}}}}};
}

}  // namespace

void add_break_glass_routes(ApiRegistry& registry, store::Database& database) {
  nlohmann::json create = nlohmann::json::parse(create_operation(kNames, "breakTheGlass"));
  create["summary"] = "Open a household outside your team, for an hour";
  create["description"] =
      "For emergencies. The reason is kept with the opening and in the audit log; every access "
      "in the hour is flagged there, and the practice's coordinator sees the opening. 409 when "
      "you can already see the household.";
  create["parameters"].insert(create["parameters"].begin(),
                              uuid_path_parameter("householdId", "The household's id."));
  create["responses"]["404"] = {{"$ref", "#/components/responses/NotFound"}};
  create["responses"]["409"] = {{"$ref", "#/components/responses/Conflict"}};
  create["responses"].erase("422");
  registry.routes.push_back(
      {Method::post, std::string(kApiBasePath) + "/households/:householdId/break-glass",
       [&database](const Request& request) { return open(database, request); }, create.dump(), true,
       access::allowed_roles(access::Resource::break_glass, access::Operation::create)});
  QueryReader query = QueryReader::describer();
  (void)query.paging();
  registry.routes.push_back(
      {Method::get, std::string(kApiBasePath) + "/break-glass",
       [&database](const Request& request) { return list(database, request); },
       list_operation(kNames, "listBreakGlassOpenings", query.parameters()), true,
       access::allowed_roles(access::Resource::break_glass, access::Operation::list)});
  FieldReader describer = FieldReader::describer();
  Reason ignored;
  read_reason(describer, ignored);
  registry.schemas[std::string(kNames.input_schema)] = describer.schema();
  registry.schemas[std::string(kNames.schema)] = opening_schema();
  registry.tags.push_back(
      {{"name", kNames.tag},
       {"description", "Opening a household outside your reach in an emergency, and review."}});
}

}  // namespace dichtbij::api
