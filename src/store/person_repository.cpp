#include "store/person_repository.hpp"

#include <soci/soci.h>

#include "store/act_rollup.hpp"
#include "store/child_rows.hpp"
#include "store/reach.hpp"
#include "store/record_helpers.hpp"
#include "store/sql_text.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "persons";
constexpr std::string_view kWhat = "person";

struct Row {
  std::string id;
  int version = 0;
  std::string display_name;
  int birth_year = 0;
  soci::indicator birth_year_indicator = soci::i_null;
  std::string buurt_code;
  soci::indicator buurt_code_indicator = soci::i_null;
  std::string languages;
  std::string skills;

  Person to_person() const {
    Person person{PersonId(id), version, {}};
    person.fields.display_name = display_name;
    if (birth_year_indicator == soci::i_ok) person.fields.birth_year = birth_year;
    if (buurt_code_indicator == soci::i_ok) person.fields.buurt_code = buurt_code;
    person.fields.languages = from_json_array(languages);
    person.fields.skills = from_json_array(skills);
    return person;
  }
};

// Binds a Row's columns, in the order of kColumns.
#define DICHTBIJ_PERSON_INTO(row)                                                      \
  soci::into(row.id), soci::into(row.version), soci::into(row.display_name),           \
      soci::into(row.birth_year, row.birth_year_indicator),                            \
      soci::into(row.buurt_code, row.buurt_code_indicator), soci::into(row.languages), \
      soci::into(row.skills)

constexpr const char* kColumns =
    "id, version, display_name, birth_year, buurt_code, languages, skills";

constexpr const char* kWhere =
    " WHERE (CAST(:name1 AS TEXT) IS NULL OR LOWER(display_name) LIKE :name2 ESCAPE '\\')"
    " AND (CAST(:role1 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM person_roles r"
    " WHERE r.person_id = persons.id AND r.role = :role2 AND r.valid_from <= :today1"
    " AND (r.valid_until IS NULL OR r.valid_until >= :today2)))"
    " AND (CAST(:organisation1 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM person_memberships m"
    " WHERE m.person_id = persons.id AND m.organisation_id = :organisation2))";

struct BoundFilter {
  std::string name, role, organisation, today;
  soci::indicator name_indicator = soci::i_null, role_indicator = soci::i_null,
                  organisation_indicator = soci::i_null;

  BoundFilter(const PersonFilter& filter, const Date& day) : today(format_date(day)) {
    if (filter.name_contains) {
      name = contains_pattern(*filter.name_contains);
      name_indicator = soci::i_ok;
    }
    if (filter.role) {
      role = std::string(to_code(*filter.role));
      role_indicator = soci::i_ok;
    }
    if (filter.organisation) {
      organisation = filter.organisation->str();
      organisation_indicator = soci::i_ok;
    }
  }
};

#define DICHTBIJ_PERSON_FILTER_USE(bound)                                                       \
  soci::use(bound.name, bound.name_indicator), soci::use(bound.name, bound.name_indicator),     \
      soci::use(bound.role, bound.role_indicator), soci::use(bound.role, bound.role_indicator), \
      soci::use(bound.today), soci::use(bound.today),                                           \
      soci::use(bound.organisation, bound.organisation_indicator),                              \
      soci::use(bound.organisation, bound.organisation_indicator)

constexpr ChildTable kRoles{"person_roles", "person_id", "role, valid_from, valid_until",
                            "position"};
constexpr ChildTable kMemberships{"person_memberships", "person_id",
                                  "organisation_id, valid_from, valid_until", "position"};

soci::indicator optional_text(const std::optional<std::string>& value, std::string& out) {
  out = value.value_or("");
  return value ? soci::i_ok : soci::i_null;
}

}  // namespace

Result<void> PersonRepository::check_references(const PersonFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.memberships.size(); ++i) {
    if (!row_exists(transaction_, "organisations", fields.memberships[i].organisation.str())) {
      problems.push_back(
          {"memberships[" + std::to_string(i) + "].organisationId", "names no organisation"});
    }
  }
  if (problems.empty()) return {};
  Error error =
      make_error(ErrorCode::invalid_input, "the person refers to records that do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

void PersonRepository::write_children(const std::string& id, const PersonFields& fields) {
  soci::session& session = transaction_.session();
  session << "DELETE FROM person_roles WHERE person_id = :id", soci::use(id);
  session << "DELETE FROM person_memberships WHERE person_id = :id", soci::use(id);
  for (std::size_t i = 0; i != fields.roles.size(); ++i) {
    const RoleSpell& spell = fields.roles[i];
    const int position = static_cast<int>(i);
    const std::string role(to_code(spell.role));
    const std::string from = format_date(spell.period.from);
    const std::string until = spell.period.until ? format_date(*spell.period.until) : "";
    soci::indicator until_indicator = spell.period.until ? soci::i_ok : soci::i_null;
    session << "INSERT INTO person_roles (person_id, position, role, valid_from, valid_until) "
               "VALUES (:id, :position, :role, :from, :until)",
        soci::use(id), soci::use(position), soci::use(role), soci::use(from),
        soci::use(until, until_indicator);
  }
  for (std::size_t i = 0; i != fields.memberships.size(); ++i) {
    const Membership& membership = fields.memberships[i];
    const int position = static_cast<int>(i);
    const std::string from = format_date(membership.period.from);
    const std::string until = membership.period.until ? format_date(*membership.period.until) : "";
    soci::indicator until_indicator = membership.period.until ? soci::i_ok : soci::i_null;
    session << "INSERT INTO person_memberships (person_id, position, organisation_id, valid_from, "
               "valid_until) VALUES (:id, :position, :organisation, :from, :until)",
        soci::use(id), soci::use(position), soci::use(membership.organisation.str()),
        soci::use(from), soci::use(until, until_indicator);
  }
}

void PersonRepository::load_children(std::vector<Person>& persons) {
  soci::session& session = transaction_.session();
  const std::vector<std::string> ids = ids_of(persons);
  std::string role, organisation, from, until;
  soci::indicator until_indicator = soci::i_null;
  for_each_child_row(
      session, kRoles, ids,
      [&](soci::statement& statement) {
        statement.exchange(soci::into(role));
        statement.exchange(soci::into(from));
        statement.exchange(soci::into(until, until_indicator));
      },
      [&](std::size_t parent) {
        RoleSpell spell{from_code<PersonRole>(role).value_or(PersonRole::client),
                        {read_date(from), {}}};
        if (until_indicator == soci::i_ok) spell.period.until = read_date(until);
        persons[parent].fields.roles.push_back(spell);
      });
  for_each_child_row(
      session, kMemberships, ids,
      [&](soci::statement& statement) {
        statement.exchange(soci::into(organisation));
        statement.exchange(soci::into(from));
        statement.exchange(soci::into(until, until_indicator));
      },
      [&](std::size_t parent) {
        Membership membership{OrganisationId(organisation), {read_date(from), {}}};
        if (until_indicator == soci::i_ok) membership.period.until = read_date(until);
        persons[parent].fields.memberships.push_back(membership);
      });
}

Result<Person> PersonRepository::create(const PersonFields& fields,
                                        const std::optional<AccountId>& recorded_by) {
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  std::string buurt_code;
  soci::indicator buurt_indicator = optional_text(fields.buurt_code, buurt_code);
  const int birth_year = fields.birth_year.value_or(0);
  soci::indicator birth_indicator = fields.birth_year ? soci::i_ok : soci::i_null;
  const std::string languages = to_json_array(fields.languages);
  const std::string skills = to_json_array(fields.skills);
  std::string recorder = recorded_by ? recorded_by->str() : std::string();
  soci::indicator recorder_indicator = recorded_by ? soci::i_ok : soci::i_null;
  transaction_.session()
      << "INSERT INTO persons (id, version, display_name, birth_year, buurt_code, languages, "
         "skills, created_by, created_at, updated_at) VALUES (:id, 1, :name, :birth_year, "
         ":buurt_code, :languages, :skills, :created_by, :created_at, :updated_at)",
      soci::use(id), soci::use(fields.display_name), soci::use(birth_year, birth_indicator),
      soci::use(buurt_code, buurt_indicator), soci::use(languages), soci::use(skills),
      soci::use(recorder, recorder_indicator), soci::use(now), soci::use(now);
  write_children(id, fields);
  return Person{PersonId(id), 1, fields};
}

Result<Person> PersonRepository::get(const PersonId& id) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM persons WHERE id = :id", soci::use(id.str()),
      DICHTBIJ_PERSON_INTO(row);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no person " + id.str());
  std::vector<Person> found{row.to_person()};
  load_children(found);
  return std::move(found.front());
}

Result<Page<Person>> PersonRepository::list(const PersonFilter& filter, const Date& today,
                                            const Paging& paging) {
  soci::session& session = transaction_.session();
  BoundFilter bound(filter, today);
  Page<Person> page;
  ReachValues reach(filter.reach.value_or(Reach::all()));
  const std::string where = kWhere + (" AND " + persons_in_reach());
  session << reach_cte() << "SELECT COUNT(*) FROM persons" << where, DICHTBIJ_REACH_CTE_USE(reach),
      DICHTBIJ_PERSON_FILTER_USE(bound), DICHTBIJ_PERSONS_REACH_USE(reach), soci::into(page.total);
  Row row;
  long long limit = paging.limit;
  long long offset = paging.offset;
  std::vector<Person> found;
  soci::statement statement =
      (session.prepare << reach_cte() << "SELECT " << kColumns << " FROM persons" << where
                       << " ORDER BY display_name, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_PERSON_FILTER_USE(bound),
       DICHTBIJ_PERSONS_REACH_USE(reach), soci::use(limit), soci::use(offset),
       DICHTBIJ_PERSON_INTO(row));
  statement.execute();
  while (statement.fetch()) found.push_back(row.to_person());
  load_children(found);
  page.items = std::move(found);
  return page;
}

Result<Person> PersonRepository::update(const PersonId& id, std::optional<int> expected_version,
                                        const PersonFields& fields) {
  Result<Person> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  std::string buurt_code;
  soci::indicator buurt_indicator = optional_text(fields.buurt_code, buurt_code);
  const int birth_year = fields.birth_year.value_or(0);
  soci::indicator birth_indicator = fields.birth_year ? soci::i_ok : soci::i_null;
  const std::string languages = to_json_array(fields.languages);
  const std::string skills = to_json_array(fields.skills);
  transaction_.session() << "UPDATE persons SET display_name = :name, birth_year = :birth_year, "
                            "buurt_code = :buurt_code, languages = :languages, skills = :skills "
                            "WHERE id = :id",
      soci::use(fields.display_name), soci::use(birth_year, birth_indicator),
      soci::use(buurt_code, buurt_indicator), soci::use(languages), soci::use(skills),
      soci::use(id.str());
  // Whether they were a professional on an act's day decides how the acts
  // they gave or took part in count (store/act_rollup.hpp).
  const bool roles_changed = current->fields.roles != fields.roles;
  if (roles_changed) roll_up_person(transaction_, id.str(), RollupChange::take_out);
  write_children(id.str(), fields);
  if (roles_changed) roll_up_person(transaction_, id.str(), RollupChange::put_in);
  return Person{id, current->version + 1, fields};
}

Result<void> PersonRepository::remove(const PersonId& id) {
  return delete_row(transaction_, kTable, kWhat, id.str());
}

bool PersonRepository::exists(const PersonId& id) {
  return row_exists(transaction_, kTable, id.str());
}

}  // namespace dichtbij::store
