// The assignment of volunteers to help requests that maximises the total
// score over all requests at once, and why each proposal was made.
//
// Method (docs/matching.md): a min-cost flow (LEMON's network simplex).
// Each request sends one unit, either to the sink directly (unmatched, 0
// points) or through one feasible volunteer (minus the pair's points); each
// volunteer passes at most their free places on to the sink, one arc per
// place, the k-th costing minus its spreading points. Those costs grow with
// k, so the flow fills a volunteer's places in order and the optimum of the
// flow is the optimum of the matching, spreading included.
//
// A city has millions of feasible pairs, most of them hopeless. The flow
// starts with each request's best pairs only and then prices out every
// other pair against the optimal flow's node potentials; a pair with a
// negative reduced cost joins and the flow is solved again. When no pair
// is left out that could improve it, the solution is optimal for all pairs
// (linear-programming duality), not an approximation.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "matching/matching_problem.hpp"
#include "matching/scoring.hpp"

namespace dichtbij::matching {

struct Contribution {
  Criterion criterion = Criterion::base;
  int points = 0;
};

// Another volunteer who could have helped with the request.
struct Alternative {
  int volunteer = 0;
  int score = 0;  // the pair's points, spreading left out
  // Matched to another request in this assignment; otherwise the chosen
  // volunteer simply scored higher, or the alternative's places were
  // better used elsewhere.
  bool matched_elsewhere = false;
};

struct Proposal {
  int request = 0;
  int volunteer = 0;
  int score = 0;  // the sum of contributions
  std::vector<Contribution> contributions;
  double distance_km = 0;
  std::vector<std::string> shared_interests;
  std::vector<Alternative> alternatives;  // the next best, best first
};

struct Unmatched {
  int request = 0;
  int candidates = 0;  // volunteers who met every hard constraint (all placed elsewhere)
  // Per Constraint, how many volunteers it was the first to rule out.
  std::array<int, 6> ruled_out{};
};

struct Assignment {
  std::vector<Proposal> proposals;  // by request, in input order
  std::vector<Unmatched> unmatched;
  long long total_score = 0;
  long long candidate_pairs = 0;  // feasible pairs
  long long priced_pairs = 0;     // pairs the flow was solved with in the end
  int rounds = 0;                 // flows solved
};

struct AssignOptions {
  int alternatives = 3;  // next-best volunteers per proposal
  bool explain = true;   // contributions, alternatives and reasons
  // Pairs per request the first flow starts with; more are priced in as
  // needed. Changes the time taken, never the result's score.
  int initial_pairs_per_request = 24;
};

// The optimal assignment. Deterministic: the same problem (same order of
// requests and volunteers) gives the same proposals; among equally good
// assignments the network simplex's pivots, which follow that order,
// decide. Thread-safe: calls share no state.
[[nodiscard]] Assignment assign(const Problem& problem, const AssignOptions& options = {});

// The baseline the benchmark compares with: requests in order of urgency
// (then input order), each given its best-scoring volunteer with a free
// place, as a coordinator working down a list would. Not optimal.
[[nodiscard]] Assignment assign_greedy(const Problem& problem);

// The objective of a choice of volunteer per request (-1: unmatched):
// the pairs' points plus the spreading points; nullopt when it breaks a
// hard constraint or a capacity. For tests that search exhaustively.
[[nodiscard]] std::optional<long long> objective(const Problem& problem,
                                                 const std::vector<int>& choice);

}  // namespace dichtbij::matching
