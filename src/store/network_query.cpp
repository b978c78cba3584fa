#include "store/network_query.hpp"

#include <soci/soci.h>

#include <limits>

#include "store/record_helpers.hpp"
#include "store/tie_repository.hpp"

namespace dichtbij::store {

namespace {

// The persons around one household: its people and both ends of its ties.
constexpr const char* kInvolved =
    " IN (SELECT person_id FROM household_people WHERE household_id = :h1"
    " UNION SELECT person_id FROM ties WHERE household_id = :h2"
    " UNION SELECT other_person_id FROM ties WHERE household_id = :h3)";

constexpr int kRecentDays = 90;

Period read_period(const std::string& from, const std::string& until, soci::indicator indicator) {
  Period period{read_date(from), {}};
  if (indicator == soci::i_ok) period.until = read_date(until);
  return period;
}

}  // namespace

Result<EcomapInput> NetworkQuery::read(const HouseholdId& household, const Date& on) {
  if (!row_exists(transaction_, "households", household.str())) {
    return make_error(ErrorCode::not_found, "there is no household " + household.str());
  }
  soci::session& session = transaction_.session();
  const std::string& id = household.str();
  EcomapInput input;

  std::string part, person, from, until, name, kind, organisation, role;
  soci::indicator until_indicator = soci::i_null;
  {
    soci::statement statement =
        (session.prepare << "SELECT part, person_id, valid_from, valid_until FROM "
                            "household_people WHERE household_id = :id ORDER BY part, position",
         soci::use(id), soci::into(part), soci::into(person), soci::into(from),
         soci::into(until, until_indicator));
    statement.execute();
    while (statement.fetch()) {
      (part == "member" ? input.members : input.team)
          .emplace_back(PersonId(person), read_period(from, until, until_indicator));
    }
  }

  TieFilter holding;
  holding.on = on;
  Result<Page<Tie>> ties = TieRepository(transaction_, household)
                               .list(holding, Paging{0, std::numeric_limits<int>::max()});
  if (!ties.ok()) return std::move(ties).error();
  input.ties = std::move(ties->items);

  {
    soci::statement statement =
        (session.prepare << "SELECT id, display_name FROM persons WHERE id" << kInvolved,
         soci::use(id), soci::use(id), soci::use(id), soci::into(person), soci::into(name));
    statement.execute();
    while (statement.fetch()) input.persons[PersonId(person)].display_name = name;
  }
  {
    soci::statement statement =
        (session.prepare << "SELECT person_id, role, valid_from, valid_until FROM person_roles "
                            "WHERE person_id"
                         << kInvolved,
         soci::use(id), soci::use(id), soci::use(id), soci::into(person), soci::into(role),
         soci::into(from), soci::into(until, until_indicator));
    statement.execute();
    while (statement.fetch()) {
      if (auto parsed = from_code<PersonRole>(role)) {
        input.persons[PersonId(person)].roles.emplace_back(
            *parsed, read_period(from, until, until_indicator));
      }
    }
  }
  {
    int formal = 0;
    soci::statement statement =
        (session.prepare << "SELECT m.person_id, m.organisation_id, m.valid_from, m.valid_until, "
                            "o.name, o.kind, o.formal FROM person_memberships m JOIN "
                            "organisations o ON o.id = m.organisation_id WHERE m.person_id"
                         << kInvolved,
         soci::use(id), soci::use(id), soci::use(id), soci::into(person), soci::into(organisation),
         soci::into(from), soci::into(until, until_indicator), soci::into(name), soci::into(kind),
         soci::into(formal));
    statement.execute();
    while (statement.fetch()) {
      const OrganisationId organisation_id(organisation);
      input.persons[PersonId(person)].memberships.emplace_back(
          organisation_id, read_period(from, until, until_indicator));
      input.organisations[organisation_id] = OrganisationSnapshot{
          name, from_code<OrganisationKind>(kind).value_or(OrganisationKind::other), formal != 0};
    }
  }
  {
    const Date first{std::chrono::sys_days(on) - std::chrono::days(kRecentDays - 1)};
    const std::string first_day = format_date(first);
    const std::string last_day = format_date(on);
    int count = 0;
    soci::statement statement =
        (session.prepare << "SELECT provider_id, COUNT(*) FROM support_acts WHERE household_id = "
                            ":id AND act_date >= :first AND act_date <= :last GROUP BY provider_id",
         soci::use(id), soci::use(first_day), soci::use(last_day), soci::into(person),
         soci::into(count));
    statement.execute();
    while (statement.fetch()) input.recent_acts[PersonId(person)] = count;
  }
  return input;
}

}  // namespace dichtbij::store
