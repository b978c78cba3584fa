// MatchRepository: matches of volunteers to help requests, their life
// cycle, and the history a matching run needs (core/help_request.hpp).
#pragma once

#include <map>

#include "core/help_request.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// A pair of ids: (request, volunteer) or (household, volunteer).
struct IdPair {
  std::string first;
  std::string second;
};

// Borrows the transaction; create one per transaction.
class MatchRepository {
 public:
  explicit MatchRepository(Transaction& transaction) : transaction_(transaction) {}

  // Stores a new match (match.id and version are set here); returns it.
  [[nodiscard]] Result<Match> create(Match match);
  [[nodiscard]] Result<Match> get(const MatchId& id);
  // Ordered by proposed_at, then id.
  [[nodiscard]] Result<Page<Match>> list(const MatchFilter& filter, const Paging& paging);
  // Moves the match to status with reason and tie; precondition_failed when
  // expected_version is set and the match is no longer at it.
  [[nodiscard]] Result<Match> set_status(const MatchId& id, std::optional<int> expected_version,
                                         MatchStatus status, std::optional<std::string> reason,
                                         std::optional<TieId> tie);
  // Deletes the practice's proposals nobody approved yet: a new run
  // replaces them. Returns how many.
  [[nodiscard]] Result<long long> remove_proposals(const PracticeId& practice);
  // Per volunteer (person id), the matches of the practice that hold a place.
  [[nodiscard]] Result<std::map<std::string, int>> places_held(const PracticeId& practice);
  // (request, volunteer) of the practice's matches the volunteer declined
  // or the coordinator rejected: never proposed again.
  [[nodiscard]] Result<std::vector<IdPair>> turned_down(const PracticeId& practice);
  // (household, person) of everyone who helped a household of the practice
  // through a match that was accepted, or who has a tie to it.
  [[nodiscard]] Result<std::vector<IdPair>> earlier_helpers(const PracticeId& practice);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
