// GET /api/v1/households/{id}/network over real HTTP, on SQLite and
// PostgreSQL: the ecomap as it stood on a day.
#include <soci/soci.h>

#include <chrono>
#include <thread>

#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;

class NetworkApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    organisation_ = api_->admin()
                        .post("/api/v1/organisations",
                              {{"name", "Buurtteam West"}, {"kind", "welfare"}, {"formal", true}})
                        .json()["id"];
    client_ = post("/api/v1/persons", {{"displayName", "Meneer Jansen"},
                                       {"roles", {{{"role", "client"}, {"from", "2024-01-01"}}}}});
    daughter_ = post("/api/v1/persons", {{"displayName", "Dochter Eva"}});
    neighbour_ = post("/api/v1/persons", {{"displayName", "Buurvrouw Ans"}});
    worker_ =
        post("/api/v1/persons",
             {{"displayName", "Sem (buurtteam)"},
              {"roles", {{{"role", "professional"}, {"from", "2020-01-01"}}}},
              {"memberships", {{{"organisationId", organisation_}, {"from", "2020-01-01"}}}}});
    household_body_ = {{"kind", "person"},
                       {"name", "Jansen"},
                       {"targetGroup", "severeLoneliness"},
                       {"status", "active"},
                       {"practiceIds", {api_->practice_id().str()}},
                       {"members", {{{"personId", client_}, {"from", "2024-01-01"}}}},
                       {"team", {{{"personId", worker_}, {"from", "2024-02-01"}}}}};
    household_ = post("/api/v1/households", household_body_);
    const std::string ties = "/api/v1/households/" + household_ + "/ties";
    tie(ties, daughter_, client_, "child", 1, "2024-01-01", std::nullopt);
    tie(ties, neighbour_, client_, "neighbour", 2, "2024-03-01", "2025-08-31");
    tie(ties, daughter_, neighbour_, "friend", 3, "2024-06-01", std::nullopt);
    for (const char* date : {"2025-04-01", "2025-05-20", "2024-11-01"}) act(neighbour_, date);
  }

  std::string post(const std::string& path, const json& body) {
    const auto result = api_->post(path, body);
    EXPECT_EQ(result.status, 201) << path << ": " << result.body;
    return result.json().value("id", "");
  }

  void tie(const std::string& ties, const std::string& person, const std::string& other,
           const std::string& relation, int closeness, const std::string& from,
           std::optional<std::string> until) {
    json body{{"personId", person},       {"otherPersonId", other},
              {"relationKind", relation}, {"supportTypes", {"emotional"}},
              {"closeness", closeness},   {"direction", "gives"},
              {"quality", "strong"},      {"from", from}};
    if (until) body["until"] = *until;
    post(ties, body);
  }

  void act(const std::string& provider, const std::string& date) {
    post("/api/v1/support-acts", {{"date", date},
                                  {"householdId", household_},
                                  {"providerId", provider},
                                  {"receiverId", client_},
                                  {"supportType", "practical"},
                                  {"mode", "inPerson"},
                                  {"mobilisedBy", "network"}});
  }

  json network(const std::string& date) {
    const auto result = api_->get("/api/v1/households/" + household_ + "/network?date=" + date);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json();
  }

  static const json* node(const json& map, const std::string& id) {
    for (const json& candidate : map["nodes"]) {
      if (candidate["id"] == id) return &candidate;
    }
    return nullptr;
  }

  static int edges_of_kind(const json& map, const std::string& kind) {
    int count = 0;
    for (const json& edge : map["edges"]) count += edge["kind"] == kind;
    return count;
  }

  // The worker on the team, signed in; their access is decided once and then
  // served from access/decision_cache while the data holds.
  testing::ApiClient& worker_signed_in() {
    testing::ApiClient& worker =
        api_->as("sem", AccountRole::professional, PersonId(std::string(worker_)));
    EXPECT_EQ(worker.get(network_path()).status, 200);
    EXPECT_EQ(worker.get(network_path()).status, 200);
    return worker;
  }

  std::string network_path() const {
    return "/api/v1/households/" + household_ + "/network?date=2025-06-01";
  }

  std::unique_ptr<ApiServer> api_;
  json household_body_;
  std::string organisation_, client_, daughter_, neighbour_, worker_, household_;
};

TEST_P(NetworkApiTest, ShowsTheNetworkAsItStoodOnTheDay) {
  const json map = network("2025-06-01");
  EXPECT_EQ(map["date"], "2025-06-01");
  ASSERT_EQ(map["nodes"].size(), 5u) << map.dump();
  EXPECT_EQ(map["nodes"][0]["id"], client_);  // the household first

  const json* client = node(map, client_);
  EXPECT_EQ((*client)["kind"], "member");
  EXPECT_EQ((*client)["ring"], 0);
  EXPECT_EQ((*client)["role"], "client");
  EXPECT_EQ((*node(map, daughter_))["ring"], 1);
  const json* neighbour = node(map, neighbour_);
  EXPECT_EQ((*neighbour)["ring"], 2);
  EXPECT_EQ((*neighbour)["formal"], false);
  EXPECT_EQ((*neighbour)["supportActsLast90Days"], 2);
  const json* worker = node(map, worker_);
  EXPECT_EQ((*worker)["formal"], true);
  EXPECT_EQ((*worker)["role"], "professional");
  EXPECT_EQ((*worker)["ring"], 3);
  const json* organisation = node(map, organisation_);
  ASSERT_NE(organisation, nullptr);
  EXPECT_EQ((*organisation)["kind"], "organisation");
  EXPECT_EQ((*organisation)["label"], "Buurtteam West");

  EXPECT_EQ(edges_of_kind(map, "tie"), 3);
  EXPECT_EQ(edges_of_kind(map, "team"), 1);
  EXPECT_EQ(edges_of_kind(map, "membership"), 1);
  for (const json& edge : map["edges"]) {
    if (edge["kind"] == "tie") {
      EXPECT_EQ(edge["supportTypes"], (json{"emotional"}));
      EXPECT_EQ(edge["quality"], "strong");
    }
  }
}

TEST_P(NetworkApiTest, AnEndedTieLeavesThePicture) {
  const json map = network("2025-09-15");
  EXPECT_EQ(edges_of_kind(map, "tie"), 2);
  // Still tied to the daughter, so still there, but only in the outer ring.
  const json* neighbour = node(map, neighbour_);
  ASSERT_NE(neighbour, nullptr);
  EXPECT_EQ((*neighbour)["ring"], 3);
  EXPECT_EQ((*neighbour)["supportActsLast90Days"], 0);
}

TEST_P(NetworkApiTest, BeforeTheHouseholdBeganThereIsNoNetwork) {
  const json map = network("2023-12-01");
  EXPECT_EQ(map["nodes"].size(), 0u);
  EXPECT_EQ(map["edges"].size(), 0u);
  const json early = network("2024-01-15");
  EXPECT_EQ(early["nodes"].size(), 2u);  // the client and the daughter; no team yet
  EXPECT_EQ(edges_of_kind(early, "team"), 0);
}

TEST_P(NetworkApiTest, AnswersFollowEveryChange) {
  // The rendered ecomap is kept between reads; each of these changes must
  // show in the very next read.
  const json first = network("2025-06-01");
  EXPECT_EQ(network("2025-06-01"), first) << "the same data, the same answer";

  const std::string friend_id = post("/api/v1/persons", {{"displayName", "Vriend Kees"}});
  tie("/api/v1/households/" + household_ + "/ties", friend_id, client_, "friend", 2, "2025-01-01",
      std::nullopt);
  const json with_friend = network("2025-06-01");
  EXPECT_EQ(with_friend["nodes"].size(), first["nodes"].size() + 1);
  ASSERT_NE(node(with_friend, friend_id), nullptr);
  EXPECT_EQ((*node(with_friend, friend_id))["supportActsLast90Days"], 0);

  act(friend_id, "2025-05-30");
  EXPECT_EQ((*node(network("2025-06-01"), friend_id))["supportActsLast90Days"], 1);
  EXPECT_EQ((*node(network("2025-01-15"), friend_id))["supportActsLast90Days"], 0)
      << "another day is another answer";
}

TEST_P(NetworkApiTest, AChangeByAnotherProcessShowsToo) {
  (void)network("2025-06-01");
  // As the CLI on the same SQLite file, or another instance on PostgreSQL.
  std::unique_ptr<store::Database> other = api_->test_database().open(1);
  ASSERT_TRUE(other
                  ->in_transaction(store::TransactionKind::write,
                                   [&](store::Transaction& transaction) {
                                     transaction.session()
                                         << "UPDATE organisations SET name = 'Buurtteam Oost' "
                                            "WHERE id = :id",
                                         soci::use(organisation_);
                                     return Result<void>();
                                   })
                  .ok());
  // On PostgreSQL the change arrives by notification, a moment later.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::string label;
  while (std::chrono::steady_clock::now() < deadline) {
    label = (*node(network("2025-06-01"), organisation_))["label"];
    if (label == "Buurtteam Oost") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(label, "Buurtteam Oost");
}

// A change to the team must take effect at the very next request, though the
// team member's access was decided from the cache a moment ago.
TEST_P(NetworkApiTest, AChangedOrRemovedTeamEndsAccessAtOnce) {
  const std::vector<std::pair<std::string, json>> changes = {
      {"the spell ended",
       json::array({{{"personId", worker_}, {"from", "2024-02-01"}, {"until", "2024-12-31"}}})},
      {"no team at all", json::array()},
  };
  int version = 1;
  for (const auto& [what, team] : changes) {
    SCOPED_TRACE(what);
    json restored = household_body_;
    if (version > 1) {
      ASSERT_EQ(api_->put("/api/v1/households/" + household_, restored,
                          {"If-Match: \"" + std::to_string(version++) + "\""})
                    .status,
                200);
    }
    testing::ApiClient& worker = worker_signed_in();
    json changed = household_body_;
    changed["team"] = team;
    const auto put = api_->put("/api/v1/households/" + household_, changed,
                               {"If-Match: \"" + std::to_string(version++) + "\""});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(worker.get(network_path()).status, 403);
    EXPECT_EQ(worker.get("/api/v1/households/" + household_ + "/network").status, 403);
  }
}

TEST_P(NetworkApiTest, ATeamChangeByAnotherProcessEndsAccessToo) {
  testing::ApiClient& worker = worker_signed_in();
  // As the CLI on the same SQLite file, or another instance on PostgreSQL.
  std::unique_ptr<store::Database> other = api_->test_database().open(1);
  ASSERT_TRUE(other
                  ->in_transaction(store::TransactionKind::write,
                                   [&](store::Transaction& transaction) {
                                     transaction.session()
                                         << "UPDATE household_people SET valid_until = "
                                            "'2024-12-31' WHERE household_id = :id AND part = "
                                            "'team'",
                                         soci::use(household_);
                                     return Result<void>();
                                   })
                  .ok());
  // The other process's commit reaches this one within the change watch's
  // delay (SQLite: a 20 ms poll; PostgreSQL: its notification).
  const auto changed = std::chrono::steady_clock::now();
  int status = 0;
  while (std::chrono::steady_clock::now() < changed + std::chrono::seconds(5)) {
    status = worker.get(network_path()).status;
    if (status == 403) break;
    EXPECT_EQ(status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(status, 403);
  EXPECT_LT(std::chrono::steady_clock::now() - changed, std::chrono::seconds(2));
}

// The server answers a read whose session, decision and ecomap are all in
// memory on its I/O thread (api::Route::answers_from_memory): each such
// answer is still audited, and a sign-out or a refused role still counts.
TEST_P(NetworkApiTest, ReadsAnsweredFromMemoryAreEachAuditedAndSignOutStillEndsThem) {
  testing::ApiClient& worker = worker_signed_in();
  auto reads = [&] {
    return api_->query_number(
        "SELECT COUNT(*) FROM audit_events WHERE username = 'sem' AND action = "
        "'household.network' AND outcome = 'allowed'");
  };
  const long long before = reads();
  const std::string first = worker.get(network_path()).body;
  for (int i = 0; i < 20; ++i) {
    const auto again = worker.get(network_path());
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.body, first);
  }
  EXPECT_EQ(reads(), before + 21);

  testing::ApiClient& researcher = api_->as("rosa", AccountRole::researcher);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(researcher.get(network_path()).status, 403);
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM audit_events WHERE username = 'rosa' AND "
                               "outcome = 'denied'"),
            3);

  ASSERT_EQ(worker.del("/api/v1/session").status, 204);
  EXPECT_EQ(worker.get(network_path()).status, 401);
  EXPECT_EQ(reads(), before + 21);
}

TEST_P(NetworkApiTest, BadRequests) {
  EXPECT_EQ(api_->get("/api/v1/households/" + household_ + "/network?date=2025-02-30").status, 400);
  EXPECT_EQ(api_->get("/api/v1/households/" + household_ + "/network?when=today").status, 400);
  EXPECT_EQ(api_->get("/api/v1/households/00000000-0000-4000-8000-000000000abc/network").status,
            404);
  EXPECT_EQ(api_->get("/api/v1/households/" + household_ + "/network").status, 200);
}

DICHTBIJ_INSTANTIATE_ENGINES(NetworkApiTest);

}  // namespace
}  // namespace dichtbij
