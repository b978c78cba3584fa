#include "api/ties.hpp"

#include "api/crud_routes.hpp"
#include "api/period_fields.hpp"
#include "core/tie.hpp"
#include "store/household_repository.hpp"
#include "store/tie_repository.hpp"

namespace dichtbij::api {

namespace {

struct TieSpec {
  using Fields = TieFields;
  using Record = Tie;
  using Repository = store::TieRepository;
  using Query = TieFilter;
  using Scope = HouseholdId;
  static constexpr std::string_view kScopeParameter = "householdId";
  static constexpr std::string_view kScopeName = "household";
  static constexpr std::string_view kCollection = "/api/v1/households/:householdId/ties";
  static constexpr access::Resource kResource = access::Resource::tie;
  static constexpr OperationNames kNames{"Ties", "Tie", "TieInput", "tie"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "A tie between a network person and a household member or another network person.";

  static bool scope_exists(store::Transaction& transaction, const Scope& household) {
    return store::HouseholdRepository(transaction).exists(household);
  }
  static Repository repository(store::Transaction& transaction, const Scope& household) {
    return Repository(transaction, household);
  }

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.id("personId", fields.person, "The network person.");
    reader.id("otherPersonId", fields.other,
              "The household member, or another network person (for density and brokerage).");
    reader.enumeration("relationKind", fields.relation_kind, "How they are related.");
    reader.enumeration_list("supportTypes", fields.support_types, 0,
                            "What support flows along the tie (Social Support Network Map).");
    reader.integer("closeness", fields.closeness, Fields::kClosest, Fields::kFarthest,
                   "1 inner ring (closest) to 3 outer ring.");
    reader.optional_enumeration("contactFrequency", fields.contact_frequency,
                                "How often they meet.");
    reader.enumeration("direction", fields.direction,
                       "Who helps whom, seen from personId towards otherPersonId.");
    reader.enumeration("quality", fields.quality,
                       "Strong, ordinary, tenuous or stressful (ecomap).");
    read_period(reader, fields.period);
  }

  static std::vector<InvalidParam> check(const Fields& fields) { return dichtbij::check(fields); }

  static nlohmann::json to_json(const Record& tie) {
    const Fields& fields = tie.fields;
    nlohmann::json json = period_json(fields.period);
    json["id"] = tie.id.str();
    json["personId"] = fields.person.str();
    json["otherPersonId"] = fields.other.str();
    json["relationKind"] = to_code(fields.relation_kind);
    json["supportTypes"] = nlohmann::json::array();
    for (SupportType type : fields.support_types) json["supportTypes"].push_back(to_code(type));
    json["closeness"] = fields.closeness;
    if (fields.contact_frequency) json["contactFrequency"] = to_code(*fields.contact_frequency);
    json["direction"] = to_code(fields.direction);
    json["quality"] = to_code(fields.quality);
    return json;
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.on = query.date("onDate", "Only ties that held on this day.");
    filter.person = query.id<PersonTag>("personId", "Only ties with this person at either end.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

}  // namespace

void add_tie_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<TieSpec>::add(registry, database);
  registry.tags.push_back(
      {{"name", TieSpec::kNames.tag}, {"description", "Ties around a household, dated."}});
}

}  // namespace dichtbij::api
