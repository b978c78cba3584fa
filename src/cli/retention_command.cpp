// dichtbij retention run [--dry-run]: anonymises households whose retention
// period (retention_years after they closed) has run out. Meant for a
// nightly timer; the rules live in access/subject_rights.hpp.
#include <unistd.h>

#include <iostream>

#include "access/subject_rights.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace dichtbij::cli {

int run_retention(const CommonOptions& options, bool dry_run) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;

  // Progress on a terminal only: a timer's log wants the summary alone.
  const bool terminal = isatty(STDERR_FILENO) != 0;
  const char* verb = dry_run ? "checking" : "anonymising";
  Result<access::RetentionReport> report = access::SubjectRights(*database).run_retention(
      local_today(), config->retention_years, dry_run, command_line_requester(),
      [&](const access::RetentionItem&, std::size_t done, std::size_t total) {
        if (terminal)
          std::cerr << '\r' << verb << " households: " << done << '/' << total << std::flush;
      });
  if (terminal && report.ok() && report->households != 0) std::cerr << '\n';
  if (!report.ok()) {
    if (terminal) std::cerr << '\n';
    std::cerr << "dichtbij retention run: " << report.error().message;
    for (const InvalidParam& param : report.error().invalid_params) {
      std::cerr << "\n  " << param.name << ": " << param.reason;
    }
    std::cerr << '\n';
    return report.error().code == ErrorCode::invalid_input ? 2 : 1;
  }
  std::cout << (dry_run ? "dry run: would anonymise " : "anonymised ") << report->households
            << " households and " << report->persons << " persons (closed on or before "
            << format_date(report->cutoff) << ", retention " << config->retention_years << " years)"
            << (dry_run ? "; nothing changed" : "") << '\n';
  return 0;
}

}  // namespace dichtbij::cli
