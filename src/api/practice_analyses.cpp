#include "api/practice_analyses.hpp"

#include <array>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "analysis/graphml.hpp"
#include "analysis/organisation_network.hpp"
#include "api/audited_answer.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/today.hpp"
#include "store/analysis_query.hpp"
#include "store/practice_repository.hpp"

namespace dichtbij::api {

namespace {

constexpr std::string_view kTag = "Analyses";
constexpr std::size_t kMobilisers = EnumTraits<MobilisedBy>::kValues.size();

struct Period {
  std::optional<Date> from, to;
};

Period read_period(QueryReader& query) {
  Period period;
  period.from = query.date("from", "First day (inclusive); default a year before to.");
  period.to = query.date("to", "Last day (inclusive); default today.");
  return period;
}

access::AuditEvent audit_event(const Request& request, std::string action) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = std::move(action);
  event.client_address = request.client_address;
  return event;
}

Response refuse(store::Database& database, const Request& request, std::string action) {
  access::AuditEvent refused = audit_event(request, std::move(action));
  refused.allowed = false;
  refused.reason = "not the caller's practice";
  (void)access::record(database, refused);
  return problem(make_error(ErrorCode::forbidden, "a coordinator analyses their own practice only"),
                 request.request_id);
}

// The scope of a request: its period, and whose households. A coordinator
// is held to their practice, a researcher to consenting households. practice
// is the route's practice, when it has one.
Result<store::AnalysisScope> scope_of(store::Database& database, const Request& request,
                                      const std::optional<PracticeId>& practice,
                                      QueryReader& query) {
  const Period period = read_period(query);
  if (Result<void> checked = query.finish(); !checked.ok()) return std::move(checked).error();
  store::AnalysisScope scope;
  scope.to = period.to.value_or(today());
  scope.from = period.from.value_or(Date{std::chrono::sys_days(scope.to) - std::chrono::days(364)});
  if (scope.to < scope.from) {
    Error error = make_error(ErrorCode::invalid_input, "the period ends before it starts");
    error.invalid_params.push_back({"from", "must be on or before to"});
    return error;
  }
  if (practice) {
    Result<Practice> found = database.in_transaction<Practice>(
        store::TransactionKind::read, [&](store::Transaction& transaction) {
          return store::PracticeRepository(transaction).get(*practice);
        });
    if (!found.ok()) return std::move(found).error();
  }
  const Actor& actor = *request.actor;
  if (actor.role == AccountRole::researcher) {
    scope.practice = practice;
    scope.research_consent_on = today();
  } else {
    if (!actor.practice || (practice && *practice != *actor.practice)) {
      return make_error(ErrorCode::forbidden, "a coordinator analyses their own practice only");
    }
    scope.practice = actor.practice;
  }
  return scope;
}

std::optional<PracticeId> route_practice(const Request& request, Error& error) {
  const std::string_view id = request.path_param("practiceId");
  if (!is_uuid(id)) {
    error = make_error(ErrorCode::not_found, "there is no practice " + std::string(id));
    return std::nullopt;
  }
  return PracticeId(std::string(id));
}

using Tally = std::array<long long, kMobilisers>;

nlohmann::json tally_json(const Tally& tally) {
  long long total = 0;
  for (long long count : tally) total += count;
  nlohmann::json json{{"acts", total}};
  for (std::size_t m = 0; m != kMobilisers; ++m) {
    const std::string code(EnumTraits<MobilisedBy>::kValues[m].code);
    json[code] = tally[m];
    json[code + "Share"] = total == 0 ? nlohmann::json(nullptr)
                                      : nlohmann::json(static_cast<double>(tally[m]) / total);
  }
  return json;
}

template <typename Key>
nlohmann::json tallies_json(const std::map<Key, Tally>& tallies, std::string_view key_name,
                            auto key_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [key, tally] : tallies) {
    nlohmann::json item = tally_json(tally);
    item[std::string(key_name)] = key_json(key);
    items.push_back(std::move(item));
  }
  return items;
}

// Mobilisation counts tallied by practice: its total, by month, support type,
// target group, and in full detail.
nlohmann::json mobilisation_json(const std::vector<store::MobilisationCount>& counts) {
  Tally total{};
  std::map<std::string, Tally> by_month;
  std::map<SupportType, Tally> by_type;
  std::map<TargetGroup, Tally> by_group;
  std::map<std::tuple<TargetGroup, SupportType, std::string>, Tally> cells;
  for (const store::MobilisationCount& count : counts) {
    const auto m = static_cast<std::size_t>(count.mobilised_by);
    total[m] += count.acts;
    by_month[count.month][m] += count.acts;
    by_type[count.support_type][m] += count.acts;
    by_group[count.target_group][m] += count.acts;
    cells[{count.target_group, count.support_type, count.month}][m] += count.acts;
  }
  nlohmann::json detail = nlohmann::json::array();
  for (const auto& [key, tally] : cells) {
    nlohmann::json item = tally_json(tally);
    item["targetGroup"] = to_code(std::get<0>(key));
    item["supportType"] = to_code(std::get<1>(key));
    item["month"] = std::get<2>(key);
    detail.push_back(std::move(item));
  }
  return {{"total", tally_json(total)},
          {"byMonth", tallies_json(by_month, "month", [](const std::string& m) { return m; })},
          {"bySupportType",
           tallies_json(by_type, "supportType", [](SupportType t) { return to_code(t); })},
          {"byTargetGroup",
           tallies_json(by_group, "targetGroup", [](TargetGroup g) { return to_code(g); })},
          {"cells", std::move(detail)}};
}

nlohmann::json share(long long part, long long whole) {
  return whole == 0 ? nlohmann::json(nullptr)
                    : nlohmann::json(static_cast<double>(part) / static_cast<double>(whole));
}

nlohmann::json collaboration_json(const store::CollaborationCount& count) {
  return {{"acts", count.acts},
          {"jointActs", count.joint_acts},
          {"jointShare", share(count.joint_acts, count.acts)},
          {"activations", count.activations},
          {"activationShare", share(count.activations, count.acts)},
          {"handovers", count.handovers}};
}

nlohmann::json collaboration_json(const std::vector<store::CollaborationCount>& counts) {
  store::CollaborationCount total;
  nlohmann::json months = nlohmann::json::array();
  for (const store::CollaborationCount& count : counts) {
    total.acts += count.acts;
    total.joint_acts += count.joint_acts;
    total.activations += count.activations;
    total.handovers += count.handovers;
    nlohmann::json month = collaboration_json(count);
    month["month"] = count.month;
    months.push_back(std::move(month));
  }
  return {{"total", collaboration_json(total)}, {"byMonth", std::move(months)}};
}

nlohmann::json period_json(const store::AnalysisScope& scope) {
  return {{"from", format_date(scope.from)},
          {"to", format_date(scope.to)},
          {"consentingHouseholdsOnly", scope.research_consent_on.has_value()}};
}

template <typename T>
Result<T> read(store::Database& database,
               Result<T> (*query)(store::Transaction&, const store::AnalysisScope&),
               const store::AnalysisScope& scope) {
  return database.in_transaction<T>(
      store::TransactionKind::read,
      [&](store::Transaction& transaction) { return query(transaction, scope); });
}

Response answer(store::Database& database, const Request& request, std::string action,
                std::string reason, Response response) {
  access::AuditEvent event = audit_event(request, std::move(action));
  event.reason = std::move(reason);
  return once_audited(database, std::move(event), std::move(response));
}

Response mobilisation(store::Database& database, const Request& request) {
  Error error;
  const std::optional<PracticeId> practice = route_practice(request, error);
  if (!practice) return problem(error, request.request_id);
  QueryReader query(request);
  Result<store::AnalysisScope> scope = scope_of(database, request, practice, query);
  if (!scope.ok()) {
    if (scope.error().code == ErrorCode::forbidden) {
      return refuse(database, request, "analysis.mobilisation");
    }
    return problem(scope.error(), request.request_id);
  }
  Result<std::vector<store::MobilisationCount>> counts =
      read(database, store::mobilisation_counts, *scope);
  if (!counts.ok()) return problem(counts.error(), request.request_id);
  nlohmann::json body = mobilisation_json(*counts);
  body["practiceId"] = practice->str();
  body["period"] = period_json(*scope);
  return answer(database, request, "analysis.mobilisation", "practice=" + practice->str(),
                Response::json(200, body));
}

Response collaboration(store::Database& database, const Request& request) {
  Error error;
  const std::optional<PracticeId> practice = route_practice(request, error);
  if (!practice) return problem(error, request.request_id);
  QueryReader query(request);
  Result<store::AnalysisScope> scope = scope_of(database, request, practice, query);
  if (!scope.ok()) {
    if (scope.error().code == ErrorCode::forbidden) {
      return refuse(database, request, "analysis.collaboration");
    }
    return problem(scope.error(), request.request_id);
  }
  Result<std::vector<store::CollaborationCount>> counts =
      read(database, store::collaboration_counts, *scope);
  if (!counts.ok()) return problem(counts.error(), request.request_id);
  nlohmann::json body = collaboration_json(*counts);
  body["practiceId"] = practice->str();
  body["period"] = period_json(*scope);
  return answer(database, request, "analysis.collaboration", "practice=" + practice->str(),
                Response::json(200, body));
}

Response practices(store::Database& database, const Request& request) {
  QueryReader query(request);
  Result<store::AnalysisScope> scope = scope_of(database, request, std::nullopt, query);
  if (!scope.ok()) {
    if (scope.error().code == ErrorCode::forbidden) {
      return refuse(database, request, "analysis.practices");
    }
    return problem(scope.error(), request.request_id);
  }
  Result<std::vector<store::MobilisationCount>> mobilised =
      read(database, store::mobilisation_counts, *scope);
  if (!mobilised.ok()) return problem(mobilised.error(), request.request_id);
  Result<std::vector<store::CollaborationCount>> collaborated =
      read(database, store::collaboration_counts, *scope);
  if (!collaborated.ok()) return problem(collaborated.error(), request.request_id);

  std::map<PracticeId, std::vector<store::MobilisationCount>> mobilisation_of;
  for (const store::MobilisationCount& count : *mobilised) {
    mobilisation_of[count.practice].push_back(count);
  }
  std::map<PracticeId, std::vector<store::CollaborationCount>> collaboration_of;
  for (const store::CollaborationCount& count : *collaborated) {
    collaboration_of[count.practice].push_back(count);
  }
  std::set<PracticeId> ids;
  for (const auto& [id, counts] : mobilisation_of) ids.insert(id);
  for (const auto& [id, counts] : collaboration_of) ids.insert(id);
  nlohmann::json items = nlohmann::json::array();
  for (const PracticeId& id : ids) {
    Result<Practice> found = database.in_transaction<Practice>(
        store::TransactionKind::read, [&](store::Transaction& transaction) {
          return store::PracticeRepository(transaction).get(id);
        });
    const nlohmann::json mobilisation = mobilisation_json(mobilisation_of[id]);
    items.push_back(
        {{"practiceId", id.str()},
         {"name", found.ok() ? nlohmann::json(found->fields.name) : nlohmann::json(nullptr)},
         {"mobilisation", {{"total", mobilisation["total"]}, {"byMonth", mobilisation["byMonth"]}}},
         {"collaboration", collaboration_json(collaboration_of[id])}});
  }
  return answer(
      database, request, "analysis.practices", "practices=" + std::to_string(items.size()),
      Response::json(200, {{"period", period_json(*scope)}, {"items", std::move(items)}}));
}

Response organisation_network(store::Database& database, const Request& request) {
  QueryReader query(request);
  const std::optional<std::string> format = query.text("format", 7, "json (default) or graphml.");
  Result<store::AnalysisScope> scope = scope_of(database, request, std::nullopt, query);
  if (!scope.ok()) {
    if (scope.error().code == ErrorCode::forbidden) {
      return refuse(database, request, "analysis.organisationNetwork");
    }
    return problem(scope.error(), request.request_id);
  }
  if (format && *format != "json" && *format != "graphml") {
    Error error = make_error(ErrorCode::invalid_input, "the format is not one we write");
    error.invalid_params.push_back({"format", "must be json or graphml"});
    return problem(error, request.request_id);
  }
  Result<store::OrganisationRows> rows = read(database, store::organisation_rows, *scope);
  if (!rows.ok()) return problem(rows.error(), request.request_id);
  Result<analysis::OrganisationNetwork> network = analysis::organisation_network(std::move(*rows));
  if (!network.ok()) return problem(network.error(), request.request_id);
  const std::string reason = "organisations=" + std::to_string(network->nodes);
  if (format == "graphml") {
    std::vector<analysis::OrganisationGraphNode> nodes;
    std::map<OrganisationId, int> index;
    for (const analysis::OrganisationMeasures& organisation : network->organisations) {
      index.emplace(organisation.organisation.id, static_cast<int>(nodes.size()));
      nodes.push_back({organisation.organisation.id.str(), organisation.organisation.name,
                       std::string(to_code(organisation.organisation.kind)),
                       organisation.organisation.formal});
    }
    std::vector<analysis::OrganisationGraphEdge> edges;
    for (const store::OrganisationLinkRow& link : network->links) {
      edges.push_back({index[link.first], index[link.second], link.households, link.joint_acts});
    }
    std::ostringstream out;
    analysis::write_organisation_graphml(out, nodes, edges);
    Response response;
    response.body = std::move(out).str();
    response.headers.emplace_back("Content-Type", "application/graphml+xml; charset=utf-8");
    return answer(database, request, "analysis.organisationNetwork", reason, std::move(response));
  }
  nlohmann::json organisations = nlohmann::json::array();
  for (const analysis::OrganisationMeasures& organisation : network->organisations) {
    organisations.push_back({{"id", organisation.organisation.id.str()},
                             {"name", organisation.organisation.name},
                             {"kind", to_code(organisation.organisation.kind)},
                             {"formal", organisation.organisation.formal},
                             {"households", organisation.organisation.households},
                             {"acts", organisation.organisation.acts},
                             {"partners", organisation.partners},
                             {"sharedHouseholds", organisation.shared_households}});
  }
  nlohmann::json links = nlohmann::json::array();
  for (const store::OrganisationLinkRow& link : network->links) {
    links.push_back({{"first", link.first.str()},
                     {"second", link.second.str()},
                     {"households", link.households},
                     {"jointActs", link.joint_acts}});
  }
  nlohmann::json body{
      {"period", period_json(*scope)},
      {"nodes", network->nodes},
      {"edges", network->edges},
      {"density", network->density ? nlohmann::json(*network->density) : nlohmann::json(nullptr)},
      {"components", network->components},
      {"isolates", network->isolates},
      {"organisations", std::move(organisations)},
      {"links", std::move(links)}};
  return answer(database, request, "analysis.organisationNetwork", reason,
                Response::json(200, body));
}

nlohmann::json responses(std::string_view description, nlohmann::json content) {
  return {{"200",
           {{"description", description},
            {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
            {"content", std::move(content)}}},
          {"400", {{"$ref", "#/components/responses/BadRequest"}}},
          {"403", {{"$ref", "#/components/responses/Forbidden"}}},
          {"404", {{"$ref", "#/components/responses/NotFound"}}},
          {"503", {{"$ref", "#/components/responses/ServiceUnavailable"}}}};
}

nlohmann::json object_content() {
  return {{"application/json", {{"schema", {{"type", "object"}}}}}};
}

nlohmann::json period_parameters(bool with_practice, bool with_format) {
  QueryReader query = QueryReader::describer();
  (void)read_period(query);
  if (with_format) (void)query.text("format", 7, "json (default) or graphml.");
  nlohmann::json parameters = query.parameters();
  if (with_practice) {
    parameters.insert(parameters.begin(), uuid_path_parameter("practiceId", "The practice's id."));
  }
  return parameters;
}

}  // namespace

void add_practice_analysis_routes(ApiRegistry& registry, store::Database& database) {
  const RoleSet roles =
      access::allowed_roles(access::Resource::practice_analysis, access::Operation::read);
  registry.routes.push_back(
      {Method::get, "/api/v1/analyses/practices/:practiceId/mobilisation",
       [&database](const Request& request) { return mobilisation(database, request); },
       nlohmann::json{
           {"operationId", "getPracticeMobilisation"},
           {"summary", "Who mobilised the support of a practice's households"},
           {"description",
            "Support acts in the period by who set them in motion (the household itself, its "
            "network, a professional): counts and shares in total, per month, support type, "
            "target group, and per target group × support type × month."},
           {"tags", {kTag}},
           {"parameters", period_parameters(true, false)},
           {"responses", responses("The counts and shares.", object_content())}}
           .dump(),
       true, roles});
  registry.routes.push_back(
      {Method::get, "/api/v1/analyses/practices/:practiceId/collaboration",
       [&database](const Request& request) { return collaboration(database, request); },
       nlohmann::json{
           {"operationId", "getPracticeCollaboration"},
           {"summary", "How formal and informal helpers of a practice work together"},
           {"description",
            "Per month and in total: acts in which professionals and others took part "
            "together, acts a professional mobilised and someone informal gave, and plan "
            "agreements handed from a professional to an informal helper."},
           {"tags", {kTag}},
           {"parameters", period_parameters(true, false)},
           {"responses", responses("The counts and shares.", object_content())}}
           .dump(),
       true, roles});
  registry.routes.push_back(
      {Method::get, "/api/v1/analyses/practices",
       [&database](const Request& request) { return practices(database, request); },
       nlohmann::json{
           {"operationId", "comparePractices"},
           {"summary", "Mobilisation and collaboration of the practices side by side"},
           {"description",
            "One item per practice with acts in the period: mobilisation in total and per "
            "month, collaboration in total and per month. A coordinator sees their own "
            "practice; a researcher every practice, counting consenting households only."},
           {"tags", {kTag}},
           {"parameters", period_parameters(false, false)},
           {"responses", responses("The practices.", object_content())}}
           .dump(),
       true, roles});
  registry.routes.push_back(
      {Method::get, "/api/v1/analyses/organisation-network",
       [&database](const Request& request) { return organisation_network(database, request); },
       nlohmann::json{
           {"operationId", "getOrganisationNetwork"},
           {"summary", "Organisations working together around the same households"},
           {"description",
            "Organisations whose people gave or took part in support acts in the period, "
            "tied by shared households and joint acts, with the network's density, "
            "components and isolates and each organisation's partners; as JSON or GraphML."},
           {"tags", {kTag}},
           {"parameters", period_parameters(false, true)},
           {"responses",
            responses("The network.",
                      {{"application/json", {{"schema", {{"type", "object"}}}}},
                       {"application/graphml+xml", {{"schema", {{"type", "string"}}}}}})}}
           .dump(),
       true, roles});
}

}  // namespace dichtbij::api
