#include "api/organisations.hpp"

#include "api/crud_routes.hpp"
#include "core/organisation.hpp"
#include "store/organisation_repository.hpp"

namespace dichtbij::api {

namespace {

struct OrganisationSpec {
  using Fields = OrganisationFields;
  using Record = Organisation;
  using Repository = store::OrganisationRepository;
  using Query = OrganisationFilter;
  static constexpr std::string_view kCollection = "/api/v1/organisations";
  static constexpr access::Resource kResource = access::Resource::organisation;
  static constexpr OperationNames kNames{"Organisations", "Organisation", "OrganisationInput",
                                         "organisation"};
  static constexpr bool kIfMatchRequired = false;
  static constexpr std::string_view kDescription = "An organisation.";

  static void read_fields(FieldReader& reader, Fields& fields) {
    reader.text("name", fields.name, Fields::kMaxNameLength, "The organisation's name.");
    reader.enumeration("kind", fields.kind, "What kind of organisation it is.");
    reader.boolean("formal", fields.formal,
                   "True for formal (paid or mandated) help, false for civil society.");
  }

  static std::vector<InvalidParam> check(const Fields&) { return {}; }

  static nlohmann::json to_json(const Record& organisation) {
    return {{"id", organisation.id.str()},
            {"name", organisation.fields.name},
            {"kind", to_code(organisation.fields.kind)},
            {"formal", organisation.fields.formal}};
  }

  static Query read_query(QueryReader& query) {
    Query filter;
    filter.kind = query.enumeration<OrganisationKind>("kind", "Only organisations of this kind.");
    filter.name_contains = query.text("q", 100, "Only organisations whose name contains this.");
    return filter;
  }

  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    return repository.list(query, paging);
  }
};

}  // namespace

void add_organisation_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<OrganisationSpec>::add(registry, database);
  registry.tags.push_back(
      {{"name", OrganisationSpec::kNames.tag},
       {"description", "Organisations that helpers and professionals belong to."}});
}

}  // namespace dichtbij::api
