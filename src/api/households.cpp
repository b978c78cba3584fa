#include "api/households.hpp"

#include "api/crud_routes.hpp"
#include "api/period_fields.hpp"
#include "api/today.hpp"
#include "core/date.hpp"
#include "core/household.hpp"
#include "store/household_repository.hpp"

namespace dichtbij::api {

namespace {

struct HouseholdSpec {
  using Fields = HouseholdFields;
  using Record = Household;
  using Repository = store::HouseholdRepository;
  using Query = HouseholdFilter;
  static constexpr std::string_view kCollection = "/api/v1/households";
  static constexpr access::Resource kResource = access::Resource::household;
  static constexpr OperationNames kNames{"Households", "Household", "HouseholdInput", "household"};
  static constexpr bool kIfMatchRequired = true;
  static constexpr std::string_view kDescription =
      "A household, single person or group, with its practices, members and team over time.";
  static std::optional<HouseholdId> household_of(const Record& record) { return record.id; }
  static Result<void> check_create(const Actor& actor, const Fields& fields) {
    return access::may_create_household(actor, fields, today());
  }
  static Result<void> check_update(const access::HouseholdAccess& access, const Record& before,
                                   const Fields& after) {
    return access::may_update_household(access, before.fields, after);
  }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.enumeration("kind", fields.kind, "Household, single person or group.");
    reader.text("name", fields.name, Fields::kMaxNameLength,
                "How the household is shown; an alias is fine.");
    reader.enumeration("targetGroup", fields.target_group, "The target group it belongs to.");
    reader.optional_text("buurtCode", fields.buurt_code, 10, "CBS buurt code, e.g. BU03630000.");
    reader.enumeration("status", fields.status, "Where the support stands.");
    reader.id_list("practiceIds", fields.practices, Fields::kMaxPractices,
                   "The practices it takes part in (at least one).");
    reader.object_list("members", fields.members, Fields::kMaxMembers, "Members over time.",
                       &read_person_period);
    reader.object_list("team", fields.team, Fields::kMaxTeam,
                       "Professionals on the household's team over time.", &read_person_period);
  }

  static std::vector<InvalidParam> check(const Fields& fields) {
    std::vector<InvalidParam> problems = dichtbij::check(fields);
    if (fields.practices.empty())
      problems.push_back({"practiceIds", "must name at least one practice"});
    return problems;
  }

  static nlohmann::json to_json(const Record& household) {
    const Fields& fields = household.fields;
    nlohmann::json json{{"id", household.id.str()},
                        {"kind", to_code(fields.kind)},
                        {"name", fields.name},
                        {"targetGroup", to_code(fields.target_group)},
                        {"status", to_code(fields.status)},
                        {"practiceIds", nlohmann::json::array()},
                        {"members", nlohmann::json::array()},
                        {"team", nlohmann::json::array()}};
    if (fields.buurt_code) json["buurtCode"] = *fields.buurt_code;
    if (household.last_activity_on)
      json["lastActivityOn"] = format_date(*household.last_activity_on);
    for (const PracticeId& id : fields.practices) json["practiceIds"].push_back(id.str());
    for (const PersonPeriod& member : fields.members)
      json["members"].push_back(person_period_json(member));
    for (const PersonPeriod& professional : fields.team)
      json["team"].push_back(person_period_json(professional));
    return json;
  }

  static void add_derived_properties(nlohmann::json& schema) {
    schema["properties"]["lastActivityOn"] = {
        {"type", "string"},
        {"format", "date"},
        {"readOnly", true},
        {"description",
         "Last activity: the later of the date of the household's latest support act and the "
         "day (UTC) one of its ties or agreements was last created or changed. Absent when it "
         "has none yet, and in the answer to a create or replace."}};
  }

  // What a volunteer helping there sees: which household, and who is in it
  // now (their first names come with the persons).
  static nlohmann::json to_minimised_json(const Record& household) {
    nlohmann::json json{{"id", household.id.str()},
                        {"kind", to_code(household.fields.kind)},
                        {"members", nlohmann::json::array()}};
    for (const PersonPeriod& member : household.fields.members) {
      if (member.period.contains(today())) json["members"].push_back(person_period_json(member));
    }
    return json;
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.practice = query.id<PracticeTag>("practiceId", "Only households of this practice.");
    filter.status =
        query.enumeration<HouseholdStatus>("status", "Only households with this status.");
    filter.target_group = query.enumeration<TargetGroup>("targetGroup", "Only this target group.");
    filter.name_contains = query.text("q", 100, "Only households whose name contains this.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

}  // namespace

void add_household_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<HouseholdSpec>::add(registry, database);
  registry.tags.push_back({{"name", HouseholdSpec::kNames.tag},
                           {"description", "Households, single persons and groups."}});
}

}  // namespace dichtbij::api
