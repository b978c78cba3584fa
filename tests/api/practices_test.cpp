// /api/v1/practices over real HTTP, on SQLite and PostgreSQL.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class PracticesApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    ApiServer::Options options;
    options.role = AccountRole::admin;  // organisations and practices are theirs
    api_ = std::make_unique<ApiServer>(engine(), options);
    organisation_id_ = api_->post("/api/v1/organisations",
                                  {{"name", "Cordaan"}, {"kind", "healthcare"}, {"formal", true}})
                           .json()["id"];
  }

  json mentors() const {
    return {{"name", "Maatjes tegen eenzaamheid"},
            {"description", "Vrijwillige maatjes voor ernstig eenzame buurtbewoners."},
            {"targetGroups", {"severeLoneliness"}},
            {"buurtCodes", {"BU03630000", "BU03630001"}},
            {"organisationIds", {organisation_id_}}};
  }

  std::unique_ptr<ApiServer> api_;
  std::string organisation_id_;
};

TEST_P(PracticesApiTest, CreateReadReplaceDelete) {
  const auto created = api_->post("/api/v1/practices", mentors());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  const json read = api_->get("/api/v1/practices/" + id).json();
  EXPECT_EQ(read["targetGroups"], (json{"severeLoneliness"}));
  EXPECT_EQ(read["organisationIds"], (json{organisation_id_}));
  EXPECT_EQ(read["buurtCodes"].size(), 2u);

  json changed = mentors();
  changed["targetGroups"] = {"severeLoneliness", "sociallyIsolated"};
  changed.erase("description");
  ASSERT_EQ(api_->put("/api/v1/practices/" + id, changed).status, 200);
  const json after = api_->get("/api/v1/practices/" + id).json();
  EXPECT_EQ(after["targetGroups"].size(), 2u);
  EXPECT_FALSE(after.contains("description"));
  EXPECT_EQ(api_->del("/api/v1/practices/" + id).status, 204);
}

TEST_P(PracticesApiTest, InvalidPracticesAre400NamingTheField) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& p) { p["targetGroups"] = json::array(); }, "targetGroups"},
      {[](json& p) { p["targetGroups"] = {"everyone"}; }, "targetGroups"},
      {[](json& p) {
         p["targetGroups"] = {"youthGroup", "youthGroup"};
       },
       "targetGroups"},
      {[](json& p) { p["buurtCodes"] = {"BU0363"}; }, "buurtCodes[0]"},
      {[](json& p) { p["organisationIds"] = {"00000000-0000-4000-8000-000000000009"}; },
       "organisationIds[0]"},
      {[](json& p) { p["description"] = std::string(4001, 'x'); }, "description"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = mentors();
    spoil(body);
    const auto result = api_->post("/api/v1/practices", body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(api_->get("/api/v1/practices").json()["total"], 0);
}

TEST_P(PracticesApiTest, FiltersByTargetGroup) {
  ASSERT_EQ(api_->post("/api/v1/practices", mentors()).status, 201);
  json youth = mentors();
  youth["name"] = "Aanpak jeugdgroepen";
  youth["targetGroups"] = {"youthGroup"};
  ASSERT_EQ(api_->post("/api/v1/practices", youth).status, 201);
  EXPECT_EQ(api_->get("/api/v1/practices?targetGroup=youthGroup").json()["total"], 1);
  EXPECT_EQ(api_->get("/api/v1/practices?targetGroup=teenageMother").json()["total"], 0);
  EXPECT_EQ(api_->get("/api/v1/practices").json()["total"], 2);
}

TEST_P(PracticesApiTest, AListedPageGivesEachPracticeItsOwnOrganisations) {
  const std::string municipality =
      api_->post("/api/v1/organisations",
                 {{"name", "Gemeente"}, {"kind", "municipality"}, {"formal", true}})
          .json()["id"];
  json youth = mentors();
  youth["name"] = "Aanpak jeugdgroepen";
  youth["organisationIds"] = {municipality, organisation_id_};
  json unowned = mentors();
  unowned["name"] = "Buurtkamer";
  unowned["organisationIds"] = json::array();
  ASSERT_EQ(api_->post("/api/v1/practices", mentors()).status, 201);
  ASSERT_EQ(api_->post("/api/v1/practices", youth).status, 201);
  ASSERT_EQ(api_->post("/api/v1/practices", unowned).status, 201);

  const json items = api_->get("/api/v1/practices").json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["name"], "Aanpak jeugdgroepen");
  EXPECT_EQ(items[0]["organisationIds"], (json{municipality, organisation_id_}));
  EXPECT_EQ(items[1]["name"], "Buurtkamer");
  EXPECT_EQ(items[1]["organisationIds"], json::array());
  EXPECT_EQ(items[2]["name"], "Maatjes tegen eenzaamheid");
  EXPECT_EQ(items[2]["organisationIds"], (json{organisation_id_}));
}

DICHTBIJ_INSTANTIATE_ENGINES(PracticesApiTest);

}  // namespace
}  // namespace dichtbij
