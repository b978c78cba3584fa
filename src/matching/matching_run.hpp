// A matching run for one practice: read its open help requests and its
// volunteers' profiles from the store, find the optimal assignment
// (matching/assignment.hpp), replace the proposals nobody approved yet with
// the new ones, each with its explanation. Runs inside the caller's
// transaction, so a run is all or nothing.
#pragma once

#include <string>
#include <vector>

#include "core/help_request.hpp"
#include "core/result.hpp"
#include "matching/matching_problem.hpp"
#include "store/database.hpp"

namespace dichtbij::matching {

// A request the run could not serve, and why (JSON text, as in a match's
// explanation: which hard constraints ruled out how many volunteers).
struct UnservedRequest {
  HelpRequestId request;
  std::string reason;
};

struct RunResult {
  std::vector<Match> proposals;  // stored, by request in the order of the practice's list
  std::vector<UnservedRequest> unserved;
  long long total_score = 0;
  int open_requests = 0;
  int volunteers = 0;  // available profiles with a known home
  long long candidate_pairs = 0;
  long long replaced = 0;  // earlier proposals the run replaced
};

// not_found when there is no such practice. Thread-safe as the transaction is.
[[nodiscard]] Result<RunResult> run_matching(store::Transaction& transaction,
                                             const PracticeId& practice,
                                             const Weights& weights = {});

}  // namespace dichtbij::matching
