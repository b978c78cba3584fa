#include "api/facilities.hpp"

#include "api/crud_routes.hpp"
#include "api/today.hpp"
#include "core/buurt_code.hpp"
#include "core/facility.hpp"
#include "store/facility_repository.hpp"

namespace dichtbij::api {

namespace {

struct FacilitySpec {
  using Fields = FacilityFields;
  using Record = Facility;
  using Repository = store::FacilityRepository;
  using Query = FacilityFilter;
  static constexpr std::string_view kCollection = "/api/v1/facilities";
  static constexpr access::Resource kResource = access::Resource::facility;
  static constexpr OperationNames kNames{"Social map", "Facility", "FacilityInput", "facility"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "A facility (voorziening) on a neighbourhood's social map.";

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.text("name", fields.name, Fields::kMaxNameLength, "The facility's name.");
    reader.enumeration("kind", fields.kind, "What kind of facility.");
    reader.text("buurtCode", fields.buurt_code, 10, "CBS buurt code where it is, e.g. BU03630000.");
    reader.optional_text("address", fields.address, 200, "Street address.");
    reader.optional_text("description", fields.description, Fields::kMaxTextLength,
                         "What it offers, when.");
    reader.optional_id("organisationId", fields.organisation, "The organisation that runs it.");
  }
  static std::vector<InvalidParam> check(const Fields& fields) { return dichtbij::check(fields); }
  static nlohmann::json to_json(const Record& facility) {
    const Fields& fields = facility.fields;
    nlohmann::json json{{"id", facility.id.str()},
                        {"name", fields.name},
                        {"kind", to_code(fields.kind)},
                        {"buurtCode", fields.buurt_code}};
    if (fields.address) json["address"] = *fields.address;
    if (fields.description) json["description"] = *fields.description;
    if (fields.organisation) json["organisationId"] = fields.organisation->str();
    return json;
  }
  static Query read_query(QueryReader& query) {
    Query filter;
    filter.kind = query.enumeration<FacilityKind>("kind", "Only facilities of this kind.");
    filter.buurt_code = query.text("buurtCode", 10, "Only facilities in this neighbourhood.");
    return filter;
  }
  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    if (query.buurt_code && !is_buurt_code(*query.buurt_code)) {
      Error error = make_error(ErrorCode::invalid_input, "the buurt code is not valid");
      error.invalid_params.push_back({"buurtCode", "must be a CBS buurt code, e.g. BU03630000"});
      return error;
    }
    return repository.list(query, paging);
  }
};

struct ReferralSpec {
  using Fields = ReferralFields;
  using Record = Referral;
  using Repository = store::ReferralRepository;
  using Query = ReferralFilter;
  static constexpr std::string_view kCollection = "/api/v1/referrals";
  static constexpr access::Resource kResource = access::Resource::referral;
  static constexpr OperationNames kNames{"Social map", "Referral", "ReferralInput", "referral"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription = "A referral of a household to a facility.";
  static std::optional<HouseholdId> household_of(const Record& record) {
    return record.fields.household;
  }
  static HouseholdId household_of(const Fields& fields) { return fields.household; }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.date("date", fields.date, "The day of the referral.");
    reader.id("householdId", fields.household, "The household referred.");
    reader.id("facilityId", fields.facility, "The facility referred to.");
    reader.optional_id("personId", fields.person, "Who in the household was referred.");
    reader.optional_id("referredById", fields.referred_by, "Who referred them.");
    reader.enumeration("status", fields.status, "Where the referral stands.");
    reader.optional_text("note", fields.note, Fields::kMaxNoteLength, "A short note.");
  }
  static std::vector<InvalidParam> check(const Fields& fields) {
    return dichtbij::check(fields, today());
  }
  static nlohmann::json to_json(const Record& referral) {
    const Fields& fields = referral.fields;
    nlohmann::json json{{"id", referral.id.str()},
                        {"date", format_date(fields.date)},
                        {"householdId", fields.household.str()},
                        {"facilityId", fields.facility.str()},
                        {"status", to_code(fields.status)}};
    if (fields.person) json["personId"] = fields.person->str();
    if (fields.referred_by) json["referredById"] = fields.referred_by->str();
    if (fields.note) json["note"] = *fields.note;
    return json;
  }
  static Query read_query(QueryReader& query) {
    Query filter;
    filter.household = query.id<HouseholdTag>("householdId", "Only referrals of this household.");
    filter.facility = query.id<FacilityTag>("facilityId", "Only referrals to this facility.");
    filter.status = query.enumeration<ReferralStatus>("status", "Only referrals with this status.");
    return filter;
  }
  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

}  // namespace

void add_facility_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<FacilitySpec>::add(registry, database);
  CrudRoutes<ReferralSpec>::add(registry, database);
  registry.tags.push_back(
      {{"name", FacilitySpec::kNames.tag},
       {"description", "Facilities per neighbourhood, and referrals to them."}});
}

}  // namespace dichtbij::api
