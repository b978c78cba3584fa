#include "api/network.hpp"

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "api/audited_answer.hpp"
#include "api/field_reader.hpp"
#include "api/household_access.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/rendered_cache.hpp"
#include "api/today.hpp"
#include "core/ecomap.hpp"
#include "store/network_query.hpp"

namespace dichtbij::api {

namespace {

std::string_view node_kind(EcomapNodeKind kind) {
  switch (kind) {
    case EcomapNodeKind::member: return "member";
    case EcomapNodeKind::person: return "person";
    case EcomapNodeKind::organisation: return "organisation";
  }
  return "person";
}

std::string_view edge_kind(EcomapEdgeKind kind) {
  switch (kind) {
    case EcomapEdgeKind::tie: return "tie";
    case EcomapEdgeKind::team: return "team";
    case EcomapEdgeKind::membership: return "membership";
  }
  return "tie";
}

nlohmann::json to_json(const Ecomap& map) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const EcomapNode& node : map.nodes) {
    nlohmann::json json{{"id", node.id},       {"kind", node_kind(node.kind)},
                        {"label", node.label}, {"formal", node.formal},
                        {"ring", node.ring},   {"supportActsLast90Days", node.recent_acts}};
    if (node.role) json["role"] = to_code(*node.role);
    if (node.organisation_kind) json["organisationKind"] = to_code(*node.organisation_kind);
    nodes.push_back(std::move(json));
  }
  nlohmann::json edges = nlohmann::json::array();
  for (const EcomapEdge& edge : map.edges) {
    nlohmann::json json{{"id", edge.id},
                        {"kind", edge_kind(edge.kind)},
                        {"source", edge.source},
                        {"target", edge.target}};
    if (edge.relation_kind) json["relationKind"] = to_code(*edge.relation_kind);
    if (edge.kind == EcomapEdgeKind::tie) {
      json["supportTypes"] = nlohmann::json::array();
      for (SupportType type : edge.support_types) json["supportTypes"].push_back(to_code(type));
    }
    if (edge.direction) json["direction"] = to_code(*edge.direction);
    if (edge.quality) json["quality"] = to_code(*edge.quality);
    if (edge.closeness) json["closeness"] = *edge.closeness;
    edges.push_back(std::move(json));
  }
  return {{"date", format_date(map.on)}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

std::optional<Date> read_day(QueryReader& query) {
  return query.date("date", "The day to show the network of; default today.");
}

// Rendered ecomaps of the last few hundred (household, day) pairs asked for:
// about 20 kB each.
constexpr std::size_t kCachedNetworks = 512;

Response network(store::Database& database, RenderedCache& cache, const Request& request) {
  QueryReader query(request);
  const std::optional<Date> day = read_day(query);
  if (Result<void> checked = query.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  const std::string_view household = request.path_param("householdId");
  if (!is_uuid(household)) {
    return problem(
        make_error(ErrorCode::not_found, "there is no household " + std::string(household)),
        request.request_id);
  }
  const Date on = day.value_or(today());
  std::optional<access::HouseholdAccess> access;
  if (request.may_block) {
    Result<access::HouseholdAccess> decided =
        household_access(database, request, HouseholdId(std::string(household)),
                         access::Resource::network, access::Operation::read, "household.network");
    if (!decided.ok()) return problem(decided.error(), request.request_id);
    access = *decided;
  } else {
    access = remembered_household_access(database, request, HouseholdId(std::string(household)),
                                         access::Resource::network, access::Operation::read);
    if (!access) return Response::on_worker();
  }
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = "household.network";
  event.household_id = std::string(household);
  event.break_glass = access->break_glass();
  event.client_address = request.client_address;
  const std::string key = std::string(household) + ' ' + format_date(on);
  const std::uint64_t generation = database.data_generation();
  Response response;
  response.headers.emplace_back("Content-Type", "application/json");
  if (std::shared_ptr<const std::string> body = cache.find(key, generation)) {
    // Known to exist: a cached answer was built for it.
    response.shared_body = std::move(body);
    return once_audited(database, std::move(event), std::move(response));
  }
  if (!request.may_block) return Response::on_worker();
  Result<EcomapInput> input = database.in_transaction<EcomapInput>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return store::NetworkQuery(transaction).read(HouseholdId(std::string(household)), on);
      });
  if (!input.ok()) return problem(input.error(), request.request_id);
  response.body = to_json(build_ecomap(*input, on)).dump();
  cache.store(key, generation, response.body);
  return once_audited(database, std::move(event), std::move(response));
}

nlohmann::json schema() {
  const nlohmann::json string{{"type", "string"}};
  const nlohmann::json node{
      {"type", "object"},
      {"required", {"id", "kind", "label", "formal", "ring", "supportActsLast90Days"}},
      {"properties",
       {{"id", string},
        {"kind", {{"type", "string"}, {"enum", {"member", "person", "organisation"}}}},
        {"label", string},
        {"role", enum_schema(enumeration_info<PersonRole>())},
        {"organisationKind", enum_schema(enumeration_info<OrganisationKind>())},
        {"formal", {{"type", "boolean"}}},
        {"ring",
         {{"type", "integer"},
          {"format", "int32"},
          {"minimum", 0},
          {"maximum", 3},
          {"description", "0 the household itself; 1 closest to 3 farthest."}}},
        {"supportActsLast90Days",
         {{"type", "integer"},
          {"format", "int32"},
          {"description",
           "Support acts this person gave the household in the 90 days up to the date."}}}}}};
  const nlohmann::json edge{
      {"type", "object"},
      {"required", {"id", "kind", "source", "target"}},
      {"properties",
       {{"id", string},
        {"kind", {{"type", "string"}, {"enum", {"tie", "team", "membership"}}}},
        {"source", string},
        {"target", string},
        {"relationKind", enum_schema(enumeration_info<RelationKind>())},
        {"supportTypes",
         {{"type", "array"}, {"items", enum_schema(enumeration_info<SupportType>())}}},
        {"direction", enum_schema(enumeration_info<HelpDirection>())},
        {"quality", enum_schema(enumeration_info<TieQuality>())},
        {"closeness",
         {{"type", "integer"}, {"format", "int32"}, {"minimum", 1}, {"maximum", 3}}}}}};
  return {{"type", "object"},
          {"description", "A household's ecomap on one day."},
          {"required", {"date", "nodes", "edges"}},
          {"properties",
           {{"date", {{"type", "string"}, {"format", "date"}}},
            {"nodes", {{"type", "array"}, {"items", node}}},
            {"edges", {{"type", "array"}, {"items", edge}}}}}};
}

}  // namespace

void add_network_route(ApiRegistry& registry, store::Database& database) {
  QueryReader query = QueryReader::describer();
  (void)read_day(query);
  nlohmann::json parameters = query.parameters();
  const nlohmann::json household_parameter =
      uuid_path_parameter("householdId", "The household's id.");
  parameters.insert(parameters.begin(), household_parameter);
  registry.routes.push_back(
      {Method::get, "/api/v1/households/:householdId/network",
       [&database, cache = std::make_shared<RenderedCache>(kCachedNetworks)](
           const Request& request) { return network(database, *cache, request); },
       nlohmann::json{
           {"operationId", "getHouseholdNetwork"},
           {"summary", "The household's ecomap on a day"},
           {"description",
            "Members in ring 0; network persons in the ring of their closest tie; the team's "
            "professionals; the organisations they belong to. Ties, team and memberships as "
            "edges. Only what held on the date."},
           {"tags", {"Households"}},
           {"parameters", parameters},
           {"responses",
            {{"200",
              {{"description", "The network."},
               {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
               {"content",
                {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Network"}}}}}}}}},
             {"400", {{"$ref", "#/components/responses/BadRequest"}}},
             {"404", {{"$ref", "#/components/responses/NotFound"}}},
             {"503", {{"$ref", "#/components/responses/ServiceUnavailable"}}}}}}
           .dump(),
       true, access::allowed_roles(access::Resource::network, access::Operation::read),
       /*answers_from_memory=*/true});
  registry.schemas["Network"] = schema();
}

}  // namespace dichtbij::api
