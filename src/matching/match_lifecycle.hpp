// A match's life after it was proposed (core/help_request.hpp, MatchStatus):
// what each step does to the request, the household's network and the
// other proposals. Who may take a step is access/'s business
// (access::may_change_match); this file does the step. Runs inside the
// caller's transaction.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/help_request.hpp"
#include "core/result.hpp"
#include "matching/matching_run.hpp"
#include "store/database.hpp"

namespace dichtbij::matching {

struct MatchChange {
  Match match;                     // as it is now
  std::optional<RunResult> rerun;  // the practice's new run, after a decline
};

// Moves the match to status `to`:
//  - approved: the request is matched (no longer open to other runs);
//  - accepted: a tie from the volunteer to a current member of the household
//    (which gives the volunteer helper access to it, access/policy.hpp);
//  - declined: the request is open again and the practice is matched again
//    without that pair;
//  - rejected (a proposal the coordinator turns down): the pair is never
//    proposed again;
//  - ended: the tie ends today, the request is closed (open again when it
//    ended before the volunteer accepted).
// conflict when `to` may not follow the match's status, or when the
// household has no current member to tie the volunteer to; invalid_input
// naming reason when ending or rejecting without one; precondition_failed on
// a stale expected_version.
[[nodiscard]] Result<MatchChange> change_match(store::Transaction& transaction, const MatchId& id,
                                               std::optional<int> expected_version, MatchStatus to,
                                               std::optional<std::string> reason,
                                               const Date& today);

}  // namespace dichtbij::matching
