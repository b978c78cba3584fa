// What every subcommand does first: read the configuration, set up logging,
// open and migrate the database.
#pragma once

#include <memory>
#include <optional>

#include "access/subject_rights.hpp"
#include "cli/commands.hpp"
#include "server/config.hpp"
#include "store/database.hpp"

namespace dichtbij::cli {

// The configuration, or nullopt after printing why it is invalid.
[[nodiscard]] std::optional<server::Config> load_config_or_report(const CommonOptions& options);

// Sends logs to stderr at the configured level.
void configure_logging(const server::Config& config);

// Opens the configured database with pool_size sessions and applies pending
// migrations, logging each. nullptr after logging why that failed.
[[nodiscard]] std::unique_ptr<store::Database> open_and_migrate(const server::Config& config,
                                                                std::size_t pool_size);

// The operator at the command line, as the erasure records and the audit
// log name them: "command line (<login name>)".
[[nodiscard]] access::Requester command_line_requester();

// Today where the service is (api/today.hpp).
[[nodiscard]] Date local_today();

}  // namespace dichtbij::cli
