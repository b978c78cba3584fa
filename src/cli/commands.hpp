// The subcommands of the `dichtbij` program. Each returns the process exit
// code: 0 done, 1 failed at run time (database, network), 2 bad usage or
// configuration. Messages go to stderr, naming what to fix.
#pragma once

#include <filesystem>
#include <optional>

namespace dichtbij::cli {

struct CommonOptions {
  std::optional<std::filesystem::path> config_file;  // --config
};

// Migrates the database, then serves HTTP until SIGTERM or SIGINT, then
// finishes the requests in flight and exits 0.
[[nodiscard]] int run_serve(const CommonOptions& options);

// Applies pending migrations and reports the schema version.
[[nodiscard]] int run_migrate(const CommonOptions& options);

}  // namespace dichtbij::cli
