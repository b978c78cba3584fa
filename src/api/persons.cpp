#include "api/persons.hpp"

#include "api/crud_routes.hpp"
#include "api/period_fields.hpp"
#include "api/today.hpp"
#include "core/person.hpp"
#include "store/person_repository.hpp"

namespace dichtbij::api {

namespace {

void read_role(FieldReader& reader, RoleSpell& spell) {
  reader.enumeration("role", spell.role, "The role.");
  read_period(reader, spell.period);
}

void read_membership(FieldReader& reader, Membership& membership) {
  reader.id("organisationId", membership.organisation, "The organisation.");
  read_period(reader, membership.period);
}

void read_person_fields(FieldReader& reader, PersonFields& fields) {
  reader.text("displayName", fields.display_name, PersonFields::kMaxNameLength,
              "How the person is shown; an alias is fine.");
  reader.optional_integer("birthYear", fields.birth_year, PersonFields::kEarliestBirthYear, 2200,
                          "Year of birth (never a birth date).");
  reader.optional_text("buurtCode", fields.buurt_code, 10,
                       "CBS buurt code of where the person lives, e.g. BU03630000.");
  reader.text_list("languages", fields.languages, PersonFields::kMaxListItems,
                   PersonFields::kMaxItemLength, "Languages the person speaks.");
  reader.text_list("skills", fields.skills, PersonFields::kMaxListItems,
                   PersonFields::kMaxItemLength, "Skills and interests.");
  reader.object_list("roles", fields.roles, 50, "Roles held over time.", &read_role);
  reader.object_list("memberships", fields.memberships, 50,
                     "Memberships of organisations over time.", &read_membership);
}

nlohmann::json person_json(const Person& person) {
  const PersonFields& fields = person.fields;
  nlohmann::json json{{"id", person.id.str()},
                      {"displayName", fields.display_name},
                      {"languages", fields.languages},
                      {"skills", fields.skills},
                      {"roles", nlohmann::json::array()},
                      {"memberships", nlohmann::json::array()}};
  if (fields.birth_year) json["birthYear"] = *fields.birth_year;
  if (fields.buurt_code) json["buurtCode"] = *fields.buurt_code;
  for (const RoleSpell& spell : fields.roles) {
    nlohmann::json role = period_json(spell.period);
    role["role"] = to_code(spell.role);
    json["roles"].push_back(std::move(role));
  }
  for (const Membership& membership : fields.memberships) {
    nlohmann::json item = period_json(membership.period);
    item["organisationId"] = membership.organisation.str();
    json["memberships"].push_back(std::move(item));
  }
  return json;
}

struct ListQuery {
  PersonFilter filter;
  std::optional<Date> on;
  std::optional<Reach> reach;
};

ListQuery read_person_query(QueryReader& query) {
  ListQuery list;
  list.filter.role = query.enumeration<PersonRole>("role", "Only persons holding this role.");
  list.filter.organisation =
      query.id<OrganisationTag>("organisationId", "Only members (ever) of this organisation.");
  list.filter.name_contains = query.text("q", 100, "Only persons whose name contains this.");
  list.on = query.date("onDate", "The day the role filter applies to; default today.");
  return list;
}

struct PersonSpec {
  using Fields = PersonFields;
  using Record = Person;
  using Repository = store::PersonRepository;
  using Query = ListQuery;
  static constexpr std::string_view kCollection = "/api/v1/persons";
  static constexpr access::Resource kResource = access::Resource::person;
  static constexpr OperationNames kNames{"Persons", "Person", "PersonInput", "person"};
  static constexpr bool kIfMatchRequired = true;
  static constexpr std::string_view kDescription = "A person in a support network.";

  static void read_fields(FieldReader& reader, Fields& fields) {
    read_person_fields(reader, fields);
  }
  static std::vector<InvalidParam> check(const Fields& fields) {
    return dichtbij::check(fields, static_cast<int>(today().year()));
  }
  static nlohmann::json to_json(const Record& person) { return person_json(person); }
  // What a volunteer sees of the people they deal with: a first name.
  static nlohmann::json to_minimised_json(const Record& person) {
    const std::string& name = person.fields.display_name;
    return {{"id", person.id.str()}, {"displayName", name.substr(0, name.find(' '))}};
  }
  static Query read_query(QueryReader& query) { return read_person_query(query); }
  static Result<Page<Record>> list(Repository& repository, const Query& query,
                                   const Paging& paging) {
    PersonFilter filter = query.filter;
    filter.reach = query.reach;
    return repository.list(filter, query.on.value_or(today()), paging);
  }
};

}  // namespace

void add_person_routes(ApiRegistry& registry, store::Database& database) {
  CrudRoutes<PersonSpec>::add(registry, database);
  registry.tags.push_back({{"name", PersonSpec::kNames.tag},
                           {"description", "Everyone in a network, with roles held over time."}});
}

}  // namespace dichtbij::api
