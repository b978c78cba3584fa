#include "api/practices.hpp"

#include "api/crud_routes.hpp"
#include "core/practice.hpp"
#include "store/practice_repository.hpp"

namespace dichtbij::api {

namespace {

struct PracticeSpec {
  using Fields = PracticeFields;
  using Record = Practice;
  using Repository = store::PracticeRepository;
  using Query = store::PracticeFilter;
  static constexpr std::string_view kCollection = "/api/v1/practices";
  static constexpr access::Resource kResource = access::Resource::practice;
  static constexpr OperationNames kNames{"Practices", "Practice", "PracticeInput", "practice"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription =
      "A practice (praktijk): a programme with its target groups, neighbourhoods and "
      "organisations.";

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.text("name", fields.name, Fields::kMaxNameLength, "The practice's name.");
    reader.optional_text("description", fields.description, Fields::kMaxDescriptionLength,
                         "What the practice does, for whom.");
    reader.enumeration_list("targetGroups", fields.target_groups, 1, "Who it is for.");
    reader.text_list("buurtCodes", fields.buurt_codes, Fields::kMaxBuurtCodes, 10,
                     "CBS buurt codes of the neighbourhoods it works in.");
    reader.id_list("organisationIds", fields.organisations, Fields::kMaxOrganisations,
                   "The organisations that run it.");
  }

  static std::vector<InvalidParam> check(const Fields& fields) { return dichtbij::check(fields); }

  static nlohmann::json to_json(const Record& practice) {
    nlohmann::json json{{"id", practice.id.str()},
                        {"name", practice.fields.name},
                        {"targetGroups", nlohmann::json::array()},
                        {"buurtCodes", practice.fields.buurt_codes},
                        {"organisationIds", nlohmann::json::array()}};
    if (practice.fields.description) json["description"] = *practice.fields.description;
    for (TargetGroup group : practice.fields.target_groups)
      json["targetGroups"].push_back(to_code(group));
    for (const OrganisationId& id : practice.fields.organisations)
      json["organisationIds"].push_back(id.str());
    return json;
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.target_group =
        query.enumeration<TargetGroup>("targetGroup", "Only practices for this group.");
    filter.name_contains = query.text("q", 100, "Only practices whose name contains this.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

}  // namespace

void add_practice_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<PracticeSpec>::add(registry, database);
  registry.tags.push_back({{"name", PracticeSpec::kNames.tag},
                           {"description", "Practices (praktijken): the unit of comparison."}});
}

}  // namespace dichtbij::api
