#include "store/reach.hpp"

namespace dichtbij::store {

namespace {

// Each part of a reach as a query of household ids, with its parameters in
// the order DICHTBIJ_REACH_CTE_USE binds them.
constexpr const char* kTeam =
    "SELECT household_id FROM household_people WHERE part = 'team' AND person_id = :reach_team"
    " AND valid_from <= :reach_today1 AND (valid_until IS NULL OR valid_until >= :reach_today2)";
constexpr const char* kPractice =
    "SELECT household_id FROM household_practices WHERE practice_id = :reach_practice";
constexpr const char* kMember =
    "SELECT household_id FROM household_people WHERE part = 'member' AND person_id = :reach_member"
    " AND valid_from <= :reach_today3 AND (valid_until IS NULL OR valid_until >= :reach_today4)";
constexpr const char* kHelper =
    "SELECT household_id FROM ties"
    " WHERE (person_id = :reach_helper0 OR other_person_id = :reach_helper1)"
    " AND (valid_until IS NULL OR valid_until >= :reach_today5)"
    " UNION SELECT household_id FROM agreements WHERE responsible_person_id = :reach_helper2"
    " UNION SELECT household_id FROM support_acts WHERE provider_id = :reach_helper3";
constexpr const char* kBreakGlass =
    "SELECT household_id FROM break_glass_openings WHERE account_id = :reach_glass_account"
    " AND expires_at > :reach_now";

void set(ReachValues::Bound& bound, std::string value) {
  bound.value = std::move(value);
  bound.indicator = soci::i_ok;
}

}  // namespace

std::string reach_cte() {
  return std::string("WITH reach(household_id) AS (") + kTeam + " UNION " + kPractice + " UNION " +
         kMember + " UNION " + kHelper + " UNION " + kBreakGlass + ") ";
}

std::string in_reach(std::string_view column) {
  return "(CAST(:reach_everything AS INTEGER) = 1 OR " + std::string(column) +
         " IN (SELECT household_id FROM reach))";
}

std::string persons_in_reach() {
  constexpr const char* kWithin = " IN (SELECT household_id FROM reach)";
  std::string sql =
      "(CAST(:reach_everything AS INTEGER) = 1 OR persons.id = :reach_self OR persons.created_by = "
      ":reach_account"
      // A coordinator knows who volunteers for their practice (access/policy.hpp).
      " OR persons.id IN (SELECT person_id FROM volunteer_profiles WHERE practice_id = "
      ":reach_volunteers_of)"
      " OR persons.id IN ("
      "SELECT person_id FROM household_people WHERE household_id";
  sql += kWithin;
  sql += " UNION SELECT person_id FROM ties WHERE household_id";
  sql += kWithin;
  sql += " UNION SELECT other_person_id FROM ties WHERE household_id";
  sql += kWithin;
  sql += " UNION SELECT responsible_person_id FROM agreements WHERE household_id";
  sql += kWithin;
  sql += " UNION SELECT provider_id FROM support_acts WHERE household_id";
  sql += kWithin;
  sql += " UNION SELECT receiver_id FROM support_acts WHERE household_id";
  sql += kWithin;
  sql +=
      " UNION SELECT o.person_id FROM support_act_others o JOIN support_acts a"
      " ON a.id = o.support_act_id WHERE a.household_id";
  sql += kWithin;
  sql += "))";
  return sql;
}

Result<bool> person_within_reach(Transaction& transaction, const Reach& reach,
                                 const std::string& person_id) {
  ReachValues values(reach);
  std::string id = person_id;
  int found = 0;
  transaction.session() << reach_cte() << "SELECT COUNT(*) FROM persons WHERE id = :id AND "
                        << persons_in_reach(),
      DICHTBIJ_REACH_CTE_USE(values), soci::use(id), DICHTBIJ_PERSONS_REACH_USE(values),
      soci::into(found);
  return found != 0;
}

ReachValues::ReachValues(const Reach& reach) {
  everything = reach.everything ? 1 : 0;
  if (reach.team) set(team, reach.team->str());
  if (reach.practice) set(practice, reach.practice->str());
  if (reach.member) set(member, reach.member->str());
  if (reach.helper) set(helper, reach.helper->str());
  if (reach.break_glass) set(break_glass, reach.break_glass->str());
  if (reach.self) set(self, reach.self->str());
  if (reach.account) set(account, reach.account->str());
  set(today, reach.today);
  set(now, reach.now);
}

Result<HouseholdStanding> household_standing(Transaction& transaction, const Reach& reach,
                                             const std::string& household_id) {
  ReachValues values(reach);
  HouseholdStanding standing;
  int team = 0;
  int practice = 0;
  int member = 0;
  int helper = 0;
  int break_glass = 0;
  std::string id = household_id;
  auto part = [](const char* query) {
    return std::string("CASE WHEN EXISTS (SELECT 1 FROM (") + query +
           ") part WHERE part.household_id = households.id) THEN 1 ELSE 0 END";
  };
  transaction.session() << "SELECT " << part(kTeam) << ", " << part(kPractice) << ", "
                        << part(kMember) << ", " << part(kHelper) << ", " << part(kBreakGlass)
                        << " FROM households WHERE id = :id",
      DICHTBIJ_REACH_CTE_USE(values), soci::use(id), soci::into(team), soci::into(practice),
      soci::into(member), soci::into(helper), soci::into(break_glass);
  standing.exists = transaction.session().got_data();
  standing.team = team != 0;
  standing.practice = practice != 0;
  standing.member = member != 0;
  standing.helper = helper != 0;
  standing.break_glass = break_glass != 0;
  return standing;
}

}  // namespace dichtbij::store
