// dichtbij analyze households|mobilisation|collaboration|practices: the
// analyses over all data, as CSV or JSON, for researchers' tools and for the
// benchmarks. Runs with full reach: whoever runs the command holds the
// database (the API is where access is decided).
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "analysis/graphml.hpp"
#include "analysis/household_analysis.hpp"
#include "analysis/measure_table.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "store/act_rollup.hpp"
#include "store/analysis_query.hpp"
#include "store/household_acts_query.hpp"

namespace dichtbij::cli {

namespace {

// A table: named columns and rows of cells, written as CSV or as JSON items.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::json>> rows;
};

std::string csv_cell(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
  }
  if (value.is_boolean()) return value.get<bool>() ? "1" : "0";
  return value.dump();
}

void write_table(std::ostream& out, const Table& table, AnalyzeFormat format) {
  if (format == AnalyzeFormat::csv) {
    for (std::size_t i = 0; i != table.columns.size(); ++i) {
      out << (i == 0 ? "" : ",") << table.columns[i];
    }
    out << "\r\n";
    for (const auto& row : table.rows) {
      for (std::size_t i = 0; i != row.size(); ++i) out << (i == 0 ? "" : ",") << csv_cell(row[i]);
      out << "\r\n";
    }
    return;
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json item = nlohmann::json::object();
    for (std::size_t i = 0; i != row.size(); ++i) item[table.columns[i]] = row[i];
    items.push_back(std::move(item));
  }
  out << items.dump(1) << '\n';
}

nlohmann::json share(long long part, long long whole) {
  return whole == 0 ? nlohmann::json(nullptr)
                    : nlohmann::json(static_cast<double>(part) / static_cast<double>(whole));
}

// Progress on a terminal only: a pipe or a log wants the result alone.
class Progress {
 public:
  explicit Progress(std::string what) : what_(std::move(what)), shown_(isatty(STDERR_FILENO)) {}
  void update(std::size_t done, std::size_t total) {
    if (!shown_ || (done % 256 != 0 && done != total)) return;
    constexpr int kWidth = 30;
    const int filled = total == 0 ? kWidth : static_cast<int>(kWidth * done / total);
    std::cerr << '\r' << what_ << " [" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(kWidth - filled), ' ') << "] " << done << '/'
              << total << std::flush;
  }
  ~Progress() {
    if (shown_) std::cerr << '\n';
  }

 private:
  std::string what_;
  bool shown_;
};

// Households are read and analysed a slice at a time on this many threads.
std::size_t analysis_threads() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

Result<void> households(store::Database& database, const AnalyzeCommand& command, const Date& to,
                        std::ostream& out, std::ostream* graphml) {
  Progress progress("analysing households");
  nlohmann::json items = nlohmann::json::array();
  bool header = false;
  if (graphml != nullptr) analysis::write_graphml_start(*graphml);
  Result<void> done = analysis::analyse_all_households(
      database, to,
      [&](const analysis::HouseholdAnalysis& measured, std::size_t done,
          std::size_t total) -> Result<void> {
        const analysis::MeasureRow row = analysis::measure_row(measured, measured.household.str());
        if (command.format == AnalyzeFormat::csv) {
          if (!header) analysis::write_csv_header(out, row);
          header = true;
          analysis::write_csv_row(out, row);
        } else {
          items.push_back(analysis::to_json(row));
        }
        if (graphml != nullptr) {
          analysis::write_graphml_graph(*graphml, measured.household.str(), measured.network, to);
        }
        progress.update(done, total);
        return {};
      },
      {.slice = 2000, .threads = analysis_threads()});
  if (!done.ok()) return done;
  if (graphml != nullptr) analysis::write_graphml_end(*graphml);
  if (command.format == AnalyzeFormat::json) out << items.dump(1) << '\n';
  if (!header && command.format == AnalyzeFormat::csv) {
    analysis::write_csv_header(out, analysis::measure_row(analysis::HouseholdAnalysis{}, ""));
  }
  return {};
}

Table mobilisation_table(const std::vector<store::MobilisationCount>& counts) {
  Table table{{"practice_id", "target_group", "support_type", "month", "mobilised_by", "acts"}, {}};
  for (const store::MobilisationCount& count : counts) {
    table.rows.push_back({count.practice.str(), std::string(to_code(count.target_group)),
                          std::string(to_code(count.support_type)), count.month,
                          std::string(to_code(count.mobilised_by)), count.acts});
  }
  return table;
}

Table collaboration_table(const std::vector<store::CollaborationCount>& counts) {
  Table table{{"practice_id", "month", "acts", "joint_acts", "joint_share", "activations",
               "activation_share", "handovers"},
              {}};
  for (const store::CollaborationCount& count : counts) {
    table.rows.push_back({count.practice.str(), count.month, count.acts, count.joint_acts,
                          share(count.joint_acts, count.acts), count.activations,
                          share(count.activations, count.acts), count.handovers});
  }
  return table;
}

// Per practice: mobilisation and collaboration in total.
Table practices_table(const std::vector<store::MobilisationCount>& mobilised,
                      const std::vector<store::CollaborationCount>& collaborated) {
  struct Totals {
    std::array<long long, 3> by{};
    store::CollaborationCount collaboration;
  };
  std::map<PracticeId, Totals> totals;
  for (const store::MobilisationCount& count : mobilised) {
    totals[count.practice].by[static_cast<std::size_t>(count.mobilised_by)] += count.acts;
  }
  for (const store::CollaborationCount& count : collaborated) {
    store::CollaborationCount& total = totals[count.practice].collaboration;
    total.acts += count.acts;
    total.joint_acts += count.joint_acts;
    total.activations += count.activations;
    total.handovers += count.handovers;
  }
  Table table{{"practice_id", "acts", "self", "network", "professional", "self_share",
               "network_share", "professional_share", "joint_acts", "joint_share", "activations",
               "activation_share", "handovers"},
              {}};
  for (const auto& [practice, t] : totals) {
    const long long acts = t.by[0] + t.by[1] + t.by[2];
    table.rows.push_back(
        {practice.str(), acts, t.by[0], t.by[1], t.by[2], share(t.by[0], acts),
         share(t.by[1], acts), share(t.by[2], acts), t.collaboration.joint_acts,
         share(t.collaboration.joint_acts, t.collaboration.acts), t.collaboration.activations,
         share(t.collaboration.activations, t.collaboration.acts), t.collaboration.handovers});
  }
  return table;
}

Result<void> aggregates(store::Database& database, const AnalyzeCommand& command,
                        const store::AnalysisScope& scope, std::ostream& out) {
  return database.in_transaction(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<void> {
        std::vector<store::MobilisationCount> mobilised;
        std::vector<store::CollaborationCount> collaborated;
        if (command.what != AnalyzeWhat::collaboration) {
          Result<std::vector<store::MobilisationCount>> counts =
              store::mobilisation_counts(transaction, scope);
          if (!counts.ok()) return std::move(counts).error();
          mobilised = std::move(*counts);
        }
        if (command.what != AnalyzeWhat::mobilisation) {
          Result<std::vector<store::CollaborationCount>> counts =
              store::collaboration_counts(transaction, scope);
          if (!counts.ok()) return std::move(counts).error();
          collaborated = std::move(*counts);
        }
        switch (command.what) {
          case AnalyzeWhat::mobilisation:
            write_table(out, mobilisation_table(mobilised), command.format);
            break;
          case AnalyzeWhat::collaboration:
            write_table(out, collaboration_table(collaborated), command.format);
            break;
          default: write_table(out, practices_table(mobilised, collaborated), command.format);
        }
        return {};
      });
}

}  // namespace

int run_analyze(const CommonOptions& options, const AnalyzeCommand& command) {
  const std::optional<Date> to =
      command.to.empty() ? std::optional<Date>(local_today()) : parse_date(command.to);
  if (!to) {
    std::cerr << "dichtbij analyze: --to must be a date YYYY-MM-DD, not " << command.to << '\n';
    return 2;
  }
  const std::optional<Date> from =
      command.from.empty()
          ? std::optional<Date>(Date{std::chrono::sys_days(*to) - std::chrono::days(364)})
          : parse_date(command.from);
  if (!from || *to < *from) {
    std::cerr << "dichtbij analyze: --from must be a date YYYY-MM-DD on or before --to\n";
    return 2;
  }
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  std::unique_ptr<store::Database> database = open_and_migrate(*config, analysis_threads());
  if (!database) return 1;

  std::ofstream file;
  if (!command.out.empty()) {
    file.open(command.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "dichtbij analyze: cannot write " << command.out << '\n';
      return 1;
    }
  }
  std::ostream& out = command.out.empty() ? std::cout : file;
  std::ofstream graphml;
  if (!command.graphml.empty()) {
    graphml.open(command.graphml, std::ios::binary | std::ios::trunc);
    if (!graphml) {
      std::cerr << "dichtbij analyze: cannot write " << command.graphml << '\n';
      return 1;
    }
  }
  const Result<void> done =
      command.what == AnalyzeWhat::households
          ? households(*database, command, *to, out, command.graphml.empty() ? nullptr : &graphml)
          : aggregates(*database, command, store::AnalysisScope{*from, *to, {}, {}}, out);
  if (!done.ok()) {
    std::cerr << "dichtbij analyze: " << done.error().message << '\n';
    return 1;
  }
  out.flush();
  graphml.flush();
  if (!out || (!command.graphml.empty() && !graphml)) {
    std::cerr << "dichtbij analyze: writing the result failed\n";
    return 1;
  }
  return 0;
}

int run_analyze_rollup(const CommonOptions& options, bool rebuild) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);
  std::unique_ptr<store::Database> database = open_and_migrate(*config, 1);
  if (!database) return 1;
  if (rebuild) {
    const Result<void> rebuilt = database->in_transaction(
        store::TransactionKind::write, [](store::Transaction& transaction) -> Result<void> {
          store::rebuild_rollup(transaction);
          return {};
        });
    if (!rebuilt.ok()) {
      std::cerr << "dichtbij analyze rollup: " << rebuilt.error().message << '\n';
      return 1;
    }
    std::cout << "rebuilt the rollup from every support act\n";
    return 0;
  }
  const Result<std::vector<std::string>> differences =
      database->in_transaction<std::vector<std::string>>(
          store::TransactionKind::read, [](store::Transaction& transaction) {
            return Result<std::vector<std::string>>(store::rollup_differences(transaction));
          });
  if (!differences.ok()) {
    std::cerr << "dichtbij analyze rollup: " << differences.error().message << '\n';
    return 1;
  }
  for (const std::string& difference : *differences) std::cout << difference << '\n';
  if (!differences->empty()) {
    std::cerr << "dichtbij analyze rollup: " << differences->size()
              << " groups differ from the acts; `dichtbij analyze rollup --rebuild` counts again\n";
    return 1;
  }
  std::cout << "the rollup agrees with every support act\n";
  return 0;
}

}  // namespace dichtbij::cli
