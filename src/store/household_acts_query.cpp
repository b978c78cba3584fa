#include "store/household_acts_query.hpp"

#include <soci/soci.h>

#include "store/act_roles_sql.hpp"

namespace dichtbij::store {

namespace {

constexpr const char kActs[] =
    "SELECT a.provider_id, a.support_type, " DICHTBIJ_ACT_FORMAL("a", "a.provider_id") ", "
    DICHTBIJ_ACT_MEMBER("a", "a.provider_id") ", " DICHTBIJ_ACT_MEMBER("a", "a.receiver_id")
    " FROM support_acts a WHERE a.household_id = :household AND a.act_date >= :first"
    " AND a.act_date <= :last ORDER BY a.act_date, a.id";

}  // namespace

Result<std::vector<StandingAct>> household_acts(Transaction& transaction,
                                                const HouseholdId& household, const Date& from,
                                                const Date& to) {
  const std::string first = format_date(from), last = format_date(to);
  std::string provider, type;
  int provider_formal = 0, provider_member = 0, receiver_member = 0;
  soci::statement statement =
      (transaction.session().prepare << kActs, soci::use(household.str()), soci::use(first),
       soci::use(last), soci::into(provider), soci::into(type), soci::into(provider_formal),
       soci::into(provider_member), soci::into(receiver_member));
  statement.execute();
  std::vector<StandingAct> acts;
  while (statement.fetch()) {
    acts.push_back({PersonId(provider),
                    from_code<SupportType>(type).value_or(SupportType::practical),
                    provider_formal != 0, provider_member != 0, receiver_member != 0});
  }
  return acts;
}

Result<std::vector<HouseholdId>> household_ids(Transaction& transaction,
                                               const std::optional<PracticeId>& practice) {
  std::string id;
  std::vector<HouseholdId> ids;
  soci::session& session = transaction.session();
  if (practice) {
    soci::statement statement =
        (session.prepare << "SELECT DISTINCT household_id FROM household_practices WHERE "
                            "practice_id = :practice ORDER BY household_id",
         soci::use(practice->str()), soci::into(id));
    statement.execute();
    while (statement.fetch()) ids.emplace_back(id);
  } else {
    soci::statement statement =
        (session.prepare << "SELECT id FROM households ORDER BY id", soci::into(id));
    statement.execute();
    while (statement.fetch()) ids.emplace_back(id);
  }
  return ids;
}

}  // namespace dichtbij::store
