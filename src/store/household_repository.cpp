#include "store/household_repository.hpp"

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

constexpr std::string_view kTable = "households";
constexpr std::string_view kWhat = "household";

struct Row {
  std::string id;
  int version = 0;
  std::string kind;
  std::string name;
  std::string target_group;
  std::string buurt_code;
  soci::indicator buurt_code_indicator = soci::i_null;
  std::string status;
  std::string last_activity_on;
  soci::indicator last_activity_indicator = soci::i_null;

  Household to_household() const {
    Household household{HouseholdId(id), version, {}, std::nullopt};
    HouseholdFields& fields = household.fields;
    fields.kind = from_code<HouseholdKind>(kind).value_or(HouseholdKind::household);
    fields.name = name;
    fields.target_group = from_code<TargetGroup>(target_group).value_or(TargetGroup::other);
    if (buurt_code_indicator == soci::i_ok) fields.buurt_code = buurt_code;
    fields.status = from_code<HouseholdStatus>(status).value_or(HouseholdStatus::intake);
    if (last_activity_indicator == soci::i_ok)
      household.last_activity_on = read_date(last_activity_on);
    return household;
  }
};

#define DICHTBIJ_HOUSEHOLD_INTO(row)                                                       \
  soci::into(row.id), soci::into(row.version), soci::into(row.kind), soci::into(row.name), \
      soci::into(row.target_group), soci::into(row.buurt_code, row.buurt_code_indicator),  \
      soci::into(row.status), soci::into(row.last_activity_on, row.last_activity_indicator)

// The last activity is a correlated subquery per row rather than a second
// query per household: the page stays one query, and each branch is a MAX
// over the household's own rows (support_acts_household_date serves the
// acts). ties and agreements keep updated_at as UTC text, whose first ten
// characters are the day.
constexpr const char* kColumns =
    "id, version, kind, name, target_group, buurt_code, status,"
    " (SELECT MAX(day) FROM ("
    "SELECT MAX(act_date) AS day FROM support_acts s WHERE s.household_id = households.id"
    " UNION ALL SELECT MAX(SUBSTR(t.updated_at, 1, 10)) FROM ties t"
    " WHERE t.household_id = households.id"
    " UNION ALL SELECT MAX(SUBSTR(a.updated_at, 1, 10)) FROM agreements a"
    " WHERE a.household_id = households.id) AS activity) AS last_activity_on";

constexpr const char* kWhere =
    " WHERE (CAST(:practice1 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM household_practices p"
    " WHERE p.household_id = households.id AND p.practice_id = :practice2))"
    " AND (CAST(:status1 AS TEXT) IS NULL OR status = :status2)"
    " AND (CAST(:group1 AS TEXT) IS NULL OR target_group = :group2)"
    " AND (CAST(:name1 AS TEXT) IS NULL OR LOWER(name) LIKE :name2 ESCAPE '\\')";

struct BoundFilter {
  std::string practice, status, group, name;
  soci::indicator practice_indicator = soci::i_null, status_indicator = soci::i_null,
                  group_indicator = soci::i_null, name_indicator = soci::i_null;

  explicit BoundFilter(const HouseholdFilter& filter) {
    if (filter.practice) {
      practice = filter.practice->str();
      practice_indicator = soci::i_ok;
    }
    if (filter.status) {
      status = std::string(to_code(*filter.status));
      status_indicator = soci::i_ok;
    }
    if (filter.target_group) {
      group = std::string(to_code(*filter.target_group));
      group_indicator = soci::i_ok;
    }
    if (filter.name_contains) {
      name = contains_pattern(*filter.name_contains);
      name_indicator = soci::i_ok;
    }
  }
};

#define DICHTBIJ_HOUSEHOLD_FILTER_USE(bound)                                                      \
  soci::use(bound.practice, bound.practice_indicator),                                            \
      soci::use(bound.practice, bound.practice_indicator),                                        \
      soci::use(bound.status, bound.status_indicator),                                            \
      soci::use(bound.status, bound.status_indicator),                                            \
      soci::use(bound.group, bound.group_indicator),                                              \
      soci::use(bound.group, bound.group_indicator), soci::use(bound.name, bound.name_indicator), \
      soci::use(bound.name, bound.name_indicator)

constexpr const char* kMember = "member";
constexpr const char* kTeam = "team";

constexpr ChildTable kPractices{"household_practices", "household_id", "practice_id", "position"};
constexpr ChildTable kPeople{"household_people", "household_id",
                             "part, person_id, valid_from, valid_until", "part, position"};

}  // namespace

Result<void> HouseholdRepository::check_references(const HouseholdFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.practices.size(); ++i) {
    if (!row_exists(transaction_, "practices", fields.practices[i].str())) {
      problems.push_back({"practiceIds[" + std::to_string(i) + "]", "names no practice"});
    }
  }
  auto check_people = [&](const std::vector<PersonPeriod>& people, const std::string& name) {
    for (std::size_t i = 0; i != people.size(); ++i) {
      if (!row_exists(transaction_, "persons", people[i].person.str())) {
        problems.push_back({name + "[" + std::to_string(i) + "].personId", "names no person"});
      }
    }
  };
  check_people(fields.members, "members");
  check_people(fields.team, "team");
  if (problems.empty()) return {};
  Error error =
      make_error(ErrorCode::invalid_input, "the household refers to records that do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

void HouseholdRepository::write_children(const std::string& id, const HouseholdFields& fields) {
  soci::session& session = transaction_.session();
  session << "DELETE FROM household_practices WHERE household_id = :id", soci::use(id);
  session << "DELETE FROM household_people WHERE household_id = :id", soci::use(id);
  for (std::size_t i = 0; i != fields.practices.size(); ++i) {
    const int position = static_cast<int>(i);
    session << "INSERT INTO household_practices (household_id, position, practice_id) "
               "VALUES (:id, :position, :practice)",
        soci::use(id), soci::use(position), soci::use(fields.practices[i].str());
  }
  auto write_people = [&](const std::vector<PersonPeriod>& people, const std::string& part) {
    for (std::size_t i = 0; i != people.size(); ++i) {
      const int position = static_cast<int>(i);
      const std::string from = format_date(people[i].period.from);
      const std::string until = people[i].period.until ? format_date(*people[i].period.until) : "";
      soci::indicator until_indicator = people[i].period.until ? soci::i_ok : soci::i_null;
      session << "INSERT INTO household_people (household_id, part, position, person_id, "
                 "valid_from, valid_until) VALUES (:id, :part, :position, :person, :from, :until)",
          soci::use(id), soci::use(part), soci::use(position), soci::use(people[i].person.str()),
          soci::use(from), soci::use(until, until_indicator);
    }
  };
  write_people(fields.members, kMember);
  write_people(fields.team, kTeam);
}

void HouseholdRepository::load_children(std::vector<Household>& households) {
  soci::session& session = transaction_.session();
  const std::vector<std::string> ids = ids_of(households);
  std::string practice;
  for_each_child_row(
      session, kPractices, ids,
      [&](soci::statement& statement) { statement.exchange(soci::into(practice)); },
      [&](std::size_t parent) { households[parent].fields.practices.emplace_back(practice); });
  std::string part, person, from, until;
  soci::indicator until_indicator = soci::i_null;
  for_each_child_row(
      session, kPeople, ids,
      [&](soci::statement& statement) {
        statement.exchange(soci::into(part));
        statement.exchange(soci::into(person));
        statement.exchange(soci::into(from));
        statement.exchange(soci::into(until, until_indicator));
      },
      [&](std::size_t parent) {
        PersonPeriod entry{PersonId(person), {read_date(from), {}}};
        if (until_indicator == soci::i_ok) entry.period.until = read_date(until);
        HouseholdFields& fields = households[parent].fields;
        (part == kMember ? fields.members : fields.team).push_back(entry);
      });
}

void HouseholdRepository::set_closed_on(const std::string& id, bool closed) {
  // A calendar day, like the other dates of the household: the local one.
  const std::string today = local_today_text();
  soci::indicator indicator = closed ? soci::i_ok : soci::i_null;
  transaction_.session() << "UPDATE households SET closed_on = :today WHERE id = :id",
      soci::use(today, indicator), soci::use(id);
}

Result<Household> HouseholdRepository::create(const HouseholdFields& fields) {
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  const std::string kind(to_code(fields.kind));
  const std::string group(to_code(fields.target_group));
  const std::string status(to_code(fields.status));
  const std::string buurt_code = fields.buurt_code.value_or("");
  soci::indicator buurt_indicator = fields.buurt_code ? soci::i_ok : soci::i_null;
  transaction_.session()
      << "INSERT INTO households (id, version, kind, name, target_group, buurt_code, status, "
         "created_at, updated_at) VALUES (:id, 1, :kind, :name, :group, :buurt_code, :status, "
         ":created_at, :updated_at)",
      soci::use(id), soci::use(kind), soci::use(fields.name), soci::use(group),
      soci::use(buurt_code, buurt_indicator), soci::use(status), soci::use(now), soci::use(now);
  if (fields.status == HouseholdStatus::closed) set_closed_on(id, true);
  write_children(id, fields);
  return Household{HouseholdId(id), 1, fields, std::nullopt};
}

Result<Household> HouseholdRepository::get(const HouseholdId& id) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM households WHERE id = :id", soci::use(id.str()),
      DICHTBIJ_HOUSEHOLD_INTO(row);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no household " + id.str());
  std::vector<Household> found{row.to_household()};
  load_children(found);
  return std::move(found.front());
}

Result<Page<Household>> HouseholdRepository::list(const HouseholdFilter& filter,
                                                  const Paging& paging) {
  soci::session& session = transaction_.session();
  BoundFilter bound(filter);
  Page<Household> page;
  ReachValues reach(filter.reach.value_or(Reach::all()));
  const std::string where = kWhere + (" AND " + in_reach("households.id"));
  session << reach_cte() << "SELECT COUNT(*) FROM households" << where,
      DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_HOUSEHOLD_FILTER_USE(bound),
      DICHTBIJ_REACH_ALL_USE(reach), soci::into(page.total);
  Row row;
  long long limit = paging.limit;
  long long offset = paging.offset;
  std::vector<Household> found;
  soci::statement statement =
      (session.prepare << reach_cte() << "SELECT " << kColumns << " FROM households" << where
                       << " ORDER BY name, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_HOUSEHOLD_FILTER_USE(bound),
       DICHTBIJ_REACH_ALL_USE(reach), soci::use(limit), soci::use(offset),
       DICHTBIJ_HOUSEHOLD_INTO(row));
  statement.execute();
  while (statement.fetch()) found.push_back(row.to_household());
  load_children(found);
  page.items = std::move(found);
  return page;
}

Result<Household> HouseholdRepository::update(const HouseholdId& id,
                                              std::optional<int> expected_version,
                                              const HouseholdFields& fields) {
  Result<Household> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string kind(to_code(fields.kind));
  const std::string group(to_code(fields.target_group));
  const std::string status(to_code(fields.status));
  const std::string buurt_code = fields.buurt_code.value_or("");
  soci::indicator buurt_indicator = fields.buurt_code ? soci::i_ok : soci::i_null;
  // The practices and target group are groups of the rollup: the acts move.
  const bool regrouped = current->fields.target_group != fields.target_group ||
                         current->fields.practices != fields.practices;
  if (regrouped) roll_up_household(transaction_, id.str(), RollupChange::take_out);
  transaction_.session() << "UPDATE households SET kind = :kind, name = :name, target_group = "
                            ":group, buurt_code = :buurt_code, status = :status WHERE id = :id",
      soci::use(kind), soci::use(fields.name), soci::use(group),
      soci::use(buurt_code, buurt_indicator), soci::use(status), soci::use(id.str());
  const bool was_closed = current->fields.status == HouseholdStatus::closed;
  const bool is_closed = fields.status == HouseholdStatus::closed;
  if (was_closed != is_closed) set_closed_on(id.str(), is_closed);
  write_children(id.str(), fields);
  if (regrouped) roll_up_household(transaction_, id.str(), RollupChange::put_in);
  return Household{id, current->version + 1, fields, std::nullopt};
}

Result<void> HouseholdRepository::remove(const HouseholdId& id) {
  // Its acts go with it (ON DELETE CASCADE), and out of the rollup.
  roll_up_household(transaction_, id.str(), RollupChange::take_out);
  return delete_row(transaction_, kTable, kWhat, id.str());
}

bool HouseholdRepository::any() {
  int found = 0;
  soci::indicator indicator = soci::i_null;
  transaction_.session() << "SELECT 1 FROM households LIMIT 1", soci::into(found, indicator);
  return transaction_.session().got_data();
}

bool HouseholdRepository::exists(const HouseholdId& id) {
  return row_exists(transaction_, kTable, id.str());
}

}  // namespace dichtbij::store
