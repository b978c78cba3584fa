// /api/v1/households/{id}/assessments over real HTTP, on SQLite and PostgreSQL.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class AssessmentsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    resident_ = api_->post("/api/v1/persons", {{"displayName", "Ronald"}}).json()["id"];
    worker_ = api_->post("/api/v1/persons", {{"displayName", "Marieke (HVO)"}}).json()["id"];
    household_ = api_->post("/api/v1/households", {{"kind", "person"},
                                                   {"name", "Ronald"},
                                                   {"targetGroup", "formerlyHomeless"},
                                                   {"status", "active"},
                                                   {"practiceIds", {api_->practice_id().str()}}})
                     .json()["id"];
    assessments_ = "/api/v1/households/" + household_ + "/assessments";
  }

  json profile(const std::string& date) const {
    return {{"date", date},
            {"personId", resident_},
            {"assessorId", worker_},
            {"scores",
             {{{"domain", "socialNetwork"}, {"score", 2}, {"carriedBy", "professionals"}},
              {{"domain", "finances"}, {"score", 3}},
              {{"domain", "housing"}, {"score", 4}, {"carriedBy", "self"}}}}};
  }

  std::unique_ptr<ApiServer> api_;
  std::string resident_, worker_, household_, assessments_;
};

TEST_P(AssessmentsApiTest, OnlyTheRelevantDomainsAreRecorded) {
  const auto created = api_->post(assessments_, profile("2026-01-15"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  const json read = api_->get(assessments_ + "/" + id).json();
  ASSERT_EQ(read["scores"].size(), 3u);
  // In the matrix's order: finances, housing, social network.
  EXPECT_EQ(read["scores"][0]["domain"], "finances");
  EXPECT_FALSE(read["scores"][0].contains("carriedBy"));
  EXPECT_EQ(read["scores"][2],
            (json{{"domain", "socialNetwork"}, {"score", 2}, {"carriedBy", "professionals"}}));

  json later = profile("2026-01-15");
  later["scores"][0]["score"] = 3;
  later["scores"][0]["carriedBy"] = "network";
  const auto updated = api_->put(assessments_ + "/" + id, later);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["scores"][2]["carriedBy"], "network");
}

TEST_P(AssessmentsApiTest, ProfilesOverTime) {
  ASSERT_EQ(api_->post(assessments_, profile("2025-07-01")).status, 201);
  ASSERT_EQ(api_->post(assessments_, profile("2026-01-15")).status, 201);
  EXPECT_EQ(api_->get(assessments_).json()["total"], 2);
  EXPECT_EQ(api_->get(assessments_ + "?fromDate=2026-01-01").json()["total"], 1);
  EXPECT_EQ(api_->get(assessments_ + "?personId=" + worker_).json()["total"], 0);
  EXPECT_EQ(api_->get(assessments_).json()["items"][0]["date"], "2025-07-01");
}

TEST_P(AssessmentsApiTest, AListedPageGivesEachAssessmentItsOwnScores) {
  json later = profile("2026-01-15");
  later["scores"] = {{{"domain", "mentalHealth"}, {"score", 5}, {"carriedBy", "network"}},
                     {{"domain", "finances"}, {"score", 4}, {"carriedBy", "self"}}};
  ASSERT_EQ(api_->post(assessments_, profile("2025-07-01")).status, 201);
  ASSERT_EQ(api_->post(assessments_, later).status, 201);

  const json items = api_->get(assessments_).json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["date"], "2025-07-01");
  EXPECT_EQ(items[0]["scores"],
            (json{{{"domain", "finances"}, {"score", 3}},
                  {{"domain", "housing"}, {"score", 4}, {"carriedBy", "self"}},
                  {{"domain", "socialNetwork"}, {"score", 2}, {"carriedBy", "professionals"}}}));
  EXPECT_EQ(items[1]["date"], "2026-01-15");
  EXPECT_EQ(items[1]["scores"],
            (json{{{"domain", "finances"}, {"score", 4}, {"carriedBy", "self"}},
                  {{"domain", "mentalHealth"}, {"score", 5}, {"carriedBy", "network"}}}));
}

TEST_P(AssessmentsApiTest, InvalidAssessmentsAre400NamingTheField) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& a) { a["scores"] = json::array(); }, "scores"},
      {[](json& a) { a["scores"][0]["score"] = 6; }, "scores[0].score"},
      {[](json& a) { a["scores"][0]["score"] = 0; }, "scores[0].score"},
      {[](json& a) { a["scores"][1]["domain"] = "happiness"; }, "scores[1].domain"},
      {[](json& a) { a["scores"][1]["domain"] = "housing"; }, "scores[2].domain"},
      {[](json& a) { a["scores"][2]["carriedBy"] = "state"; }, "scores[2].carriedBy"},
      {[](json& a) { a["date"] = "2199-01-01"; }, "date"},
      {[](json& a) { a["personId"] = "00000000-0000-4000-8000-000000000777"; }, "personId"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = profile("2026-01-15");
    spoil(body);
    const auto result = api_->post(assessments_, body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(api_->get(assessments_).json()["total"], 0);
}

DICHTBIJ_INSTANTIATE_ENGINES(AssessmentsApiTest);

}  // namespace
}  // namespace dichtbij
