// The audit log over real HTTP, on SQLite and PostgreSQL: every access to
// personal data is an event, chained so that tampering shows.

#include <atomic>
#include <thread>

#include "access/audit.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;

class AuditApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
  }

  std::string post(const std::string& path, const json& body) {
    const auto result = api_->post(path, body);
    EXPECT_EQ(result.status, 201) << path << ": " << result.body;
    return result.json().value("id", "");
  }

  std::vector<store::AuditRow> events() {
    std::vector<store::AuditRow> rows;
    Result<void> read = api_->database().in_transaction(
        store::TransactionKind::read, [&](store::Transaction& transaction) {
          return store::AuditRepository(transaction).scan(1, [&](const store::AuditRow& row) {
            rows.push_back(row);
            return true;
          });
        });
    EXPECT_TRUE(read.ok());
    return rows;
  }

  std::unique_ptr<ApiServer> api_;
};

TEST_P(AuditApiTest, EveryAccessToPersonalDataIsAnEvent) {
  const std::string client = post("/api/v1/persons", {{"displayName", "Meneer Jansen"}});
  const std::string daughter = post("/api/v1/persons", {{"displayName", "Eva"}});
  const std::string household =
      post("/api/v1/households", {{"kind", "person"},
                                  {"name", "Jansen"},
                                  {"targetGroup", "severeLoneliness"},
                                  {"status", "active"},
                                  {"practiceIds", {api_->practice_id().str()}},
                                  {"members", {{{"personId", client}, {"from", "2025-01-01"}}}}});
  const std::string ties = "/api/v1/households/" + household + "/ties";
  const std::string tie = post(ties, {{"personId", daughter},
                                      {"otherPersonId", client},
                                      {"relationKind", "child"},
                                      {"supportTypes", {"emotional"}},
                                      {"closeness", 1},
                                      {"direction", "gives"},
                                      {"quality", "strong"},
                                      {"from", "2025-01-01"}});
  const std::size_t before = events().size();
  ASSERT_EQ(api_->get("/api/v1/households/" + household).status, 200);
  ASSERT_EQ(api_->get(ties).status, 200);
  ASSERT_EQ(api_->get("/api/v1/households/" + household + "/network").status, 200);
  ASSERT_EQ(api_->get("/api/v1/households/" + household + "/network").status, 200);  // cached
  ASSERT_EQ(api_->del(ties + "/" + tie).status, 204);
  ASSERT_EQ(api_->get("/api/v1/organisations").status, 200);  // no personal data: no event
  ASSERT_EQ(api_->get("/api/v1/households/" + household + "/ties/" + tie).status, 404);

  const std::vector<store::AuditRow> all = events();
  ASSERT_EQ(all.size(), before + 5);
  const std::vector<std::string> actions = {"household.read", "tie.list", "household.network",
                                            "household.network", "tie.delete"};
  for (std::size_t i = 0; i != actions.size(); ++i) {
    const store::AuditRow& row = all[before + i];
    EXPECT_EQ(row.action, actions[i]) << i;
    EXPECT_EQ(row.household_id, household) << i;
    EXPECT_EQ(row.username, "tester");
    EXPECT_EQ(row.role, "coordinator");
    EXPECT_EQ(row.outcome, "allowed");
    EXPECT_EQ(row.client_address, "127.0.0.1");
  }
  EXPECT_EQ(all[before + 4].record_id, tie);
  // The creations before were events too, in order, with the person ids,
  // after the test's own account.
  ASSERT_EQ(all[0].action, "account.create");
  EXPECT_EQ(all[1].action, "person.create");
  EXPECT_EQ(all[1].record_id, client);
  EXPECT_EQ(all[3].action, "household.create");
  EXPECT_EQ(all[3].household_id, household);

  Result<access::ChainReport> report = access::verify_chain(api_->database());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->broken_at);
  EXPECT_EQ(report->events, static_cast<std::int64_t>(all.size()));
}

TEST_P(AuditApiTest, AnEditedOrDeletedEventBreaksTheChainThere) {
  for (int i = 0; i != 5; ++i) post("/api/v1/persons", {{"displayName", "P" + std::to_string(i)}});
  ASSERT_FALSE(access::verify_chain(api_->database())->broken_at);

  api_->execute_sql("UPDATE audit_events SET username = 'someone.else' WHERE seq = 3");
  Result<access::ChainReport> edited = access::verify_chain(api_->database());
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->broken_at, 3);
  EXPECT_EQ(edited->events, 2);
  EXPECT_NE(edited->problem.find("edited"), std::string::npos) << edited->problem;

  // Re-hashing the edited event does not help: the next one points at the old hash.
  const store::AuditRow third = events()[2];
  api_->execute_sql("UPDATE audit_events SET hash = '" + access::event_hash(third) +
                    "' WHERE seq = 3");
  EXPECT_EQ(access::verify_chain(api_->database())->broken_at, 4);

  api_->execute_sql("DELETE FROM audit_events WHERE seq = 2");
  Result<access::ChainReport> removed = access::verify_chain(api_->database());
  EXPECT_EQ(removed->broken_at, 2);
  EXPECT_NE(removed->problem.find("missing"), std::string::npos) << removed->problem;
}

TEST_P(AuditApiTest, ConcurrentWritersStillMakeOneChain) {
  const std::size_t before = events().size();
  std::vector<std::thread> writers;
  for (int t = 0; t != 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i != 10; ++i) {
        (void)api_->post("/api/v1/persons",
                         {{"displayName", "W" + std::to_string(t) + "-" + std::to_string(i)}});
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  Result<access::ChainReport> report = access::verify_chain(api_->database());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->broken_at) << report->problem;
  EXPECT_EQ(report->events, static_cast<std::int64_t>(before) + 40);
}

TEST_P(AuditApiTest, ManyConcurrentReadsAreOneEventEachAndTheChainHolds) {
  const std::string client = post("/api/v1/persons", {{"displayName", "Mevrouw Smit"}});
  const std::string household =
      post("/api/v1/households", {{"kind", "person"},
                                  {"name", "Smit"},
                                  {"targetGroup", "severeLoneliness"},
                                  {"status", "active"},
                                  {"practiceIds", {api_->practice_id().str()}},
                                  {"members", {{{"personId", client}, {"from", "2025-01-01"}}}}});
  const std::size_t before = events().size();
  constexpr int kReaders = 8;
  constexpr int kReadsEach = 25;
  constexpr int kWrites = 10;
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t != kReaders; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i != kReadsEach; ++i) {
        // Cached ecomaps and plain reads alike.
        const std::string path = (i + t) % 2 == 0 ? "/api/v1/households/" + household + "/network"
                                                  : "/api/v1/households/" + household;
        if (api_->get(path).status == 200) ++answered;
      }
    });
  }
  // Writes record their events in their own transactions, between batches.
  threads.emplace_back([&] {
    for (int i = 0; i != kWrites; ++i) post("/api/v1/persons", {{"displayName", "Buur"}});
  });
  for (std::thread& thread : threads) thread.join();
  ASSERT_EQ(answered.load(), kReaders * kReadsEach);

  const std::vector<store::AuditRow> all = events();
  ASSERT_EQ(all.size(), before + kReaders * kReadsEach + kWrites);
  int reads = 0;
  for (std::size_t i = before; i != all.size(); ++i) {
    if (all[i].action != "person.create") {
      ++reads;
      EXPECT_EQ(all[i].household_id, household);
    }
  }
  EXPECT_EQ(reads, kReaders * kReadsEach);
  Result<access::ChainReport> report = access::verify_chain(api_->database());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->broken_at) << report->problem;
  EXPECT_EQ(report->events, static_cast<std::int64_t>(all.size()));
}

TEST_P(AuditApiTest, WhenABatchFailsEveryCallerInItGetsTheError) {
  const std::string person = post("/api/v1/persons", {{"displayName", "Meneer Visser"}});
  const std::size_t before = events().size();
  // The log's table gone: every insert fails.
  api_->execute_sql("ALTER TABLE audit_events RENAME TO audit_events_away");
  constexpr int kCallers = 8;
  std::atomic<int> failed{0};
  std::vector<std::thread> callers;
  for (int t = 0; t != kCallers; ++t) {
    callers.emplace_back([&, t] {
      access::AuditEvent event;
      event.action = "household.read";
      event.record_id = std::to_string(t);
      if (!access::record(api_->database(), event).ok()) ++failed;
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(failed.load(), kCallers);
  EXPECT_GE(api_->get("/api/v1/persons/" + person).status, 500)
      << "never an answer without its event";

  api_->execute_sql("ALTER TABLE audit_events_away RENAME TO audit_events");
  access::AuditEvent event;
  event.action = "household.read";
  EXPECT_TRUE(access::record(api_->database(), event).ok());
  EXPECT_EQ(events().size(), before + 1) << "nothing of the failed batches was kept";
  EXPECT_FALSE(access::verify_chain(api_->database())->broken_at);
}

DICHTBIJ_INSTANTIATE_ENGINES(AuditApiTest);

}  // namespace
}  // namespace dichtbij
