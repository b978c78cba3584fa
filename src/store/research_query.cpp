#include "store/research_query.hpp"

#include <soci/soci.h>

#include "store/act_roles_sql.hpp"
#include "store/child_rows.hpp"

namespace dichtbij::store {

namespace {

#define DICHTBIJ_FORMAL(column) DICHTBIJ_ACT_FORMAL("support_acts", column)
#define DICHTBIJ_MEMBER(column) DICHTBIJ_ACT_MEMBER("support_acts", column)

constexpr const char kActColumns[] =
    "act_date, provider_id, receiver_id, support_type, mode, duration_minutes, mobilised_by, "
    "mobilised_by_person_id, "
    DICHTBIJ_FORMAL("support_acts.provider_id") ", "
    DICHTBIJ_MEMBER("support_acts.provider_id") ", "
    DICHTBIJ_FORMAL("support_acts.receiver_id") ", "
    DICHTBIJ_MEMBER("support_acts.receiver_id") ", "
    "CAST((SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = support_acts.id "
    "AND " DICHTBIJ_FORMAL("o.person_id") " = 1) AS INTEGER), "
    "CAST((SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = support_acts.id) "
    "AS INTEGER)";

constexpr ChildTable kActs{"support_acts", "household_id", kActColumns, "act_date, id"};

#undef DICHTBIJ_FORMAL
#undef DICHTBIJ_MEMBER

constexpr ChildTable kPractices{"household_practices", "household_id", "practice_id", "position"};

ResearchRole role_of(int formal, int member) {
  if (formal != 0) return ResearchRole::formal;
  return member != 0 ? ResearchRole::household : ResearchRole::informal;
}

}  // namespace

Result<std::vector<ResearchSupportAct>> research_support_acts(
    Transaction& transaction, const std::vector<HouseholdId>& households) {
  std::vector<std::string> ids;
  ids.reserve(households.size());
  for (const HouseholdId& household : households) ids.push_back(household.str());

  std::vector<std::vector<PracticeId>> practices(households.size());
  std::string practice;
  for_each_child_row(
      transaction.session(), kPractices, ids,
      [&](soci::statement& statement) { statement.exchange(soci::into(practice)); },
      [&](std::size_t parent) { practices[parent].emplace_back(practice); });

  std::vector<ResearchSupportAct> acts;
  std::string date, provider, receiver, support_type, mode, mobilised_by, mobilised_by_person;
  int duration = 0, provider_formal = 0, provider_member = 0, receiver_formal = 0,
      receiver_member = 0, others_formal = 0, others = 0;
  soci::indicator duration_indicator = soci::i_null, mobiliser_indicator = soci::i_null;
  for_each_child_row(
      transaction.session(), kActs, ids,
      [&](soci::statement& statement) {
        statement.exchange(soci::into(date));
        statement.exchange(soci::into(provider));
        statement.exchange(soci::into(receiver));
        statement.exchange(soci::into(support_type));
        statement.exchange(soci::into(mode));
        statement.exchange(soci::into(duration, duration_indicator));
        statement.exchange(soci::into(mobilised_by));
        statement.exchange(soci::into(mobilised_by_person, mobiliser_indicator));
        statement.exchange(soci::into(provider_formal));
        statement.exchange(soci::into(provider_member));
        statement.exchange(soci::into(receiver_formal));
        statement.exchange(soci::into(receiver_member));
        statement.exchange(soci::into(others_formal));
        statement.exchange(soci::into(others));
      },
      [&](std::size_t parent) {
        ResearchSupportAct act;
        act.date = date;
        act.household = households[parent];
        act.practices = practices[parent];
        act.provider = PersonId(provider);
        act.provider_role = role_of(provider_formal, provider_member);
        act.receiver = PersonId(receiver);
        act.receiver_role = role_of(receiver_formal, receiver_member);
        act.support_type = from_code<SupportType>(support_type).value_or(SupportType::practical);
        act.mode = from_code<SupportMode>(mode).value_or(SupportMode::in_person);
        if (duration_indicator == soci::i_ok) act.duration_minutes = duration;
        act.mobilised_by = from_code<MobilisedBy>(mobilised_by).value_or(MobilisedBy::self);
        if (mobiliser_indicator == soci::i_ok)
          act.mobilised_by_person = PersonId(mobilised_by_person);
        act.others_formal = others_formal;
        act.others_informal = others - others_formal;
        acts.push_back(std::move(act));
      });
  return acts;
}

}  // namespace dichtbij::store
