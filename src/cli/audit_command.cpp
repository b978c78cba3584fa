// dichtbij audit verify [--expect-head SEQ:HASH]: checks the audit log's
// hash chain end to end, and that an anchored head is still in it.
#include <iostream>

#include "access/audit.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace dichtbij::cli {

int run_audit_verify(const CommonOptions& options, const std::string& expected_head) {
  std::optional<store::ChainHead> anchor;
  if (!expected_head.empty()) {
    anchor = access::parse_chain_head(expected_head);
    if (!anchor) {
      std::cerr << "dichtbij audit verify: --expect-head must be SEQ:HASH as printed by an "
                   "earlier verify (a positive number, a colon, 64 lower-case hex digits), not '"
                << expected_head << "'\n";
      return 2;
    }
  }
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;
  Result<access::ChainReport> report = access::verify_chain(*database, anchor);
  if (!report.ok()) {
    std::cerr << "dichtbij audit verify: " << report.error().message << '\n';
    return 1;
  }
  if (report->broken_at) {
    std::cerr << "dichtbij audit verify: the chain is broken at event " << *report->broken_at
              << ": " << report->problem << " (" << report->events
              << " events before it are intact)\n";
    return 3;
  }
  if (!report->anchor_problem.empty()) {
    std::cerr << "dichtbij audit verify: the chain is intact, but not the one anchored at "
              << expected_head << ": " << report->anchor_problem << '\n';
    return 3;
  }
  std::cout << "audit log intact: " << report->events << " events";
  if (report->head.seq != 0) std::cout << "; head " << access::format_chain_head(report->head);
  if (anchor) std::cout << "; holds the expected head " << anchor->seq << " unchanged";
  std::cout << '\n';
  return 0;
}

}  // namespace dichtbij::cli
