// dichtbij audit verify: checks the audit log's hash chain end to end.
#include <iostream>

#include "access/audit.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace dichtbij::cli {

int run_audit_verify(const CommonOptions& options) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;
  Result<access::ChainReport> report = access::verify_chain(*database);
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
  std::cout << "audit log intact: " << report->events << " events\n";
  return 0;
}

}  // namespace dichtbij::cli
