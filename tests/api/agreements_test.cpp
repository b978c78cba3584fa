// /api/v1/households/{id}/agreements over real HTTP, on SQLite and PostgreSQL.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class AgreementsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    client_ = api_->post("/api/v1/persons", {{"displayName", "Mevrouw Bakker"}}).json()["id"];
    worker_ = api_->post("/api/v1/persons", {{"displayName", "Karim (buurtteam)"}}).json()["id"];
    neighbour_ = api_->post("/api/v1/persons", {{"displayName", "Buurman Joop"}}).json()["id"];
    household_ = api_->post("/api/v1/households", {{"kind", "person"},
                                                   {"name", "Bakker"},
                                                   {"targetGroup", "deprivedNeighbourhood"},
                                                   {"status", "active"},
                                                   {"practiceIds", {api_->practice_id().str()}}})
                     .json()["id"];
    agreements_ = "/api/v1/households/" + household_ + "/agreements";
  }

  json groceries(const std::string& responsible) const {
    return {{"goal", "Elke week boodschappen in huis"},
            {"action", "Samen boodschappen doen op dinsdag"},
            {"responsiblePersonId", responsible},
            {"why", "Mevrouw kan niet meer zelf tillen"},
            {"dueDate", "2026-12-31"},
            {"reviewDate", "2026-09-01"},
            {"status", "inProgress"},
            {"agreedByHousehold", true}};
  }

  std::unique_ptr<ApiServer> api_;
  std::string client_, worker_, neighbour_, household_, agreements_;
};

TEST_P(AgreementsApiTest, AHandoverKeepsTheEarlierVersion) {
  const auto created = api_->post(agreements_, groceries(worker_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];

  EXPECT_EQ(api_->put(agreements_ + "/" + id, groceries(neighbour_)).status, 428);
  const auto handed = api_->put(agreements_ + "/" + id, groceries(neighbour_), {"If-Match: \"1\""});
  ASSERT_EQ(handed.status, 200) << handed.body;
  EXPECT_EQ(api_->get(agreements_ + "/" + id).json()["responsiblePersonId"], neighbour_);

  const auto history = api_->get(agreements_ + "/" + id + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  const json versions = history.json()["items"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["version"], 1);
  EXPECT_EQ(versions[0]["responsiblePersonId"], worker_);
  EXPECT_EQ(versions[1]["version"], 2);
  EXPECT_EQ(versions[1]["responsiblePersonId"], neighbour_);
  EXPECT_FALSE(versions[1]["changedAt"].get<std::string>().empty());
}

TEST_P(AgreementsApiTest, AVolunteerIsRefusedTheHistoryAndTheRefusalIsAudited) {
  const auto created = api_->post(agreements_, groceries(neighbour_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  // Joop helps here (the agreement is his), so he may read it as it is.
  auto& joop = api_->as("joop", AccountRole::volunteer, PersonId(neighbour_));
  ASSERT_EQ(joop.get(agreements_ + "/" + id).status, 200);

  EXPECT_EQ(joop.get(agreements_ + "/" + id + "/history").status, 403);
  const auto events = api_->audit_events("agreement.history");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].outcome, "denied");
  EXPECT_EQ(events[0].username, "joop");
  EXPECT_EQ(events[0].household_id, household_);
}

TEST_P(AgreementsApiTest, ThePlanAsItStoodOnADay) {
  ASSERT_EQ(api_->post(agreements_, groceries(worker_)).status, 201);
  EXPECT_EQ(api_->get(agreements_).json()["total"], 1);
  EXPECT_EQ(api_->get(agreements_ + "?onDate=2020-01-01").json()["total"], 0);
  EXPECT_EQ(api_->get(agreements_ + "?onDate=2199-01-01").json()["total"], 1);
  EXPECT_EQ(api_->get(agreements_ + "?responsiblePersonId=" + worker_).json()["total"], 1);
  EXPECT_EQ(api_->get(agreements_ + "?status=done").json()["total"], 0);
}

TEST_P(AgreementsApiTest, InvalidAgreementsAre400NamingTheField) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& a) { a.erase("goal"); }, "goal"},
      {[](json& a) { a["action"] = std::string(2001, 'x'); }, "action"},
      {[](json& a) { a["responsiblePersonId"] = "00000000-0000-4000-8000-0000000000ee"; },
       "responsiblePersonId"},
      {[](json& a) { a["dueDate"] = "31-12-2026"; }, "dueDate"},
      {[](json& a) { a["status"] = "someday"; }, "status"},
      {[](json& a) { a["agreedByHousehold"] = "ja"; }, "agreedByHousehold"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = groceries(worker_);
    spoil(body);
    const auto result = api_->post(agreements_, body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(api_->get(agreements_).json()["total"], 0);
}

TEST_P(AgreementsApiTest, HistoryOfAnUnknownAgreementIs404) {
  EXPECT_EQ(api_->get(agreements_ + "/00000000-0000-4000-8000-0000000000ff/history").status, 404);
  EXPECT_EQ(api_->get(agreements_ + "/x/history").status, 404);
}

DICHTBIJ_INSTANTIATE_ENGINES(AgreementsApiTest);

}  // namespace
}  // namespace dichtbij
