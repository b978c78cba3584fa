// /api/v1/households over real HTTP, on SQLite and PostgreSQL.
#include <chrono>

#include <fmt/chrono.h>

#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class HouseholdsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    practice_id_ = api_->practice_id().str();  // the signed-in coordinator's
    mother_id_ = api_->post("/api/v1/persons", {{"displayName", "Sanne"}}).json()["id"];
    baby_id_ = api_->post("/api/v1/persons", {{"displayName", "Noor"}}).json()["id"];
    worker_id_ = api_->post("/api/v1/persons", {{"displayName", "Ilse (ambulant)"}}).json()["id"];
  }

  json sanne() const {
    return {{"kind", "household"},
            {"name", "Sanne en Noor"},
            {"targetGroup", "teenageMother"},
            {"buurtCode", "BU03631234"},
            {"status", "active"},
            {"practiceIds", {practice_id_}},
            {"members",
             {{{"personId", mother_id_}, {"from", "2025-01-01"}},
              {{"personId", baby_id_}, {"from", "2025-06-10"}}}},
            {"team", {{{"personId", worker_id_}, {"from", "2025-01-15"}}}}};
  }

  std::unique_ptr<ApiServer> api_;
  std::string practice_id_, mother_id_, baby_id_, worker_id_;
};

TEST_P(HouseholdsApiTest, CreateReadReplaceDelete) {
  const auto created = api_->post("/api/v1/households", sanne());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  const json read = api_->get("/api/v1/households/" + id).json();
  EXPECT_EQ(read["members"].size(), 2u);
  EXPECT_EQ(read["team"][0]["personId"], worker_id_);
  EXPECT_EQ(read["practiceIds"], (json{practice_id_}));

  json closed = sanne();
  closed["status"] = "closed";
  closed["team"][0]["until"] = "2026-06-30";
  EXPECT_EQ(api_->put("/api/v1/households/" + id, closed).status, 428);
  const auto updated = api_->put("/api/v1/households/" + id, closed, {"If-Match: \"1\""});
  ASSERT_EQ(updated.status, 200) << updated.body;
  const json after = api_->get("/api/v1/households/" + id).json();
  EXPECT_EQ(after["status"], "closed");
  EXPECT_EQ(after["team"][0]["until"], "2026-06-30");
  EXPECT_EQ(api_->del("/api/v1/households/" + id).status, 204);
}

TEST_P(HouseholdsApiTest, InvalidHouseholdsAre400NamingTheField) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& h) { h["practiceIds"] = json::array(); }, "practiceIds"},
      {[](json& h) { h["practiceIds"].push_back("00000000-0000-4000-8000-00000000000a"); },
       "practiceIds[1]"},
      {[](json& h) { h["members"][1]["personId"] = "00000000-0000-4000-8000-00000000000b"; },
       "members[1].personId"},
      {[](json& h) { h["team"][0]["until"] = "2024-01-01"; }, "team[0].until"},
      {[](json& h) { h["kind"] = "tribe"; }, "kind"},
      {[](json& h) { h["status"] = 3; }, "status"},
      {[](json& h) { h["buurtCode"] = "BU123"; }, "buurtCode"},
      {[](json& h) { h["kind"] = "person"; }, "members[1]"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = sanne();
    spoil(body);
    const auto result = api_->post("/api/v1/households", body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(api_->get("/api/v1/households").json()["total"], 0);
}

TEST_P(HouseholdsApiTest, FiltersByPracticeStatusAndTargetGroup) {
  ASSERT_EQ(api_->post("/api/v1/households", sanne()).status, 201);
  EXPECT_EQ(api_->get("/api/v1/households?practiceId=" + practice_id_).json()["total"], 1);
  EXPECT_EQ(api_->get("/api/v1/households?status=closed").json()["total"], 0);
  EXPECT_EQ(api_->get("/api/v1/households?targetGroup=teenageMother&status=active").json()["total"],
            1);
  EXPECT_EQ(api_->get("/api/v1/households?practiceId=nope").status, 400);
}

TEST_P(HouseholdsApiTest, AListedPageGivesEachHouseholdItsOwnPeopleAndPractices) {
  const std::string other_practice =
      api_->admin()
          .post("/api/v1/practices",
                {{"name", "Buurtgezinnen"}, {"targetGroups", {"sociallyIsolated"}}})
          .json()["id"];
  const std::string father = api_->post("/api/v1/persons", {{"displayName", "Ahmed"}}).json()["id"];
  const std::string son = api_->post("/api/v1/persons", {{"displayName", "Yusuf"}}).json()["id"];
  const std::string coach = api_->post("/api/v1/persons", {{"displayName", "Els"}}).json()["id"];
  const json ahmed = {{"kind", "household"},
                      {"name", "Ahmed en Yusuf"},
                      {"targetGroup", "sociallyIsolated"},
                      {"status", "intake"},
                      {"practiceIds", {other_practice, practice_id_}},
                      {"members",
                       {{{"personId", son}, {"from", "2025-03-01"}},
                        {{"personId", father}, {"from", "2025-02-01"}, {"until", "2026-01-31"}}}},
                      {"team",
                       {{{"personId", coach}, {"from", "2025-02-15"}},
                        {{"personId", worker_id_}, {"from", "2025-01-10"}}}}};
  const json alone = {{"kind", "household"},
                      {"name", "Leeg huis"},
                      {"targetGroup", "other"},
                      {"status", "intake"},
                      {"practiceIds", {practice_id_, other_practice}}};
  ASSERT_EQ(api_->post("/api/v1/households", sanne()).status, 201);
  ASSERT_EQ(api_->post("/api/v1/households", ahmed).status, 201);
  ASSERT_EQ(api_->post("/api/v1/households", alone).status, 201);

  const json items = api_->get("/api/v1/households").json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["name"], "Ahmed en Yusuf");
  EXPECT_EQ(items[0]["practiceIds"], ahmed["practiceIds"]);
  EXPECT_EQ(items[0]["members"], ahmed["members"]);
  EXPECT_EQ(items[0]["team"], ahmed["team"]);
  EXPECT_EQ(items[1]["name"], "Leeg huis");
  EXPECT_EQ(items[1]["practiceIds"], alone["practiceIds"]);
  EXPECT_EQ(items[1]["members"], json::array());
  EXPECT_EQ(items[1]["team"], json::array());
  EXPECT_EQ(items[2]["name"], "Sanne en Noor");
  EXPECT_EQ(items[2]["practiceIds"], sanne()["practiceIds"]);
  EXPECT_EQ(items[2]["members"], sanne()["members"]);
  EXPECT_EQ(items[2]["team"], sanne()["team"]);
}

TEST_P(HouseholdsApiTest, PersonsInAHouseholdCannotBeDeleted) {
  ASSERT_EQ(api_->post("/api/v1/households", sanne()).status, 201);
  EXPECT_EQ(api_->del("/api/v1/persons/" + mother_id_).status, 409);
  EXPECT_EQ(api_->admin().del("/api/v1/practices/" + practice_id_).status, 409);
}

// Today in UTC, the day ties and agreements carry in their updated_at.
std::string utc_today() {
  return fmt::format("{:%Y-%m-%d}", std::chrono::time_point_cast<std::chrono::seconds>(
                                        std::chrono::system_clock::now()));
}

TEST_P(HouseholdsApiTest, EachListedHouseholdCarriesItsOwnLastActivity) {
  const auto household = [&](const std::string& name) -> std::string {
    json body = sanne();
    body["name"] = name;
    const auto created = api_->post("/api/v1/households", body);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json()["id"];
  };
  const std::string acts = household("A met steun");
  const std::string tied = household("B met een band");
  const std::string agreed = household("C met een afspraak");
  const std::string quiet = household("D zonder iets");

  for (const std::string date : {"2025-04-02", "2025-11-20", "2025-07-01"}) {
    const auto act = api_->post("/api/v1/support-acts", {{"date", date},
                                                         {"householdId", acts},
                                                         {"providerId", worker_id_},
                                                         {"receiverId", mother_id_},
                                                         {"supportType", "practical"},
                                                         {"mode", "inPerson"},
                                                         {"mobilisedBy", "professional"}});
    ASSERT_EQ(act.status, 201) << act.body;
  }
  const std::string before = utc_today();
  const auto tie =
      api_->post("/api/v1/households/" + tied + "/ties", {{"personId", worker_id_},
                                                          {"otherPersonId", mother_id_},
                                                          {"relationKind", "neighbour"},
                                                          {"supportTypes", {"practical"}},
                                                          {"closeness", 2},
                                                          {"direction", "gives"},
                                                          {"quality", "strong"},
                                                          {"from", "2024-03-01"}});
  ASSERT_EQ(tie.status, 201) << tie.body;
  const auto agreement = api_->post("/api/v1/households/" + agreed + "/agreements",
                                    {{"goal", "Elke week boodschappen in huis"},
                                     {"action", "Samen boodschappen doen op dinsdag"},
                                     {"responsiblePersonId", worker_id_},
                                     {"status", "inProgress"},
                                     {"agreedByHousehold", true}});
  ASSERT_EQ(agreement.status, 201) << agreement.body;
  const std::string after = utc_today();

  const json page = api_->get("/api/v1/households").json();
  const json items = page["items"];
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["id"], acts);
  EXPECT_EQ(items[0]["lastActivityOn"], "2025-11-20");  // the latest act, not the last logged
  for (std::size_t i : {1u, 2u}) {
    const std::string day = items[i].value("lastActivityOn", "");
    EXPECT_TRUE(day == before || day == after) << items[i].dump();
  }
  EXPECT_EQ(items[3]["id"], quiet);
  EXPECT_FALSE(items[3].contains("lastActivityOn")) << items[3].dump();
  EXPECT_EQ(api_->get("/api/v1/households/" + acts).json()["lastActivityOn"], "2025-11-20");

  // Deleting the tie takes its activity with it.
  const json ties = api_->get("/api/v1/households/" + tied + "/ties").json();
  const std::string tie_id = ties["items"][0]["id"];
  ASSERT_EQ(api_->del("/api/v1/households/" + tied + "/ties/" + tie_id).status, 204);
  EXPECT_FALSE(api_->get("/api/v1/households/" + tied).json().contains("lastActivityOn"));
}

DICHTBIJ_INSTANTIATE_ENGINES(HouseholdsApiTest);

}  // namespace
}  // namespace dichtbij
