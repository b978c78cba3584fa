// The demo generator without a database: determinism, the domain's checks,
// and the shapes docs/demo-data.md promises.
#include "demo/generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "demo/amsterdam.hpp"
#include "demo/random.hpp"

namespace dichtbij::demo {
namespace {

const Date kToday{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(27)};

// Everything a household's records say, as text: two equal texts mean
// equal records, ids included.
std::string describe(const HouseholdRecords& records) {
  std::string text = records.household.id.str() + records.household.fields.name +
                     *records.household.fields.buurt_code;
  for (const Person& person : records.persons) {
    text += person.id.str() + person.fields.display_name;
    for (const RoleSpell& role : person.fields.roles)
      text += std::string(to_code(role.role)) + format_date(role.period.from);
  }
  for (const Tie& tie : records.ties) {
    text += tie.id.str() + tie.fields.person.str() + tie.fields.other.str() +
            std::string(to_code(tie.fields.relation_kind)) + format_date(tie.fields.period.from);
  }
  for (const PlannedAgreement& planned : records.agreements) {
    for (const AgreementVersion& version : planned.history)
      text += planned.agreement.id.str() + version.changed_at + version.fields.responsible.str();
  }
  for (const SupportAct& act : records.acts) {
    text += act.id.str() + format_date(act.fields.date) + act.fields.provider.str() +
            act.fields.receiver.str() + std::string(to_code(act.fields.mobilised_by)) +
            std::string(to_code(act.fields.support_type)) +
            std::to_string(act.fields.duration_minutes.value_or(-1));
  }
  for (const Assessment& assessment : records.assessments) {
    text += assessment.id.str() + format_date(assessment.fields.date);
    for (const DomainScore& score : assessment.fields.scores) text += std::to_string(score.score);
  }
  for (const Consent& consent : records.consents) text += format_date(consent.fields.granted_on);
  return text;
}

std::string describe_all(const Generator& generator) {
  std::string text;
  for (const Organisation& organisation : generator.base().organisations)
    text += organisation.id.str() + organisation.fields.name;
  for (const Person& person : generator.base().staff) text += person.id.str();
  for (int i = 0; i != generator.households(); ++i) text += describe(generator.household(i));
  return text;
}

TEST(DemoRandomTest, DrawsStayInRangeAndRepeatForASeed) {
  DemoRandom a(42), b(42), c(43);
  std::vector<std::uint64_t> from_a, from_c;
  for (int i = 0; i != 1000; ++i) {
    const std::uint64_t drawn = a.below(7);
    EXPECT_LT(drawn, 7U);
    EXPECT_EQ(drawn, b.below(7));
    from_a.push_back(drawn);
    from_c.push_back(c.below(7));
    const int between = a.between(-3, 3);
    EXPECT_EQ(between, b.between(-3, 3));
    EXPECT_GE(between, -3);
    EXPECT_LE(between, 3);
    const double unit = a.unit();
    EXPECT_EQ(unit, b.unit());
    EXPECT_GE(unit, 0.0);
    EXPECT_LT(unit, 1.0);
  }
  EXPECT_NE(from_a, from_c);
  EXPECT_NE(DemoRandom::fork(1, 2).next(), DemoRandom::fork(1, 3).next());
  EXPECT_EQ(DemoRandom::fork(1, 2).next(), DemoRandom::fork(1, 2).next());
}

TEST(DemoRandomTest, OrderedIdsAreUuidsThatSortInTheOrderDrawn) {
  DemoRandom random(3);
  OrderedIds household(41, random), later(42, random);
  std::string previous = OrderedIds::make(41, 0, random);
  for (int i = 0; i != 300; ++i) {
    const std::string id = household.next();
    EXPECT_TRUE(is_uuid(id)) << id;
    EXPECT_EQ(id[14], '8');                                          // version 8
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);  // RFC variant
    EXPECT_LT(previous, id);
    previous = id;
  }
  EXPECT_LT(previous, later.next());
}

TEST(DemoRandomTest, WeightedAndPoissonFollowTheirParameters) {
  DemoRandom random(7);
  const std::array<double, 3> weights{1, 0, 3};
  std::array<int, 3> counts{};
  double sum = 0;
  constexpr int kDraws = 20000;
  for (int i = 0; i != kDraws; ++i) {
    ++counts[random.weighted(weights)];
    sum += random.poisson(2.5);
  }
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[2] / static_cast<double>(kDraws), 0.75, 0.02);
  EXPECT_NEAR(sum / kDraws, 2.5, 0.05);
}

TEST(GeneratorTest, SameSeedSameRecordsOtherSeedOthers) {
  const Generator a({30, 5, kToday}), b({30, 5, kToday}), c({30, 6, kToday});
  EXPECT_EQ(describe_all(a), describe_all(b));
  EXPECT_NE(describe_all(a), describe_all(c));
}

TEST(GeneratorTest, AHouseholdIsTheSameInAnyOrder) {
  const Generator generator({40, 9, kToday});
  const std::string late_first = describe(generator.household(37));
  for (int i = 0; i != 37; ++i) (void)generator.household(i);
  EXPECT_EQ(describe(generator.household(37)), late_first);
}

TEST(GeneratorTest, EveryRecordPassesTheDomainChecks) {
  const Generator generator({120, 3, kToday});
  EXPECT_TRUE(check(generator.base(), kToday).empty());
  std::set<std::string> ids;
  for (int i = 0; i != generator.households(); ++i) {
    const HouseholdRecords records = generator.household(i);
    const std::vector<InvalidParam> problems = check(records, kToday);
    EXPECT_TRUE(problems.empty()) << problems.front().name << ": " << problems.front().reason;
    EXPECT_TRUE(ids.insert(records.household.id.str()).second);
    for (const Person& person : records.persons) {
      if (!ids.insert(person.id.str()).second) {
        // Only a peer worker's own person may appear twice: in their household.
        ADD_FAILURE() << "person id used twice: " << person.id.str();
      }
    }
    for (const SupportAct& act : records.acts) {
      EXPECT_TRUE(ids.insert(act.id.str()).second);
      EXPECT_GE(act.fields.date, generator.first_day());
      EXPECT_LE(act.fields.date, kToday);
    }
  }
}

TEST(GeneratorTest, TheChecksCatchABrokenRecord) {
  const Generator generator({6, 3, kToday});
  HouseholdRecords records = generator.household(0);
  ASSERT_FALSE(records.acts.empty());
  records.acts.front().fields.receiver = records.acts.front().fields.provider;
  records.ties.front().fields.period.until =
      Date{std::chrono::year(1990), std::chrono::month(1), std::chrono::day(1)};
  std::set<std::string> fields;
  for (const InvalidParam& problem : check(records, kToday)) {
    fields.insert(problem.name.substr(problem.name.rfind('.') + 1));
  }
  EXPECT_TRUE(fields.contains("receiverId"));
  EXPECT_TRUE(fields.contains("until"));
}

// Per practice: households, helpers from more than one organisation, acts
// mobilised in each of the three ways, ZRM assessments, handovers.
TEST(GeneratorTest, EveryPracticeShowsTheResearchQuestions) {
  const Generator generator({240, 11, kToday});
  const Base& base = generator.base();
  std::map<std::string, OrganisationId> organisation_of;
  for (const Person& person : base.staff) {
    organisation_of.emplace(person.id.str(), person.fields.memberships.front().organisation);
  }
  struct Seen {
    int households = 0, assessments = 0, handovers = 0;
    std::set<MobilisedBy> mobilised;
    std::set<OrganisationId> organisations;
  };
  std::vector<Seen> seen(base.practices.size());
  for (int i = 0; i != generator.households(); ++i) {
    const HouseholdRecords records = generator.household(i);
    Seen& practice = seen[static_cast<std::size_t>(records.practice)];
    ++practice.households;
    practice.assessments += static_cast<int>(records.assessments.size());
    for (const SupportAct& act : records.acts) {
      practice.mobilised.insert(act.fields.mobilised_by);
      if (auto found = organisation_of.find(act.fields.provider.str());
          found != organisation_of.end()) {
        practice.organisations.insert(found->second);
      }
    }
    for (const PlannedAgreement& planned : records.agreements) {
      for (std::size_t v = 1; v < planned.history.size(); ++v) {
        if (planned.history[v].fields.responsible != planned.history[v - 1].fields.responsible)
          ++practice.handovers;
      }
    }
  }
  for (std::size_t p = 0; p != seen.size(); ++p) {
    SCOPED_TRACE(base.practices[p].fields.name);
    EXPECT_GT(seen[p].households, 0);
    EXPECT_GT(seen[p].assessments, 0);
    EXPECT_EQ(seen[p].mobilised.size(), 3U);
    EXPECT_GE(seen[p].organisations.size(), 2U);
    EXPECT_GT(seen[p].handovers, 0);
  }
}

// Network sizes and kin share as docs/demo-data.md sets them.
TEST(GeneratorTest, NetworksHaveThePublishedShapes) {
  const Generator generator({300, 13, kToday});
  int isolated = 0, ordinary = 0, kin = 0, informal = 0;
  for (int i = 0; i != generator.households(); ++i) {
    const HouseholdRecords records = generator.household(i);
    const PersonId& main = records.household.fields.members.front().person;
    // The household's own network persons: not its members, not the
    // practice's volunteers, peer workers and professionals.
    std::set<std::string> own;
    for (const Person& person : records.persons) own.insert(person.id.str());
    for (const PersonPeriod& member : records.household.fields.members)
      own.erase(member.person.str());
    int size = 0;
    for (const Tie& tie : records.ties) {
      if (tie.fields.other != main || !own.contains(tie.fields.person.str())) continue;
      ++size;
      ++informal;
      if (is_kin(tie.fields.relation_kind)) ++kin;
    }
    if (size <= 3) ++isolated;
    if (size >= 5 && size <= 30) ++ordinary;
  }
  EXPECT_EQ(isolated + ordinary, generator.households());
  EXPECT_GT(ordinary, isolated);
  EXPECT_GT(isolated, 0);
  const double kin_share = static_cast<double>(kin) / informal;
  EXPECT_GT(kin_share, 0.33);
  EXPECT_LT(kin_share, 0.5);
}

// Where support shifts to the network, professionals mobilise less of it
// in the second year than in the first, over the whole demo.
TEST(GeneratorTest, SupportShiftsFromProfessionalsToTheNetworkOverTime) {
  const Generator generator({200, 17, kToday});
  const Date middle = Date{std::chrono::sys_days(generator.first_day()) + std::chrono::days(365)};
  std::array<int, 2> professional{}, all{};
  for (int i = 0; i != generator.households(); ++i) {
    for (const SupportAct& act : generator.household(i).acts) {
      const int year = act.fields.date < middle ? 0 : 1;
      ++all[year];
      if (act.fields.mobilised_by == MobilisedBy::professional) ++professional[year];
    }
  }
  const double first = static_cast<double>(professional[0]) / all[0];
  const double second = static_cast<double>(professional[1]) / all[1];
  EXPECT_LT(second, first - 0.03);
}

}  // namespace
}  // namespace dichtbij::demo
