// dichtbij: the Dichtbij server and its administration commands.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Dichtbij: neighbourhood social support, close by.", "dichtbij"};
  app.set_version_flag("--version", DICHTBIJ_VERSION);
  app.require_subcommand(1);

  dichtbij::cli::CommonOptions options;
  std::string config_file;
  app.add_option("--config", config_file,
                 "TOML configuration file (settings: see README); DICHTBIJ_* variables override it")
      ->check(CLI::ExistingFile);

  CLI::App* serve = app.add_subcommand(
      "serve", "Migrate the database, then serve the API and the web app until SIGTERM");
  CLI::App* migrate =
      app.add_subcommand("migrate", "Apply pending database migrations and report the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  if (!config_file.empty()) options.config_file = config_file;

  if (serve->parsed()) return dichtbij::cli::run_serve(options);
  if (migrate->parsed()) return dichtbij::cli::run_migrate(options);
  return 2;
}
