// /api/v1/households/{id}/ties over real HTTP, on SQLite and PostgreSQL.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class TiesApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    client_ = person("Meneer De Vries");
    neighbour_ = person("Buurvrouw Ans");
    daughter_ = person("Dochter Petra");
    const auto household = api_->post(
        "/api/v1/households", {{"kind", "person"},
                               {"name", "De Vries"},
                               {"targetGroup", "severeLoneliness"},
                               {"status", "active"},
                               {"practiceIds", {api_->practice_id().str()}},
                               {"members", {{{"personId", client_}, {"from", "2024-01-01"}}}}});
    ASSERT_EQ(household.status, 201) << household.body;
    household_ = household.json()["id"];
    ties_ = "/api/v1/households/" + household_ + "/ties";
  }

  std::string person(const std::string& name) {
    return api_->post("/api/v1/persons", {{"displayName", name}}).json()["id"];
  }

  json neighbour_tie() const {
    return {{"personId", neighbour_},
            {"otherPersonId", client_},
            {"relationKind", "neighbour"},
            {"supportTypes", {"practical", "companionship"}},
            {"closeness", 2},
            {"contactFrequency", "weekly"},
            {"direction", "gives"},
            {"quality", "strong"},
            {"from", "2024-03-01"}};
  }

  std::unique_ptr<ApiServer> api_;
  std::string client_, neighbour_, daughter_, household_, ties_;
};

TEST_P(TiesApiTest, CreateReadEndAndList) {
  const auto created = api_->post(ties_, neighbour_tie());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  EXPECT_EQ(created.header("Location"), ties_ + "/" + id);
  const json read = api_->get(ties_ + "/" + id).json();
  EXPECT_EQ(read["supportTypes"], (json{"practical", "companionship"}));
  EXPECT_EQ(read["closeness"], 2);
  EXPECT_FALSE(read.contains("until"));

  json ended = neighbour_tie();
  ended["until"] = "2025-08-31";
  ASSERT_EQ(api_->put(ties_ + "/" + id, ended, {"If-Match: \"1\""}).status, 200);
  EXPECT_EQ(api_->get(ties_ + "/" + id).json()["until"], "2025-08-31");
  EXPECT_EQ(api_->get(ties_ + "?onDate=2025-01-01").json()["total"], 1);
  EXPECT_EQ(api_->get(ties_ + "?onDate=2025-09-01").json()["total"], 0);
  EXPECT_EQ(api_->get(ties_ + "?onDate=2024-02-29").json()["total"], 0);
  EXPECT_EQ(api_->get(ties_ + "?personId=" + neighbour_).json()["total"], 1);
  EXPECT_EQ(api_->get(ties_ + "?personId=" + daughter_).json()["total"], 0);
}

TEST_P(TiesApiTest, TiesBelongToTheirHousehold) {
  const std::string id = api_->post(ties_, neighbour_tie()).json()["id"];
  const std::string unknown = "00000000-0000-4000-8000-0000000000cc";
  EXPECT_EQ(api_->get("/api/v1/households/" + unknown + "/ties").status, 404);
  EXPECT_EQ(api_->post("/api/v1/households/" + unknown + "/ties", neighbour_tie()).status, 404);
  EXPECT_EQ(api_->get("/api/v1/households/" + unknown + "/ties/" + id).status, 404);
  EXPECT_EQ(api_->get("/api/v1/households/not-an-id/ties").status, 404);
  EXPECT_EQ(api_->del(ties_ + "/" + id).status, 204);
  EXPECT_EQ(api_->get(ties_ + "/" + id).status, 404);
}

TEST_P(TiesApiTest, InvalidTiesAre400NamingTheFieldAndWriteNothing) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& t) { t["closeness"] = 4; }, "closeness"},
      {[](json& t) { t["closeness"] = 0; }, "closeness"},
      {[](json& t) { t["closeness"] = "close"; }, "closeness"},
      {[](json& t) { t["supportTypes"] = {"money"}; }, "supportTypes"},
      {[](json& t) { t["direction"] = "sideways"; }, "direction"},
      {[](json& t) { t["quality"] = "great"; }, "quality"},
      {[](json& t) { t["contactFrequency"] = "hourly"; }, "contactFrequency"},
      {[](json& t) { t["until"] = "2024-01-01"; }, "until"},
      {[](json& t) { t.erase("from"); }, "from"},
      {[&](json& t) { t["otherPersonId"] = t["personId"]; }, "otherPersonId"},
      {[](json& t) { t["personId"] = "00000000-0000-4000-8000-0000000000dd"; }, "personId"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = neighbour_tie();
    spoil(body);
    const auto result = api_->post(ties_, body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(api_->get(ties_).json()["total"], 0);
}

DICHTBIJ_INSTANTIATE_ENGINES(TiesApiTest);

}  // namespace
}  // namespace dichtbij
