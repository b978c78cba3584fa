#include "api/matches.hpp"

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "api/audited_answer.hpp"
#include "api/idempotency.hpp"
#include "api/openapi.hpp"
#include "api/operation_docs.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/today.hpp"
#include "matching/match_lifecycle.hpp"
#include "matching/matching_run.hpp"
#include "store/help_request_repository.hpp"
#include "store/match_repository.hpp"

namespace dichtbij::api {

namespace {

constexpr OperationNames kNames{"Matching", "Match", "MatchTransitionInput", "match"};

struct Transition {
  MatchStatus status = MatchStatus::approved;
  std::optional<std::string> reason;
};

void read_transition(FieldReader& reader, Transition& transition) {
  reader.enumeration("status", transition.status,
                     "The status to move to: approved or rejected (coordinator), accepted or "
                     "declined (volunteer), active or ended (either).");
  reader.optional_text("reason", transition.reason, 500,
                       "Why: required to reject or end, welcome when declining.");
}

access::AuditEvent event(const Request& request, std::string action, const Match* match) {
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = std::move(action);
  if (match != nullptr) {
    event.household_id = match->household.str();
    event.record_id = match->id.str();
  }
  event.client_address = request.client_address;
  return event;
}

// What the volunteer sees of a match: the request's essentials, the
// criteria of the explanation (not the other candidates), and the
// household only once they accepted.
nlohmann::json volunteer_json(const Match& match, const HelpRequest& request) {
  const HelpRequestFields& fields = request.fields;
  nlohmann::json explanation = nlohmann::json::parse(match.explanation, nullptr, false);
  nlohmann::json json{{"id", match.id.str()},
                      {"status", to_code(match.status)},
                      {"score", match.score},
                      {"request",
                       {{"kind", to_code(fields.kind)},
                        {"description", fields.description},
                        {"buurtCode", fields.buurt_code},
                        {"languages", fields.languages},
                        {"wishedTimes", fields.wished_times.codes()},
                        {"urgency", to_code(fields.urgency)}}},
                      {"explanation",
                       {{"criteria", explanation.is_object() ? explanation["criteria"]
                                                             : nlohmann::json::array()}}}};
  if (match.tie) {
    json["householdId"] = match.household.str();
    json["tieId"] = match.tie->str();
  }
  if (match.reason) json["reason"] = *match.reason;
  return json;
}

nlohmann::json coordinator_json(const Match& match) {
  nlohmann::json json{{"id", match.id.str()},
                      {"practiceId", match.practice.str()},
                      {"requestId", match.request.str()},
                      {"householdId", match.household.str()},
                      {"volunteerId", match.volunteer.str()},
                      {"status", to_code(match.status)},
                      {"score", match.score},
                      {"explanation", nlohmann::json::parse(match.explanation, nullptr, false)},
                      {"proposedAt", match.proposed_at}};
  if (match.reason) json["reason"] = *match.reason;
  if (match.tie) json["tieId"] = match.tie->str();
  return json;
}

Result<nlohmann::json> match_json(store::Transaction& transaction, const Actor& actor,
                                  const Match& match) {
  if (actor.role != AccountRole::volunteer) return coordinator_json(match);
  Result<HelpRequest> request = store::HelpRequestRepository(transaction).get(match.request);
  if (!request.ok()) return std::move(request).error();
  return volunteer_json(match, *request);
}

nlohmann::json run_json(const PracticeId& practice, const matching::RunResult& run) {
  nlohmann::json proposals = nlohmann::json::array();
  for (const Match& match : run.proposals) proposals.push_back(coordinator_json(match));
  nlohmann::json unserved = nlohmann::json::array();
  for (const matching::UnservedRequest& request : run.unserved) {
    unserved.push_back({{"requestId", request.request.str()},
                        {"reason", nlohmann::json::parse(request.reason, nullptr, false)}});
  }
  return {{"practiceId", practice.str()},          {"totalScore", run.total_score},
          {"openRequests", run.open_requests},     {"volunteers", run.volunteers},
          {"candidatePairs", run.candidate_pairs}, {"replacedProposals", run.replaced},
          {"proposals", std::move(proposals)},     {"unserved", std::move(unserved)}};
}

Response refused(store::Database& database, const Request& request, access::AuditEvent refusal,
                 const std::string& why) {
  refusal.allowed = false;
  if (Result<void> recorded = access::record(database, refusal); !recorded.ok()) {
    return problem(recorded.error(), request.request_id);
  }
  return problem(make_error(ErrorCode::forbidden, why), request.request_id);
}

Response run(store::Database& database, const Request& request) {
  const std::string_view id = request.path_param("practiceId");
  if (!is_uuid(id)) {
    return problem(make_error(ErrorCode::not_found, "there is no practice " + std::string(id)),
                   request.request_id);
  }
  const PracticeId practice{std::string(id)};
  if (Result<nlohmann::json> body = parse_json_body(request); !body.ok()) {
    return problem(body.error(), request.request_id);
  } else if (!body->is_object() || !body->empty()) {
    Error error = make_error(ErrorCode::invalid_input, "a matching run takes no fields");
    for (const auto& [name, value] : body->is_object() ? body->items() : nlohmann::json{}.items()) {
      error.invalid_params.push_back({name, "is not a field of a matching run"});
    }
    if (error.invalid_params.empty()) error.invalid_params.push_back({"", "must be {}"});
    return problem(error, request.request_id);
  }
  if (Result<void> allowed = access::may_run_matching(*request.actor, practice); !allowed.ok()) {
    access::AuditEvent refusal = event(request, "match.create", nullptr);
    refusal.record_id = practice.str();
    return refused(database, request, refusal, allowed.error().message);
  }
  return create_once(database, request, [&](store::Transaction& transaction) -> Result<Response> {
    Result<matching::RunResult> result = matching::run_matching(transaction, practice);
    if (!result.ok()) return std::move(result).error();
    // A run reads the open requests of every household it proposes for.
    for (const Match& match : result->proposals) {
      if (Result<void> audited =
              access::record(transaction, event(request, "match.create", &match));
          !audited.ok()) {
        return std::move(audited).error();
      }
    }
    return Response::json(201, run_json(practice, *result));
  });
}

Response list(store::Database& database, const Request& request) {
  QueryReader reader(request);
  MatchFilter filter;
  filter.request = reader.id<HelpRequestTag>("requestId", "Only matches for this request.");
  filter.status = reader.enumeration<MatchStatus>("status", "Only matches with this status.");
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  const Actor& actor = *request.actor;
  if (actor.role == AccountRole::volunteer) {
    filter.volunteer = actor.person.value_or(PersonId());
    filter.approved_only = true;
  } else {
    filter.practice = actor.practice.value_or(PracticeId());
  }
  Result<nlohmann::json> items = database.in_transaction<nlohmann::json>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<nlohmann::json> {
        Result<Page<Match>> found =
            store::MatchRepository(transaction).list(filter, Paging{page.offset(), page.page_size});
        if (!found.ok()) return std::move(found).error();
        // The filter already holds the caller to what they may see.
        nlohmann::json items = nlohmann::json::array();
        for (const Match& match : found->items) {
          Result<nlohmann::json> json = match_json(transaction, actor, match);
          if (!json.ok()) return std::move(json).error();
          items.push_back(std::move(*json));
        }
        return nlohmann::json{{"items", std::move(items)}, {"total", found->total}};
      });
  if (!items.ok()) return problem(items.error(), request.request_id);
  return once_audited(database, event(request, "match.list", nullptr),
                      page_response(request, page, std::move((*items)["items"]),
                                    (*items)["total"].get<long long>()));
}

Result<MatchId> path_id(const Request& request) {
  const std::string_view id = request.path_param("id");
  if (!is_uuid(id)) return make_error(ErrorCode::not_found, "there is no match " + std::string(id));
  return MatchId(std::string(id));
}

Response read(store::Database& database, const Request& request) {
  Result<MatchId> id = path_id(request);
  if (!id.ok()) return problem(id.error(), request.request_id);
  const Actor& actor = *request.actor;
  std::optional<Match> seen;
  Result<nlohmann::json> json = database.in_transaction<nlohmann::json>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<nlohmann::json> {
        Result<Match> match = store::MatchRepository(transaction).get(*id);
        if (!match.ok()) return std::move(match).error();
        seen = *match;
        if (!access::may_see_match(actor, *match)) return nlohmann::json();
        return match_json(transaction, actor, *match);
      });
  if (!json.ok()) return problem(json.error(), request.request_id);
  if (!access::may_see_match(actor, *seen)) {
    return refused(database, request, event(request, "match.read", &*seen),
                   "you may not see this match");
  }
  return once_audited(database, event(request, "match.read", &*seen),
                      item_response(200, *json, seen->version));
}

Response transition(store::Database& database, const Request& request) {
  Result<MatchId> id = path_id(request);
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<Transition> step = read_input(request, &read_transition);
  if (!step.ok()) return problem(step.error(), request.request_id);
  const Actor& actor = *request.actor;
  std::optional<Match> refused_match;
  std::string refusal;
  Result<nlohmann::json> answer = database.in_transaction<nlohmann::json>(
      store::TransactionKind::write,
      [&](store::Transaction& transaction) -> Result<nlohmann::json> {
        Result<Match> current = store::MatchRepository(transaction).get(*id);
        if (!current.ok()) return std::move(current).error();
        if (!access::may_see_match(actor, *current)) {
          refused_match = *current;
          refusal = "you may not see this match";
          return make_error(ErrorCode::forbidden, refusal);
        }
        if (Result<void> allowed = access::may_change_match(actor, *current, step->status);
            !allowed.ok()) {
          refused_match = *current;
          refusal = allowed.error().message;
          return make_error(ErrorCode::forbidden, refusal);
        }
        Result<matching::MatchChange> change = matching::change_match(
            transaction, *id, *expected, step->status, step->reason, today());
        if (!change.ok()) return std::move(change).error();
        if (Result<void> audited =
                access::record(transaction, event(request, "match.update", &change->match));
            !audited.ok()) {
          return std::move(audited).error();
        }
        Result<nlohmann::json> json = match_json(transaction, actor, change->match);
        if (!json.ok()) return json;
        if (change->rerun) {
          (*json)["rerun"] = {{"proposals", change->rerun->proposals.size()},
                              {"unserved", change->rerun->unserved.size()}};
        }
        (*json)["version"] = change->match.version;
        return json;
      });
  if (refused_match) {
    return refused(database, request, event(request, "match.update", &*refused_match), refusal);
  }
  if (!answer.ok()) return problem(answer.error(), request.request_id);
  const int version = (*answer)["version"].get<int>();
  answer->erase("version");
  return item_response(200, *answer, version);
}

nlohmann::json match_schema() {
  return {{"type", "object"},
          {"description",
           "A match of a volunteer to a help request. A coordinator sees every field; a "
           "volunteer sees the request's essentials (request), the explanation's criteria, "
           "and householdId and tieId once they accepted."},
          {"required", {"id", "status", "score"}},
          {"properties",
           {{"id", {{"type", "string"}, {"format", "uuid"}}},
            {"practiceId", {{"type", "string"}, {"format", "uuid"}}},
            {"requestId", {{"type", "string"}, {"format", "uuid"}}},
            {"householdId", {{"type", "string"}, {"format", "uuid"}}},
            {"volunteerId", {{"type", "string"}, {"format", "uuid"}}},
            {"tieId", {{"type", "string"}, {"format", "uuid"}}},
            {"status", {{"type", "string"}}},
            {"score", {{"type", "integer"}}},
            {"reason", {{"type", "string"}}},
            {"proposedAt", {{"type", "string"}, {"format", "date-time"}}},
            {"request", {{"type", "object"}, {"description", "The request's essentials."}}},
            {"explanation",
             {{"type", "object"},
              {"description",
               "Each criterion's points (they add up to score), the distance, the shared "
               "interests and the next-best alternatives (docs/matching.md)."}}}}}};
}

nlohmann::json run_schema() {
  const nlohmann::json uuid{{"type", "string"}, {"format", "uuid"}};
  const nlohmann::json integer{{"type", "integer"}};
  nlohmann::json unserved{{"type", "object"}};
  unserved["properties"] = {{"requestId", uuid}, {"reason", {{"type", "object"}}}};
  nlohmann::json schema{{"type", "object"}};
  schema["description"] =
      "The outcome of a matching run: the proposals that replaced the practice's earlier "
      "unapproved ones, and the requests left unserved with the reason.";
  schema["required"] = {"practiceId", "totalScore", "proposals", "unserved"};
  schema["properties"] = {
      {"practiceId", uuid},
      {"totalScore", integer},
      {"openRequests", integer},
      {"volunteers", integer},
      {"candidatePairs", integer},
      {"replacedProposals", integer},
      {"proposals", {{"type", "array"}, {"items", component_ref("schemas", "Match")}}},
      {"unserved", {{"type", "array"}, {"items", unserved}}}};
  return schema;
}

}  // namespace

void add_match_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  const std::string base(kApiBasePath);
  auto roles = [](access::Operation operation) {
    return access::allowed_roles(access::Resource::match, operation);
  };

  nlohmann::json run_doc = nlohmann::json::parse(create_operation(kNames, "runMatching"));
  run_doc["summary"] = "Match the practice's open help requests to its volunteers";
  run_doc["description"] =
      "Finds the assignment with the highest total score over all open requests at once "
      "(min-cost flow), respecting every hard constraint and capacity, and replaces the "
      "proposals nobody approved yet. Each proposal explains its score. The body is {}.";
  run_doc["parameters"].insert(run_doc["parameters"].begin(),
                               uuid_path_parameter("practiceId", "The practice's id."));
  run_doc["requestBody"] = {
      {"required", true},
      {"content",
       {{"application/json", {{"schema", {{"type", "object"}, {"maxProperties", 0}}}}}}}};
  run_doc["responses"]["201"] =
      json_answer("The run's proposals and unserved requests.", "MatchingRun");
  run_doc["responses"].erase("422");
  run_doc["responses"]["403"] = component_ref("responses", "Forbidden");
  run_doc["responses"]["404"] = component_ref("responses", "NotFound");
  registry.routes.push_back({Method::post, base + "/practices/:practiceId/matching-runs",
                             bind(&run), run_doc.dump(), true, roles(access::Operation::create)});

  QueryReader query = QueryReader::describer();
  (void)query.id<HelpRequestTag>("requestId", "Only matches for this request.");
  (void)query.enumeration<MatchStatus>("status", "Only matches with this status.");
  (void)query.paging();
  nlohmann::json list_doc =
      nlohmann::json::parse(list_operation(kNames, "listMatches", query.parameters()));
  list_doc["description"] =
      "A coordinator's: their practice's matches. A volunteer's: their own, once approved.";
  registry.routes.push_back({Method::get, base + "/matches", bind(&list), list_doc.dump(), true,
                             roles(access::Operation::list)});

  nlohmann::json read_doc = nlohmann::json::parse(read_operation(kNames, "getMatch"));
  read_doc["responses"]["403"] = component_ref("responses", "Forbidden");
  registry.routes.push_back({Method::get, base + "/matches/:id", bind(&read), read_doc.dump(), true,
                             roles(access::Operation::read)});

  nlohmann::json step_doc = nlohmann::json::parse(read_operation(kNames, "changeMatchStatus"));
  step_doc["summary"] = "Take a step in the match's life cycle";
  step_doc["description"] =
      "proposed → approved or rejected (coordinator) → accepted or declined (volunteer) → "
      "active → ended (either, with a reason). Accepting ties the volunteer to the household "
      "and gives them helper access; declining reruns the practice's matching without the "
      "pair. 409 when the step may not follow the current status. If-Match is optional.";
  step_doc["requestBody"] = json_request_body(kNames.input_schema);
  step_doc["responses"]["400"] = component_ref("responses", "BadRequest");
  step_doc["responses"]["403"] = component_ref("responses", "Forbidden");
  step_doc["responses"]["409"] = component_ref("responses", "Conflict");
  step_doc["responses"]["412"] = component_ref("responses", "PreconditionFailed");
  registry.routes.push_back({Method::post, base + "/matches/:id/transitions", bind(&transition),
                             step_doc.dump(), true, roles(access::Operation::update)});

  FieldReader describer = FieldReader::describer();
  Transition ignored;
  read_transition(describer, ignored);
  registry.schemas[std::string(kNames.input_schema)] = describer.schema();
  registry.schemas["Match"] = match_schema();
  registry.schemas["MatchingRun"] = run_schema();
  registry.tags.push_back(
      {{"name", kNames.tag},
       {"description",
        "Help requests, volunteer profiles, and matching them (docs/matching.md)."}});
}

}  // namespace dichtbij::api
