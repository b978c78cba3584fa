// dichtbij match --practice P: a matching run for one practice from the
// command line (docs/matching.md), as a coordinator starts it from the API.
// Prints each proposal with its score and criteria, and each unserved
// request with the reason; --format json prints the run as the API answers.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "matching/matching_run.hpp"

namespace dichtbij::cli {

int run_match(const CommonOptions& options, const MatchCommand& command) {
  if (!is_uuid(command.practice)) {
    std::cerr << "dichtbij match: --practice must be a practice id (a UUID), not "
              << command.practice << '\n';
    return 2;
  }
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;

  const PracticeId practice(command.practice);
  Result<matching::RunResult> run = database->in_transaction<matching::RunResult>(
      store::TransactionKind::write, [&](store::Transaction& transaction) {
        return matching::run_matching(transaction, practice);
      });
  if (!run.ok()) {
    std::cerr << "dichtbij match: " << run.error().message << '\n';
    return run.error().code == ErrorCode::not_found ? 2 : 1;
  }
  if (command.json) {
    nlohmann::json proposals = nlohmann::json::array();
    for (const Match& match : run->proposals) {
      proposals.push_back({{"id", match.id.str()},
                           {"requestId", match.request.str()},
                           {"volunteerId", match.volunteer.str()},
                           {"score", match.score},
                           {"explanation", nlohmann::json::parse(match.explanation)}});
    }
    nlohmann::json unserved = nlohmann::json::array();
    for (const matching::UnservedRequest& request : run->unserved) {
      unserved.push_back({{"requestId", request.request.str()},
                          {"reason", nlohmann::json::parse(request.reason)}});
    }
    std::cout << nlohmann::json{{"practiceId", practice.str()},
                                {"totalScore", run->total_score},
                                {"openRequests", run->open_requests},
                                {"volunteers", run->volunteers},
                                {"candidatePairs", run->candidate_pairs},
                                {"replacedProposals", run->replaced},
                                {"proposals", std::move(proposals)},
                                {"unserved", std::move(unserved)}}
                     .dump(1)
              << '\n';
    return 0;
  }
  std::cout << run->open_requests << " open requests, " << run->volunteers << " volunteers, "
            << run->candidate_pairs << " feasible pairs; " << run->proposals.size()
            << " proposed (total score " << run->total_score << "), " << run->unserved.size()
            << " unserved; " << run->replaced << " earlier proposals replaced\n";
  for (const Match& match : run->proposals) {
    const nlohmann::json explanation = nlohmann::json::parse(match.explanation);
    std::cout << "request " << match.request.str() << " -> volunteer " << match.volunteer.str()
              << "  score " << match.score << " =";
    for (const nlohmann::json& criterion : explanation["criteria"]) {
      if (criterion["points"].get<int>() == 0) continue;
      std::cout << ' ' << criterion["criterion"].get<std::string>() << ' '
                << criterion["points"].get<int>();
    }
    std::cout << '\n';
  }
  for (const matching::UnservedRequest& request : run->unserved) {
    std::cout << "request " << request.request.str()
              << " unserved: " << nlohmann::json::parse(request.reason).value("detail", "") << '\n';
  }
  return 0;
}

}  // namespace dichtbij::cli
