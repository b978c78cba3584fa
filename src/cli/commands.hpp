// The subcommands of the `dichtbij` program. Each returns the process exit
// code: 0 done, 1 failed at run time (database, network), 2 bad usage or
// configuration. Messages go to stderr, naming what to fix.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace dichtbij::cli {

struct CommonOptions {
  std::optional<std::filesystem::path> config_file;  // --config
};

// Migrates the database, then serves HTTP until SIGTERM or SIGINT, then
// finishes the requests in flight and exits 0.
[[nodiscard]] int run_serve(const CommonOptions& options);

// Applies pending migrations and reports the schema version.
[[nodiscard]] int run_migrate(const CommonOptions& options);

// Checks the audit log's hash chain and prints its head ("SEQ:HASH") to keep
// elsewhere: 0 when intact, 3 naming the first event that does not fit, 1
// when the database cannot be read. With expected_head (a head printed
// before; empty for none) also 3 when that event is missing or differs,
// which shows the newest events removed; 2 when it is not "SEQ:HASH".
[[nodiscard]] int run_audit_verify(const CommonOptions& options, const std::string& expected_head);

enum class UserAction {
  add,
  passwd,
  disable,
  enable,
  list,
  require_second_factor,
  reset_second_factor
};

struct UserCommand {
  UserAction action = UserAction::list;
  std::string username;
  std::string role;      // add, require_second_factor: an account role code
  std::string person;    // add: optional person id
  std::string practice;  // add: a coordinator's practice id
  bool off = false;      // require_second_factor: stop requiring it
};

// Adds an account, sets a password (read from stdin), disables or enables
// one, or lists them with their lockouts and second factors; requires a
// second factor per role (listing the roles that need one when no role is
// given), or resets an account's second factor after a lost device.
[[nodiscard]] int run_user(const CommonOptions& options, const UserCommand& command);

struct SubjectExportCommand {
  std::string person;  // a person's id
  std::string output;  // a file to create; stdout when empty
};

// Writes everything about one person as one JSON document (GDPR art. 15).
// The file is created new, readable by its owner only; an existing file is
// never overwritten.
[[nodiscard]] int run_subject_export(const CommonOptions& options,
                                     const SubjectExportCommand& command);

struct SubjectEraseCommand {
  std::string person;
  std::string reason;
};

// Anonymises one person in place (GDPR art. 17); erasing twice says so.
[[nodiscard]] int run_subject_erase(const CommonOptions& options,
                                    const SubjectEraseCommand& command);

// Anonymises households closed longer than retention_years ago, showing
// progress at a terminal; --dry-run only counts.
[[nodiscard]] int run_retention(const CommonOptions& options, bool dry_run);

enum class AnalyzeWhat { households, mobilisation, collaboration, practices };
enum class AnalyzeFormat { csv, json };

struct AnalyzeCommand {
  AnalyzeWhat what = AnalyzeWhat::households;
  std::string from;  // YYYY-MM-DD; default a year before to
  std::string to;    // YYYY-MM-DD; default today
  AnalyzeFormat format = AnalyzeFormat::csv;
  std::string out;  // a file to write (replaced); stdout when empty
  // households: also every household's network into this GraphML file (one
  // <graph> each, analysis/graphml.hpp); none when empty.
  std::string graphml;
};

// The analyses over every household (docs/measures.md), as CSV or JSON:
// households — the network measures and carrying capacity of each household
// on --to, one row each, with a progress bar on a terminal; mobilisation,
// collaboration — the counts per practice (and target group, support type,
// month) of the acts from --from to --to; practices — both in total per
// practice, side by side.
[[nodiscard]] int run_analyze(const CommonOptions& options, const AnalyzeCommand& command);
// `dichtbij analyze rollup [--rebuild]`: compares store/act_rollup with a
// count over every act (0 when they agree, 1 naming the groups that differ),
// or rebuilds it.
int run_analyze_rollup(const CommonOptions& options, bool rebuild);

struct DemoCommand {
  int households = 300;
  std::uint64_t seed = 1;
  std::string database;   // a database URL instead of the configured one
  bool if_empty = false;  // leave a database with households alone (make run)
};

// Fills an empty database with synthetic demo data and prints the demo
// sign-ins, with a progress bar at a terminal. 2 when the database already
// holds households (unless if_empty: then 0, printing the sign-ins of an
// earlier demo run).
[[nodiscard]] int run_demo(const CommonOptions& options, const DemoCommand& command);

struct MatchCommand {
  std::string practice;  // the practice's id
  bool json = false;     // print the run as JSON
};

// Runs matching for one practice (docs/matching.md): replaces its
// unapproved proposals with the optimal ones and prints them with their
// scores, and the unserved requests with why. 2 when there is no such
// practice.
[[nodiscard]] int run_match(const CommonOptions& options, const MatchCommand& command);

}  // namespace dichtbij::cli
