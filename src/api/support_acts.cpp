#include "api/support_acts.hpp"

#include "api/crud_routes.hpp"
#include "api/today.hpp"
#include "core/support_act.hpp"
#include "store/support_act_repository.hpp"

namespace dichtbij::api {

namespace {

struct SupportActSpec {
  using Fields = SupportActFields;
  using Record = SupportAct;
  using Repository = store::SupportActRepository;
  using Query = SupportActFilter;
  static constexpr std::string_view kCollection = "/api/v1/support-acts";
  static constexpr access::Resource kResource = access::Resource::support_act;
  static constexpr OperationNames kNames{"Support acts", "SupportAct", "SupportActInput",
                                         "support act"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "A support act (steunmoment): who gave what support to whom, and who mobilised it.";
  static std::optional<HouseholdId> household_of(const Record& record) {
    return record.fields.household;
  }
  static HouseholdId household_of(const Fields& fields) { return fields.household; }
  // A volunteer sees and changes the acts they gave.
  static PersonId owner(const Record& record) { return record.fields.provider; }
  static PersonId owner(const Fields& fields) { return fields.provider; }
  static void limit_to_owner(Query& query, const PersonId& person) { query.provider = person; }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.date("date", fields.date, "The day the support was given.");
    reader.id("householdId", fields.household, "The household it was for.");
    reader.id("providerId", fields.provider, "Who gave the support.");
    reader.id("receiverId", fields.receiver, "Who received it.");
    reader.enumeration("supportType", fields.support_type, "What kind of support.");
    reader.optional_integer("durationMinutes", fields.duration_minutes, 1,
                            Fields::kMaxDurationMinutes, "How long, in minutes.");
    reader.enumeration("mode", fields.mode, "How it was given.");
    reader.enumeration("mobilisedBy", fields.mobilised_by,
                       "Who set it in motion: the household, its network, or a professional.");
    reader.optional_id("mobilisedById", fields.mobilised_by_person, "Who exactly, when known.");
    reader.id_list("othersInvolvedIds", fields.others_involved, Fields::kMaxOthersInvolved,
                   "Others who took part (collaboration of formal and informal helpers).");
    reader.optional_id("agreementId", fields.agreement,
                       "The support plan agreement it carries out, of the same household.");
    reader.optional_text("note", fields.note, Fields::kMaxNoteLength, "A short note.");
  }

  static std::vector<InvalidParam> check(const Fields& fields) {
    return dichtbij::check(fields, today());
  }

  static nlohmann::json to_json(const Record& act) {
    const Fields& fields = act.fields;
    nlohmann::json json{{"id", act.id.str()},
                        {"date", format_date(fields.date)},
                        {"householdId", fields.household.str()},
                        {"providerId", fields.provider.str()},
                        {"receiverId", fields.receiver.str()},
                        {"supportType", to_code(fields.support_type)},
                        {"mode", to_code(fields.mode)},
                        {"mobilisedBy", to_code(fields.mobilised_by)},
                        {"othersInvolvedIds", nlohmann::json::array()}};
    if (fields.duration_minutes) json["durationMinutes"] = *fields.duration_minutes;
    if (fields.mobilised_by_person) json["mobilisedById"] = fields.mobilised_by_person->str();
    for (const PersonId& other : fields.others_involved)
      json["othersInvolvedIds"].push_back(other.str());
    if (fields.agreement) json["agreementId"] = fields.agreement->str();
    if (fields.note) json["note"] = *fields.note;
    return json;
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.household = query.id<HouseholdTag>("householdId", "Only acts for this household.");
    filter.practice =
        query.id<PracticeTag>("practiceId", "Only acts for households of this practice.");
    filter.provider = query.id<PersonTag>("providerId", "Only acts given by this person.");
    filter.from = query.date("fromDate", "Only acts on or after this day.");
    filter.to = query.date("toDate", "Only acts on or before this day.");
    filter.support_type =
        query.enumeration<SupportType>("supportType", "Only this kind of support.");
    filter.mobilised_by =
        query.enumeration<MobilisedBy>("mobilisedBy", "Only acts mobilised this way.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    if (query.from && query.to && *query.to < *query.from) {
      Error error = make_error(ErrorCode::invalid_input, "the date range is empty");
      error.invalid_params.push_back({"toDate", "must not be before fromDate"});
      return error;
    }
    return repository.list(query, paging);
  }
};

}  // namespace

void add_support_act_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<SupportActSpec>::add(registry, database);
  registry.tags.push_back(
      {{"name", SupportActSpec::kNames.tag},
       {"description", "Support acts (steunmomenten) and who mobilised them."}});
}

}  // namespace dichtbij::api
