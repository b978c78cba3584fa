#include "api/household_analyses.hpp"

#include <algorithm>
#include <sstream>

#include "access/audit.hpp"
#include "access/consent.hpp"
#include "access/policy.hpp"
#include "analysis/graphml.hpp"
#include "analysis/household_analysis.hpp"
#include "analysis/measure_table.hpp"
#include "analysis/zrm_profile.hpp"
#include "api/audited_answer.hpp"
#include "api/field_reader.hpp"
#include "api/household_access.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/today.hpp"
#include "research/pseudonyms.hpp"
#include "store/assessment_repository.hpp"
#include "store/household_acts_query.hpp"

namespace dichtbij::api {

namespace {

constexpr std::string_view kTag = "Analyses";

bool is_researcher(const Request& request) {
  return request.actor && request.actor->role == AccountRole::researcher;
}

std::optional<Date> read_day(QueryReader& query) {
  return query.date("date", "The day to measure the network on; default today.");
}

access::AuditEvent audit_event(const Request& request, std::string action) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = std::move(action);
  event.client_address = request.client_address;
  return event;
}

// Who may see one household's measures, and how it is named to them: its
// id, or (researchers) its pseudonym. not_found for a researcher when the
// household's research consent is not in force: whether it exists is none of
// their business.
struct Viewer {
  bool pseudonymised = false;
  bool break_glass = false;
  bool sees_assessments = true;
  std::optional<research::Pseudonyms> pseudonyms;
};

Result<Viewer> viewer_of(store::Database& database, const Request& request,
                         const HouseholdId& household, std::string_view action) {
  Viewer viewer;
  if (!is_researcher(request)) {
    Result<access::HouseholdAccess> access =
        household_access(database, request, household, access::Resource::household_analysis,
                         access::Operation::read, action);
    if (!access.ok()) return std::move(access).error();
    viewer.break_glass = access->break_glass();
    viewer.sees_assessments =
        access::permits(*access, access::Resource::assessment, access::Operation::read);
    return viewer;
  }
  Result<std::vector<HouseholdId>> consenting = database.in_transaction<std::vector<HouseholdId>>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return access::research_households(transaction, today());
      });
  if (!consenting.ok()) return std::move(consenting).error();
  if (!std::binary_search(consenting->begin(), consenting->end(), household)) {
    return make_error(ErrorCode::not_found, "there is no household " + household.str());
  }
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(database);
  if (!pseudonyms.ok()) return std::move(pseudonyms).error();
  viewer.pseudonymised = true;
  viewer.pseudonyms = std::move(*pseudonyms);
  return viewer;
}

std::string label_of(const Viewer& viewer, const HouseholdId& household) {
  return viewer.pseudonymised ? viewer.pseudonyms->of(household) : household.str();
}

Result<analysis::HouseholdAnalysis> analyse(store::Database& database, const HouseholdId& household,
                                            const Date& on) {
  return database.in_transaction<analysis::HouseholdAnalysis>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return analysis::analyse_household(transaction, household, on);
      });
}

// Every assessment of the household up to the later of the days, in pages.
Result<std::vector<Assessment>> assessments_until(store::Database& database,
                                                  const HouseholdId& household, const Date& until) {
  return database.in_transaction<std::vector<Assessment>>(
      store::TransactionKind::read,
      [&](store::Transaction& transaction) -> Result<std::vector<Assessment>> {
        store::AssessmentRepository repository(transaction, household);
        AssessmentFilter filter;
        filter.to = until;
        std::vector<Assessment> all;
        Paging paging{0, 500};
        while (true) {
          Result<Page<Assessment>> page = repository.list(filter, paging);
          if (!page.ok()) return std::move(page).error();
          const std::size_t read = page->items.size();
          std::ranges::move(page->items, std::back_inserter(all));
          paging.offset += static_cast<long long>(read);
          if (read == 0 || paging.offset >= page->total) return all;
        }
      });
}

nlohmann::json to_json(const analysis::ZrmDomainScore& score) {
  return {{"score", score.score}, {"assessedOn", format_date(score.assessed_on)}};
}

std::string person_label(const Viewer& viewer, const PersonId& person) {
  return viewer.pseudonymised ? viewer.pseudonyms->of(person) : person.str();
}

nlohmann::json to_json(const Viewer& viewer,
                       const std::vector<analysis::ZrmPersonProfile>& profiles) {
  nlohmann::json persons = nlohmann::json::array();
  for (const analysis::ZrmPersonProfile& profile : profiles) {
    nlohmann::json domains = nlohmann::json::array();
    for (const analysis::ZrmDomainScore& score : profile.domains) {
      nlohmann::json domain = to_json(score);
      domain["domain"] = to_code(score.domain);
      domains.push_back(std::move(domain));
    }
    persons.push_back({{"person", person_label(viewer, profile.person)}, {"domains", domains}});
  }
  return persons;
}

nlohmann::json to_json(const Viewer& viewer,
                       const std::vector<analysis::ZrmPersonChange>& changes) {
  nlohmann::json persons = nlohmann::json::array();
  for (const analysis::ZrmPersonChange& person : changes) {
    nlohmann::json domains = nlohmann::json::array();
    for (const analysis::ZrmDomainChange& change : person.domains) {
      const std::optional<int> difference = change.change();
      domains.push_back({{"domain", to_code(change.domain)},
                         {"then", change.then ? to_json(*change.then) : nlohmann::json()},
                         {"now", change.now ? to_json(*change.now) : nlohmann::json()},
                         {"change", difference ? nlohmann::json(*difference) : nlohmann::json()}});
    }
    persons.push_back({{"person", person_label(viewer, person.person)}, {"domains", domains}});
  }
  return persons;
}

Response household(store::Database& database, const Request& request) {
  QueryReader query(request);
  const std::optional<Date> day = read_day(query);
  const std::optional<Date> earlier =
      query.date("compareWith",
                 "An earlier (or later) day: the answer adds the measures then and the change.");
  if (Result<void> checked = query.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  const std::string_view id = request.path_param("householdId");
  if (!is_uuid(id)) {
    return problem(make_error(ErrorCode::not_found, "there is no household " + std::string(id)),
                   request.request_id);
  }
  const HouseholdId household{std::string(id)};
  Result<Viewer> viewer = viewer_of(database, request, household, "analysis.household");
  if (!viewer.ok()) return problem(viewer.error(), request.request_id);
  const Date on = day.value_or(today());
  Result<analysis::HouseholdAnalysis> now = analyse(database, household, on);
  if (!now.ok()) return problem(now.error(), request.request_id);
  const std::string label = label_of(*viewer, household);
  const analysis::MeasureRow row = analysis::measure_row(*now, label);
  nlohmann::json body{
      {"household", label}, {"date", format_date(on)}, {"measures", analysis::to_json(row)}};
  if (earlier) {
    Result<analysis::HouseholdAnalysis> then = analyse(database, household, *earlier);
    if (!then.ok()) return problem(then.error(), request.request_id);
    const analysis::MeasureRow before = analysis::measure_row(*then, label);
    body["compareWith"] = format_date(*earlier);
    body["measuresThen"] = analysis::to_json(before);
    body["change"] = analysis::to_json(analysis::measure_change(before, row));
  }
  if (viewer->sees_assessments) {
    Result<std::vector<Assessment>> assessments =
        assessments_until(database, household, earlier ? std::max(on, *earlier) : on);
    if (!assessments.ok()) return problem(assessments.error(), request.request_id);
    body["zrm"] = to_json(*viewer, analysis::zrm_profile(*assessments, on));
    if (earlier) {
      body["zrmChange"] = to_json(*viewer, analysis::zrm_change(*assessments, *earlier, on));
    }
  }
  access::AuditEvent event = audit_event(request, "analysis.household");
  event.household_id = household.str();
  event.break_glass = viewer->break_glass;
  return once_audited(database, std::move(event), Response::json(200, body));
}

// Alters named as the viewer may see them.
analysis::HouseholdNetwork as_seen(const Viewer& viewer, analysis::HouseholdNetwork network) {
  if (!viewer.pseudonymised) return network;
  for (analysis::Alter& alter : network.alters) {
    alter.id = viewer.pseudonyms->of(PersonId(alter.id));
  }
  return network;
}

Response household_graphml(store::Database& database, const Request& request) {
  QueryReader query(request);
  const std::optional<Date> day = read_day(query);
  if (Result<void> checked = query.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  const std::string_view id = request.path_param("householdId");
  if (!is_uuid(id)) {
    return problem(make_error(ErrorCode::not_found, "there is no household " + std::string(id)),
                   request.request_id);
  }
  const HouseholdId household{std::string(id)};
  Result<Viewer> viewer = viewer_of(database, request, household, "analysis.householdGraphml");
  if (!viewer.ok()) return problem(viewer.error(), request.request_id);
  const Date on = day.value_or(today());
  Result<analysis::HouseholdAnalysis> measured = analyse(database, household, on);
  if (!measured.ok()) return problem(measured.error(), request.request_id);
  std::ostringstream out;
  analysis::write_graphml_start(out);
  analysis::write_graphml_graph(out, label_of(*viewer, household),
                                as_seen(*viewer, std::move(measured->network)), on);
  analysis::write_graphml_end(out);
  Response response;
  response.body = std::move(out).str();
  response.headers.emplace_back("Content-Type", "application/graphml+xml; charset=utf-8");
  access::AuditEvent event = audit_event(request, "analysis.householdGraphml");
  event.household_id = household.str();
  event.break_glass = viewer->break_glass;
  return once_audited(database, std::move(event), std::move(response));
}

enum class Format { json, csv };

Response households(store::Database& database, const Request& request) {
  QueryReader query(request);
  const std::optional<Date> day = read_day(query);
  const std::optional<PracticeId> practice = query.id<PracticeTag>(
      "practiceId", "Only households of this practice (a coordinator's own: the default).");
  const std::optional<std::string> format_text =
      query.text("format", 4, "json (default) or csv: one row per household.");
  if (Result<void> checked = query.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  Format format = Format::json;
  if (format_text && *format_text != "json") {
    if (*format_text != "csv") {
      Error error = make_error(ErrorCode::invalid_input, "the format is not one we write");
      error.invalid_params.push_back({"format", "must be json or csv"});
      return problem(error, request.request_id);
    }
    format = Format::csv;
  }
  const Actor& actor = *request.actor;
  const bool researcher = is_researcher(request);
  std::optional<PracticeId> scope = practice;
  if (!researcher) {
    if (!actor.practice || (practice && *practice != *actor.practice)) {
      access::AuditEvent refused = audit_event(request, "analysis.households");
      refused.allowed = false;
      refused.reason = "not the caller's practice";
      (void)access::record(database, refused);
      return problem(make_error(ErrorCode::forbidden,
                                "a coordinator analyses the households of their own practice"),
                     request.request_id);
    }
    scope = actor.practice;
  }
  const Date on = day.value_or(today());
  std::optional<research::Pseudonyms> pseudonyms;
  if (researcher) {
    Result<research::Pseudonyms> opened = research::Pseudonyms::open(database);
    if (!opened.ok()) return problem(opened.error(), request.request_id);
    pseudonyms = std::move(*opened);
  }
  std::vector<analysis::MeasureRow> rows;
  Result<void> read = database.in_transaction(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<void> {
        Result<std::vector<HouseholdId>> ids = store::household_ids(transaction, scope);
        if (!ids.ok()) return std::move(ids).error();
        if (researcher) {
          Result<std::vector<HouseholdId>> consenting =
              access::research_households(transaction, today());
          if (!consenting.ok()) return std::move(consenting).error();
          std::erase_if(*ids, [&](const HouseholdId& id) {
            return !std::binary_search(consenting->begin(), consenting->end(), id);
          });
        }
        for (const HouseholdId& id : *ids) {
          Result<analysis::HouseholdAnalysis> measured =
              analysis::analyse_household(transaction, id, on);
          if (!measured.ok()) return std::move(measured).error();
          rows.push_back(
              analysis::measure_row(*measured, pseudonyms ? pseudonyms->of(id) : id.str()));
        }
        return {};
      });
  if (!read.ok()) return problem(read.error(), request.request_id);

  Response response;
  if (format == Format::csv) {
    std::ostringstream out;
    const analysis::MeasureRow header =
        rows.empty() ? analysis::measure_row(analysis::HouseholdAnalysis{}, "") : rows.front();
    analysis::write_csv_header(out, header);
    for (const analysis::MeasureRow& row : rows) analysis::write_csv_row(out, row);
    response.body = std::move(out).str();
    response.headers.emplace_back("Content-Type", "text/csv; charset=utf-8; header=present");
  } else {
    nlohmann::json items = nlohmann::json::array();
    for (const analysis::MeasureRow& row : rows) items.push_back(analysis::to_json(row));
    response = Response::json(200, {{"date", format_date(on)}, {"items", std::move(items)}});
  }
  access::AuditEvent event = audit_event(request, "analysis.households");
  // Counts only, like the research exports: which households is what a
  // pseudonymised answer must not tell.
  event.reason = "households=" + std::to_string(rows.size());
  return once_audited(database, std::move(event), std::move(response));
}

nlohmann::json household_parameter() {
  return uuid_path_parameter("householdId", "The household's id.");
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

}  // namespace

void add_household_analysis_routes(ApiRegistry& registry, store::Database& database) {
  const nlohmann::json measures_schema{
      {"type", "object"},
      {"description",
       "The measures and their parts, one property per value (docs/measures.md); null where "
       "a measure is undefined."},
      {"additionalProperties", true}};
  registry.schemas["HouseholdMeasures"] = measures_schema;
  const nlohmann::json measures_ref{{"$ref", "#/components/schemas/HouseholdMeasures"}};
  const nlohmann::json score_on_day{
      {"type", "object"},
      {"required", {"score", "assessedOn"}},
      {"properties",
       {{"score", {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}}},
        {"assessedOn", {{"type", "string"}, {"format", "date"}}}}}};
  registry.schemas["ZrmScoreOnDay"] = score_on_day;
  const nlohmann::json score_ref{{"$ref", "#/components/schemas/ZrmScoreOnDay"}};
  const nlohmann::json nullable_score{{"oneOf", {score_ref, {{"type", "null"}}}}};
  const auto per_person = [](nlohmann::json domain) {
    return nlohmann::json{{"type", "array"},
                          {"items",
                           {{"type", "object"},
                            {"required", {"person", "domains"}},
                            {"properties",
                             {{"person",
                               {{"type", "string"},
                                {"description", "The person's id; a pseudonym for researchers."}}},
                              {"domains", {{"type", "array"}, {"items", std::move(domain)}}}}}}}};
  };
  registry.schemas["ZrmProfile"] =
      per_person({{"allOf",
                   {score_ref,
                    {{"type", "object"},
                     {"required", {"domain"}},
                     {"properties", {{"domain", enum_schema(enumeration_info<ZrmDomain>())}}}}}}});
  registry.schemas["ZrmChange"] = per_person(
      {{"type", "object"},
       {"required", {"domain", "then", "now", "change"}},
       {"properties",
        {{"domain", enum_schema(enumeration_info<ZrmDomain>())},
         {"then", nullable_score},
         {"now", nullable_score},
         {"change",
          {{"type", {"integer", "null"}},
           {"description", "now - then when both are scored; positive is more self-reliant."}}}}}});
  {
    QueryReader query = QueryReader::describer();
    (void)read_day(query);
    (void)query.date(
        "compareWith",
        "An earlier (or later) day: the answer adds the measures then and the change.");
    nlohmann::json parameters = query.parameters();
    parameters.insert(parameters.begin(), household_parameter());
    registry.routes.push_back(
        {Method::get, "/api/v1/analyses/households/:householdId",
         [&database](const Request& request) { return household(database, request); },
         nlohmann::json{
             {"operationId", "getHouseholdAnalysis"},
             {"summary", "A household's network measures and carrying capacity on a day"},
             {"description",
              "Size, composition, Blau and IQV, density, components, isolates, Burt's "
              "effective size, efficiency and constraint, multiplexity, reciprocity, and per "
              "support type the carrying capacity of the last 90 days, each with its parts; "
              "and, for whoever may read the household's assessments, each assessed member's "
              "ZRM profile: per domain the latest score up to the day and when it was given. "
              "With compareWith, the measures on that day and the change of both. "
              "Researchers: only households with research consent in force, named (and their "
              "members) by pseudonym."},
             {"tags", {kTag}},
             {"parameters", parameters},
             {"responses",
              responses("The measures.",
                        {{"application/json",
                          {{"schema",
                            {{"type", "object"},
                             {"required", {"household", "date", "measures"}},
                             {"properties",
                              {{"household", {{"type", "string"}}},
                               {"date", {{"type", "string"}, {"format", "date"}}},
                               {"measures", measures_ref},
                               {"compareWith", {{"type", "string"}, {"format", "date"}}},
                               {"measuresThen", measures_ref},
                               {"change", measures_ref},
                               {"zrm", {{"$ref", "#/components/schemas/ZrmProfile"}}},
                               {"zrmChange", {{"$ref", "#/components/schemas/ZrmChange"}}}}}}}}}})}}
             .dump(),
         true,
         access::allowed_roles(access::Resource::household_analysis, access::Operation::read)});
  }
  {
    QueryReader query = QueryReader::describer();
    (void)read_day(query);
    nlohmann::json parameters = query.parameters();
    parameters.insert(parameters.begin(), household_parameter());
    registry.routes.push_back(
        {Method::get, "/api/v1/analyses/households/:householdId/graphml",
         [&database](const Request& request) { return household_graphml(database, request); },
         nlohmann::json{
             {"operationId", "getHouseholdAnalysisGraphml"},
             {"summary", "A household's network on a day as GraphML"},
             {"description",
              "For Gephi, igraph, networkx or Network Canvas: the household as node "
              "\"household\", its network persons with their role, formal, kin and support "
              "flags, and the ties. Researchers: pseudonyms instead of ids."},
             {"tags", {kTag}},
             {"parameters", parameters},
             {"responses",
              responses("The GraphML document.",
                        {{"application/graphml+xml", {{"schema", {{"type", "string"}}}}}})}}
             .dump(),
         true,
         access::allowed_roles(access::Resource::household_analysis, access::Operation::read)});
  }
  {
    QueryReader query = QueryReader::describer();
    (void)read_day(query);
    (void)query.id<PracticeTag>("practiceId",
                                "Only households of this practice (a coordinator's own: the "
                                "default).");
    (void)query.text("format", 4, "json (default) or csv: one row per household.");
    registry.routes.push_back(
        {Method::get, "/api/v1/analyses/households",
         [&database](const Request& request) { return households(database, request); },
         nlohmann::json{
             {"operationId", "listHouseholdAnalyses"},
             {"summary", "The measures of every household in scope on a day"},
             {"description",
              "A coordinator: the households of their practice. A researcher: the households "
              "whose research consent is in force, by pseudonym. As JSON items or CSV rows "
              "with the same columns (snake_case in CSV)."},
             {"tags", {kTag}},
             {"parameters", query.parameters()},
             {"responses",
              responses("The measures, one item or row per household.",
                        {{"application/json",
                          {{"schema",
                            {{"type", "object"},
                             {"required", {"date", "items"}},
                             {"properties",
                              {{"date", {{"type", "string"}, {"format", "date"}}},
                               {"items", {{"type", "array"}, {"items", measures_ref}}}}}}}}},
                         {"text/csv", {{"schema", {{"type", "string"}}}}}})}}
             .dump(),
         true,
         access::allowed_roles(access::Resource::practice_analysis, access::Operation::read)});
  }
  registry.tags.push_back({{"name", kTag},
                           {"description",
                            "Network measures, carrying capacity, mobilisation and collaboration "
                            "(docs/measures.md)."}});
}

}  // namespace dichtbij::api
