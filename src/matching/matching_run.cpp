#include "matching/matching_run.hpp"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "matching/assignment.hpp"
#include "store/help_request_repository.hpp"
#include "store/match_repository.hpp"
#include "store/practice_repository.hpp"
#include "store/volunteer_profile_repository.hpp"

namespace dichtbij::matching {

namespace {

// Why each criterion gave what it gave, in words a coordinator reads.
std::string detail(Criterion criterion, const Proposal& proposal, const Weights& weights) {
  switch (criterion) {
    case Criterion::base: return "every pair that meets the hard constraints";
    case Criterion::urgency: return std::to_string(weights.urgency_step) + " per urgency step";
    case Criterion::distance: {
      char text[64];
      std::snprintf(text, sizeof text, "%.1f km from the volunteer's home", proposal.distance_km);
      return text;
    }
    case Criterion::interests: {
      std::string text = "shared interests:";
      for (const std::string& interest : proposal.shared_interests) text += " " + interest;
      return proposal.shared_interests.empty() ? "no shared interests" : text;
    }
    case Criterion::preferred_kind: return "the kind of help the volunteer likes best";
    case Criterion::continuity: return "helped this household before";
    case Criterion::spreading: return "share of the volunteer's capacity still free";
  }
  return "";
}

nlohmann::json explanation(const Proposal& proposal, const Problem& problem) {
  nlohmann::json criteria = nlohmann::json::array();
  for (const Contribution& contribution : proposal.contributions) {
    criteria.push_back({{"criterion", criterion_code(contribution.criterion)},
                        {"points", contribution.points},
                        {"detail", detail(contribution.criterion, proposal, problem.weights)}});
  }
  nlohmann::json alternatives = nlohmann::json::array();
  for (const Alternative& alternative : proposal.alternatives) {
    alternatives.push_back({{"volunteerId", problem.volunteers[alternative.volunteer].id},
                            {"score", alternative.score},
                            {"matchedElsewhere", alternative.matched_elsewhere}});
  }
  return {{"method", "min-cost flow over all open requests of the practice"},
          {"score", proposal.score},
          {"criteria", std::move(criteria)},
          {"distanceKm", std::round(proposal.distance_km * 10) / 10},
          {"sharedInterests", proposal.shared_interests},
          {"alternatives", std::move(alternatives)}};
}

nlohmann::json unserved_reason(const Unmatched& unmatched) {
  if (unmatched.candidates > 0) {
    return {{"code", "allPlacedElsewhere"},
            {"candidates", unmatched.candidates},
            {"detail",
             "volunteers met every hard constraint, but the best total placed them elsewhere"}};
  }
  nlohmann::json ruled_out = nlohmann::json::object();
  for (std::size_t c = 0; c != unmatched.ruled_out.size(); ++c) {
    ruled_out[std::string(constraint_code(static_cast<Constraint>(c)))] = unmatched.ruled_out[c];
  }
  return {{"code", "noCandidate"},
          {"ruledOut", std::move(ruled_out)},
          {"detail",
           "no volunteer meets every hard constraint; per constraint, how many it "
           "ruled out first"}};
}

}  // namespace

Result<RunResult> run_matching(store::Transaction& transaction, const PracticeId& practice,
                               const Weights& weights) {
  if (Result<Practice> found = store::PracticeRepository(transaction).get(practice); !found.ok()) {
    return std::move(found).error();
  }
  store::MatchRepository matches(transaction);
  Result<long long> replaced = matches.remove_proposals(practice);
  if (!replaced.ok()) return std::move(replaced).error();

  HelpRequestFilter open;
  open.practice = practice;
  open.status = HelpRequestStatus::open;
  Result<std::vector<HelpRequest>> requests = store::HelpRequestRepository(transaction).all(open);
  if (!requests.ok()) return std::move(requests).error();
  VolunteerProfileFilter of_practice;
  of_practice.practice = practice;
  Result<std::vector<VolunteerProfile>> profiles =
      store::VolunteerProfileRepository(transaction).all(of_practice);
  if (!profiles.ok()) return std::move(profiles).error();
  Result<std::map<std::string, int>> held = matches.places_held(practice);
  if (!held.ok()) return std::move(held).error();
  Result<std::vector<store::IdPair>> turned_down = matches.turned_down(practice);
  if (!turned_down.ok()) return std::move(turned_down).error();
  Result<std::vector<store::IdPair>> helpers = matches.earlier_helpers(practice);
  if (!helpers.ok()) return std::move(helpers).error();

  RunResult result;
  result.replaced = *replaced;
  result.open_requests = static_cast<int>(requests->size());
  Problem problem;
  problem.weights = weights;
  std::vector<const HelpRequest*> matched_requests;
  for (const HelpRequest& request : *requests) {
    const std::optional<GeoPoint> location = buurt_location(request.fields.buurt_code);
    if (!location) {
      result.unserved.push_back(
          {request.id, nlohmann::json{{"code", "unknownBuurt"},
                                      {"detail", "the request's buurt is not on the map"}}
                           .dump()});
      continue;
    }
    RequestInput input;
    input.id = request.id.str();
    input.household = request.fields.household.str();
    input.kind = request.fields.kind;
    input.location = *location;
    input.languages = request.fields.languages;
    input.interests = request.fields.interests;
    input.wished_times = request.fields.wished_times;
    input.urgency = request.fields.urgency;
    problem.requests.push_back(std::move(input));
    matched_requests.push_back(&request);
  }
  for (const VolunteerProfile& profile : *profiles) {
    const std::optional<GeoPoint> home = buurt_location(profile.fields.home_buurt_code);
    if (!profile.fields.available || !home) continue;
    VolunteerInput input;
    input.id = profile.fields.person.str();
    input.kinds = profile.fields.kinds;
    input.preferred_kinds = profile.fields.preferred_kinds;
    input.languages = profile.fields.languages;
    input.interests = profile.fields.interests;
    input.home = *home;
    input.max_distance_km = profile.fields.max_distance_km;
    input.availability = profile.fields.availability;
    input.capacity = profile.fields.capacity;
    auto load = held->find(input.id);
    input.load = load == held->end() ? 0 : load->second;
    for (const HouseholdId& household : profile.fields.excluded_households) {
      input.excluded_households.push_back(household.str());
    }
    problem.volunteers.push_back(std::move(input));
  }
  result.volunteers = static_cast<int>(problem.volunteers.size());
  for (const store::IdPair& pair : *turned_down)
    problem.declined.push_back({pair.first, pair.second});
  for (const store::IdPair& pair : *helpers) {
    problem.earlier_helpers.push_back({pair.first, pair.second});
  }

  const Assignment assignment = assign(problem);
  result.total_score = assignment.total_score;
  result.candidate_pairs = assignment.candidate_pairs;
  for (const Proposal& proposal : assignment.proposals) {
    const HelpRequest& request = *matched_requests[proposal.request];
    Match match;
    match.practice = practice;
    match.request = request.id;
    match.household = request.fields.household;
    match.volunteer = PersonId(problem.volunteers[proposal.volunteer].id);
    match.status = MatchStatus::proposed;
    match.score = proposal.score;
    match.explanation = explanation(proposal, problem).dump();
    Result<Match> stored = matches.create(std::move(match));
    if (!stored.ok()) return std::move(stored).error();
    result.proposals.push_back(std::move(*stored));
  }
  for (const Unmatched& unmatched : assignment.unmatched) {
    result.unserved.push_back(
        {matched_requests[unmatched.request]->id, unserved_reason(unmatched).dump()});
  }
  return result;
}

}  // namespace dichtbij::matching
