// /api/v1/facilities and /api/v1/referrals over real HTTP, on SQLite and
// PostgreSQL.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class FacilitiesApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    household_ = api_->post("/api/v1/households", {{"kind", "household"},
                                                   {"name", "Familie Yilmaz"},
                                                   {"targetGroup", "sociallyIsolated"},
                                                   {"status", "active"},
                                                   {"practiceIds", {api_->practice_id().str()}}})
                     .json()["id"];
  }

  json food_bank() const {
    return {{"name", "Voedselbank Nieuw-West"},
            {"kind", "foodBank"},
            {"buurtCode", "BU03631234"},
            {"address", "Pieter Calandlaan 1"}};
  }

  std::unique_ptr<ApiServer> api_;
  std::string household_;
};

TEST_P(FacilitiesApiTest, FacilitiesOnTheSocialMapAndReferralsToThem) {
  const auto facility = api_->post("/api/v1/facilities", food_bank());
  ASSERT_EQ(facility.status, 201) << facility.body;
  const std::string facility_id = facility.json()["id"];
  EXPECT_EQ(api_->get("/api/v1/facilities?buurtCode=BU03631234").json()["total"], 1);
  EXPECT_EQ(api_->get("/api/v1/facilities?kind=walkIn").json()["total"], 0);
  EXPECT_EQ(api_->get("/api/v1/facilities?buurtCode=West").status, 400);

  const json referral{{"date", "2026-02-02"},
                      {"householdId", household_},
                      {"facilityId", facility_id},
                      {"status", "made"}};
  const auto created = api_->post("/api/v1/referrals", referral);
  ASSERT_EQ(created.status, 201) << created.body;
  json used = referral;
  used["status"] = "used";
  ASSERT_EQ(api_->put("/api/v1/referrals/" + created.json()["id"].get<std::string>(), used).status,
            200);
  EXPECT_EQ(
      api_->get("/api/v1/referrals?householdId=" + household_ + "&status=used").json()["total"], 1);
  EXPECT_EQ(api_->del("/api/v1/facilities/" + facility_id).status, 409);
}

TEST_P(FacilitiesApiTest, InvalidInputIs400NamingTheField) {
  json facility = food_bank();
  facility["buurtCode"] = "Nieuw-West";
  auto result = api_->post("/api/v1/facilities", facility);
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{"buurtCode"});
  facility = food_bank();
  facility["organisationId"] = "00000000-0000-4000-8000-000000000888";
  result = api_->post("/api/v1/facilities", facility);
  EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{"organisationId"});

  result = api_->post("/api/v1/referrals", {{"date", "2026-02-02"},
                                            {"householdId", household_},
                                            {"facilityId", "00000000-0000-4000-8000-000000000999"},
                                            {"status", "made"}});
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{"facilityId"});
  EXPECT_EQ(api_->get("/api/v1/facilities").json()["total"], 0);
  EXPECT_EQ(api_->get("/api/v1/referrals").json()["total"], 0);
}

DICHTBIJ_INSTANTIATE_ENGINES(FacilitiesApiTest);

}  // namespace
}  // namespace dichtbij
