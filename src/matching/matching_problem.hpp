// The matching problem: open help requests, volunteers with room, the
// history that matters (who helped which household, which pairs were
// declined), and the weights of the soft criteria. Plain values: the store
// fills them (matching/matching_run.hpp), benchmarks and tests build them
// by hand. docs/matching.md explains every rule and weight.
#pragma once

#include <string>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/help_request.hpp"
#include "matching/buurt_location.hpp"

namespace dichtbij::matching {

// Points per soft criterion, all whole numbers so that a proposal's
// explanation adds up exactly to its score. Defaults are documented in
// docs/matching.md with the reasons for their size.
struct Weights {
  // Every feasible pair earns this: matching someone at all outweighs any
  // difference in the soft criteria, so the optimum helps as many requests
  // as it can before it helps them better.
  int base = 100;
  // Per urgency step above low (normal +1 step, high +2): when volunteers
  // are scarce the urgent requests are served first.
  int urgency_step = 15;
  // Full points at zero distance, falling linearly to none at the edge of
  // the volunteer's travel radius.
  int distance = 30;
  int per_shared_interest = 10;
  int max_shared_interests = 30;  // a cap on the interest points
  // The volunteer named the request's kind among the kinds they like best.
  int preferred_kind = 10;
  // The volunteer helped this household before (an earlier match or a tie).
  int continuity = 40;
  // Spreading work: a volunteer's next match earns this times the share of
  // their capacity still free before it, so idle volunteers come first and a
  // volunteer's third match is worth less than someone else's first.
  int spreading = 20;
};

struct RequestInput {
  std::string id;
  std::string household;
  HelpKind kind = HelpKind::other;
  GeoPoint location;
  std::vector<std::string> languages;
  std::vector<std::string> interests;
  WeeklyTimes wished_times;
  Urgency urgency = Urgency::normal;
};

struct VolunteerInput {
  std::string id;  // the volunteer's person id
  std::vector<HelpKind> kinds;
  std::vector<HelpKind> preferred_kinds;
  std::vector<std::string> languages;
  std::vector<std::string> interests;
  GeoPoint home;
  double max_distance_km = 3.0;
  WeeklyTimes availability;
  int capacity = 1;  // matches at once
  int load = 0;      // matches they hold now (approved, accepted, active)
  std::vector<std::string> excluded_households;
};

// A volunteer who helped a household before.
struct EarlierHelper {
  std::string household;
  std::string volunteer;
};

// A pair the volunteer declined: never proposed again.
struct DeclinedPair {
  std::string request;
  std::string volunteer;
};

struct Problem {
  std::vector<RequestInput> requests;
  std::vector<VolunteerInput> volunteers;
  std::vector<EarlierHelper> earlier_helpers;
  std::vector<DeclinedPair> declined;
  Weights weights;
};

// The hard constraints, in the order they are checked and reported.
enum class Constraint { kind, language, distance, times, capacity, exclusion };
[[nodiscard]] std::string_view constraint_code(Constraint constraint) noexcept;

// The soft criteria, in the order a proposal lists them.
enum class Criterion { base, urgency, distance, interests, preferred_kind, continuity, spreading };
[[nodiscard]] std::string_view criterion_code(Criterion criterion) noexcept;

}  // namespace dichtbij::matching
