// Demo data through the real HTTP API, on SQLite and PostgreSQL: every demo
// account signs in and sees a living system, and generated records go back
// through the API's validators unchanged.
#include <soci/soci.h>

#include <set>

#include "core/date.hpp"
#include "demo/seeding.hpp"
#include "store/act_rollup.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

constexpr int kHouseholds = 12;

class DemoDataApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    ApiServer::Options options;
    options.username.clear();  // the demo brings its own accounts
    api_ = std::make_unique<ApiServer>(engine(), options);
    const Date today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    Result<demo::SeedReport> seeded = demo::seed(api_->database(), {kHouseholds, 2, today, "test"},
                                                 [](const demo::SeedProgress&) {});
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    report_ = *seeded;
  }

  // A caller signed in as a demo account.
  ApiClient signed_in(const std::string& username) {
    ApiClient client(api_->url(""));
    const auto answer = client.sign_in(username, demo::kDemoPassword);
    EXPECT_EQ(answer.status, 201) << username << ": " << answer.body;
    return client;
  }

  // Reads a record, then writes it back unchanged with its ETag: the API
  // must accept what the generator made. Returns the record.
  json round_trip(const ApiClient& client, const std::string& path) {
    const auto read = client.get(path);
    EXPECT_EQ(read.status, 200) << path << ": " << read.body;
    json body = read.json();
    json input = body;
    for (const char* output_only : {"id", "householdId", "lastActivityOn"}) {
      input.erase(output_only);
    }
    if (path.find("/support-acts/") != std::string::npos)
      input["householdId"] = body["householdId"];
    const auto written = client.put(path, input, {"If-Match: " + read.header("ETag").value_or("")});
    EXPECT_EQ(written.status, 200) << path << ": " << written.body;
    return body;
  }

  std::unique_ptr<ApiServer> api_;
  demo::SeedReport report_;
};

TEST_P(DemoDataApiTest, EveryDemoAccountSignsInAndSeesALivingSystem) {
  ASSERT_EQ(report_.accounts.size(), 11U);
  for (const demo::DemoAccount& account : report_.accounts) (void)signed_in(account.username);

  const ApiClient admin = signed_in("beheerder");
  EXPECT_EQ(admin.get("/api/v1/practices").json()["total"], 6);
  EXPECT_GT(admin.get("/api/v1/organisations").json()["total"].get<int>(), 6);

  const ApiClient coordinator = signed_in("coordinator.maatjes");
  EXPECT_GT(coordinator.get("/api/v1/households").json()["total"].get<int>(), 0);

  const ApiClient professional = signed_in("professional");
  const json households = professional.get("/api/v1/households").json();
  ASSERT_GT(households["total"].get<int>(), 0);
  const std::string household = households["items"][0]["id"];
  EXPECT_GT(
      professional.get("/api/v1/support-acts?householdId=" + household).json()["total"].get<int>(),
      0);
  EXPECT_GT(professional.get("/api/v1/households/" + household + "/assessments")
                .json()["total"]
                .get<int>(),
            0);
  EXPECT_EQ(professional.get("/api/v1/households/" + household + "/network").status, 200);

  const ApiClient volunteer = signed_in("vrijwilliger");
  EXPECT_GT(volunteer.get("/api/v1/support-acts").json()["total"].get<int>(), 0);
  EXPECT_GT(volunteer.get("/api/v1/households").json()["total"].get<int>(), 0);

  const ApiClient client = signed_in("client");
  const json own = client.get("/api/v1/households").json();
  ASSERT_EQ(own["total"], 1);
  const std::string own_id = own["items"][0]["id"];
  EXPECT_EQ(client.get("/api/v1/households/" + own_id + "/network").status, 200);

  const ApiClient researcher = signed_in("onderzoeker");
  const auto exported = researcher.get("/api/v1/research/exports/support-acts");
  EXPECT_EQ(exported.status, 200) << exported.body;
  EXPECT_GT(std::count(exported.body.begin(), exported.body.end(), '\n'), 1);
  EXPECT_EQ(researcher.get("/api/v1/households").status, 403);
}

// The researcher finds a project under way (demo/research_project.hpp), and
// the first practice's coordinator a finding to answer.
TEST_P(DemoDataApiTest, TheResearcherFindsResearchUnderWay) {
  const ApiClient researcher = signed_in("onderzoeker");
  const json projects = researcher.get("/api/v1/research/projects").json();
  ASSERT_EQ(projects["total"], 1);
  const std::string base =
      "/api/v1/research/projects/" + projects["items"][0]["id"].get<std::string>();
  const std::string practice = projects["items"][0]["practiceIds"][0];
  EXPECT_EQ(researcher.get(base + "/field-notes?pageSize=100").json()["total"], 18);
  EXPECT_EQ(researcher.get(base + "/analyses/code-practice-matrix").json()["columns"].size(), 3u);

  // Every coding covers the phrase it was written for: the drill-down of
  // "Vertrouwen" gives whole phrases, é and all.
  std::string trust;
  const json codes = researcher.get(base + "/codes?pageSize=100").json();
  for (const json& code : codes["items"]) {
    if (code["name"] == "Vertrouwen") trust = code["id"];
  }
  ASSERT_FALSE(trust.empty());
  std::set<std::string> excerpts;
  const json fragments = researcher.get(base + "/analyses/fragments?codeId=" + trust).json();
  for (const json& fragment : fragments["items"]) {
    excerpts.insert(fragment["excerpt"].get<std::string>());
  }
  EXPECT_EQ(excerpts, (std::set<std::string>{"de buurtwerker gewoon bleef komen",
                                             "zo hoeft meneer niet alles twee keer te vertellen",
                                             "Zijn zus vertrouwt het maatje nog niet helemaal"}));

  const json report = researcher.get(base + "/practices/" + practice + "/report").json();
  EXPECT_FALSE(report["codes"].empty());
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["open"], 1);
  ASSERT_EQ(report["framework"].size(), 1u);
  EXPECT_EQ(report["framework"][0]["cells"][1]["fragments"], 1) << report["framework"].dump();

  const ApiClient stakeholder = signed_in("coordinator.maatjes");
  const json checks = stakeholder.get("/api/v1/member-checks").json();
  ASSERT_EQ(checks["total"], 1);
  EXPECT_EQ(checks["items"][0]["fragments"][0]["text"],
            "We spraken af dat ik me terugtrek zodra het loopt");
}

// The loader counts its own acts into the rollup (demo/rollup_counts.hpp):
// the counts must be what the SQL counts from the acts it wrote.
TEST_P(DemoDataApiTest, TheRollupCountsEveryActTheDemoWrote) {
  long long rolled_up = 0, acts = 0, joint = 0, activations = 0;
  std::vector<std::string> differences;
  ASSERT_TRUE(api_->database()
                  .in_transaction(store::TransactionKind::read,
                                  [&](store::Transaction& transaction) -> Result<void> {
                                    transaction.session()
                                        << "SELECT COALESCE(SUM(acts), 0), COALESCE(SUM("
                                           "joint_acts), 0), COALESCE(SUM(activations), 0) FROM "
                                           "support_act_rollup",
                                        soci::into(rolled_up), soci::into(joint),
                                        soci::into(activations);
                                    transaction.session()
                                        << "SELECT COUNT(*) FROM support_acts a JOIN "
                                           "household_practices hp ON hp.household_id = "
                                           "a.household_id",
                                        soci::into(acts);
                                    differences = store::rollup_differences(transaction);
                                    return {};
                                  })
                  .ok());
  EXPECT_EQ(rolled_up, acts);
  EXPECT_GT(acts, 0);
  EXPECT_GT(joint, 0);
  EXPECT_GT(activations, 0);
  EXPECT_TRUE(differences.empty())
      << differences.size()
      << " groups differ, the first: " << (differences.empty() ? "" : differences.front());
}

TEST_P(DemoDataApiTest, GeneratedRecordsPassTheApiValidators) {
  const ApiClient coordinator = signed_in("coordinator.maatjes");
  const json households = coordinator.get("/api/v1/households?pageSize=5").json();
  ASSERT_GT(households["total"].get<int>(), 0);
  int checked = 0;
  for (const json& item : households["items"]) {
    const std::string id = item["id"];
    const std::string base = "/api/v1/households/" + id;
    const json household = round_trip(coordinator, base);
    round_trip(coordinator,
               "/api/v1/persons/" + household["members"][0]["personId"].get<std::string>());
    for (const char* part : {"/ties", "/agreements", "/assessments"}) {
      const json list = coordinator.get(base + part).json();
      ASSERT_GT(list["total"].get<int>(), 0) << part;
      const json first =
          round_trip(coordinator, base + part + "/" + list["items"][0]["id"].get<std::string>());
      if (std::string(part) == "/ties") {
        round_trip(coordinator, "/api/v1/persons/" + first["personId"].get<std::string>());
      }
    }
    const json acts = coordinator.get("/api/v1/support-acts?householdId=" + id).json();
    ASSERT_GT(acts["total"].get<int>(), 0);
    round_trip(coordinator, "/api/v1/support-acts/" + acts["items"][0]["id"].get<std::string>());
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

DICHTBIJ_INSTANTIATE_ENGINES(DemoDataApiTest);

}  // namespace
}  // namespace dichtbij
