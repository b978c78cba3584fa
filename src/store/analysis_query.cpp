#include "store/analysis_query.hpp"

#include <soci/soci.h>

#include <map>

#include "store/act_roles_sql.hpp"
#include "store/consent_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::store {

namespace {

// The scope's values, bound by name in the order the filters use them.
// Optional filters are switched by a 0/1 flag rather than left out of the SQL
// text, so every query has one fixed text (and PostgreSQL never has to guess
// the type of a NULL parameter).
struct ScopeValues {
  explicit ScopeValues(const AnalysisScope& scope)
      : from(format_date(scope.from)),
        to(format_date(scope.to)),
        all_practices(scope.practice ? 0 : 1),
        practice(scope.practice ? scope.practice->str() : std::string()),
        everyone(scope.research_consent_on ? 0 : 1),
        purpose(to_code(ConsentPurpose::research)),
        consent_day(scope.research_consent_on ? format_date(*scope.research_consent_on)
                                              : std::string("0000-00-00")) {}
  std::string from, to;
  int all_practices;
  std::string practice;
  int everyone;
  std::string purpose, consent_day;
};

// The acts of the scope as `acts`, with practice_id (one row per practice
// of the household). Binds: from, to, all_practices, practice, everyone,
// purpose, consent_day, consent_day.
std::string scoped_acts(std::string_view columns) {
  return std::string("SELECT ") + std::string(columns) +
         ", hp.practice_id FROM support_acts a JOIN household_practices hp ON hp.household_id = "
         "a.household_id WHERE a.act_date >= :from AND a.act_date <= :to AND (:all_practices = 1 "
         "OR hp.practice_id = :practice) AND (:everyone = 1 OR a.household_id IN (" +
         kHouseholdsConsentingSql + "))";
}

#define DICHTBIJ_SCOPE_USE(v)                                                                    \
  soci::use((v).from), soci::use((v).to), soci::use((v).all_practices), soci::use((v).practice), \
      soci::use((v).everyone), soci::use((v).purpose), soci::use((v).consent_day),               \
      soci::use((v).consent_day)

// Whether the rollup holds the answer: it knows research consent as it is
// today (act_rollup.hpp), not on another day.
bool rollup_answers(const AnalysisScope& scope) {
  return !scope.research_consent_on ||
         format_date(*scope.research_consent_on) == local_today_text();
}

// The rollup's part of the scope. Binds: from, to, all_practices, practice,
// everyone.
constexpr const char kRollupScope[] =
    "FROM support_act_rollup WHERE act_date >= :from AND act_date <= :to AND (:all_practices = 1 "
    "OR practice_id = :practice) AND (:everyone = 1 OR research_consent = 1) ";

#define DICHTBIJ_ROLLUP_SCOPE_USE(v)                                                             \
  soci::use((v).from), soci::use((v).to), soci::use((v).all_practices), soci::use((v).practice), \
      soci::use((v).everyone)

void add_mobilisation(soci::statement& statement, std::vector<MobilisationCount>& counts,
                      std::string& practice, std::string& target_group, std::string& support_type,
                      std::string& month, std::string& mobilised_by, long long& acts) {
  statement.execute();
  while (statement.fetch()) {
    counts.push_back({PracticeId(practice),
                      from_code<TargetGroup>(target_group).value_or(TargetGroup::other),
                      from_code<SupportType>(support_type).value_or(SupportType::practical), month,
                      from_code<MobilisedBy>(mobilised_by).value_or(MobilisedBy::self), acts});
  }
}

}  // namespace

Result<std::vector<MobilisationCount>> mobilisation_counts(Transaction& transaction,
                                                           const AnalysisScope& scope) {
  if (!rollup_answers(scope)) return mobilisation_counts_from_acts(transaction, scope);
  const ScopeValues values(scope);
  const std::string sql =
      "SELECT practice_id, target_group, support_type, SUBSTR(act_date, 1, 7), mobilised_by, "
      "CAST(SUM(acts) AS BIGINT) " +
      std::string(kRollupScope) +
      "GROUP BY 1, 2, 3, 4, 5 HAVING SUM(acts) > 0 ORDER BY 1, 2, 3, 4, 5";
  std::string practice, target_group, support_type, month, mobilised_by;
  long long acts = 0;
  soci::statement statement =
      (transaction.session().prepare << sql, DICHTBIJ_ROLLUP_SCOPE_USE(values),
       soci::into(practice), soci::into(target_group), soci::into(support_type), soci::into(month),
       soci::into(mobilised_by), soci::into(acts));
  std::vector<MobilisationCount> counts;
  add_mobilisation(statement, counts, practice, target_group, support_type, month, mobilised_by,
                   acts);
  return counts;
}

Result<std::vector<MobilisationCount>> mobilisation_counts_from_acts(Transaction& transaction,
                                                                     const AnalysisScope& scope) {
  const ScopeValues values(scope);
  // Households first, then each one's acts from the covering index
  // (migration 0015): one lookup per household instead of two per act.
  // CROSS JOIN fixes that order in SQLite; PostgreSQL plans it as an inner join.
  const std::string sql =
      "SELECT hp.practice_id, h.target_group, a.support_type, SUBSTR(a.act_date, 1, 7), "
      "a.mobilised_by, COUNT(*) FROM households h CROSS JOIN household_practices hp CROSS JOIN "
      "support_acts a WHERE hp.household_id = h.id AND a.household_id = h.id AND a.act_date >= "
      ":from AND a.act_date <= :to AND (:all_practices = 1 OR hp.practice_id = :practice) AND "
      "(:everyone = 1 OR h.id IN (" +
      std::string(kHouseholdsConsentingSql) + ")) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";
  std::string practice, target_group, support_type, month, mobilised_by;
  long long acts = 0;
  soci::statement statement =
      (transaction.session().prepare << sql, DICHTBIJ_SCOPE_USE(values), soci::into(practice),
       soci::into(target_group), soci::into(support_type), soci::into(month),
       soci::into(mobilised_by), soci::into(acts));
  std::vector<MobilisationCount> counts;
  add_mobilisation(statement, counts, practice, target_group, support_type, month, mobilised_by,
                   acts);
  return counts;
}

namespace {

// Whether the person in column held the professional role on day (an SQL
// expression of YYYY-MM-DD).
#define DICHTBIJ_PROFESSIONAL_ON(column, day)                        \
  "EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = " column \
  " AND r.role = 'professional' AND r.valid_from <= " day            \
  " AND (r.valid_until IS NULL OR "                                  \
  "r.valid_until >= " day "))"

constexpr const char kActFlags[] =
    "a.id, a.act_date, a.mobilised_by, " DICHTBIJ_ACT_FORMAL("a", "a.provider_id") " AS pf, "
    "CAST((SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id AND "
    DICHTBIJ_ACT_FORMAL("a", "o.person_id") " = 1) AS INTEGER) AS of_, "
    "CAST((SELECT COUNT(*) FROM support_act_others o WHERE o.support_act_id = a.id) AS "
    "INTEGER) AS oc";

}  // namespace

namespace {

Result<std::vector<CollaborationCount>> collaboration(Transaction& transaction,
                                                      const AnalysisScope& scope, bool from_acts) {
  const ScopeValues values(scope);
  std::map<std::pair<std::string, std::string>, CollaborationCount> counts;
  std::string practice, month;
  long long acts = 0, joint = 0, activations = 0, handovers = 0;
  {
    const std::string sql =
        from_acts
            ? "SELECT acts.practice_id, SUBSTR(acts.act_date, 1, 7), COUNT(*), SUM(CASE WHEN (pf = "
              "1 AND oc > of_) OR (pf = 0 AND of_ > 0) THEN 1 ELSE 0 END), SUM(CASE WHEN "
              "mobilised_by = 'professional' AND pf = 0 THEN 1 ELSE 0 END) FROM (" +
                  scoped_acts(kActFlags) + ") acts GROUP BY 1, 2"
            : "SELECT practice_id, SUBSTR(act_date, 1, 7), CAST(SUM(acts) AS BIGINT), "
              "CAST(SUM(joint_acts) AS BIGINT), CAST(SUM(activations) AS BIGINT) " +
                  std::string(kRollupScope) + "GROUP BY 1, 2 HAVING SUM(acts) > 0";
    soci::statement statement(transaction.session());
    statement.exchange(soci::into(practice));
    statement.exchange(soci::into(month));
    statement.exchange(soci::into(acts));
    statement.exchange(soci::into(joint));
    statement.exchange(soci::into(activations));
    statement.exchange(soci::use(values.from));
    statement.exchange(soci::use(values.to));
    statement.exchange(soci::use(values.all_practices));
    statement.exchange(soci::use(values.practice));
    statement.exchange(soci::use(values.everyone));
    if (from_acts) {
      statement.exchange(soci::use(values.purpose));
      statement.exchange(soci::use(values.consent_day));
      statement.exchange(soci::use(values.consent_day));
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      CollaborationCount& count = counts[{practice, month}];
      count.acts = acts;
      count.joint_acts = joint;
      count.activations = activations;
    }
  }
  {
    // Consecutive versions of an agreement whose responsible person went
    // from a professional to someone who was not one, on the day of the change.
    const std::string sql =
        "SELECT hp.practice_id, SUBSTR(v2.changed_at, 1, 7), COUNT(*) FROM agreement_versions v1 "
        "JOIN agreement_versions v2 ON v2.agreement_id = v1.agreement_id AND v2.version = "
        "v1.version + 1 JOIN agreements ag ON ag.id = v1.agreement_id JOIN household_practices "
        "hp ON hp.household_id = ag.household_id WHERE v1.responsible_person_id <> "
        "v2.responsible_person_id AND SUBSTR(v2.changed_at, 1, 10) >= :from AND "
        "SUBSTR(v2.changed_at, 1, 10) <= :to AND (:all_practices = 1 OR hp.practice_id = "
        ":practice) AND (:everyone = 1 OR ag.household_id IN (" +
        std::string(kHouseholdsConsentingSql) +
        ")) AND " DICHTBIJ_PROFESSIONAL_ON("v1.responsible_person_id",
                                           "SUBSTR(v2.changed_at, 1, 10)") " AND NOT "
        DICHTBIJ_PROFESSIONAL_ON("v2.responsible_person_id",
                                 "SUBSTR(v2.changed_at, 1, 10)") " GROUP BY 1, 2";
    soci::statement statement = (transaction.session().prepare << sql, DICHTBIJ_SCOPE_USE(values),
                                 soci::into(practice), soci::into(month), soci::into(handovers));
    statement.execute();
    while (statement.fetch()) counts[{practice, month}].handovers = handovers;
  }
  std::vector<CollaborationCount> result;
  result.reserve(counts.size());
  for (auto& [key, count] : counts) {
    count.practice = PracticeId(key.first);
    count.month = key.second;
    result.push_back(std::move(count));
  }
  return result;
}

}  // namespace

Result<std::vector<CollaborationCount>> collaboration_counts(Transaction& transaction,
                                                             const AnalysisScope& scope) {
  return collaboration(transaction, scope, !rollup_answers(scope));
}

Result<std::vector<CollaborationCount>> collaboration_counts_from_acts(Transaction& transaction,
                                                                       const AnalysisScope& scope) {
  return collaboration(transaction, scope, true);
}

namespace {

// (act, household, organisation) for every organisation one of whose people
// (by membership on the act's day) gave or took part in an act of the scope.
std::string act_organisations() {
  return "WITH acts AS (SELECT DISTINCT id, household_id, act_date, provider_id FROM (" +
         scoped_acts("a.id, a.household_id, a.act_date, a.provider_id") +
         ") scoped), people AS (SELECT id, household_id, act_date, provider_id AS person_id FROM "
         "acts UNION SELECT acts.id, acts.household_id, acts.act_date, o.person_id FROM acts JOIN "
         "support_act_others o ON o.support_act_id = acts.id), act_orgs AS (SELECT DISTINCT "
         "people.id AS act_id, people.household_id, m.organisation_id FROM people JOIN "
         "person_memberships m ON m.person_id = people.person_id AND m.valid_from <= "
         "people.act_date AND (m.valid_until IS NULL OR m.valid_until >= people.act_date)) ";
}

}  // namespace

Result<OrganisationRows> organisation_rows(Transaction& transaction, const AnalysisScope& scope) {
  const ScopeValues values(scope);
  soci::session& session = transaction.session();
  OrganisationRows rows;
  std::string id, name, kind, second;
  int formal = 0;
  long long households = 0, acts = 0;
  {
    const std::string sql =
        act_organisations() +
        "SELECT o.id, o.name, o.kind, o.formal, COUNT(DISTINCT act_orgs.household_id), "
        "COUNT(DISTINCT act_orgs.act_id) FROM act_orgs JOIN organisations o ON o.id = "
        "act_orgs.organisation_id GROUP BY o.id, o.name, o.kind, o.formal ORDER BY o.id";
    soci::statement statement =
        (session.prepare << sql, DICHTBIJ_SCOPE_USE(values), soci::into(id), soci::into(name),
         soci::into(kind), soci::into(formal), soci::into(households), soci::into(acts));
    statement.execute();
    while (statement.fetch()) {
      rows.organisations.push_back(
          {OrganisationId(id), name,
           from_code<OrganisationKind>(kind).value_or(OrganisationKind::other), formal != 0,
           households, acts});
    }
  }
  std::map<std::pair<std::string, std::string>, OrganisationLinkRow> links;
  {
    const std::string sql =
        act_organisations() +
        ", household_orgs AS (SELECT DISTINCT household_id, organisation_id FROM act_orgs) "
        "SELECT x.organisation_id, y.organisation_id, COUNT(*) FROM household_orgs x JOIN "
        "household_orgs y ON y.household_id = x.household_id AND x.organisation_id < "
        "y.organisation_id GROUP BY 1, 2";
    soci::statement statement = (session.prepare << sql, DICHTBIJ_SCOPE_USE(values), soci::into(id),
                                 soci::into(second), soci::into(households));
    statement.execute();
    while (statement.fetch()) links[{id, second}].households = households;
  }
  {
    const std::string sql =
        act_organisations() +
        "SELECT x.organisation_id, y.organisation_id, COUNT(*) FROM act_orgs x JOIN act_orgs y "
        "ON y.act_id = x.act_id AND x.organisation_id < y.organisation_id GROUP BY 1, 2";
    soci::statement statement = (session.prepare << sql, DICHTBIJ_SCOPE_USE(values), soci::into(id),
                                 soci::into(second), soci::into(acts));
    statement.execute();
    while (statement.fetch()) links[{id, second}].joint_acts = acts;
  }
  for (auto& [key, link] : links) {
    link.first = OrganisationId(key.first);
    link.second = OrganisationId(key.second);
    rows.links.push_back(std::move(link));
  }
  return rows;
}

}  // namespace dichtbij::store
