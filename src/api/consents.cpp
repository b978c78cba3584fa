#include "api/consents.hpp"

#include "api/crud_routes.hpp"
#include "api/today.hpp"
#include "core/consent.hpp"
#include "store/consent_repository.hpp"
#include "store/household_repository.hpp"

namespace dichtbij::api {

namespace {

nlohmann::json recording_json(const ConsentRecording& recording) {
  return {{"accountId", recording.account.str()}, {"username", recording.username}};
}

struct ConsentSpec {
  using Fields = ConsentFields;
  using Record = Consent;
  using Repository = store::ConsentRepository;
  using Query = ConsentFilter;
  using Scope = HouseholdId;
  static constexpr std::string_view kScopeParameter = "householdId";
  static constexpr std::string_view kScopeName = "household";
  static constexpr std::string_view kCollection = "/api/v1/households/:householdId/consents";
  static constexpr access::Resource kResource = access::Resource::consent;
  static constexpr OperationNames kNames{"Consents", "Consent", "ConsentInput", "consent"};
  // Two people recording a withdrawal at once must not overwrite each other.
  static constexpr bool kIfMatchRequired = true;
  static constexpr std::string_view kDescription =
      "A household's consent for one purpose: in force from grantedOn up to the day before "
      "withdrawnOn. At most one consent per purpose is in force on any day; a withdrawn consent "
      "stays as it is.";

  static bool scope_exists(store::Transaction& transaction, const Scope& household) {
    return store::HouseholdRepository(transaction).exists(household);
  }
  static Repository repository(store::Transaction& transaction, const Scope& household) {
    return Repository(transaction, household);
  }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.enumeration("purpose", fields.purpose,
                       "What the household consents to: sharing (between organisations) or "
                       "research (pseudonymised analyses and exports). Fixed once recorded.");
    reader.date("grantedOn", fields.granted_on, "The day consent was given; not in the future.");
    reader.optional_date("withdrawnOn", fields.withdrawn_on,
                         "The day consent was withdrawn: from this day on it no longer holds. "
                         "Not before grantedOn, not in the future. Set it to withdraw; once set, "
                         "the consent cannot change.");
    reader.optional_text("note", fields.note, Fields::kMaxNoteLength,
                         "E.g. where the signed form is kept. Name no one.");
  }

  static std::vector<InvalidParam> check(const Fields& fields) {
    return dichtbij::check(fields, today());
  }

  static nlohmann::json to_json(const Record& consent) {
    const Fields& fields = consent.fields;
    nlohmann::json json{{"id", consent.id.str()},
                        {"purpose", to_code(fields.purpose)},
                        {"grantedOn", format_date(fields.granted_on)},
                        {"inForce", in_force(fields, today())},
                        {"recordedBy", recording_json(consent.recorded)},
                        {"recordedAt", consent.recorded.at}};
    if (fields.withdrawn_on) json["withdrawnOn"] = format_date(*fields.withdrawn_on);
    if (fields.note) json["note"] = *fields.note;
    if (consent.withdrawal_recorded) {
      json["withdrawalRecordedBy"] = recording_json(*consent.withdrawal_recorded);
      json["withdrawalRecordedAt"] = consent.withdrawal_recorded->at;
    }
    return json;
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.purpose =
        query.enumeration<ConsentPurpose>("purpose", "Only consents for this purpose.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

// The answer's read-only properties, which the input schema does not have.
void add_read_only_properties(nlohmann::json& schema) {
  const nlohmann::json recording{
      {"type", "object"},
      {"readOnly", true},
      {"required", {"accountId", "username"}},
      {"properties",
       {{"accountId", {{"type", "string"}, {"format", "uuid"}}},
        {"username", {{"type", "string"}, {"description", "The account's name now."}}}}}};
  const nlohmann::json moment{{"type", "string"}, {"format", "date-time"}, {"readOnly", true}};
  nlohmann::json& properties = schema["properties"];
  properties["inForce"] = {
      {"type", "boolean"}, {"readOnly", true}, {"description", "Whether the consent holds today."}};
  properties["recordedBy"] = recording;
  properties["recordedBy"]["description"] = "The account that recorded the consent.";
  properties["recordedAt"] = moment;
  properties["recordedAt"]["description"] = "When the consent was recorded.";
  properties["withdrawalRecordedBy"] = recording;
  properties["withdrawalRecordedBy"]["description"] =
      "The account that recorded the withdrawal; only when withdrawn.";
  properties["withdrawalRecordedAt"] = moment;
  properties["withdrawalRecordedAt"]["description"] =
      "When the withdrawal was recorded; only when withdrawn.";
  for (const char* name : {"inForce", "recordedBy", "recordedAt"}) {
    schema["required"].push_back(name);
  }
}

}  // namespace

void add_consent_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<ConsentSpec>::add(registry, database);
  add_read_only_properties(registry.schemas[std::string(ConsentSpec::kNames.schema)]);
  registry.tags.push_back(
      {{"name", ConsentSpec::kNames.tag},
       {"description",
        "A household's consent per purpose (sharing between organisations, research use), "
        "with who recorded it and when. Withdrawn by a PUT with withdrawnOn; never deleted."}});
}

}  // namespace dichtbij::api
