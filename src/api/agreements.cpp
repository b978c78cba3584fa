#include "api/agreements.hpp"

#include "api/crud_routes.hpp"
#include "api/household_access.hpp"
#include "api/operation_docs.hpp"
#include "core/agreement.hpp"
#include "store/agreement_repository.hpp"
#include "store/household_repository.hpp"

namespace dichtbij::api {

namespace {

void read_agreement_fields(FieldReader& reader, AgreementFields& fields) {
  reader.text("goal", fields.goal, AgreementFields::kMaxGoalLength, "What the agreement is for.");
  reader.text("action", fields.action, AgreementFields::kMaxTextLength, "What will be done.");
  reader.id("responsiblePersonId", fields.responsible,
            "Who does it: a professional or an informal helper.");
  reader.optional_text("why", fields.why, AgreementFields::kMaxTextLength, "Why this person.");
  reader.optional_date("dueDate", fields.due, "When it should be done.");
  reader.optional_date("reviewDate", fields.review, "When it is looked at again.");
  reader.enumeration("status", fields.status, "Where it stands.");
  reader.boolean("agreedByHousehold", fields.agreed_by_household,
                 "Whether the household agreed to it.");
}

nlohmann::json agreement_fields_json(const AgreementFields& fields) {
  nlohmann::json json{{"goal", fields.goal},
                      {"action", fields.action},
                      {"responsiblePersonId", fields.responsible.str()},
                      {"status", to_code(fields.status)},
                      {"agreedByHousehold", fields.agreed_by_household}};
  if (fields.why) json["why"] = *fields.why;
  if (fields.due) json["dueDate"] = format_date(*fields.due);
  if (fields.review) json["reviewDate"] = format_date(*fields.review);
  return json;
}

struct AgreementSpec {
  using Fields = AgreementFields;
  using Record = Agreement;
  using Repository = store::AgreementRepository;
  using Query = AgreementFilter;
  using Scope = HouseholdId;
  static constexpr std::string_view kScopeParameter = "householdId";
  static constexpr std::string_view kScopeName = "household";
  static constexpr std::string_view kCollection = "/api/v1/households/:householdId/agreements";
  static constexpr access::Resource kResource = access::Resource::agreement;
  static constexpr OperationNames kNames{"Agreements", "Agreement", "AgreementInput", "agreement"};
  static constexpr bool kIfMatchRequired = true;
  static constexpr std::string_view kDescription =
      "An agreement in a household's support plan: who does what, and why.";

  static bool scope_exists(store::Transaction& transaction, const Scope& household) {
    return store::HouseholdRepository(transaction).exists(household);
  }
  static Repository repository(store::Transaction& transaction, const Scope& household) {
    return Repository(transaction, household);
  }
  static void read_fields(FieldReader& reader, Fields& fields) {
    read_agreement_fields(reader, fields);
  }
  static std::vector<InvalidParam> check(const Fields&) { return {}; }
  // A volunteer sees the agreements they are responsible for.
  static PersonId owner(const Record& record) { return record.fields.responsible; }
  static PersonId owner(const Fields& fields) { return fields.responsible; }
  static void limit_to_owner(Query& query, const PersonId& person) { query.responsible = person; }
  static nlohmann::json to_json(const Record& agreement) {
    nlohmann::json json = agreement_fields_json(agreement.fields);
    json["id"] = agreement.id.str();
    return json;
  }
  static Query read_query(QueryReader& query) {
    Query filter;
    filter.status =
        query.enumeration<AgreementStatus>("status", "Only agreements with this status.");
    filter.responsible =
        query.id<PersonTag>("responsiblePersonId", "Only this person's agreements.");
    filter.on = query.date("onDate", "The plan as it stood at the end of this day.");
    return filter;
  }
  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

Response history(store::Database& database, const Request& request) {
  const std::string_view household = request.path_param("householdId");
  const std::string_view id = request.path_param("id");
  if (!is_uuid(household) || !is_uuid(id)) {
    return problem(make_error(ErrorCode::not_found, "there is no such agreement"),
                   request.request_id);
  }
  // Earlier versions name whoever was responsible before: not for a
  // volunteer, who sees only their own agreements as they are.
  Result<access::HouseholdAccess> access =
      household_history_access(database, request, HouseholdId(std::string(household)),
                               access::Resource::agreement, "agreement.history");
  if (!access.ok()) return problem(access.error(), request.request_id);
  Result<std::vector<AgreementVersion>> versions =
      database.in_transaction<std::vector<AgreementVersion>>(
          store::TransactionKind::read,
          [&](store::Transaction& transaction) -> Result<std::vector<AgreementVersion>> {
            return store::AgreementRepository(transaction, HouseholdId(std::string(household)))
                .history(AgreementId(std::string(id)));
          });
  if (!versions.ok()) return problem(versions.error(), request.request_id);
  access::AuditEvent event;
  event.actor = request.actor;
  event.action = "agreement.history";
  event.household_id = std::string(household);
  event.break_glass = access->break_glass();
  event.record_id = std::string(id);
  event.client_address = request.client_address;
  if (Result<void> audited = access::record(database, event); !audited.ok()) {
    return problem(audited.error(), request.request_id);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const AgreementVersion& version : *versions) {
    nlohmann::json item = agreement_fields_json(version.fields);
    item["version"] = version.version;
    item["changedAt"] = version.changed_at;
    items.push_back(std::move(item));
  }
  return Response::json(200, {{"items", std::move(items)}});
}

}  // namespace

void add_agreement_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<AgreementSpec>::add(registry, database);
  const nlohmann::json id_parameters = {uuid_path_parameter("householdId", "The household\'s id."),
                                        id_parameter("The agreement's id.")};
  registry.routes.push_back(
      {Method::get, std::string(AgreementSpec::kCollection) + "/:id/history",
       [&database](const Request& request) { return history(database, request); },
       nlohmann::json{
           {"operationId", "getAgreementHistory"},
           {"summary", "Every version of an agreement, oldest first"},
           {"description",
            "Shows who was responsible when: a task handed from a professional to "
            "an informal helper is visible here."},
           {"tags", {"Agreements"}},
           {"parameters", id_parameters},
           {"responses",
            {{"200",
              {{"description", "The versions."},
               {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
               {"content",
                {{"application/json",
                  {{"schema",
                    {{"type", "object"},
                     {"required", {"items"}},
                     {"properties",
                      {{"items",
                        {{"type", "array"},
                         {"items", {{"$ref", "#/components/schemas/AgreementVersion"}}}}}}}}}}}}}}},
             {"400", {{"$ref", "#/components/responses/BadRequest"}}},
             {"404", {{"$ref", "#/components/responses/NotFound"}}}}}}
           .dump(),
       true, access::allowed_roles(access::Resource::agreement, access::Operation::read)});
  nlohmann::json version_schema = registry.schemas["Agreement"];
  version_schema["description"] = "One version of an agreement.";
  version_schema["properties"].erase("id");
  version_schema["properties"]["version"] = {{"type", "integer"}, {"format", "int32"}};
  version_schema["properties"]["changedAt"] = {
      {"type", "string"},
      {"format", "date-time"},
      {"description", "When this version was made (UTC)."}};
  version_schema["required"] = {
      "goal",    "action",   "responsiblePersonId", "status", "agreedByHousehold",
      "version", "changedAt"};
  registry.schemas["AgreementVersion"] = version_schema;
  registry.tags.push_back({{"name", AgreementSpec::kNames.tag},
                           {"description", "The support plan: who does what, and why."}});
}

}  // namespace dichtbij::api
