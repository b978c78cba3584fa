// The `dichtbij` program as an operator runs it: a real process, real
// signals, real exit codes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "access/audit.hpp"
#include "store/help_request_repository.hpp"
#include "store/household_repository.hpp"
#include "store/person_repository.hpp"
#include "store/practice_repository.hpp"
#include "store/tie_repository.hpp"
#include "store/volunteer_profile_repository.hpp"
#include "support/engine_test.hpp"
#include "support/http_client.hpp"

namespace dichtbij {
namespace {

using namespace std::chrono_literals;

// A child process running the dichtbij binary with the given arguments and
// DICHTBIJ_* variables (the parent's DICHTBIJ_* are not passed on); its
// stdout and stderr go to a file the test reads; its stdin is `input`.
class DichtbijProcess {
 public:
  DichtbijProcess(std::vector<std::string> arguments,
                  std::vector<std::pair<std::string, std::string>> environment,
                  const std::filesystem::path& folder, const std::string& input = "")
      : stderr_path_(folder / "stderr.log") {
    const std::filesystem::path input_path = folder / "stdin.txt";
    std::ofstream(input_path) << input;
    pid_ = fork();
    if (pid_ == 0) {
      std::FILE* in = std::fopen(input_path.c_str(), "r");
      dup2(fileno(in), STDIN_FILENO);
      std::FILE* err = std::fopen(stderr_path_.c_str(), "w");
      dup2(fileno(err), STDERR_FILENO);
      dup2(fileno(err), STDOUT_FILENO);
      if (chdir(folder.c_str()) != 0) _exit(127);
      for (char** entry = environ; *entry != nullptr;) {
        std::string text(*entry);
        if (text.rfind("DICHTBIJ_", 0) == 0) {
          unsetenv(text.substr(0, text.find('=')).c_str());
        } else {
          ++entry;
        }
      }
      for (const auto& [name, value] : environment) setenv(name.c_str(), value.c_str(), 1);
      std::vector<char*> argv;
      std::string binary = DICHTBIJ_BINARY;
      argv.push_back(binary.data());
      for (std::string& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
  }

  ~DichtbijProcess() {
    if (pid_ > 0 && !exit_code_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  std::string stderr_text() const {
    std::ifstream in(stderr_path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Waits until stderr says where it listens; 0 when it exited or timed out.
  int wait_for_port(std::chrono::seconds limit = 30s) {
    static const std::regex kListening(R"(listening on http://[^:]+:(\d+))");
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      std::smatch match;
      const std::string text = stderr_text();
      if (std::regex_search(text, match, kListening)) return std::stoi(match[1].str());
      if (exited()) return 0;
      std::this_thread::sleep_for(20ms);
    }
    return 0;
  }

  void signal(int number) { kill(pid_, number); }

  // The exit code once the process ended, or -1 after the limit.
  int wait_for_exit(std::chrono::seconds limit = 30s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (exited()) return *exit_code_;
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  bool exited() {
    if (exit_code_) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return true;
    }
    return false;
  }

  std::filesystem::path stderr_path_;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

class DichtbijCommandTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    database_.emplace(engine());
  }

  std::vector<std::pair<std::string, std::string>> environment() const {
    return {{"DICHTBIJ_PORT", "0"}, {"DICHTBIJ_DATABASE_URL", database_->url()}};
  }

  testing::TempDir folder_;
  std::optional<testing::TestDatabase> database_;
};

TEST_P(DichtbijCommandTest, ServesUntilSigtermThenExitsCleanly) {
  DichtbijProcess process({"serve"}, environment(), folder_.path());
  const int port = process.wait_for_port();
  ASSERT_NE(port, 0) << process.stderr_text();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);

  const auto health = testing::http_get(base + "/api/v1/health");
  EXPECT_EQ(health.status, 200) << health.body;
  const auto page = testing::http_get(base + "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Dichtbij"), std::string::npos);

  process.signal(SIGTERM);
  EXPECT_EQ(process.wait_for_exit(), 0) << process.stderr_text();
  EXPECT_NE(process.stderr_text().find("received SIGTERM"), std::string::npos);
  EXPECT_NE(process.stderr_text().find("stopped"), std::string::npos);
}

TEST_P(DichtbijCommandTest, SigintStopsItToo) {
  DichtbijProcess process({"serve"}, environment(), folder_.path());
  ASSERT_NE(process.wait_for_port(), 0) << process.stderr_text();
  process.signal(SIGINT);
  EXPECT_EQ(process.wait_for_exit(), 0) << process.stderr_text();
}

TEST_P(DichtbijCommandTest, MigrateAppliesAndIsIdempotent) {
  DichtbijProcess first({"migrate"}, environment(), folder_.path());
  ASSERT_EQ(first.wait_for_exit(), 0) << first.stderr_text();
  EXPECT_NE(first.stderr_text().find("applying migration 0001_idempotency_keys"),
            std::string::npos);
  DichtbijProcess second({"migrate"}, environment(), folder_.path());
  ASSERT_EQ(second.wait_for_exit(), 0) << second.stderr_text();
  EXPECT_EQ(second.stderr_text().find("applying migration"), std::string::npos);
  EXPECT_NE(second.stderr_text().find("at schema version"), std::string::npos);
}

TEST_P(DichtbijCommandTest, UserCommandsManageAccounts) {
  auto run = [&](std::vector<std::string> arguments, const std::string& input = "") {
    DichtbijProcess process(std::move(arguments), environment(), folder_.path(), input);
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  auto [added, added_text] =
      run({"user", "add", "beheer", "--role", "admin"}, "lang en veilig genoeg\n");
  ASSERT_EQ(added, 0) << added_text;
  EXPECT_NE(added_text.find("added admin beheer"), std::string::npos) << added_text;

  auto [taken, taken_text] =
      run({"user", "add", "beheer", "--role", "admin"}, "een ander lang wachtwoord\n");
  EXPECT_EQ(taken, 2);
  EXPECT_NE(taken_text.find("taken"), std::string::npos) << taken_text;
  auto [weak, weak_text] = run({"user", "add", "kees", "--role", "volunteer"}, "wachtwoord123\n");
  EXPECT_EQ(weak, 2);
  EXPECT_NE(weak_text.find("password: is one of the most common"), std::string::npos) << weak_text;
  auto [role, role_text] =
      run({"user", "add", "kees", "--role", "boss"}, "lang en veilig genoeg\n");
  EXPECT_EQ(role, 2);
  EXPECT_NE(role_text.find("--role must be one of"), std::string::npos) << role_text;
  auto [empty, empty_text] = run({"user", "add", "kees", "--role", "volunteer"}, "");
  EXPECT_EQ(empty, 2) << empty_text;

  EXPECT_EQ(run({"user", "disable", "beheer"}).first, 0);
  auto [listed, listed_text] = run({"user", "list"});
  EXPECT_EQ(listed, 0);
  EXPECT_NE(listed_text.find("beheer\tadmin\tdisabled"), std::string::npos) << listed_text;
  EXPECT_EQ(listed_text.find("kees"), std::string::npos) << "nothing refused was added";
  EXPECT_EQ(run({"user", "passwd", "nobody"}, "lang en veilig genoeg\n").first, 2);
  EXPECT_EQ(run({"user", "passwd", "beheer"}, "nog een lang wachtwoord\n").first, 0);
}

TEST_P(DichtbijCommandTest, UserCommandsRequireAndResetSecondFactors) {
  auto run = [&](std::vector<std::string> arguments, const std::string& input = "") {
    DichtbijProcess process(std::move(arguments), environment(), folder_.path(), input);
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  ASSERT_EQ(run({"user", "add", "sem", "--role", "professional"}, "lang en veilig genoeg\n").first,
            0);
  auto [none, none_text] = run({"user", "require-second-factor"});
  EXPECT_EQ(none, 0) << none_text;
  EXPECT_NE(none_text.find("second factor: none"), std::string::npos) << none_text;

  auto [required, required_text] = run({"user", "require-second-factor", "--role", "professional"});
  EXPECT_EQ(required, 0) << required_text;
  EXPECT_NE(required_text.find("now required for role professional"), std::string::npos);
  EXPECT_NE(required_text.find("second factor: professional"), std::string::npos) << required_text;
  auto [listed, listed_text] = run({"user", "list"});
  EXPECT_EQ(listed, 0);
  EXPECT_NE(listed_text.find("\tsecond factor\n"), std::string::npos) << listed_text;
  EXPECT_NE(listed_text.find("\trequired, not set up\n"), std::string::npos) << listed_text;

  EXPECT_EQ(run({"user", "require-second-factor", "--role", "boss"}).first, 2);
  EXPECT_EQ(run({"user", "require-second-factor", "--off"}).first, 2) << "--off needs a role";
  auto [off, off_text] = run({"user", "require-second-factor", "--role", "professional", "--off"});
  EXPECT_EQ(off, 0) << off_text;
  EXPECT_NE(off_text.find("second factor: none"), std::string::npos) << off_text;

  auto [reset, reset_text] = run({"user", "reset-second-factor", "sem"});
  EXPECT_EQ(reset, 0) << reset_text;
  EXPECT_NE(reset_text.find("sessions have ended"), std::string::npos) << reset_text;
  EXPECT_EQ(run({"user", "reset-second-factor", "nobody"}).first, 2);

  std::unique_ptr<store::Database> database = database_->open(1);
  int events = 0;
  ASSERT_TRUE(database
                  ->in_transaction(store::TransactionKind::read,
                                   [&](store::Transaction& transaction) {
                                     transaction.session()
                                         << "SELECT COUNT(*) FROM audit_events WHERE action "
                                            "LIKE 'secondFactor.%'",
                                         soci::into(events);
                                     return Result<void>();
                                   })
                  .ok());
  EXPECT_EQ(events, 3) << "two requirement changes and a reset";
}

TEST_P(DichtbijCommandTest, AuditVerifyNamesTheFirstBrokenEvent) {
  DichtbijProcess migrate({"migrate"}, environment(), folder_.path());
  ASSERT_EQ(migrate.wait_for_exit(), 0) << migrate.stderr_text();
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    for (const char* action : {"household.read", "tie.create", "household.network"}) {
      access::AuditEvent event;
      event.action = action;
      event.household_id = "5d1c7f8e-0000-4000-8000-000000000001";
      ASSERT_TRUE(access::record(*database, event).ok());
    }
  }
  DichtbijProcess intact({"audit", "verify"}, environment(), folder_.path());
  EXPECT_EQ(intact.wait_for_exit(), 0) << intact.stderr_text();
  EXPECT_NE(intact.stderr_text().find("intact: 3 events"), std::string::npos);
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    ASSERT_TRUE(database
                    ->in_transaction(store::TransactionKind::write,
                                     [](store::Transaction& transaction) {
                                       transaction.session() << "UPDATE audit_events SET action = "
                                                                "'household.list' WHERE seq = 2";
                                       return Result<void>();
                                     })
                    .ok());
  }
  DichtbijProcess broken({"audit", "verify"}, environment(), folder_.path());
  EXPECT_EQ(broken.wait_for_exit(), 3) << broken.stderr_text();
  EXPECT_NE(broken.stderr_text().find("broken at event 2"), std::string::npos)
      << broken.stderr_text();
}

TEST_P(DichtbijCommandTest, AuditVerifyPrintsTheHeadAndCatchesTheNewestEventsRemoved) {
  auto verify = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"audit", "verify"});
    DichtbijProcess process(std::move(arguments), environment(), folder_.path());
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  auto write = [&](const std::string& sql) {
    std::unique_ptr<store::Database> database = database_->open(1);
    ASSERT_TRUE(database
                    ->in_transaction(store::TransactionKind::write,
                                     [&](store::Transaction& transaction) {
                                       transaction.session() << sql;
                                       return Result<void>();
                                     })
                    .ok());
  };
  DichtbijProcess migrate({"migrate"}, environment(), folder_.path());
  ASSERT_EQ(migrate.wait_for_exit(), 0) << migrate.stderr_text();
  auto [empty, empty_text] = verify({});
  EXPECT_EQ(empty, 0) << empty_text;
  EXPECT_EQ(empty_text.find("head"), std::string::npos) << "an empty log has none";
  std::vector<std::string> heads;  // after each event, as the log computed them
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    for (const char* action : {"household.read", "tie.create", "household.network"}) {
      access::AuditEvent event;
      event.action = action;
      ASSERT_TRUE(access::record(*database, event).ok());
      heads.push_back(access::format_chain_head(access::verify_chain(*database)->head));
    }
  }
  ASSERT_EQ(heads[2].substr(0, 2), "3:");
  auto [intact, intact_text] = verify({});
  EXPECT_EQ(intact, 0) << intact_text;
  EXPECT_NE(intact_text.find("intact: 3 events; head " + heads[2]), std::string::npos)
      << intact_text;
  auto [anchored, anchored_text] = verify({"--expect-head", heads[2]});
  EXPECT_EQ(anchored, 0) << anchored_text;
  EXPECT_EQ(verify({"--expect-head", heads[1]}).first, 0) << "an older head is still there";

  // The newest event cut off: the chain still fits, the anchor does not.
  write("DELETE FROM audit_events WHERE seq = 3");
  EXPECT_EQ(verify({}).first, 0) << "what the chain alone cannot see";
  auto [truncated, truncated_text] = verify({"--expect-head", heads[2]});
  EXPECT_EQ(truncated, 3) << truncated_text;
  EXPECT_NE(truncated_text.find("event 3 is missing: the log ends at event 2"), std::string::npos)
      << truncated_text;

  // A different event 2 with a chain rebuilt to fit: its hash differs.
  std::string other_hash = heads[1].substr(2);
  other_hash[0] = other_hash[0] == 'a' ? 'b' : 'a';
  auto [rewritten, rewritten_text] = verify({"--expect-head", "2:" + other_hash});
  EXPECT_EQ(rewritten, 3) << rewritten_text;
  EXPECT_NE(rewritten_text.find("event 2 has hash " + heads[1].substr(2)), std::string::npos)
      << rewritten_text;

  for (const char* bad : {"3", "x:abc", "0:", "3:ABC", "-1:00"}) {
    EXPECT_EQ(verify({"--expect-head", bad}).first, 2) << bad;
  }
}

TEST_P(DichtbijCommandTest, SubjectExportAndEraseOneOperatorRequest) {
  auto run = [&](std::vector<std::string> arguments) {
    DichtbijProcess process(std::move(arguments), environment(), folder_.path());
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  ASSERT_EQ(run({"migrate"}).first, 0);
  std::string person;
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    ASSERT_TRUE(database
                    ->in_transaction(store::TransactionKind::write,
                                     [&](store::Transaction& transaction) -> Result<void> {
                                       PersonFields fields;
                                       fields.display_name = "Meneer Operatorverzoek";
                                       fields.birth_year = 1950;
                                       Result<Person> created =
                                           store::PersonRepository(transaction).create(fields);
                                       if (!created.ok()) return std::move(created).error();
                                       person = created->id.str();
                                       return {};
                                     })
                    .ok());
  }

  auto [exported, exported_text] =
      run({"subject", "export", "--person", person, "--output", "inzage.json"});
  ASSERT_EQ(exported, 0) << exported_text;
  EXPECT_NE(exported_text.find("wrote everything about person " + person), std::string::npos);
  const std::filesystem::path file = folder_.path() / "inzage.json";
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::ifstream in(file);
  const nlohmann::json document = nlohmann::json::parse(in);
  EXPECT_EQ(document["records"]["persons"][0]["displayName"], "Meneer Operatorverzoek");

  auto [again, again_text] =
      run({"subject", "export", "--person", person, "--output", "inzage.json"});
  EXPECT_EQ(again, 1);
  EXPECT_NE(again_text.find("never overwritten"), std::string::npos) << again_text;

  auto [erased, erased_text] = run({"subject", "erase", "--person", person, "--reason", "Brief"});
  ASSERT_EQ(erased, 0) << erased_text;
  EXPECT_NE(erased_text.find("erased person " + person), std::string::npos) << erased_text;
  auto [twice, twice_text] = run({"subject", "erase", "--person", person, "--reason", "Brief"});
  EXPECT_EQ(twice, 0) << twice_text;
  EXPECT_NE(twice_text.find("was already erased"), std::string::npos) << twice_text;

  auto [to_stdout, stdout_text] = run({"subject", "export", "--person", person});
  EXPECT_EQ(to_stdout, 0);
  EXPECT_NE(stdout_text.find("\"displayName\": \"Geanonimiseerd\""), std::string::npos);
  EXPECT_NE(stdout_text.find("\"requestedBy\": \"command line ("), std::string::npos);
  EXPECT_EQ(stdout_text.find("Operatorverzoek"), std::string::npos);
}

TEST_P(DichtbijCommandTest, AnalyzeRollupNamesAWrongCountAndRebuildsIt) {
  auto run = [&](std::vector<std::string> arguments) {
    DichtbijProcess process(std::move(arguments), environment(), folder_.path());
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  auto [demo, demo_text] = run({"demo", "--households", "3", "--seed", "1"});
  ASSERT_EQ(demo, 0) << demo_text;
  auto [agrees, agrees_text] = run({"analyze", "rollup"});
  EXPECT_EQ(agrees, 0) << agrees_text;
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    ASSERT_TRUE(database
                    ->in_transaction(store::TransactionKind::write,
                                     [](store::Transaction& transaction) {
                                       transaction.session()
                                           << "UPDATE support_act_rollup SET acts = acts + 1 "
                                              "WHERE act_date = (SELECT MIN(act_date) FROM "
                                              "support_act_rollup)";
                                       return Result<void>();
                                     })
                    .ok());
  }
  auto [differs, differs_text] = run({"analyze", "rollup"});
  EXPECT_EQ(differs, 1);
  EXPECT_NE(differs_text.find("differ from the acts"), std::string::npos) << differs_text;
  auto [rebuilt, rebuilt_text] = run({"analyze", "rollup", "--rebuild"});
  EXPECT_EQ(rebuilt, 0) << rebuilt_text;
  EXPECT_EQ(run({"analyze", "rollup"}).first, 0);
}

TEST_P(DichtbijCommandTest, AnalyzeWritesMeasuresAndCountsAsCsvAndJson) {
  auto run = [&](std::vector<std::string> arguments) {
    DichtbijProcess process(std::move(arguments), environment(), folder_.path());
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  auto file = [&](const std::string& name) {
    std::ifstream in(folder_.path() / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  ASSERT_EQ(run({"migrate"}).first, 0);
  std::string household;
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    const Date start{std::chrono::year(2025), std::chrono::January, std::chrono::day(1)};
    ASSERT_TRUE(
        database
            ->in_transaction(store::TransactionKind::write,
                             [&](store::Transaction& transaction) -> Result<void> {
                               store::PersonRepository persons(transaction);
                               PersonFields fields;
                               fields.display_name = "Mevrouw Smit";
                               Result<Person> member = persons.create(fields);
                               fields.display_name = "Buurvrouw Ria";
                               Result<Person> neighbour = persons.create(fields);
                               if (!member.ok() || !neighbour.ok()) {
                                 return make_error(ErrorCode::internal, "persons");
                               }
                               HouseholdFields created;
                               created.name = "Smit";
                               created.members.push_back({member->id, {start, {}}});
                               Result<Household> made =
                                   store::HouseholdRepository(transaction).create(created);
                               if (!made.ok()) return std::move(made).error();
                               household = made->id.str();
                               TieFields tie;
                               tie.person = neighbour->id;
                               tie.other = member->id;
                               tie.relation_kind = RelationKind::neighbour;
                               tie.support_types = {SupportType::practical, SupportType::emotional};
                               tie.period = {start, {}};
                               Result<Tie> tied =
                                   store::TieRepository(transaction, made->id).create(tie);
                               if (!tied.ok()) return std::move(tied).error();
                               return {};
                             })
            .ok());
  }

  auto [csv, csv_text] =
      run({"analyze", "households", "--to", "2026-03-31", "--out", "measures.csv"});
  ASSERT_EQ(csv, 0) << csv_text;
  const std::string table = file("measures.csv");
  EXPECT_EQ(table.rfind("household,date,size,", 0), 0u) << table;
  const std::string row = table.substr(table.find("\r\n") + 2);
  EXPECT_EQ(row.rfind(household + ",2026-03-31,1,", 0), 0u) << table;

  auto [json, json_text] = run({"analyze", "households", "--to", "2026-03-31", "--format", "json",
                                "--out", "measures.json"});
  ASSERT_EQ(json, 0) << json_text;
  const nlohmann::json items = nlohmann::json::parse(file("measures.json"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["household"], household);
  EXPECT_EQ(items[0]["multiplex"], 1);
  EXPECT_TRUE(items[0]["density"].is_null());

  auto [counts, counts_text] = run({"analyze", "practices", "--from", "2026-01-01", "--to",
                                    "2026-03-31", "--out", "practices.csv"});
  ASSERT_EQ(counts, 0) << counts_text;
  EXPECT_EQ(file("practices.csv").rfind("practice_id,acts,self,network,professional,", 0), 0u);

  auto [backwards, backwards_text] =
      run({"analyze", "mobilisation", "--from", "2026-05-01", "--to", "2026-01-01"});
  EXPECT_EQ(backwards, 2);
  EXPECT_NE(backwards_text.find("--from"), std::string::npos) << backwards_text;
  auto [format, format_text] = run({"analyze", "collaboration", "--format", "xlsx"});
  EXPECT_EQ(format, 2);
  EXPECT_NE(format_text.find("--format"), std::string::npos) << format_text;
}

TEST_P(DichtbijCommandTest, MatchProposesAndExplainsForOnePractice) {
  auto run = [&](std::vector<std::string> arguments) {
    DichtbijProcess process(std::move(arguments), environment(), folder_.path());
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  ASSERT_EQ(run({"migrate"}).first, 0);
  std::string practice, volunteer;
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    ASSERT_TRUE(
        database
            ->in_transaction(
                store::TransactionKind::write,
                [&](store::Transaction& transaction) -> Result<void> {
                  PracticeFields practice_fields;
                  practice_fields.name = "Maatjes";
                  practice_fields.target_groups = {TargetGroup::severe_loneliness};
                  practice =
                      store::PracticeRepository(transaction).create(practice_fields)->id.str();
                  PersonFields person;
                  person.display_name = "Mevrouw Smit";
                  const PersonId member = store::PersonRepository(transaction).create(person)->id;
                  person.display_name = "Vera";
                  const PersonId vera = store::PersonRepository(transaction).create(person)->id;
                  volunteer = vera.str();
                  HouseholdFields household;
                  household.kind = HouseholdKind::person;
                  household.name = "Smit";
                  household.practices = {PracticeId(practice)};
                  household.members = {
                      {member, Period{Date{std::chrono::year(2024), std::chrono::January,
                                           std::chrono::day(1)},
                                      std::nullopt}}};
                  HelpRequestFields request;
                  request.household = store::HouseholdRepository(transaction).create(household)->id;
                  request.practice = PracticeId(practice);
                  request.kind = HelpKind::companionship;
                  request.description = "Samen wandelen";
                  request.buurt_code = "BU03630001";
                  request.languages = {"nl"};
                  request.wished_times.add(0);
                  if (!store::HelpRequestRepository(transaction).create(request).ok()) {
                    return make_error(ErrorCode::internal, "request");
                  }
                  VolunteerProfileFields profile;
                  profile.person = vera;
                  profile.practice = PracticeId(practice);
                  profile.kinds = {HelpKind::companionship};
                  profile.languages = {"nl"};
                  profile.home_buurt_code = "BU03630002";
                  profile.availability.add(0);
                  if (!store::VolunteerProfileRepository(transaction).create(profile).ok()) {
                    return make_error(ErrorCode::internal, "profile");
                  }
                  return {};
                })
            .ok());
  }
  auto [matched, text] = run({"match", "--practice", practice});
  ASSERT_EQ(matched, 0) << text;
  EXPECT_NE(text.find("1 proposed"), std::string::npos) << text;
  EXPECT_NE(text.find("volunteer " + volunteer), std::string::npos) << text;
  EXPECT_NE(text.find("distance"), std::string::npos) << text;
  auto [json_code, json_text] = run({"match", "--practice", practice, "--json"});
  ASSERT_EQ(json_code, 0) << json_text;
  EXPECT_NE(json_text.find("\"replacedProposals\": 1"), std::string::npos) << json_text;
  EXPECT_EQ(run({"match", "--practice", "Maatjes"}).first, 2);
  EXPECT_EQ(run({"match", "--practice", "00000000-0000-4000-8000-000000000000"}).first, 2);
}

TEST_P(DichtbijCommandTest, RetentionRunAnonymisesWhatIsDueAndADryRunNothing) {
  auto run = [&](std::vector<std::string> arguments,
                 std::vector<std::pair<std::string, std::string>> extra = {}) {
    auto variables = environment();
    variables.insert(variables.end(), extra.begin(), extra.end());
    DichtbijProcess process(std::move(arguments), variables, folder_.path());
    const int code = process.wait_for_exit();
    return std::make_pair(code, process.stderr_text());
  };
  ASSERT_EQ(run({"migrate"}).first, 0);
  std::string household;
  auto name = [&]() {
    std::string value;
    std::unique_ptr<store::Database> database = database_->open(1);
    EXPECT_TRUE(database
                    ->in_transaction(store::TransactionKind::read,
                                     [&](store::Transaction& transaction) {
                                       transaction.session()
                                           << "SELECT name FROM households WHERE id = :id",
                                           soci::use(household), soci::into(value);
                                       return Result<void>();
                                     })
                    .ok());
    return value;
  };
  {
    std::unique_ptr<store::Database> database = database_->open(1);
    ASSERT_TRUE(
        database
            ->in_transaction(
                store::TransactionKind::write,
                [&](store::Transaction& transaction) -> Result<void> {
                  PersonFields member;
                  member.display_name = "Mevrouw Lang Geleden";
                  Result<Person> person = store::PersonRepository(transaction).create(member);
                  if (!person.ok()) return std::move(person).error();
                  HouseholdFields fields;
                  fields.name = "Huishouden Lang Geleden";
                  fields.status = HouseholdStatus::closed;
                  fields.members.push_back(
                      {person->id,
                       {Date{std::chrono::year(2001), std::chrono::May, std::chrono::day(1)}, {}}});
                  Result<Household> created =
                      store::HouseholdRepository(transaction).create(fields);
                  if (!created.ok()) return std::move(created).error();
                  household = created->id.str();
                  transaction.session() << "UPDATE households SET closed_on = '2002-02-02'";
                  return {};
                })
            .ok());
  }

  auto [dry, dry_text] = run({"retention", "run", "--dry-run"});
  EXPECT_EQ(dry, 0) << dry_text;
  EXPECT_NE(dry_text.find("dry run: would anonymise 1 households and 1 persons"), std::string::npos)
      << dry_text;
  EXPECT_EQ(name(), "Huishouden Lang Geleden");

  auto [bad, bad_text] = run({"retention", "run"}, {{"DICHTBIJ_RETENTION_YEARS", "0"}});
  EXPECT_EQ(bad, 2);
  EXPECT_NE(bad_text.find("DICHTBIJ_RETENTION_YEARS: must be between 1 and 100"), std::string::npos)
      << bad_text;
  auto [words, words_text] = run({"retention", "run"}, {{"DICHTBIJ_RETENTION_YEARS", "vijftien"}});
  EXPECT_EQ(words, 2);
  EXPECT_NE(words_text.find("DICHTBIJ_RETENTION_YEARS: must be a whole number"), std::string::npos);
  EXPECT_EQ(name(), "Huishouden Lang Geleden");

  auto [done, done_text] = run({"retention", "run"});
  EXPECT_EQ(done, 0) << done_text;
  EXPECT_NE(done_text.find("anonymised 1 households and 1 persons"), std::string::npos)
      << done_text;
  EXPECT_NE(done_text.find("retention 15 years"), std::string::npos) << done_text;
  EXPECT_EQ(name(), "Geanonimiseerd");
  auto [nothing, nothing_text] = run({"retention", "run"}, {{"DICHTBIJ_RETENTION_YEARS", "1"}});
  EXPECT_EQ(nothing, 0);
  EXPECT_NE(nothing_text.find("anonymised 0 households"), std::string::npos) << nothing_text;
}

DICHTBIJ_INSTANTIATE_ENGINES(DichtbijCommandTest);

// Bad start-up input: one row per case, each must exit non-zero and say what
// to fix.
struct BadStart {
  std::string label;
  std::vector<std::string> arguments;
  std::vector<std::pair<std::string, std::string>> environment;
  int exit_code;
  std::string message_part;
};

void PrintTo(const BadStart& c, std::ostream* out) {
  *out << c.label;
}

class DichtbijBadStartTest : public ::testing::TestWithParam<BadStart> {};

TEST_P(DichtbijBadStartTest, ExitsNonZeroNamingTheProblem) {
  const BadStart& c = GetParam();
  testing::TempDir folder;
  std::ofstream(folder.path() / "bad.toml") << "prot = 8080\n";
  DichtbijProcess process(c.arguments, c.environment, folder.path());
  EXPECT_EQ(process.wait_for_exit(), c.exit_code) << process.stderr_text();
  EXPECT_NE(process.stderr_text().find(c.message_part), std::string::npos) << process.stderr_text();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DichtbijBadStartTest,
    ::testing::Values(
        BadStart{"bad_port",
                 {"serve"},
                 {{"DICHTBIJ_PORT", "http"}},
                 2,
                 "DICHTBIJ_PORT: must be a whole number"},
        BadStart{"unknown_variable",
                 {"serve"},
                 {{"DICHTBIJ_PROT", "1"}},
                 2,
                 "DICHTBIJ_PROT: is not a setting"},
        BadStart{"bad_url",
                 {"migrate"},
                 {{"DICHTBIJ_DATABASE_URL", "oracle://x"}},
                 2,
                 "DICHTBIJ_DATABASE_URL"},
        BadStart{"bad_file_key",
                 {"--config", "bad.toml", "serve"},
                 {},
                 2,
                 "prot in bad.toml: is not a setting"},
        BadStart{"missing_file", {"--config", "nope.toml", "serve"}, {}, 2, "nope.toml"},
        BadStart{"no_subcommand", {}, {}, 2, "subcommand"},
        BadStart{"unknown_subcommand", {"dance"}, {}, 2, "subcommand is required"},
        BadStart{"export_without_person", {"subject", "export"}, {}, 2, "--person is required"},
        BadStart{"erase_without_reason",
                 {"subject", "erase", "--person", "5d1c7f8e-0000-4000-8000-000000000001"},
                 {},
                 2,
                 "--reason is required"},
        BadStart{"export_bad_person",
                 {"subject", "export", "--person", "Jansen"},
                 {{"DICHTBIJ_DATABASE_URL", "sqlite:never-created.db"}},
                 2,
                 "--person must be a person's id"},
        BadStart{"erase_empty_reason",
                 {"subject", "erase", "--person", "5d1c7f8e-0000-4000-8000-000000000001",
                  "--reason", " "},
                 {{"DICHTBIJ_DATABASE_URL", "sqlite:fresh.db"}},
                 2,
                 "--reason: say why"},
        BadStart{"erase_unknown_person",
                 {"subject", "erase", "--person", "5d1c7f8e-0000-4000-8000-000000000001",
                  "--reason", "Brief"},
                 {{"DICHTBIJ_DATABASE_URL", "sqlite:fresh.db"}},
                 2,
                 "there is no person 5d1c7f8e-0000-4000-8000-000000000001"},
        BadStart{"unreachable_database",
                 {"migrate"},
                 {{"DICHTBIJ_DATABASE_URL", "postgresql://x:pw@127.0.0.1:1/d?connect_timeout=2"}},
                 1,
                 "cannot open the database postgresql://x:***@127.0.0.1:1/d"}),
    [](const auto& info) { return info.param.label; });

TEST(DichtbijCommand, HelpListsTheSubcommands) {
  testing::TempDir folder;
  DichtbijProcess process({"--help"}, {}, folder.path());
  EXPECT_EQ(process.wait_for_exit(), 0);
  EXPECT_NE(process.stderr_text().find("serve"), std::string::npos) << process.stderr_text();
  EXPECT_NE(process.stderr_text().find("migrate"), std::string::npos);
}

}  // namespace
}  // namespace dichtbij
