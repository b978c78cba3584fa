// /api/v1/persons over real HTTP, on SQLite and PostgreSQL.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class PersonsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    ApiServer::Options options;
    options.with_person = false;  // so the lists hold only the test's persons
    api_ = std::make_unique<ApiServer>(engine(), options);
    const auto organisation = api_->admin().post(
        "/api/v1/organisations",
        {{"name", "Humanitas"}, {"kind", "volunteerOrganisation"}, {"formal", false}});
    ASSERT_EQ(organisation.status, 201);
    organisation_id_ = organisation.json()["id"];
  }

  // Fatima was a client and became a volunteer at Humanitas.
  json fatima() const {
    return {{"displayName", "Fatima"},
            {"birthYear", 1961},
            {"buurtCode", "BU03630000"},
            {"languages", {"nl", "ar"}},
            {"skills", {"koken", "luisteren"}},
            {"roles",
             {{{"role", "client"}, {"from", "2022-03-01"}, {"until", "2024-12-31"}},
              {{"role", "volunteer"}, {"from", "2025-01-01"}}}},
            {"memberships", {{{"organisationId", organisation_id_}, {"from", "2025-01-01"}}}}};
  }

  long long total(const std::string& query = "") {
    return api_->get("/api/v1/persons" + query).json().value("total", -1LL);
  }

  std::unique_ptr<ApiServer> api_;
  std::string organisation_id_;
};

TEST_P(PersonsApiTest, CreateReadReplaceDeleteWithRoleHistory) {
  const auto created = api_->post("/api/v1/persons", fatima());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  const json read = api_->get("/api/v1/persons/" + id).json();
  EXPECT_EQ(read["displayName"], "Fatima");
  EXPECT_EQ(read["birthYear"], 1961);
  EXPECT_EQ(read["languages"], (json{"nl", "ar"}));
  ASSERT_EQ(read["roles"].size(), 2u);
  EXPECT_EQ(read["roles"][0],
            (json{{"role", "client"}, {"from", "2022-03-01"}, {"until", "2024-12-31"}}));
  EXPECT_EQ(read["roles"][1], (json{{"role", "volunteer"}, {"from", "2025-01-01"}}));
  EXPECT_EQ(read["memberships"][0]["organisationId"], organisation_id_);

  json changed = fatima();
  changed["roles"].push_back({{"role", "experientialExpert"}, {"from", "2026-01-01"}});
  changed.erase("birthYear");
  const auto updated = api_->put("/api/v1/persons/" + id, changed, {"If-Match: \"1\""});
  ASSERT_EQ(updated.status, 200) << updated.body;
  const json after = api_->get("/api/v1/persons/" + id).json();
  EXPECT_EQ(after["roles"].size(), 3u);
  EXPECT_FALSE(after.contains("birthYear"));

  EXPECT_EQ(api_->del("/api/v1/persons/" + id).status, 204);
  EXPECT_EQ(api_->get("/api/v1/persons/" + id).status, 404);
}

TEST_P(PersonsApiTest, ReplacingNeedsIfMatch) {
  const std::string id = api_->post("/api/v1/persons", fatima()).json()["id"];
  json changed = fatima();
  changed["displayName"] = "F.";
  const auto without = api_->put("/api/v1/persons/" + id, changed);
  EXPECT_EQ(without.status, 428) << without.body;
  EXPECT_EQ(invalid_param_names(without), std::vector<std::string>{"If-Match"});
  EXPECT_EQ(api_->put("/api/v1/persons/" + id, changed, {"If-Match: \"2\""}).status, 412);
  EXPECT_EQ(api_->put("/api/v1/persons/" + id, changed, {"If-Match: *"}).status, 428);
  EXPECT_EQ(api_->get("/api/v1/persons/" + id).json()["displayName"], "Fatima");
}

struct BadPerson {
  std::string label;
  std::function<void(json&)> spoil;
  std::vector<std::string> fields;
};

TEST_P(PersonsApiTest, InvalidPersonsAre400NamingTheFieldAndWriteNothing) {
  const std::vector<BadPerson> cases = {
      {"no_name", [](json& p) { p.erase("displayName"); }, {"displayName"}},
      {"long_name", [](json& p) { p["displayName"] = std::string(101, 'a'); }, {"displayName"}},
      {"birth_year_text", [](json& p) { p["birthYear"] = "1961"; }, {"birthYear"}},
      {"birth_year_future", [](json& p) { p["birthYear"] = 2199; }, {"birthYear"}},
      {"birth_year_ancient", [](json& p) { p["birthYear"] = 1800; }, {"birthYear"}},
      {"bad_buurt", [](json& p) { p["buurtCode"] = "Noord"; }, {"buurtCode"}},
      {"languages_not_list", [](json& p) { p["languages"] = "nl"; }, {"languages"}},
      {"unknown_role", [](json& p) { p["roles"][0]["role"] = "king"; }, {"roles[0].role"}},
      {"bad_date", [](json& p) { p["roles"][1]["from"] = "2025-02-30"; }, {"roles[1].from"}},
      {"until_before_from",
       [](json& p) { p["roles"][0]["until"] = "2021-01-01"; },
       {"roles[0].until"}},
      {"role_extra_field", [](json& p) { p["roles"][0]["note"] = "x"; }, {"roles[0].note"}},
      {"unknown_organisation",
       [](json& p) {
         p["memberships"][0]["organisationId"] = "00000000-0000-4000-8000-000000000001";
       },
       {"memberships[0].organisationId"}},
      {"organisation_not_uuid",
       [](json& p) { p["memberships"][0]["organisationId"] = "humanitas"; },
       {"memberships[0].organisationId"}},
  };
  for (const BadPerson& bad : cases) {
    SCOPED_TRACE(bad.label);
    json body = fatima();
    bad.spoil(body);
    const auto result = api_->post("/api/v1/persons", body);
    EXPECT_EQ(result.status, 400) << result.body;
    EXPECT_EQ(invalid_param_names(result), bad.fields) << result.body;
  }
  EXPECT_EQ(total(), 0);
}

TEST_P(PersonsApiTest, FiltersByRoleOnADayByOrganisationAndName) {
  ASSERT_EQ(api_->post("/api/v1/persons", fatima()).status, 201);
  ASSERT_EQ(
      api_->post("/api/v1/persons", {{"displayName", "Kees"},
                                     {"roles", {{{"role", "neighbour"}, {"from", "2020-01-01"}}}}})
          .status,
      201);
  EXPECT_EQ(total(), 2);
  EXPECT_EQ(total("?role=volunteer"), 1);
  EXPECT_EQ(total("?role=client"), 0);
  EXPECT_EQ(total("?role=client&onDate=2024-06-01"), 1);
  EXPECT_EQ(total("?organisationId=" + organisation_id_), 1);
  EXPECT_EQ(total("?q=kee"), 1);
  EXPECT_EQ(api_->get("/api/v1/persons?onDate=yesterday").status, 400);
}

TEST_P(PersonsApiTest, AListedPageGivesEachPersonTheirOwnRolesAndMemberships) {
  const std::string buurtteam =
      api_->admin()
          .post("/api/v1/organisations",
                {{"name", "Buurtteam Noord"}, {"kind", "welfare"}, {"formal", true}})
          .json()["id"];
  const json kees = {{"displayName", "Kees"},
                     {"roles",
                      {{{"role", "volunteer"}, {"from", "2023-01-01"}},
                       {{"role", "neighbour"}, {"from", "2020-01-01"}, {"until", "2022-12-31"}}}},
                     {"memberships",
                      {{{"organisationId", buurtteam}, {"from", "2023-01-01"}},
                       {{"organisationId", organisation_id_}, {"from", "2021-05-01"}}}}};
  ASSERT_EQ(api_->post("/api/v1/persons", fatima()).status, 201);
  ASSERT_EQ(api_->post("/api/v1/persons", kees).status, 201);
  ASSERT_EQ(api_->post("/api/v1/persons", {{"displayName", "Lotte"}}).status, 201);

  const json items = api_->get("/api/v1/persons").json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["displayName"], "Fatima");
  EXPECT_EQ(items[0]["roles"], fatima()["roles"]);
  EXPECT_EQ(items[0]["memberships"], fatima()["memberships"]);
  EXPECT_EQ(items[1]["displayName"], "Kees");
  EXPECT_EQ(items[1]["roles"], kees["roles"]);
  EXPECT_EQ(items[1]["memberships"], kees["memberships"]);
  EXPECT_EQ(items[2]["displayName"], "Lotte");
  EXPECT_EQ(items[2]["roles"], json::array());
  EXPECT_EQ(items[2]["memberships"], json::array());
}

TEST_P(PersonsApiTest, AnOrganisationWithMembersCannotBeDeleted) {
  ASSERT_EQ(api_->post("/api/v1/persons", fatima()).status, 201);
  const auto removed = api_->admin().del("/api/v1/organisations/" + organisation_id_);
  EXPECT_EQ(removed.status, 409) << removed.body;
  EXPECT_EQ(removed.json()["detail"].get<std::string>().find("FOREIGN"), std::string::npos)
      << "database wording leaked";
  EXPECT_EQ(api_->get("/api/v1/organisations/" + organisation_id_).status, 200);
}

DICHTBIJ_INSTANTIATE_ENGINES(PersonsApiTest);

}  // namespace
}  // namespace dichtbij
