// The ZRM profile on a day and its change between two days, against
// hand-worked assessments.
#include "analysis/zrm_profile.hpp"

#include <gtest/gtest.h>

namespace dichtbij::analysis {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date on(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

Assessment assessment(std::string id, std::string person, Date date,
                      std::vector<std::pair<ZrmDomain, int>> scores) {
  Assessment a;
  a.id = AssessmentId(std::move(id));
  a.fields.person = PersonId(std::move(person));
  a.fields.date = date;
  for (auto [domain, score] : scores) a.fields.scores.push_back({domain, score, std::nullopt});
  return a;
}

const std::vector<Assessment> kAssessments{
    // Listed out of order on purpose.
    assessment("a3", "p1", on(2026, 6, 1), {{ZrmDomain::finances, 4}}),
    assessment("a1", "p1", on(2026, 1, 10),
               {{ZrmDomain::finances, 2}, {ZrmDomain::social_network, 1}}),
    assessment("a2", "p2", on(2026, 3, 5), {{ZrmDomain::housing, 3}}),
};

TEST(ZrmProfile, TakesEachDomainsLatestScoreUpToTheDay) {
  const std::vector<ZrmPersonProfile> profile = zrm_profile(kAssessments, on(2026, 7, 1));
  ASSERT_EQ(profile.size(), 2u);
  EXPECT_EQ(profile[0].person, PersonId("p1"));
  ASSERT_EQ(profile[0].domains.size(), 2u);
  EXPECT_EQ(profile[0].domains[0].domain, ZrmDomain::finances);
  EXPECT_EQ(profile[0].domains[0].score, 4);
  EXPECT_EQ(profile[0].domains[0].assessed_on, on(2026, 6, 1));
  // Not scored again in June: January's score, dated January.
  EXPECT_EQ(profile[0].domains[1].domain, ZrmDomain::social_network);
  EXPECT_EQ(profile[0].domains[1].score, 1);
  EXPECT_EQ(profile[0].domains[1].assessed_on, on(2026, 1, 10));
  EXPECT_EQ(profile[1].person, PersonId("p2"));
}

TEST(ZrmProfile, LeavesOutWhatCameLater) {
  const std::vector<ZrmPersonProfile> profile = zrm_profile(kAssessments, on(2026, 2, 1));
  ASSERT_EQ(profile.size(), 1u);
  EXPECT_EQ(profile[0].domains[0].score, 2);
  EXPECT_TRUE(zrm_profile(kAssessments, on(2025, 12, 31)).empty());
}

TEST(ZrmProfile, OnTheSameDayTheLaterIdWins) {
  const std::vector<Assessment> same_day{
      assessment("b2", "p1", on(2026, 1, 1), {{ZrmDomain::justice, 5}}),
      assessment("b1", "p1", on(2026, 1, 1), {{ZrmDomain::justice, 1}}),
  };
  EXPECT_EQ(zrm_profile(same_day, on(2026, 1, 1))[0].domains[0].score, 5);
}

TEST(ZrmChange, PairsBothDaysPerDomain) {
  const std::vector<ZrmPersonChange> change =
      zrm_change(kAssessments, on(2026, 2, 1), on(2026, 7, 1));
  ASSERT_EQ(change.size(), 2u);
  ASSERT_EQ(change[0].domains.size(), 2u);
  const ZrmDomainChange& finances = change[0].domains[0];
  EXPECT_EQ(finances.then->score, 2);
  EXPECT_EQ(finances.now->score, 4);
  EXPECT_EQ(finances.change(), 2);
  EXPECT_EQ(change[0].domains[1].change(), 0);
  // p2 was first assessed between the two days: no change to speak of.
  ASSERT_EQ(change[1].domains.size(), 1u);
  EXPECT_FALSE(change[1].domains[0].then);
  EXPECT_EQ(change[1].domains[0].now->score, 3);
  EXPECT_FALSE(change[1].domains[0].change());
  // The other way round the change is negative.
  EXPECT_EQ(zrm_change(kAssessments, on(2026, 7, 1), on(2026, 2, 1))[0].domains[0].change(), -2);
}

}  // namespace
}  // namespace dichtbij::analysis
