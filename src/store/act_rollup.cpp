#include "store/act_rollup.hpp"

#include <soci/soci.h>

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/domain_enums.hpp"
#include "store/act_roles_sql.hpp"
#include "store/consent_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::store {

namespace {

// The acts that `filter` (an SQL condition on support_acts a) selects, in
// rollup groups, each count multiplied by a sign. Binds in this order:
// purpose, day1, day2 (research consent in force on the day), sign1..3, then
// the filter's own parameters.
std::string rolled_up(std::string_view filter) {
  return std::string(
             "SELECT f.act_date, hp.practice_id, h.target_group, f.rc, f.support_type, "
             "f.mobilised_by, :sign1 * COUNT(*), :sign2 * SUM(CASE WHEN (f.pf = 1 AND f.oc > "
             "f.of_) OR (f.pf = 0 AND f.of_ > 0) THEN 1 ELSE 0 END), :sign3 * SUM(CASE WHEN "
             "f.mobilised_by = 'professional' AND f.pf = 0 THEN 1 ELSE 0 END) FROM (SELECT "
             "a.household_id, a.act_date, a.support_type, a.mobilised_by, CASE WHEN "
             "a.household_id IN (") +
         kHouseholdsConsentingSql +
         ") THEN 1 ELSE 0 END AS rc, " DICHTBIJ_ACT_FORMAL("a", "a.provider_id") " AS pf, "
         "CAST((SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id AND "
         DICHTBIJ_ACT_FORMAL("a", "o.person_id") " = 1) AS INTEGER) AS of_, "
         "CAST((SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id) AS "
         "INTEGER) AS oc FROM support_acts a WHERE " +
         std::string(filter) +
         ") f JOIN households h ON h.id = f.household_id JOIN household_practices hp ON "
         "hp.household_id = f.household_id WHERE 1 = 1 GROUP BY f.act_date, hp.practice_id, "
         "h.target_group, f.rc, f.support_type, f.mobilised_by";
}

// Adds the groups of the acts filter selects (with one bound parameter per
// entry of ids) to the rollup, times change.
void adjust(Transaction& transaction, std::string_view filter, const std::vector<std::string>& ids,
            RollupChange change) {
  const std::string sql =
      "INSERT INTO support_act_rollup (act_date, practice_id, target_group, research_consent, "
      "support_type, mobilised_by, acts, joint_acts, activations) " +
      rolled_up(filter) +
      " ON CONFLICT (act_date, practice_id, target_group, research_consent, support_type, "
      "mobilised_by) DO UPDATE SET acts = support_act_rollup.acts + excluded.acts, joint_acts = "
      "support_act_rollup.joint_acts + excluded.joint_acts, activations = "
      "support_act_rollup.activations + excluded.activations";
  const std::string purpose(to_code(ConsentPurpose::research));
  const std::string today = local_today_text();
  const int sign = static_cast<int>(change);
  // Built step by step: the number of parameters depends on the filter.
  soci::statement statement(transaction.session());
  for (int i = 0; i != 3; ++i) statement.exchange(soci::use(sign));
  statement.exchange(soci::use(purpose));
  statement.exchange(soci::use(today));
  statement.exchange(soci::use(today));
  for (const std::string& id : ids) statement.exchange(soci::use(id));
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute(true);
}

}  // namespace

void roll_up_household(Transaction& transaction, const std::string& household,
                       RollupChange change) {
  adjust(transaction, "a.household_id = :household", {household}, change);
}

void roll_up_act(Transaction& transaction, const std::string& act, RollupChange change) {
  adjust(transaction, "a.id = :act", {act}, change);
}

void roll_up_person(Transaction& transaction, const std::string& person, RollupChange change) {
  adjust(transaction,
         "a.id IN (SELECT id FROM support_acts WHERE provider_id = :provider UNION SELECT "
         "support_act_id FROM support_act_others WHERE person_id = :other)",
         {person, person}, change);
}

void add_to_rollup(Transaction& transaction, const std::vector<RollupGroup>& groups) {
  RollupGroup row;
  std::string day;
  soci::statement statement =
      (transaction.session().prepare
           << "INSERT INTO support_act_rollup (act_date, practice_id, target_group, "
              "research_consent, support_type, mobilised_by, acts, joint_acts, activations) "
              "VALUES (:day, :practice, :target_group, :consent, :support_type, :mobilised_by, "
              ":acts, :joint_acts, :activations) ON CONFLICT (act_date, practice_id, "
              "target_group, research_consent, support_type, mobilised_by) DO UPDATE SET acts = "
              "support_act_rollup.acts + excluded.acts, joint_acts = support_act_rollup.joint_acts "
              "+ excluded.joint_acts, activations = support_act_rollup.activations + "
              "excluded.activations",
       soci::use(day), soci::use(row.practice), soci::use(row.target_group),
       soci::use(row.research_consent), soci::use(row.support_type), soci::use(row.mobilised_by),
       soci::use(row.acts), soci::use(row.joint_acts), soci::use(row.activations));
  for (const RollupGroup& group : groups) {
    row = group;
    day = format_date(group.act_date);
    statement.execute(true);
  }
}

void rebuild_rollup(Transaction& transaction) {
  transaction.session() << "DELETE FROM support_act_rollup";
  adjust(transaction, "1 = 1", {}, RollupChange::put_in);
}

std::vector<std::string> rollup_differences(Transaction& transaction) {
  using Key = std::tuple<std::string, std::string, std::string, int, std::string, std::string>;
  using Counts = std::tuple<long long, long long, long long>;
  std::map<Key, std::pair<Counts, Counts>> groups;  // rollup, acts
  Key key;
  Counts counts;
  auto read = [&](const std::string& sql, bool from_acts) {
    const std::string purpose(to_code(ConsentPurpose::research));
    const std::string today = local_today_text();
    const int sign = 1;
    soci::statement statement(transaction.session());
    statement.exchange(soci::into(std::get<0>(key)));
    statement.exchange(soci::into(std::get<1>(key)));
    statement.exchange(soci::into(std::get<2>(key)));
    statement.exchange(soci::into(std::get<3>(key)));
    statement.exchange(soci::into(std::get<4>(key)));
    statement.exchange(soci::into(std::get<5>(key)));
    statement.exchange(soci::into(std::get<0>(counts)));
    statement.exchange(soci::into(std::get<1>(counts)));
    statement.exchange(soci::into(std::get<2>(counts)));
    if (from_acts) {
      for (int i = 0; i != 3; ++i) statement.exchange(soci::use(sign));
      statement.exchange(soci::use(purpose));
      statement.exchange(soci::use(today));
      statement.exchange(soci::use(today));
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      (from_acts ? groups[key].second : groups[key].first) = counts;
    }
  };
  read(
      "SELECT act_date, practice_id, target_group, research_consent, support_type, mobilised_by, "
      "acts, joint_acts, activations FROM support_act_rollup WHERE acts <> 0 OR joint_acts <> 0 "
      "OR activations <> 0",
      false);
  read(rolled_up("1 = 1"), true);
  std::vector<std::string> differences;
  for (const auto& [group, both] : groups) {
    if (both.first == both.second) continue;
    differences.push_back(fmt::format("{} {} {} consent={} {} {}: rollup {}/{}/{}, acts {}/{}/{}",
                                      std::get<0>(group), std::get<1>(group), std::get<2>(group),
                                      std::get<3>(group), std::get<4>(group), std::get<5>(group),
                                      std::get<0>(both.first), std::get<1>(both.first),
                                      std::get<2>(both.first), std::get<0>(both.second),
                                      std::get<1>(both.second), std::get<2>(both.second)));
  }
  return differences;
}

}  // namespace dichtbij::store
