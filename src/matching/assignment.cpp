#include "matching/assignment.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

#include <lemon/maps.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace dichtbij::matching {

namespace {

// The feasible pairs, grouped by request, each group best first.
struct CandidateTable {
  std::vector<Candidate> pairs;    // by request; within one, best first
  std::vector<std::size_t> first;  // pairs of request r: [first[r], first[r + 1])
  std::vector<int> pairs_of_volunteer;

  CandidateTable(const Scorer& scorer) : pairs(scorer.candidates()) {
    first.assign(static_cast<std::size_t>(scorer.requests()) + 1, 0);
    pairs_of_volunteer.assign(static_cast<std::size_t>(scorer.volunteers()), 0);
    for (const Candidate& pair : pairs) {
      ++first[static_cast<std::size_t>(pair.request) + 1];
      ++pairs_of_volunteer[static_cast<std::size_t>(pair.volunteer)];
    }
    std::partial_sum(first.begin(), first.end(), first.begin());
    // Equal scores in volunteer order, so ties break the same way always.
    for (int r = 0; r != scorer.requests(); ++r) {
      std::sort(pairs.begin() + static_cast<std::ptrdiff_t>(first[r]),
                pairs.begin() + static_cast<std::ptrdiff_t>(first[r + 1]),
                [](const Candidate& a, const Candidate& b) {
                  return a.score != b.score ? a.score > b.score : a.volunteer < b.volunteer;
                });
    }
  }
};

// Proposals, reasons and totals for a choice of volunteer per request.
Assignment explain(const Scorer& scorer, const CandidateTable& table,
                   const std::vector<int>& choice, const AssignOptions& options) {
  Assignment assignment;
  assignment.candidate_pairs = static_cast<long long>(table.pairs.size());
  std::vector<int> placed(static_cast<std::size_t>(scorer.volunteers()), 0);
  for (int r = 0; r != scorer.requests(); ++r) {
    const int v = choice[static_cast<std::size_t>(r)];
    if (v < 0) {
      Unmatched unmatched;
      unmatched.request = r;
      unmatched.candidates = static_cast<int>(table.first[r + 1] - table.first[r]);
      if (options.explain && unmatched.candidates == 0) {
        for (int other = 0; other != scorer.volunteers(); ++other) {
          if (std::optional<Constraint> broken = scorer.violated(r, other)) {
            ++unmatched.ruled_out[static_cast<std::size_t>(*broken)];
          }
        }
      }
      assignment.unmatched.push_back(unmatched);
      continue;
    }
    const PairScore pair = scorer.score(r, v);
    const int spreading = scorer.spreading(v, placed[static_cast<std::size_t>(v)]++);
    Proposal proposal;
    proposal.request = r;
    proposal.volunteer = v;
    proposal.score = pair.total + spreading;
    if (options.explain) {
      for (std::size_t c = 0; c != PairScore::kCriteria; ++c) {
        proposal.contributions.push_back({static_cast<Criterion>(c), pair.points[c]});
      }
      proposal.contributions.push_back({Criterion::spreading, spreading});
      proposal.distance_km = scorer.distance(r, v);
      proposal.shared_interests = scorer.shared_interests(r, v);
    }
    assignment.total_score += proposal.score;
    assignment.proposals.push_back(std::move(proposal));
  }
  if (!options.explain) return assignment;
  for (Proposal& proposal : assignment.proposals) {
    const int r = proposal.request;
    for (std::size_t i = table.first[r];
         i != table.first[r + 1] &&
         static_cast<int>(proposal.alternatives.size()) < options.alternatives;
         ++i) {
      const Candidate& pair = table.pairs[i];
      if (pair.volunteer == proposal.volunteer) continue;
      proposal.alternatives.push_back(
          {pair.volunteer, pair.score, placed[static_cast<std::size_t>(pair.volunteer)] > 0});
    }
  }
  return assignment;
}

using Graph = lemon::SmartDigraph;
using Flow = lemon::NetworkSimplex<Graph, int, long long>;

}  // namespace

Assignment assign(const Problem& problem, const AssignOptions& options) {
  const Scorer scorer(problem);
  const CandidateTable table(scorer);
  const int requests = scorer.requests();
  const int volunteers = scorer.volunteers();

  std::vector<char> priced(table.pairs.size(), 0);
  for (int r = 0; r != requests; ++r) {
    const std::size_t end = std::min(
        table.first[r + 1],
        table.first[r] + static_cast<std::size_t>(std::max(1, options.initial_pairs_per_request)));
    for (std::size_t i = table.first[r]; i != end; ++i) priced[i] = 1;
  }

  std::vector<int> choice(static_cast<std::size_t>(requests), -1);
  int rounds = 0;
  long long priced_pairs = 0;
  for (;;) {
    ++rounds;
    Graph graph;
    graph.reserveNode(requests + volunteers + 1);
    std::vector<Graph::Node> request_node, volunteer_node;
    request_node.reserve(static_cast<std::size_t>(requests));
    volunteer_node.reserve(static_cast<std::size_t>(volunteers));
    for (int r = 0; r != requests; ++r) request_node.push_back(graph.addNode());
    for (int v = 0; v != volunteers; ++v) volunteer_node.push_back(graph.addNode());
    const Graph::Node sink = graph.addNode();

    Graph::ArcMap<long long> cost(graph);
    Graph::NodeMap<int> supply(graph, 0);
    std::vector<std::pair<Graph::Arc, std::size_t>> pair_arcs;
    for (int r = 0; r != requests; ++r) {
      supply[request_node[r]] = 1;
      cost[graph.addArc(request_node[r], sink)] = 0;
      for (std::size_t i = table.first[r]; i != table.first[r + 1]; ++i) {
        if (!priced[i]) continue;
        const Graph::Arc arc =
            graph.addArc(request_node[r], volunteer_node[table.pairs[i].volunteer]);
        cost[arc] = -table.pairs[i].score;
        pair_arcs.emplace_back(arc, i);
      }
    }
    supply[sink] = -requests;
    for (int v = 0; v != volunteers; ++v) {
      const int places = std::min(scorer.free_places(v), table.pairs_of_volunteer[v]);
      for (int k = 0; k != places; ++k) {
        cost[graph.addArc(volunteer_node[v], sink)] = -scorer.spreading(v, k);
      }
    }
    priced_pairs = static_cast<long long>(pair_arcs.size());

    Flow flow(graph);
    flow.upperMap(lemon::constMap<Graph::Arc, int>(1)).costMap(cost).supplyMap(supply);
    [[maybe_unused]] const Flow::ProblemType outcome = flow.run();
    // Every request can always go straight to the sink: never infeasible,
    // and the costs are bounded below.
    assert(outcome == Flow::OPTIMAL);

    std::fill(choice.begin(), choice.end(), -1);
    for (const auto& [arc, i] : pair_arcs) {
      if (flow.flow(arc) > 0)
        choice[static_cast<std::size_t>(table.pairs[i].request)] = table.pairs[i].volunteer;
    }

    // Price every pair left out against the potentials.
    bool added = false;
    for (std::size_t i = 0; i != table.pairs.size(); ++i) {
      if (priced[i]) continue;
      const Candidate& pair = table.pairs[i];
      const long long reduced = -static_cast<long long>(pair.score) +
                                flow.potential(request_node[pair.request]) -
                                flow.potential(volunteer_node[pair.volunteer]);
      if (reduced < 0) priced[i] = 1, added = true;
    }
    if (!added) break;
  }

  Assignment assignment = explain(scorer, table, choice, options);
  assignment.rounds = rounds;
  assignment.priced_pairs = priced_pairs;
  return assignment;
}

Assignment assign_greedy(const Problem& problem) {
  const Scorer scorer(problem);
  const CandidateTable table(scorer);
  std::vector<int> order(static_cast<std::size_t>(scorer.requests()));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return problem.requests[a].urgency > problem.requests[b].urgency;
  });
  std::vector<int> placed(static_cast<std::size_t>(scorer.volunteers()), 0);
  std::vector<int> choice(order.size(), -1);
  for (int r : order) {
    int best = -1;
    int best_score = 0;
    for (std::size_t i = table.first[r]; i != table.first[r + 1]; ++i) {
      const int v = table.pairs[i].volunteer;
      if (placed[v] >= scorer.free_places(v)) continue;
      const int score = table.pairs[i].score + scorer.spreading(v, placed[v]);
      if (best < 0 || score > best_score || (score == best_score && v < best)) {
        best = v, best_score = score;
      }
    }
    if (best >= 0) ++placed[best], choice[r] = best;
  }
  AssignOptions options;
  Assignment assignment = explain(scorer, table, choice, options);
  assignment.rounds = 0;
  return assignment;
}

std::optional<long long> objective(const Problem& problem, const std::vector<int>& choice) {
  const Scorer scorer(problem);
  if (static_cast<int>(choice.size()) != scorer.requests()) return std::nullopt;
  std::vector<int> placed(static_cast<std::size_t>(scorer.volunteers()), 0);
  long long total = 0;
  for (int r = 0; r != scorer.requests(); ++r) {
    const int v = choice[static_cast<std::size_t>(r)];
    if (v < 0) continue;
    if (v >= scorer.volunteers() || scorer.violated(r, v)) return std::nullopt;
    if (placed[v] >= scorer.free_places(v)) return std::nullopt;
    total += scorer.score(r, v).total + scorer.spreading(v, placed[v]++);
  }
  return total;
}

}  // namespace dichtbij::matching
