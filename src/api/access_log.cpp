#include "api/access_log.hpp"

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "api/household_access.hpp"
#include "api/openapi.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "store/audit_repository.hpp"

namespace dichtbij::api {

namespace {

constexpr OperationNames kNames{"Households", "AccessEvent", "AccessEvent", "access to the file"};

nlohmann::json to_json(const store::AuditRow& row) {
  nlohmann::json json{{"seq", row.seq},
                      {"at", row.at},
                      {"action", row.action},
                      {"outcome", row.outcome},
                      {"breakGlass", row.break_glass}};
  if (row.username) json["username"] = *row.username;
  if (row.role) json["role"] = *row.role;
  if (row.record_id) json["recordId"] = *row.record_id;
  if (row.reason) json["reason"] = *row.reason;
  return json;
}

Response access_log(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  const std::string_view id = request.path_param("householdId");
  if (!is_uuid(id)) {
    return problem(make_error(ErrorCode::not_found, "there is no household " + std::string(id)),
                   request.request_id);
  }
  const HouseholdId household{std::string(id)};
  Result<access::HouseholdAccess> access =
      household_access(database, request, household, access::Resource::access_log,
                       access::Operation::list, "accessLog.list");
  if (!access.ok()) return problem(access.error(), request.request_id);
  struct Found {
    std::vector<store::AuditRow> rows;
    long long total = 0;
  };
  Result<Found> found = database.in_transaction<Found>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Found> {
        store::AuditRepository events(transaction);
        Result<long long> total = events.count_for_household(household.str());
        if (!total.ok()) return std::move(total).error();
        Result<std::vector<store::AuditRow>> rows =
            events.for_household(household.str(), page.page_size, static_cast<int>(page.offset()));
        if (!rows.ok()) return std::move(rows).error();
        return Found{std::move(*rows), *total};
      });
  if (!found.ok()) return problem(found.error(), request.request_id);
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = "accessLog.list";
  event.household_id = household.str();
  event.break_glass = access->break_glass();
  event.client_address = request.client_address;
  if (Result<void> audited = access::record(database, event); !audited.ok()) {
    return problem(audited.error(), request.request_id);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const store::AuditRow& row : found->rows) items.push_back(to_json(row));
  return page_response(request, page, std::move(items), found->total);
}

nlohmann::json event_schema() {
  const nlohmann::json text{{"type", "string"}};
  return {{"type", "object"},
          {"description", "One access to a household's file, as the audit log holds it."},
          {"required", {"seq", "at", "action", "outcome", "breakGlass"}},
          {"properties",
           {{"seq", {{"type", "integer"}, {"format", "int64"}}},
            {"at", {{"type", "string"}, {"format", "date-time"}}},
            {"username", text},
            {"role", text},
            {"action", {{"type", "string"}, {"description", "e.g. household.read, tie.create"}}},
            {"recordId", text},
            {"outcome", {{"type", "string"}, {"enum", {"allowed", "denied"}}}},
            {"breakGlass", {{"type", "boolean"}}},
            {"reason", text}}}};
}

}  // namespace

void add_access_log_route(ApiRegistry& registry, store::Database& database) {
  QueryReader query = QueryReader::describer();
  (void)query.paging();
  nlohmann::json operation =
      nlohmann::json::parse(list_operation(kNames, "getHouseholdAccessLog", query.parameters()));
  operation["summary"] = "Who accessed the household's file";
  operation["description"] =
      "Every read and change of the household's records, newest first: when, by whom, what, "
      "and whether it was allowed. For the household's team and its members.";
  operation["parameters"].insert(operation["parameters"].begin(),
                                 uuid_path_parameter("householdId", "The household's id."));
  operation["responses"]["404"] = {{"$ref", "#/components/responses/NotFound"}};
  registry.routes.push_back(
      {Method::get, std::string(kApiBasePath) + "/households/:householdId/access-log",
       [&database](const Request& request) { return access_log(database, request); },
       operation.dump(), true,
       access::allowed_roles(access::Resource::access_log, access::Operation::list)});
  registry.schemas[std::string(kNames.schema)] = event_schema();
}

}  // namespace dichtbij::api
