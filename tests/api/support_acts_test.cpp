// /api/v1/support-acts over real HTTP, on SQLite and PostgreSQL.
#include <future>

#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class SupportActsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    practice_ = api_->practice_id().str();
    client_ = person("Mevrouw Smit");
    mentor_ = person("Maatje Hans");
    worker_ = person("Anouk (welzijn)");
    household_ = api_->post("/api/v1/households", {{"kind", "person"},
                                                   {"name", "Smit"},
                                                   {"targetGroup", "severeLoneliness"},
                                                   {"status", "active"},
                                                   {"practiceIds", {api_->practice_id().str()}}})
                     .json()["id"];
  }

  std::string person(const std::string& name) {
    return api_->post("/api/v1/persons", {{"displayName", name}}).json()["id"];
  }

  json walk(const std::string& date = "2026-03-03") const {
    return {{"date", date},
            {"householdId", household_},
            {"providerId", mentor_},
            {"receiverId", client_},
            {"supportType", "companionship"},
            {"durationMinutes", 90},
            {"mode", "inPerson"},
            {"mobilisedBy", "professional"},
            {"mobilisedById", worker_},
            {"othersInvolvedIds", {worker_}},
            {"note", "Samen gewandeld in het Westerpark"}};
  }

  long long total(const std::string& query = "") {
    return api_->get("/api/v1/support-acts" + query).json().value("total", -1LL);
  }

  std::unique_ptr<ApiServer> api_;
  std::string practice_, client_, mentor_, worker_, household_;
};

TEST_P(SupportActsApiTest, LogReadCorrectAndDelete) {
  const auto created = api_->post("/api/v1/support-acts", walk());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  const json read = api_->get("/api/v1/support-acts/" + id).json();
  EXPECT_EQ(read["mobilisedBy"], "professional");
  EXPECT_EQ(read["mobilisedById"], worker_);
  EXPECT_EQ(read["othersInvolvedIds"], (json{worker_}));
  EXPECT_EQ(read["durationMinutes"], 90);

  json corrected = walk();
  corrected["durationMinutes"] = 60;
  corrected["othersInvolvedIds"] = json::array();
  ASSERT_EQ(api_->put("/api/v1/support-acts/" + id, corrected).status, 200);
  EXPECT_EQ(api_->get("/api/v1/support-acts/" + id).json()["othersInvolvedIds"].size(), 0u);
  EXPECT_EQ(api_->del("/api/v1/support-acts/" + id).status, 204);
  EXPECT_EQ(total(), 0);
}

TEST_P(SupportActsApiTest, RetriedLoggingFromAPhoneCountsOnce) {
  std::vector<std::future<testing::HttpResult>> tries;
  for (int i = 0; i != 3; ++i) {
    tries.push_back(std::async(std::launch::async, [&] {
      return api_->post("/api/v1/support-acts", walk(), {"Idempotency-Key: phone-7f3a"});
    }));
  }
  for (auto& attempt : tries) EXPECT_EQ(attempt.get().status, 201);
  EXPECT_EQ(total(), 1);
}

TEST_P(SupportActsApiTest, FiltersByHouseholdPracticeProviderDatesTypeAndMobilisation) {
  ASSERT_EQ(api_->post("/api/v1/support-acts", walk("2026-01-10")).status, 201);
  json call = walk("2026-02-20");
  call["supportType"] = "emotional";
  call["mode"] = "phone";
  call["mobilisedBy"] = "self";
  call.erase("mobilisedById");
  ASSERT_EQ(api_->post("/api/v1/support-acts", call).status, 201);
  EXPECT_EQ(total("?householdId=" + household_), 2);
  EXPECT_EQ(total("?practiceId=" + practice_), 2);
  EXPECT_EQ(total("?providerId=" + client_), 0);
  EXPECT_EQ(total("?fromDate=2026-02-01"), 1);
  EXPECT_EQ(total("?fromDate=2026-01-10&toDate=2026-01-10"), 1);
  EXPECT_EQ(total("?supportType=emotional"), 1);
  EXPECT_EQ(total("?mobilisedBy=professional"), 1);
  const auto first = api_->get("/api/v1/support-acts?pageSize=1");
  EXPECT_EQ(first.json()["items"][0]["date"], "2026-01-10");
  const auto empty_range = api_->get("/api/v1/support-acts?fromDate=2026-03-01&toDate=2026-02-01");
  EXPECT_EQ(empty_range.status, 400);
  EXPECT_EQ(invalid_param_names(empty_range), std::vector<std::string>{"toDate"});
}

TEST_P(SupportActsApiTest, AListedPageGivesEachActItsOwnOthersInvolved) {
  const std::string neighbour = person("Buurman Piet");
  const std::string daughter = person("Dochter Ria");
  json visit = walk("2026-01-20");
  visit["othersInvolvedIds"] = {neighbour, daughter, worker_};
  json alone = walk("2026-01-25");
  alone["othersInvolvedIds"] = json::array();
  ASSERT_EQ(api_->post("/api/v1/support-acts", walk("2026-01-10")).status, 201);
  ASSERT_EQ(api_->post("/api/v1/support-acts", visit).status, 201);
  ASSERT_EQ(api_->post("/api/v1/support-acts", alone).status, 201);

  const json items = api_->get("/api/v1/support-acts").json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["date"], "2026-01-10");
  EXPECT_EQ(items[0]["othersInvolvedIds"], (json{worker_}));
  EXPECT_EQ(items[1]["date"], "2026-01-20");
  EXPECT_EQ(items[1]["othersInvolvedIds"], (json{neighbour, daughter, worker_}));
  EXPECT_EQ(items[2]["date"], "2026-01-25");
  EXPECT_EQ(items[2]["othersInvolvedIds"], json::array());
}

TEST_P(SupportActsApiTest, InvalidActsAre400NamingTheFieldAndWriteNothing) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& a) { a["date"] = "2199-01-01"; }, "date"},
      {[](json& a) { a.erase("date"); }, "date"},
      {[&](json& a) { a["receiverId"] = a["providerId"]; }, "receiverId"},
      {[](json& a) { a["supportType"] = "financial"; }, "supportType"},
      {[](json& a) { a["durationMinutes"] = 0; }, "durationMinutes"},
      {[](json& a) { a["durationMinutes"] = 1441; }, "durationMinutes"},
      {[](json& a) { a["mode"] = "pigeon"; }, "mode"},
      {[](json& a) { a["mobilisedBy"] = "chance"; }, "mobilisedBy"},
      {[](json& a) { a["note"] = std::string(501, 'x'); }, "note"},
      {[](json& a) { a["householdId"] = "00000000-0000-4000-8000-000000000101"; }, "householdId"},
      {[](json& a) { a["providerId"] = "00000000-0000-4000-8000-000000000102"; }, "providerId"},
      {[](json& a) { a["agreementId"] = "00000000-0000-4000-8000-000000000103"; }, "agreementId"},
      {[&](json& a) { a["othersInvolvedIds"] = {a["providerId"]}; }, "othersInvolvedIds[0]"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = walk();
    spoil(body);
    const auto result = api_->post("/api/v1/support-acts", body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(total(), 0);
}

TEST_P(SupportActsApiTest, AnAgreementMustBelongToTheHousehold) {
  const std::string agreement = api_->post("/api/v1/households/" + household_ + "/agreements",
                                           {{"goal", "Minder alleen"},
                                            {"action", "Wekelijks wandelen met een maatje"},
                                            {"responsiblePersonId", mentor_},
                                            {"status", "inProgress"},
                                            {"agreedByHousehold", true}})
                                    .json()["id"];
  json act = walk();
  act["agreementId"] = agreement;
  ASSERT_EQ(api_->post("/api/v1/support-acts", act).status, 201);

  const std::string other =
      api_->post("/api/v1/households", {{"kind", "household"},
                                        {"name", "Anderen"},
                                        {"targetGroup", "other"},
                                        {"status", "intake"},
                                        {"practiceIds", {api_->practice_id().str()}}})
          .json()["id"];
  act["householdId"] = other;
  const auto wrong = api_->post("/api/v1/support-acts", act);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(invalid_param_names(wrong), std::vector<std::string>{"agreementId"});
}

DICHTBIJ_INSTANTIATE_ENGINES(SupportActsApiTest);

}  // namespace
}  // namespace dichtbij
