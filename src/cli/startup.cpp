#include "cli/startup.hpp"

#include <pwd.h>
#include <unistd.h>

#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "api/today.hpp"
#include "store/migrations.hpp"

namespace dichtbij::cli {

std::optional<server::Config> load_config_or_report(const CommonOptions& options) {
  Result<server::Config> config =
      server::load_config(server::process_environment(), options.config_file);
  if (!config.ok()) {
    std::cerr << "dichtbij: " << config.error().message << "\n";
    return std::nullopt;
  }
  return std::move(config).value();
}

void configure_logging(const server::Config& config) {
  auto logger = spdlog::stderr_color_mt("dichtbij");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(server::log_level_name(config.log_level))));
}

std::unique_ptr<store::Database> open_and_migrate(const server::Config& config,
                                                  std::size_t pool_size) {
  Result<store::DatabaseUrl> url = store::DatabaseUrl::parse(config.database_url);
  if (!url.ok()) {  // load_config checked it; kept for a clear message all the same
    spdlog::error("database_url: {}", url.error().message);
    return nullptr;
  }
  Result<std::unique_ptr<store::Database>> database =
      store::Database::open(*url, store::Database::Options{pool_size, config.group_commit, 256});
  if (!database.ok()) {
    spdlog::error("{}", database.error().message);
    return nullptr;
  }
  Result<std::vector<store::Migration>> migrations =
      store::collect_migrations(store::embedded_migration_files());
  if (!migrations.ok()) {
    spdlog::error("embedded migrations: {}", migrations.error().message);
    return nullptr;
  }
  Result<store::MigrationReport> report =
      store::migrate(**database, *migrations, [](const store::Migration& migration) {
        spdlog::info("applying migration {:04}_{}", migration.version, migration.name);
      });
  if (!report.ok()) {
    spdlog::error("{}", report.error().message);
    return nullptr;
  }
  spdlog::info("database {} at schema version {}", url->redacted(), report->to_version);
  return std::move(database).value();
}

access::Requester command_line_requester() {
  const passwd* entry = getpwuid(geteuid());
  const std::string login = entry != nullptr ? entry->pw_name : "uid " + std::to_string(geteuid());
  return access::Requester{std::nullopt, "command line (" + login + ")", std::nullopt};
}

Date local_today() {
  return api::today();
}

}  // namespace dichtbij::cli
