// The matching algorithm on its own: hard constraints are never broken, the
// assignment is optimal (against exhaustive search on small random
// instances), the same input gives the same result, and every proposal's
// explanation adds up to its score.
#include "matching/assignment.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>

namespace dichtbij::matching {
namespace {

WeeklyTimes times(std::initializer_list<int> slots) {
  WeeklyTimes result;
  for (int slot : slots) result.add(slot);
  return result;
}

RequestInput request(std::string id, HelpKind kind = HelpKind::companionship) {
  RequestInput request;
  request.id = std::move(id);
  request.household = "h-" + request.id;
  request.kind = kind;
  request.languages = {"nl"};
  request.wished_times = times({0, 1});
  return request;
}

VolunteerInput volunteer(std::string id) {
  VolunteerInput volunteer;
  volunteer.id = std::move(id);
  volunteer.kinds = {HelpKind::companionship, HelpKind::practical};
  volunteer.languages = {"nl"};
  volunteer.availability = times({0});
  volunteer.max_distance_km = 5;
  return volunteer;
}

// A random instance: a few requests and volunteers on a 6 × 6 km square,
// with capacities, loads, languages, times, exclusions and history drawn so
// that every constraint binds somewhere.
Problem random_problem(unsigned seed, int requests, int volunteers) {
  std::mt19937 random(seed);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> languages{"nl", "en", "tr", "ar"};
  const std::vector<std::string> interests{"koken", "wandelen", "schaken", "muziek", "tuin"};
  auto some = [&](const std::vector<std::string>& pool, int at_least) {
    std::vector<std::string> chosen;
    for (const std::string& item : pool) {
      if (pick(3) == 0) chosen.push_back(item);
    }
    while (static_cast<int>(chosen.size()) < at_least) chosen.push_back(pool[pick(2)]);
    return chosen;
  };
  Problem problem;
  for (int r = 0; r != requests; ++r) {
    RequestInput input;
    input.id = "r" + std::to_string(r);
    input.household = "h" + std::to_string(pick(requests));
    input.kind = static_cast<HelpKind>(pick(3));
    input.location = {pick(60) / 10.0, pick(60) / 10.0};
    input.languages = some(languages, 1);
    input.interests = some(interests, 0);
    input.wished_times = WeeklyTimes(static_cast<std::uint32_t>(random()) & 0x3F);
    if (input.wished_times.empty()) input.wished_times.add(0);
    input.urgency = static_cast<Urgency>(pick(3));
    problem.requests.push_back(input);
  }
  for (int v = 0; v != volunteers; ++v) {
    VolunteerInput input;
    input.id = "v" + std::to_string(v);
    input.kinds = {static_cast<HelpKind>(pick(3)), static_cast<HelpKind>(pick(3))};
    if (pick(2)) input.preferred_kinds = {input.kinds[0]};
    input.languages = some(languages, 1);
    input.interests = some(interests, 0);
    input.home = {pick(60) / 10.0, pick(60) / 10.0};
    input.max_distance_km = 1 + pick(6);
    input.availability = WeeklyTimes(static_cast<std::uint32_t>(random()) & 0x3F);
    input.capacity = 1 + pick(3);
    input.load = pick(2);
    if (pick(4) == 0) input.excluded_households = {"h" + std::to_string(pick(requests))};
    problem.volunteers.push_back(input);
  }
  for (int i = 0; i != 2; ++i) {
    problem.earlier_helpers.push_back(
        {"h" + std::to_string(pick(requests)), "v" + std::to_string(pick(volunteers))});
    problem.declined.push_back(
        {"r" + std::to_string(pick(requests)), "v" + std::to_string(pick(volunteers))});
  }
  return problem;
}

std::vector<int> choice_of(const Problem& problem, const Assignment& assignment) {
  std::vector<int> choice(problem.requests.size(), -1);
  for (const Proposal& proposal : assignment.proposals)
    choice[proposal.request] = proposal.volunteer;
  return choice;
}

// The best objective over every choice of volunteer (or none) per request.
long long exhaustive_best(const Problem& problem) {
  const int requests = static_cast<int>(problem.requests.size());
  const int volunteers = static_cast<int>(problem.volunteers.size());
  std::vector<int> choice(requests, -1);
  long long best = 0;
  std::function<void(int)> search = [&](int r) {
    if (r == requests) {
      if (std::optional<long long> value = objective(problem, choice))
        best = std::max(best, *value);
      return;
    }
    for (int v = -1; v != volunteers; ++v) {
      choice[r] = v;
      search(r + 1);
    }
    choice[r] = -1;
  };
  search(0);
  return best;
}

TEST(Assignment, EachHardConstraintRulesAPairOut) {
  Problem problem;
  problem.requests = {request("r")};
  VolunteerInput fits = volunteer("fits");
  VolunteerInput wrong_kind = volunteer("kind");
  wrong_kind.kinds = {HelpKind::transport};
  VolunteerInput no_language = volunteer("language");
  no_language.languages = {"en"};
  VolunteerInput too_far = volunteer("distance");
  too_far.home = {4, 4};
  too_far.max_distance_km = 5;
  VolunteerInput other_times = volunteer("times");
  other_times.availability = times({20});
  VolunteerInput full = volunteer("capacity");
  full.load = 1;
  VolunteerInput excluding = volunteer("exclusion");
  excluding.excluded_households = {"h-r"};
  problem.volunteers = {wrong_kind, no_language, too_far, other_times, full, excluding, fits};

  const Scorer scorer(problem);
  const std::vector<std::optional<Constraint>> expected{
      Constraint::kind,     Constraint::language,  Constraint::distance, Constraint::times,
      Constraint::capacity, Constraint::exclusion, std::nullopt};
  for (int v = 0; v != scorer.volunteers(); ++v) {
    EXPECT_EQ(scorer.violated(0, v), expected[v]) << problem.volunteers[v].id;
  }
  const Assignment assignment = assign(problem);
  ASSERT_EQ(assignment.proposals.size(), 1U);
  EXPECT_EQ(problem.volunteers[assignment.proposals[0].volunteer].id, "fits");
  EXPECT_EQ(assignment.candidate_pairs, 1);
}

TEST(Assignment, ADeclinedPairIsNeverProposedAgain) {
  Problem problem;
  problem.requests = {request("r")};
  problem.volunteers = {volunteer("a")};
  problem.declined = {{"r", "a"}};
  const Assignment assignment = assign(problem);
  EXPECT_TRUE(assignment.proposals.empty());
  ASSERT_EQ(assignment.unmatched.size(), 1U);
  EXPECT_EQ(assignment.unmatched[0].ruled_out[static_cast<int>(Constraint::exclusion)], 1);
}

TEST(Assignment, ServesEveryoneWhereAGreedyOrderWouldNot) {
  // Anna scores higher for both, but only Bert can help with transport:
  // the optimum gives Anna the companionship and Bert the transport.
  Problem problem;
  problem.requests = {request("companionship"), request("transport", HelpKind::transport)};
  VolunteerInput anna = volunteer("anna");
  anna.kinds = {HelpKind::companionship, HelpKind::transport};
  anna.interests = {"koken"};
  VolunteerInput bert = volunteer("bert");
  bert.kinds = {HelpKind::transport};
  bert.home = {2, 0};
  problem.requests[0].interests = {"koken"};
  problem.requests[1].urgency = Urgency::low;
  problem.volunteers = {anna, bert};
  const Assignment assignment = assign(problem);
  EXPECT_EQ(assignment.proposals.size(), 2U);
  EXPECT_TRUE(assignment.unmatched.empty());
}

TEST(Assignment, SpreadingPrefersAnIdleVolunteer) {
  Problem problem;
  problem.requests = {request("r1"), request("r2")};
  VolunteerInput busy = volunteer("busy");
  busy.capacity = 3;
  VolunteerInput idle = volunteer("idle");
  idle.capacity = 3;
  idle.home = {0.3, 0};  // a little farther away
  problem.volunteers = {busy, idle};
  const Assignment assignment = assign(problem);
  ASSERT_EQ(assignment.proposals.size(), 2U);
  EXPECT_NE(assignment.proposals[0].volunteer, assignment.proposals[1].volunteer)
      << "a second match for one volunteer is worth less than a first for another";
}

TEST(Assignment, ExplanationsAddUpAndNameTheNextBest) {
  Problem problem = random_problem(7, 8, 6);
  const Assignment assignment = assign(problem);
  long long total = 0;
  for (const Proposal& proposal : assignment.proposals) {
    int sum = 0;
    for (const Contribution& contribution : proposal.contributions) sum += contribution.points;
    EXPECT_EQ(sum, proposal.score);
    EXPECT_EQ(proposal.contributions.size(), 7U);
    total += proposal.score;
    int previous = std::numeric_limits<int>::max();
    for (const Alternative& alternative : proposal.alternatives) {
      EXPECT_NE(alternative.volunteer, proposal.volunteer);
      EXPECT_LE(alternative.score, previous) << "best first";
      previous = alternative.score;
    }
  }
  EXPECT_EQ(total, assignment.total_score);
}

TEST(Assignment, IsOptimalAgainstExhaustiveSearch) {
  for (unsigned seed = 1; seed != 120; ++seed) {
    const Problem problem =
        random_problem(seed, 2 + static_cast<int>(seed % 4), 2 + static_cast<int>(seed % 3));
    SCOPED_TRACE("seed " + std::to_string(seed));
    const long long best = exhaustive_best(problem);
    // Starting from one pair per request makes the pricing loop do the work.
    for (int start : {1, 24}) {
      AssignOptions options;
      options.initial_pairs_per_request = start;
      const Assignment assignment = assign(problem, options);
      const std::optional<long long> value = objective(problem, choice_of(problem, assignment));
      ASSERT_TRUE(value.has_value()) << "a hard constraint or a capacity was broken";
      EXPECT_EQ(*value, assignment.total_score);
      EXPECT_EQ(assignment.total_score, best);
    }
    const Assignment greedy = assign_greedy(problem);
    ASSERT_TRUE(objective(problem, choice_of(problem, greedy)).has_value());
    EXPECT_LE(greedy.total_score, best);
  }
}

TEST(Assignment, NeverBreaksAHardConstraintOnLargerInstances) {
  for (unsigned seed = 1; seed != 20; ++seed) {
    const Problem problem = random_problem(seed, 60, 40);
    AssignOptions options;
    options.initial_pairs_per_request = 2;
    const Assignment assignment = assign(problem, options);
    const Scorer scorer(problem);
    std::vector<int> placed(problem.volunteers.size(), 0);
    for (const Proposal& proposal : assignment.proposals) {
      EXPECT_FALSE(scorer.violated(proposal.request, proposal.volunteer).has_value());
      EXPECT_LE(++placed[proposal.volunteer], scorer.free_places(proposal.volunteer));
    }
    EXPECT_EQ(assignment.total_score, assign(problem).total_score)
        << "the start changes the time, not the score";
  }
}

TEST(Assignment, TheSameInputGivesTheSameResult) {
  const Problem problem = random_problem(42, 40, 25);
  const Assignment first = assign(problem);
  for (int run = 0; run != 3; ++run) {
    const Assignment again = assign(problem);
    EXPECT_EQ(choice_of(problem, again), choice_of(problem, first));
    EXPECT_EQ(again.total_score, first.total_score);
  }
}

TEST(Assignment, AnEmptyProblemHasNothingToPropose) {
  const Assignment assignment = assign(Problem{});
  EXPECT_TRUE(assignment.proposals.empty());
  EXPECT_EQ(assignment.total_score, 0);
}

TEST(BuurtLocation, KnowsAmsterdamsModelledBuurtenOnly) {
  EXPECT_TRUE(buurt_location("BU03630000").has_value());
  EXPECT_TRUE(buurt_location("BU03637105").has_value());
  EXPECT_FALSE(buurt_location("BU03637200").has_value()) << "Weesp has two wijken";
  EXPECT_FALSE(buurt_location("BU05180000").has_value()) << "The Hague";
  EXPECT_FALSE(buurt_location("BU0363").has_value());
  const GeoPoint centrum = *buurt_location("BU03630000");
  const GeoPoint zuidoost = *buurt_location("BU03636000");
  EXPECT_GT(distance_km(centrum, zuidoost), 5.0);
  EXPECT_LT(distance_km(centrum, zuidoost), 15.0);
  EXPECT_LT(distance_km(centrum, *buurt_location("BU03630001")), 1.0) << "neighbouring buurten";
}

}  // namespace
}  // namespace dichtbij::matching
