#include "api/member_checks.hpp"

#include "access/consent.hpp"
#include "api/audited_answer.hpp"
#include "api/idempotency.hpp"
#include "api/preconditions.hpp"
#include "api/problem.hpp"
#include "api/query_reader.hpp"
#include "api/research_scope.hpp"
#include "api/today.hpp"
#include "core/member_check.hpp"
#include "store/finding_repository.hpp"
#include "store/research_project_repository.hpp"

namespace dichtbij::api {

namespace {

using access::Operation;
using access::Resource;

constexpr OperationNames kFindingNames{kResearchTag, "Finding", "FindingInput", "finding"};
constexpr OperationNames kMemberCheckNames{kResearchTag, "MemberCheck", "MemberCheckAnswerInput",
                                           "finding published to the caller"};
constexpr std::string_view kMemberChecks = "/api/v1/member-checks";

// ---- the researchers' side

void read_finding(FieldReader& reader, FindingFields& fields) {
  reader.id("practiceId", fields.practice,
            "The practice whose stakeholders it is published to; fixed by the first version.");
  reader.text("title", fields.title, FindingFields::kMaxTitleLength, "A short title.");
  reader.text("text", fields.text, FindingFields::kMaxTextLength,
              "The finding as the stakeholders read it.");
  reader.id_list("codingIds", fields.codings, FindingFields::kMaxFragments,
                 "The fragments it rests on: codings of notes of the practice, in the order the "
                 "stakeholders see them. Their text is copied when the version is published.");
}

nlohmann::json tally_json(const AnswerTally& tally) {
  return {{"agree", tally.agree},
          {"partly", tally.partly},
          {"disagree", tally.disagree},
          {"open", tally.open}};
}

nlohmann::json answer_json(const FindingAnswer& answer) {
  return {{"version", answer.version},        {"accountId", answer.account.str()},
          {"username", answer.username},      {"number", answer.number},
          {"answer", to_code(answer.answer)}, {"comment", answer.comment},
          {"answeredAt", answer.answered_at}};
}

nlohmann::json version_json(const Finding& finding, const FindingVersion& version,
                            const std::vector<AccountId>& stakeholders) {
  nlohmann::json fragments = nlohmann::json::array();
  for (const FindingFragment& fragment : version.fragments) {
    nlohmann::json item{{"text", fragment.excerpt}, {"withheld", fragment.withheld}};
    if (fragment.coding) item["codingId"] = fragment.coding->str();
    fragments.push_back(std::move(item));
  }
  nlohmann::json answers = nlohmann::json::array();
  for (const FindingAnswer& answer : finding.answers) {
    if (answer.version == version.version) answers.push_back(answer_json(answer));
  }
  return {{"version", version.version},
          {"title", version.title},
          {"text", version.text},
          {"authorId", version.author.str()},
          {"publishedAt", version.published_at},
          {"fragments", std::move(fragments)},
          {"tally", tally_json(tally(finding.answers, version.version, stakeholders))},
          {"answers", std::move(answers)}};
}

// The current version's fields at the top, its tally, and with versions
// set every version (oldest first) with its answers.
nlohmann::json finding_json(const Finding& finding, const std::vector<AccountId>& stakeholders,
                            bool with_versions) {
  const FindingVersion& current = finding.current();
  nlohmann::json fragments = nlohmann::json::array();
  std::vector<std::string> codings;
  for (const FindingFragment& fragment : current.fragments) {
    if (fragment.coding) codings.push_back(fragment.coding->str());
  }
  nlohmann::json json{{"id", finding.id.str()},
                      {"practiceId", finding.practice.str()},
                      {"version", finding.version},
                      {"title", current.title},
                      {"text", current.text},
                      {"codingIds", codings},
                      {"publishedAt", current.published_at},
                      {"createdAt", finding.created_at},
                      {"stakeholders", stakeholders.size()},
                      {"tally", tally_json(tally(finding.answers, finding.version, stakeholders))}};
  if (with_versions) {
    nlohmann::json versions = nlohmann::json::array();
    for (const FindingVersion& version : finding.versions) {
      versions.push_back(version_json(finding, version, stakeholders));
    }
    json["versions"] = std::move(versions);
  }
  return json;
}

std::string finding_path(const ResearchCall& call, const FindingId& id) {
  return std::string(kResearchProjects) + "/" + call.project.str() + "/findings/" + id.str();
}

// The households whose research consent is in force today: fragments of
// notes about any other are withheld in every answer.
Result<std::vector<HouseholdId>> consented_today(store::Transaction& transaction) {
  return access::research_households(transaction, today());
}

Result<Finding> finding_of(store::Transaction& transaction, const ResearchCall& call,
                           const FindingId& id) {
  Result<std::vector<HouseholdId>> consented = consented_today(transaction);
  if (!consented.ok()) return std::move(consented).error();
  Result<Finding> finding = store::FindingRepository(transaction).get(id, *consented);
  if (!finding.ok()) return finding;
  if (finding->project != call.project) {
    return make_error(ErrorCode::not_found, "there is no finding " + id.str());
  }
  return finding;
}

Result<Response> finding_answer(store::Transaction& transaction, ResearchCall& call,
                                const Finding& finding, int status,
                                const std::optional<std::string>& location = std::nullopt) {
  Result<std::vector<AccountId>> stakeholders =
      store::FindingRepository(transaction).stakeholders(call.project, finding.practice);
  if (!stakeholders.ok()) return std::move(stakeholders).error();
  call.event.record_id = finding.id.str();
  return item_response(status, finding_json(finding, *stakeholders, true), finding.version,
                       location);
}

Response list_findings(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  return research_call(
      database, request, Resource::finding, Operation::list,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<HouseholdId>> consented = consented_today(transaction);
        if (!consented.ok()) return std::move(consented).error();
        store::FindingRepository findings(transaction);
        Result<std::vector<Finding>> found = findings.of_project(call.project, *consented);
        if (!found.ok()) return std::move(found).error();
        nlohmann::json items = nlohmann::json::array();
        const std::size_t from = std::min<std::size_t>(page.offset(), found->size());
        const std::size_t to = std::min<std::size_t>(from + page.page_size, found->size());
        for (std::size_t i = from; i != to; ++i) {
          const Finding& finding = (*found)[i];
          Result<std::vector<AccountId>> stakeholders =
              findings.stakeholders(call.project, finding.practice);
          if (!stakeholders.ok()) return std::move(stakeholders).error();
          items.push_back(finding_json(finding, *stakeholders, false));
        }
        return page_response(request, page, std::move(items),
                             static_cast<long long>(found->size()));
      });
}

Response publish_finding(store::Database& database, const Request& request) {
  Result<FindingFields> fields = checked_input(request, &read_finding, "finding");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::finding, Operation::create,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<HouseholdId>> consented = consented_today(transaction);
        if (!consented.ok()) return std::move(consented).error();
        Result<Finding> published =
            store::FindingRepository(transaction)
                .publish(call.project, *fields, call.actor().account, *consented);
        if (!published.ok()) return std::move(published).error();
        return finding_answer(transaction, call, *published, 201,
                              finding_path(call, published->id));
      });
}

Response read_finding_route(store::Database& database, const Request& request) {
  Result<FindingId> id = research_path_id<FindingTag>(request, "id", "finding");
  if (!id.ok()) return problem(id.error(), request.request_id);
  return research_call(
      database, request, Resource::finding, Operation::read,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<Finding> finding = finding_of(transaction, call, *id);
        if (!finding.ok()) return std::move(finding).error();
        return finding_answer(transaction, call, *finding, 200);
      });
}

Response revise_finding(store::Database& database, const Request& request) {
  Result<FindingId> id = research_path_id<FindingTag>(request, "id", "finding");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<std::optional<int>> expected = if_match_version(request, false);
  if (!expected.ok()) return problem(expected.error(), request.request_id);
  Result<FindingFields> fields = checked_input(request, &read_finding, "finding");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  return research_call(
      database, request, Resource::finding, Operation::update,
      [&](store::Transaction& transaction, ResearchCall& call) -> Result<Response> {
        Result<std::vector<HouseholdId>> consented = consented_today(transaction);
        if (!consented.ok()) return std::move(consented).error();
        Result<Finding> revised =
            store::FindingRepository(transaction)
                .revise(call.project, *id, *expected, *fields, call.actor().account, *consented);
        if (!revised.ok()) return std::move(revised).error();
        return finding_answer(transaction, call, *revised, 200);
      });
}

// ---- the stakeholders' side

void read_answer(FieldReader& reader, FindingAnswerFields& fields) {
  reader.integer("version", fields.version, 1, 1000000,
                 "The version answered: the one the stakeholder read. 409 when the finding was "
                 "revised since.");
  reader.enumeration("answer", fields.answer, "agree, partly or disagree.");
  std::optional<std::string> comment;
  reader.optional_text("comment", comment, FindingAnswerFields::kMaxCommentLength,
                       "Why; may be left out.");
  fields.comment = comment.value_or("");
}

access::AuditEvent member_check_event(const Request& request, Operation operation) {
  return research_event(request, Resource::member_check, operation);
}

// What a stakeholder sees: the current version's text and its fragments'
// text only (no note, coding or account ids), and their own newest answer
// to it. Researchers' names are left out too.
nlohmann::json member_check_json(const Finding& finding, const std::string& project_name,
                                 const AccountId& caller) {
  const FindingVersion& current = finding.current();
  nlohmann::json fragments = nlohmann::json::array();
  for (const FindingFragment& fragment : current.fragments) {
    fragments.push_back({{"text", fragment.excerpt}, {"withheld", fragment.withheld}});
  }
  nlohmann::json json{{"id", finding.id.str()},
                      {"projectName", project_name},
                      {"version", finding.version},
                      {"title", current.title},
                      {"text", current.text},
                      {"publishedAt", current.published_at},
                      {"fragments", std::move(fragments)}};
  if (std::optional<FindingAnswer> mine = newest_answer(finding.answers, finding.version, caller)) {
    json["answer"] = {{"answer", to_code(mine->answer)},
                      {"comment", mine->comment},
                      {"answeredAt", mine->answered_at}};
  }
  // Answered an earlier version but not this one: say so, so the page can
  // tell them the finding was revised after they answered.
  for (int version = finding.version - 1; version >= 1 && !json.contains("answer"); --version) {
    if (std::optional<FindingAnswer> earlier = newest_answer(finding.answers, version, caller)) {
      json["earlierAnswer"] = {{"version", version},
                               {"answer", to_code(earlier->answer)},
                               {"comment", earlier->comment},
                               {"answeredAt", earlier->answered_at}};
      break;
    }
  }
  return json;
}

Response list_member_checks(store::Database& database, const Request& request) {
  QueryReader reader(request);
  const PageRequest page = reader.paging();
  if (Result<void> checked = reader.finish(); !checked.ok()) {
    return problem(checked.error(), request.request_id);
  }
  struct Listed {
    nlohmann::json items;
    long long total = 0;
  };
  Result<Listed> listed = database.in_transaction<Listed>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<Listed> {
        Result<std::vector<HouseholdId>> consented = consented_today(transaction);
        if (!consented.ok()) return std::move(consented).error();
        Result<std::vector<Finding>> found =
            store::FindingRepository(transaction).published_to(request.actor->account, *consented);
        if (!found.ok()) return std::move(found).error();
        store::ResearchProjectRepository projects(transaction);
        Listed result{nlohmann::json::array(), static_cast<long long>(found->size())};
        const std::size_t from = std::min<std::size_t>(page.offset(), found->size());
        const std::size_t to = std::min<std::size_t>(from + page.page_size, found->size());
        for (std::size_t i = from; i != to; ++i) {
          const Finding& finding = (*found)[i];
          Result<ResearchProject> project = projects.get(finding.project);
          if (!project.ok()) return std::move(project).error();
          result.items.push_back(
              member_check_json(finding, project->fields.name, request.actor->account));
        }
        return result;
      });
  if (!listed.ok()) return problem(listed.error(), request.request_id);
  access::AuditEvent event = member_check_event(request, Operation::list);
  event.reason = "findings=" + std::to_string(listed->total);
  return once_audited(database, std::move(event),
                      page_response(request, page, std::move(listed->items), listed->total));
}

Response answer_member_check(store::Database& database, const Request& request) {
  Result<FindingId> id = research_path_id<FindingTag>(request, "findingId", "finding");
  if (!id.ok()) return problem(id.error(), request.request_id);
  Result<FindingAnswerFields> fields = checked_input(request, &read_answer, "answer");
  if (!fields.ok()) return problem(fields.error(), request.request_id);
  access::AuditEvent event = member_check_event(request, Operation::create);
  event.record_id = id->str();
  std::optional<std::string> refusal;
  Response response =
      create_once(database, request, [&](store::Transaction& transaction) -> Result<Response> {
        Result<std::vector<HouseholdId>> consented = consented_today(transaction);
        if (!consented.ok()) return std::move(consented).error();
        store::FindingRepository findings(transaction);
        Result<Finding> finding = findings.get(*id, *consented);
        if (!finding.ok()) return std::move(finding).error();
        event.reason = "project=" + finding->project.str();
        Result<bool> may = access::may_answer_finding(transaction, *request.actor, finding->project,
                                                      finding->practice);
        if (!may.ok()) return std::move(may).error();
        if (!*may) {
          refusal = "only the stakeholders of the practice it was published to answer a finding";
          return make_error(ErrorCode::forbidden, *refusal);
        }
        Result<FindingAnswer> answer = findings.answer(*finding, request.actor->account, *fields);
        if (!answer.ok()) return std::move(answer).error();
        if (Result<void> audited = access::record(transaction, event); !audited.ok()) {
          return std::move(audited).error();
        }
        return Response::json(201, {{"findingId", id->str()},
                                    {"version", answer->version},
                                    {"answer", to_code(answer->answer)},
                                    {"comment", answer->comment},
                                    {"answeredAt", answer->answered_at}});
      });
  if (refusal) return research_refusal(database, request, std::move(event), *refusal);
  return response;
}

nlohmann::json read_only(nlohmann::json schema, std::string_view description) {
  schema["readOnly"] = true;
  schema["description"] = description;
  return schema;
}

nlohmann::json string_schema(std::string_view description) {
  return {{"type", "string"}, {"description", description}};
}

nlohmann::json integer_schema(std::string_view description) {
  return {{"type", "integer"}, {"format", "int32"}, {"description", description}};
}

nlohmann::json answer_enum() {
  return {{"type", "string"}, {"enum", {"agree", "partly", "disagree"}}};
}

nlohmann::json tally_schema() {
  return {{"type", "object"},
          {"description",
           "Per answer the stakeholders whose newest answer to the version it is; open: the "
           "practice's stakeholders who have not answered it."},
          {"required", {"agree", "partly", "disagree", "open"}},
          {"properties",
           {{"agree", integer_schema("Agree.")},
            {"partly", integer_schema("Partly agree.")},
            {"disagree", integer_schema("Disagree.")},
            {"open", integer_schema("Not answered.")}}}};
}

}  // namespace

void add_member_check_routes(ApiRegistry& registry, store::Database& database) {
  auto bind = [&database](Response (*handler)(store::Database&, const Request&)) {
    return [&database, handler](const Request& request) { return handler(database, request); };
  };
  QueryReader paging = QueryReader::describer();
  (void)paging.paging();

  add_research_route(registry, Resource::finding, Operation::list, Method::get, "/findings",
                     bind(&list_findings),
                     list_operation(kFindingNames, "listFindings", paging.parameters()));
  add_research_route(registry, Resource::finding, Operation::create, Method::post, "/findings",
                     bind(&publish_finding), create_operation(kFindingNames, "publishFinding"));
  add_research_route(registry, Resource::finding, Operation::read, Method::get, "/findings/:id",
                     bind(&read_finding_route), read_operation(kFindingNames, "getFinding"));
  add_research_route(registry, Resource::finding, Operation::update, Method::put, "/findings/:id",
                     bind(&revise_finding),
                     update_operation(kFindingNames, "reviseFinding", false));
  const nlohmann::json finding_input = input_schema(&read_finding);
  registry.schemas["FindingInput"] = finding_input;
  const nlohmann::json fragment_schema{
      {"type", "object"},
      {"required", {"text", "withheld"}},
      {"properties",
       {{"text", string_schema("The fragment's text as it was when the version was published; "
                               "empty when withheld.")},
        {"withheld",
         {{"type", "boolean"},
          {"description",
           "The fragment's note is about a household whose research consent is no longer in "
           "force (or the note was removed): its text is left out."}}},
        {"codingId",
         {{"type", "string"},
          {"format", "uuid"},
          {"description", "The coding; absent once it was removed."}}}}}};
  const nlohmann::json answer_schema{
      {"type", "object"},
      {"required",
       {"version", "accountId", "username", "number", "answer", "comment", "answeredAt"}},
      {"properties",
       {{"version", integer_schema("The version answered.")},
        {"accountId", {{"type", "string"}, {"format", "uuid"}}},
        {"username", string_schema("Who answered.")},
        {"number", integer_schema("Their 1st, 2nd, … answer to this version; the highest "
                                  "counts.")},
        {"answer", answer_enum()},
        {"comment", string_schema("Their comment; may be empty.")},
        {"answeredAt", {{"type", "string"}, {"format", "date-time"}}}}}};
  const nlohmann::json version_schema{
      {"type", "object"},
      {"required",
       {"version", "title", "text", "authorId", "publishedAt", "fragments", "tally", "answers"}},
      {"properties",
       {{"version", integer_schema("1 for the first.")},
        {"title", string_schema("Its title.")},
        {"text", string_schema("Its text.")},
        {"authorId", {{"type", "string"}, {"format", "uuid"}}},
        {"publishedAt", {{"type", "string"}, {"format", "date-time"}}},
        {"fragments", {{"type", "array"}, {"items", fragment_schema}}},
        {"tally", tally_schema()},
        {"answers", {{"type", "array"}, {"items", answer_schema}}}}}};
  nlohmann::json finding_schema = output_schema(
      finding_input,
      "A finding published to the stakeholders of a practice: its current version, the tally "
      "of answers to it and (on one finding) every version with every answer.");
  finding_schema["properties"]["version"] = read_only({{"type", "integer"}, {"format", "int32"}},
                                                      "The current version's number; the ETag.");
  finding_schema["properties"]["publishedAt"] =
      read_only({{"type", "string"}, {"format", "date-time"}}, "When this version was published.");
  finding_schema["properties"]["createdAt"] =
      read_only({{"type", "string"}, {"format", "date-time"}}, "When version 1 was published.");
  finding_schema["properties"]["stakeholders"] = read_only(
      {{"type", "integer"}, {"format", "int32"}}, "The practice's stakeholders in the project.");
  finding_schema["properties"]["tally"] = read_only(tally_schema(), "The current version's tally.");
  finding_schema["properties"]["versions"] =
      read_only({{"type", "array"}, {"items", version_schema}},
                "Every version, oldest first (one finding "
                "only).");
  for (const char* name : {"version", "publishedAt", "createdAt", "stakeholders", "tally"}) {
    finding_schema["required"].push_back(name);
  }
  registry.schemas["Finding"] = finding_schema;

  // The stakeholders' routes: open to every role at the door; which
  // findings is the project membership's business.
  const std::string member_checks(kMemberChecks);
  registry.routes.push_back(
      {Method::get, member_checks, bind(&list_member_checks),
       list_operation(kMemberCheckNames, "listMemberChecks", paging.parameters()), true,
       access::allowed_roles(Resource::member_check, Operation::list)});
  registry.routes.push_back(
      {Method::post, member_checks + "/:findingId/answers", bind(&answer_member_check),
       [] {
         nlohmann::json json =
             nlohmann::json::parse(create_operation(kMemberCheckNames, "answerMemberCheck"));
         json["summary"] = "Answer a finding published to the caller";
         json["description"] =
             "Adds the caller's answer to the finding's current version; an earlier answer is "
             "kept and the newest counts. Only stakeholders of the practice it was published "
             "to; 409 when the finding was revised since the version named.";
         json["parameters"].push_back(uuid_path_parameter("findingId", "The finding answered."));
         json["responses"]["403"] = component_ref("responses", "Forbidden");
         json["responses"]["404"] = component_ref("responses", "NotFound");
         json["responses"]["409"] = component_ref("responses", "Conflict");
         json["responses"]["201"] = json_answer("The answer as recorded.", "MemberCheckAnswer");
         return json.dump();
       }(),
       true, access::allowed_roles(Resource::member_check, Operation::create)});
  registry.schemas["MemberCheckAnswerInput"] = input_schema(&read_answer);
  registry.schemas["MemberCheckAnswer"] = {
      {"type", "object"},
      {"required", {"findingId", "version", "answer", "comment", "answeredAt"}},
      {"properties",
       {{"findingId", {{"type", "string"}, {"format", "uuid"}}},
        {"version", integer_schema("The version answered.")},
        {"answer", answer_enum()},
        {"comment", string_schema("The comment; may be empty.")},
        {"answeredAt", {{"type", "string"}, {"format", "date-time"}}}}}};
  const nlohmann::json own_answer{
      {"type", "object"},
      {"required", {"answer", "comment", "answeredAt"}},
      {"properties",
       {{"answer", answer_enum()},
        {"comment", string_schema("Their comment.")},
        {"answeredAt", {{"type", "string"}, {"format", "date-time"}}}}}};
  nlohmann::json earlier_answer = own_answer;
  earlier_answer["required"].push_back("version");
  earlier_answer["properties"]["version"] = integer_schema("The earlier version they answered.");
  registry.schemas["MemberCheck"] = {
      {"type", "object"},
      {"description",
       "A finding as its stakeholders see it: the current version's text and its fragments' "
       "text, no ids of notes, codings or people."},
      {"required", {"id", "projectName", "version", "title", "text", "publishedAt", "fragments"}},
      {"properties",
       {{"id", {{"type", "string"}, {"format", "uuid"}}},
        {"projectName", string_schema("The research project.")},
        {"version", integer_schema("The current version: name it when answering.")},
        {"title", string_schema("The finding's title.")},
        {"text", string_schema("The finding.")},
        {"publishedAt", {{"type", "string"}, {"format", "date-time"}}},
        {"fragments",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required", {"text", "withheld"}},
            {"properties",
             {{"text", string_schema("A fragment it rests on; empty when withheld.")},
              {"withheld",
               {{"type", "boolean"},
                {"description",
                 "Left out: the household it is about withdrew its consent for research."}}}}}}}}},
        {"answer", own_answer},
        {"earlierAnswer", earlier_answer}}}};
}

}  // namespace dichtbij::api
