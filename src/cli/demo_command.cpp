// dichtbij demo --households N --seed S [--database URL] [--if-empty]:
// fills an empty database with synthetic Amsterdam demo data for the six
// practices (demo/generator.hpp) and prints the demo sign-ins. `make run`
// calls it with --if-empty, which leaves a database that holds households
// alone and prints the sign-ins of an earlier demo run, if any.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "demo/seeding.hpp"

namespace dichtbij::cli {

namespace {

// A progress bar on stderr, redrawn in place; nothing when stderr is not a
// terminal (a log or a pipe wants the summary alone).
class ProgressBar {
 public:
  ProgressBar() : terminal_(isatty(STDERR_FILENO) != 0), started_(Clock::now()) {}

  void show(const demo::SeedProgress& progress) {
    if (!terminal_ || progress.households_total == 0) return;
    constexpr int kWidth = 30;
    const int filled = progress.households_done * kWidth / progress.households_total;
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started_).count();
    std::fprintf(stderr, "\r[%.*s%*s] %d/%d huishoudens, %lld steunmomenten, %llds", filled,
                 "##############################", kWidth - filled, "", progress.households_done,
                 progress.households_total, progress.support_acts, static_cast<long long>(seconds));
    if (progress.households_done == progress.households_total) std::fputc('\n', stderr);
    std::fflush(stderr);
  }
  void interrupt() {
    if (terminal_) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool terminal_;
  Clock::time_point started_;
};

void print_sign_ins(const std::vector<demo::DemoAccount>& accounts, const server::Config& config) {
  std::cout << "\nDemo-accounts (wachtwoord voor allemaal: " << demo::kDemoPassword << "):\n";
  for (const demo::DemoAccount& account : accounts) {
    std::cout << "  " << account.username;
    for (std::size_t pad = account.username.size(); pad < 28; ++pad) std::cout << ' ';
    std::cout << to_code(account.role);
    if (!account.what.empty()) std::cout << " — " << account.what;
    std::cout << '\n';
  }
  std::cout << "Dichtbij: http://" << config.listen_address << ':' << config.port << "/\n";
}

int report_error(const Error& error) {
  std::cerr << "dichtbij demo: " << error.message;
  for (const InvalidParam& param : error.invalid_params) {
    std::cerr << "\n  " << param.name << ": " << param.reason;
  }
  std::cerr << '\n';
  if (error.code == ErrorCode::invalid_input || error.code == ErrorCode::conflict) return 2;
  return 1;
}

}  // namespace

int run_demo(const CommonOptions& options, const DemoCommand& command) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  if (!command.database.empty()) config->database_url = command.database;
  configure_logging(*config);
  // Two sessions, each cohort its own transaction: group commit would put
  // both cohorts into one writer's transaction, one after the other.
  config->group_commit = false;
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 2);
  if (!database) return 1;

  if (command.if_empty) {
    Result<bool> occupied = demo::holds_households(*database);
    if (!occupied.ok()) return report_error(occupied.error());
    if (*occupied) {
      std::cout << "The database already holds households; no demo data added.\n";
      Result<std::vector<demo::DemoAccount>> accounts = demo::existing_demo_accounts(*database);
      if (!accounts.ok()) return report_error(accounts.error());
      if (!accounts->empty()) print_sign_ins(*accounts, *config);
      return 0;
    }
  }

  ProgressBar bar;
  const auto started = std::chrono::steady_clock::now();
  Result<demo::SeedReport> report = demo::seed(
      *database,
      {command.households, command.seed, local_today(), command_line_requester().description},
      [&](const demo::SeedProgress& progress) { bar.show(progress); });
  if (!report.ok()) {
    bar.interrupt();
    return report_error(report.error());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "demo data (seed %llu) in %.1f s: %lld households, %lld persons, %lld ties, %lld "
      "agreements, %lld support acts, %lld assessments, %lld consents, %lld organisations, %lld "
      "practices\n",
      static_cast<unsigned long long>(command.seed), seconds, report->households, report->persons,
      report->ties, report->agreements, report->support_acts, report->assessments, report->consents,
      report->organisations, report->practices);
  std::fflush(stdout);
  print_sign_ins(report->accounts, *config);
  return 0;
}

}  // namespace dichtbij::cli
