// dichtbij: the Dichtbij server and its administration commands.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ctime>
#include <map>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // "Today" is the date in Amsterdam, where the support happens, unless the
  // operator's TZ says otherwise (api/today.hpp). Set before any thread starts.
  setenv("TZ", "Europe/Amsterdam", 0);
  tzset();
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

  dichtbij::cli::UserCommand user_command;
  CLI::App* user = app.add_subcommand("user", "Manage accounts (passwords are read from stdin)");
  user->require_subcommand(1);
  CLI::App* user_add = user->add_subcommand("add", "Add an account");
  user_add->add_option("username", user_command.username, "Lower-case sign-in name")->required();
  user_add
      ->add_option("--role", user_command.role,
                   "admin, coordinator, professional, volunteer, researcher or client")
      ->required();
  user_add->add_option("--person", user_command.person, "The id of the account holder's person");
  user_add->add_option("--practice", user_command.practice,
                       "The id of the practice a coordinator coordinates");
  CLI::App* user_passwd = user->add_subcommand("passwd", "Set a new password; ends sessions");
  user_passwd->add_option("username", user_command.username)->required();
  CLI::App* user_disable = user->add_subcommand("disable", "Disable an account; ends sessions");
  user_disable->add_option("username", user_command.username)->required();
  CLI::App* user_enable = user->add_subcommand("enable", "Enable a disabled account");
  user_enable->add_option("username", user_command.username)->required();
  CLI::App* user_list =
      user->add_subcommand("list", "List accounts, with lockouts and second factors");
  CLI::App* user_require = user->add_subcommand(
      "require-second-factor",
      "Require a second factor for every account of a role; without --role, list those roles");
  user_require->add_option("--role", user_command.role,
                           "admin, coordinator, professional, volunteer, researcher or client");
  user_require->add_flag("--off", user_command.off, "Stop requiring it for the role");
  CLI::App* user_reset = user->add_subcommand(
      "reset-second-factor", "Remove an account's second factor (a lost device); ends sessions");
  user_reset->add_option("username", user_command.username)->required();

  CLI::App* audit = app.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  std::string expected_head;
  CLI::App* audit_verify = audit->add_subcommand(
      "verify", "Check the hash chain and print its head; exit 3 naming the first broken event");
  audit_verify->add_option(
      "--expect-head", expected_head,
      "SEQ:HASH, a head printed before and kept elsewhere: exit 3 unless that event is still "
      "there, unchanged (catches the newest events removed)");

  dichtbij::cli::SubjectExportCommand export_command;
  dichtbij::cli::SubjectEraseCommand erase_command;
  CLI::App* subject =
      app.add_subcommand("subject", "A person's rights: access to and erasure of their data");
  subject->require_subcommand(1);
  CLI::App* subject_export =
      subject->add_subcommand("export", "Everything about one person as one JSON document");
  subject_export->add_option("--person", export_command.person, "The person's id")->required();
  subject_export->add_option("--output", export_command.output,
                             "A new file to write it to (owner-only); default standard output");
  CLI::App* subject_erase =
      subject->add_subcommand("erase", "Anonymise one person in place; disables their accounts");
  subject_erase->add_option("--person", erase_command.person, "The person's id")->required();
  subject_erase->add_option("--reason", erase_command.reason, "Why (kept in the erasure record)")
      ->required();

  dichtbij::cli::DemoCommand demo_command;
  CLI::App* demo = app.add_subcommand(
      "demo", "Fill an empty database with synthetic Amsterdam demo data and demo accounts");
  demo->add_option("--households", demo_command.households, "How many households (default 300)")
      ->check(CLI::Range(1, 10'000'000));
  demo->add_option("--seed", demo_command.seed, "The same seed gives the same data (default 1)");
  demo->add_option("--database", demo_command.database,
                   "sqlite:PATH or postgresql://… instead of the configured database");
  demo->add_flag("--if-empty", demo_command.if_empty,
                 "Do nothing (and succeed) when the database already holds households");

  bool dry_run = false;
  CLI::App* retention = app.add_subcommand("retention", "The retention period");
  retention->require_subcommand(1);
  CLI::App* retention_run = retention->add_subcommand(
      "run", "Anonymise households closed longer than retention_years ago");
  retention_run->add_flag("--dry-run", dry_run, "Only count what would be anonymised");

  dichtbij::cli::AnalyzeCommand analyze_command;
  std::string analyze_format = "csv";
  CLI::App* analyze = app.add_subcommand(
      "analyze",
      "Network measures, mobilisation and collaboration as CSV or JSON (docs/measures.md)");
  analyze->require_subcommand(1);
  const std::map<std::string, dichtbij::cli::AnalyzeWhat> analyses{
      {"households", dichtbij::cli::AnalyzeWhat::households},
      {"mobilisation", dichtbij::cli::AnalyzeWhat::mobilisation},
      {"collaboration", dichtbij::cli::AnalyzeWhat::collaboration},
      {"practices", dichtbij::cli::AnalyzeWhat::practices}};
  std::vector<CLI::App*> analyze_subcommands;
  for (const auto& [name, what] : analyses) {
    CLI::App* sub = analyze->add_subcommand(name, name == "households"
                                                      ? "The measures of every household on --to"
                                                      : "Counts of the acts from --from to --to");
    sub->add_option("--from", analyze_command.from,
                    "First day, YYYY-MM-DD (default: a year before --to)");
    sub->add_option("--to", analyze_command.to, "Last day, YYYY-MM-DD (default: today)");
    sub->add_option("--format", analyze_format, "csv (default) or json")
        ->check(CLI::IsMember({"csv", "json"}));
    sub->add_option("--out", analyze_command.out, "Write to this file instead of standard output");
    if (name == "households") {
      sub->add_option("--graphml", analyze_command.graphml,
                      "Also write every household's network to this GraphML file");
    }
    sub->callback([&analyze_command, what = what] { analyze_command.what = what; });
    analyze_subcommands.push_back(sub);
  }

  bool rebuild_rollup = false;
  CLI::App* analyze_rollup = analyze->add_subcommand(
      "rollup",
      "Check the per-day counts mobilisation and collaboration read against every act (exit 1 "
      "naming the groups that differ), or rebuild them");
  analyze_rollup->add_flag("--rebuild", rebuild_rollup, "Count every act again");

  dichtbij::cli::MatchCommand match_command;
  CLI::App* match = app.add_subcommand(
      "match", "Match a practice's open help requests to its volunteers (docs/matching.md)");
  match->add_option("--practice", match_command.practice, "The practice's id")->required();
  match->add_flag("--json", match_command.json, "Print the run as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  if (!config_file.empty()) options.config_file = config_file;

  if (serve->parsed()) return dichtbij::cli::run_serve(options);
  if (migrate->parsed()) return dichtbij::cli::run_migrate(options);
  if (demo->parsed()) return dichtbij::cli::run_demo(options, demo_command);
  if (audit_verify->parsed()) return dichtbij::cli::run_audit_verify(options, expected_head);
  if (subject_export->parsed()) return dichtbij::cli::run_subject_export(options, export_command);
  if (subject_erase->parsed()) return dichtbij::cli::run_subject_erase(options, erase_command);
  if (retention_run->parsed()) return dichtbij::cli::run_retention(options, dry_run);
  if (match->parsed()) return dichtbij::cli::run_match(options, match_command);
  if (analyze_rollup->parsed()) return dichtbij::cli::run_analyze_rollup(options, rebuild_rollup);
  if (analyze->parsed()) {
    analyze_command.format = analyze_format == "json" ? dichtbij::cli::AnalyzeFormat::json
                                                      : dichtbij::cli::AnalyzeFormat::csv;
    return dichtbij::cli::run_analyze(options, analyze_command);
  }
  if (user->parsed()) {
    using dichtbij::cli::UserAction;
    if (user_add->parsed()) user_command.action = UserAction::add;
    if (user_passwd->parsed()) user_command.action = UserAction::passwd;
    if (user_disable->parsed()) user_command.action = UserAction::disable;
    if (user_enable->parsed()) user_command.action = UserAction::enable;
    if (user_list->parsed()) user_command.action = UserAction::list;
    if (user_require->parsed()) user_command.action = UserAction::require_second_factor;
    if (user_reset->parsed()) user_command.action = UserAction::reset_second_factor;
    return dichtbij::cli::run_user(options, user_command);
  }
  return 2;
}
