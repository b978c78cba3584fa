#include "cli/commands.hpp"
#include "cli/startup.hpp"

namespace dichtbij::cli {

int run_migrate(const CommonOptions& options) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  return open_and_migrate(*config, 1) ? 0 : 1;
}

}  // namespace dichtbij::cli
