// The matching benchmark's program (bench/matching.sh): builds a synthetic
// city of open help requests and volunteers on the Amsterdam buurt model,
// times the optimal assignment (matching/assignment.hpp) and the greedy
// baseline, and prints one JSON object. With --export FILE it also writes
// the instance with capacities expanded — every feasible pair's points and
// every volunteer place's spreading points — for bench/matching/scipy_check.py.
//
//   matching_bench --requests 5000 --volunteers 20000 --seed 1 [--export FILE]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "matching/assignment.hpp"

namespace {

using namespace dichtbij;
using namespace dichtbij::matching;

struct Options {
  int requests = 5000;
  int volunteers = 20000;
  unsigned seed = 1;
  std::string export_file;
};

// The model's buurten: wijken of the eight districts, six buurten each.
std::vector<GeoPoint> buurten() {
  std::vector<GeoPoint> points;
  for (int wijk = 0; wijk != 80; ++wijk) {
    for (int buurt = 0; buurt != 6; ++buurt) {
      char code[16];
      std::snprintf(code, sizeof code, "BU0363%02d%02d", wijk, buurt);
      if (std::optional<GeoPoint> point = buurt_location(code)) points.push_back(*point);
    }
  }
  return points;
}

Problem city(const Options& options) {
  std::mt19937_64 random(options.seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
  const std::vector<GeoPoint> places = buurten();
  const std::vector<std::string> others{"en", "tr", "ar", "ber", "pap", "srn", "es", "pl", "tw"};
  std::vector<std::string> interests;
  for (int i = 0; i != 40; ++i) interests.push_back("interest" + std::to_string(i));
  auto some_times = [&](int slots) {
    WeeklyTimes times;
    for (int i = 0; i != slots; ++i) times.add(static_cast<int>(pick(WeeklyTimes::kSlots)));
    return times;
  };
  auto languages = [&](double dutch) {
    std::vector<std::string> spoken;
    if (chance(dutch)) spoken.push_back("nl");
    if (spoken.empty() || chance(0.3)) spoken.push_back(others[pick(others.size())]);
    return spoken;
  };
  auto some_interests = [&](int n) {
    std::vector<std::string> chosen;
    for (int i = 0; i != n; ++i) chosen.push_back(interests[pick(interests.size())]);
    return chosen;
  };

  Problem problem;
  // Kinds as the practices ask for them: companionship most.
  const std::vector<HelpKind> asked{
      HelpKind::companionship,  HelpKind::companionship, HelpKind::companionship,
      HelpKind::practical,      HelpKind::practical,     HelpKind::transport,
      HelpKind::administration, HelpKind::language,      HelpKind::other};
  for (int r = 0; r != options.requests; ++r) {
    RequestInput request;
    request.id = "r" + std::to_string(r);
    request.household = "h" + std::to_string(pick(static_cast<std::size_t>(options.requests)));
    request.kind = asked[pick(asked.size())];
    request.location = places[pick(places.size())];
    request.languages = languages(0.8);
    request.interests = some_interests(static_cast<int>(pick(4)));
    request.wished_times = some_times(2 + static_cast<int>(pick(4)));
    request.urgency = static_cast<Urgency>(pick(3));
    problem.requests.push_back(std::move(request));
  }
  for (int v = 0; v != options.volunteers; ++v) {
    VolunteerInput volunteer;
    volunteer.id = "v" + std::to_string(v);
    const int kinds = 1 + static_cast<int>(pick(3));
    for (int k = 0; k != kinds; ++k) {
      const HelpKind kind = asked[pick(asked.size())];
      if (std::find(volunteer.kinds.begin(), volunteer.kinds.end(), kind) ==
          volunteer.kinds.end()) {
        volunteer.kinds.push_back(kind);
      }
    }
    if (chance(0.5)) volunteer.preferred_kinds = {volunteer.kinds.front()};
    volunteer.languages = languages(0.9);
    volunteer.interests = some_interests(static_cast<int>(pick(5)));
    volunteer.home = places[pick(places.size())];
    volunteer.max_distance_km = 1.0 + static_cast<double>(pick(40)) / 10.0;
    volunteer.availability = some_times(2 + static_cast<int>(pick(6)));
    volunteer.capacity = 1 + static_cast<int>(pick(3));
    volunteer.load =
        chance(0.2) ? static_cast<int>(pick(static_cast<std::size_t>(volunteer.capacity))) : 0;
    problem.volunteers.push_back(std::move(volunteer));
  }
  for (int i = 0; i != options.requests / 2; ++i) {
    problem.earlier_helpers.push_back(
        {"h" + std::to_string(pick(static_cast<std::size_t>(options.requests))),
         "v" + std::to_string(pick(static_cast<std::size_t>(options.volunteers)))});
  }
  for (int i = 0; i != options.requests / 10; ++i) {
    problem.declined.push_back(
        {"r" + std::to_string(pick(static_cast<std::size_t>(options.requests))),
         "v" + std::to_string(pick(static_cast<std::size_t>(options.volunteers)))});
  }
  return problem;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of the process: on a shared, loaded machine the wall time says
// more about the neighbours than about the algorithm.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Rows "r <request> <volunteer>:<points> …" and "v <volunteer> <points of
// place 0> <points of place 1> …": all scipy needs to rebuild the objective.
void export_instance(const Problem& problem, const std::string& file) {
  const Scorer scorer(problem);
  std::ofstream out(file);
  const std::vector<Candidate> pairs = scorer.candidates();
  std::size_t i = 0;
  for (int r = 0; r != scorer.requests(); ++r) {
    out << "r " << r;
    for (; i != pairs.size() && pairs[i].request == r; ++i) {
      out << ' ' << pairs[i].volunteer << ':' << pairs[i].score;
    }
    out << '\n';
  }
  for (int v = 0; v != scorer.volunteers(); ++v) {
    out << "v " << v;
    for (int k = 0; k != scorer.free_places(v); ++k) out << ' ' << scorer.spreading(v, k);
    out << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--requests")
      options.requests = std::stoi(value);
    else if (flag == "--volunteers")
      options.volunteers = std::stoi(value);
    else if (flag == "--seed")
      options.seed = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--export")
      options.export_file = value;
    else {
      std::cerr << "matching_bench: unknown option " << flag << '\n';
      return 2;
    }
  }
  const Problem problem = city(options);
  const long rss_before = peak_rss_kib();

  const auto optimal_start = std::chrono::steady_clock::now();
  const double optimal_cpu_start = cpu_seconds();
  const Assignment optimal = assign(problem);
  const double optimal_seconds = seconds_since(optimal_start);
  const double optimal_cpu = cpu_seconds() - optimal_cpu_start;
  const long rss_optimal = peak_rss_kib();

  const auto greedy_start = std::chrono::steady_clock::now();
  const double greedy_cpu_start = cpu_seconds();
  const Assignment greedy = assign_greedy(problem);
  const double greedy_seconds = seconds_since(greedy_start);
  const double greedy_cpu = cpu_seconds() - greedy_cpu_start;

  const std::optional<long long> check = objective(problem, [&] {
    std::vector<int> choice(problem.requests.size(), -1);
    for (const Proposal& proposal : optimal.proposals)
      choice[proposal.request] = proposal.volunteer;
    return choice;
  }());
  if (!check || *check != optimal.total_score) {
    std::cerr << "matching_bench: the assignment breaks a constraint or misstates its score\n";
    return 1;
  }
  if (!options.export_file.empty()) export_instance(problem, options.export_file);

  std::printf(
      "{\"requests\": %d, \"volunteers\": %d, \"seed\": %u, \"candidatePairs\": %lld, "
      "\"pricedPairs\": %lld, \"rounds\": %d, \"seconds\": %.3f, \"cpuSeconds\": %.3f, "
      "\"peakRssMiB\": %.1f, "
      "\"inputRssMiB\": %.1f, \"totalScore\": %lld, \"matched\": %zu, \"unmatched\": %zu, "
      "\"greedy\": {\"seconds\": %.3f, \"cpuSeconds\": %.3f, \"totalScore\": %lld, \"matched\": "
      "%zu, \"unmatched\": "
      "%zu}}\n",
      options.requests, options.volunteers, options.seed, optimal.candidate_pairs,
      optimal.priced_pairs, optimal.rounds, optimal_seconds, optimal_cpu, rss_optimal / 1024.0,
      rss_before / 1024.0, optimal.total_score, optimal.proposals.size(), optimal.unmatched.size(),
      greedy_seconds, greedy_cpu, greedy.total_score, greedy.proposals.size(),
      greedy.unmatched.size());
  return 0;
}
