// /api/v1/households/{id}/consents over real HTTP, on SQLite and PostgreSQL:
// consent per purpose, who recorded it, withdrawal, and who may do what.
#include "api/today.hpp"
#include "store/audit_repository.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

class ConsentsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    resident_ = api_->post("/api/v1/persons", {{"displayName", "Ronald"}}).json()["id"];
    household_ = api_->post("/api/v1/households",
                            {{"kind", "person"},
                             {"name", "Ronald"},
                             {"targetGroup", "formerlyHomeless"},
                             {"status", "active"},
                             {"practiceIds", {api_->practice_id().str()}},
                             {"members", {{{"personId", resident_}, {"from", "2024-01-01"}}}}})
                     .json()["id"];
    consents_ = "/api/v1/households/" + household_ + "/consents";
    today_ = format_date(api::today());
  }

  static json research(const std::string& granted_on = "2025-01-10") {
    return {{"purpose", "research"}, {"grantedOn", granted_on}, {"note", "Formulier in dossier"}};
  }

  std::string create(const json& body) {
    const auto created = api_->post(consents_, body);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json().value("id", "");
  }

  long long total(const std::string& query = "") {
    return api_->get(consents_ + query).json().value("total", -1LL);
  }

  std::vector<store::AuditRow> events(const std::string& action) {
    return api_->audit_events(action);
  }

  std::unique_ptr<ApiServer> api_;
  std::string resident_, household_, consents_, today_;
};

TEST_P(ConsentsApiTest, RecordedWithWhoAndWhenThenWithdrawn) {
  const auto created = api_->post(consents_, research());
  ASSERT_EQ(created.status, 201) << created.body;
  const json consent = created.json();
  EXPECT_EQ(consent["purpose"], "research");
  EXPECT_EQ(consent["grantedOn"], "2025-01-10");
  EXPECT_TRUE(consent["inForce"].get<bool>());
  EXPECT_EQ(consent["recordedBy"]["username"], "tester");
  EXPECT_TRUE(consent["recordedAt"].is_string());
  EXPECT_FALSE(consent.contains("withdrawnOn"));
  EXPECT_FALSE(consent.contains("withdrawalRecordedBy"));
  const std::string item = consents_ + "/" + consent["id"].get<std::string>();

  json withdrawn = research();
  withdrawn["withdrawnOn"] = today_;
  const auto updated = api_->put(item, withdrawn, {"If-Match: \"1\""});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["withdrawnOn"], today_);
  EXPECT_FALSE(updated.json()["inForce"].get<bool>());
  EXPECT_EQ(updated.json()["withdrawalRecordedBy"]["username"], "tester");
  EXPECT_TRUE(updated.json()["withdrawalRecordedAt"].is_string());
  EXPECT_EQ(updated.header("ETag"), "\"2\"");
  EXPECT_EQ(api_->get(item).json(), updated.json());

  // Withdrawn is final: a new consent is a new record.
  json changed = withdrawn;
  changed["note"] = "toch weer akkoord";
  const auto refused = api_->put(item, changed, {"If-Match: \"2\""});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(invalid_param_names(refused), std::vector<std::string>{"withdrawnOn"});
  json unwithdrawn = research();
  EXPECT_EQ(api_->put(item, unwithdrawn, {"If-Match: \"2\""}).status, 409);
  EXPECT_EQ(api_->get(item).json()["withdrawnOn"], today_);
}

TEST_P(ConsentsApiTest, AConsentIsNeverDeletedAndChangesNeedIfMatch) {
  const std::string item = consents_ + "/" + create(research());
  EXPECT_EQ(api_->del(item).status, 405);
  EXPECT_EQ(api_->put(item, research()).status, 428);
  EXPECT_EQ(api_->put(item, research(), {"If-Match: \"7\""}).status, 412);
  EXPECT_EQ(total(), 1);
}

TEST_P(ConsentsApiTest, InvalidConsentsAre400NamingTheField) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& c) { c["purpose"] = "marketing"; }, "purpose"},
      {[](json& c) { c.erase("purpose"); }, "purpose"},
      {[](json& c) { c.erase("grantedOn"); }, "grantedOn"},
      {[](json& c) { c["grantedOn"] = "2199-01-01"; }, "grantedOn"},
      {[](json& c) { c["grantedOn"] = "10-01-2025"; }, "grantedOn"},
      {[](json& c) { c["withdrawnOn"] = "2199-01-01"; }, "withdrawnOn"},
      {[](json& c) { c["withdrawnOn"] = "2024-12-31"; }, "withdrawnOn"},
      {[](json& c) { c["note"] = std::string(501, 'x'); }, "note"},
  };
  for (const auto& [spoil, field] : cases) {
    json body = research();
    spoil(body);
    const auto result = api_->post(consents_, body);
    EXPECT_EQ(result.status, 400) << field << ": " << result.body;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << result.body;
  }
  EXPECT_EQ(total(), 0);

  // The same checks guard a withdrawal, and nothing changes.
  const std::string item = consents_ + "/" + create(research());
  json early = research();
  early["withdrawnOn"] = "2025-01-09";
  const auto refused = api_->put(item, early, {"If-Match: \"1\""});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(invalid_param_names(refused), std::vector<std::string>{"withdrawnOn"});
  EXPECT_FALSE(api_->get(item).json().contains("withdrawnOn"));
  EXPECT_EQ(api_->get(item).header("ETag"), "\"1\"");
}

TEST_P(ConsentsApiTest, OneConsentInForcePerHouseholdAndPurpose) {
  const std::string first = create(research("2025-01-10"));
  const auto twice = api_->post(consents_, research("2025-02-01"));
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(invalid_param_names(twice), std::vector<std::string>{"purpose"});
  create({{"purpose", "sharing"}, {"grantedOn", "2025-02-01"}});

  json withdrawn = research("2025-01-10");
  withdrawn["withdrawnOn"] = "2025-06-01";
  ASSERT_EQ(api_->put(consents_ + "/" + first, withdrawn, {"If-Match: \"1\""}).status, 200);
  // Backdated into the withdrawn consent's period: still two at once.
  EXPECT_EQ(api_->post(consents_, research("2025-05-01")).status, 409);
  // From the day of withdrawal on, a new consent may hold.
  create(research("2025-06-01"));
  EXPECT_EQ(total("?purpose=research"), 2);
  EXPECT_EQ(total("?purpose=sharing"), 1);
  EXPECT_EQ(total("?purpose=marketing"), -1);
}

TEST_P(ConsentsApiTest, ThePurposeIsFixedOnceRecorded) {
  const std::string item = consents_ + "/" + create(research());
  json sharing = research();
  sharing["purpose"] = "sharing";
  const auto refused = api_->put(item, sharing, {"If-Match: \"1\""});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(invalid_param_names(refused), std::vector<std::string>{"purpose"});
  EXPECT_EQ(api_->get(item).json()["purpose"], "research");
}

TEST_P(ConsentsApiTest, AClientReadsTheirConsentsButDoesNotRecordThem) {
  const std::string id = create(research());
  testing::ApiClient& client = api_->as("ronald", AccountRole::client, PersonId(resident_));
  EXPECT_EQ(client.get(consents_).json().value("total", -1), 1);
  EXPECT_EQ(client.get(consents_ + "/" + id).status, 200);
  EXPECT_EQ(client.post(consents_, {{"purpose", "sharing"}, {"grantedOn", "2025-01-10"}}).status,
            403);
  json withdrawn = research();
  withdrawn["withdrawnOn"] = today_;
  EXPECT_EQ(client.put(consents_ + "/" + id, withdrawn, {"If-Match: \"1\""}).status, 403);
  EXPECT_EQ(api_->get(consents_ + "/" + id).header("ETag"), "\"1\"");

  // Another household's client, a researcher and a volunteer see nothing.
  const std::string stranger = api_->post("/api/v1/persons", {{"displayName", "Els"}}).json()["id"];
  EXPECT_EQ(api_->as("els", AccountRole::client, PersonId(stranger)).get(consents_).status, 403);
  EXPECT_EQ(api_->as("onderzoeker", AccountRole::researcher).get(consents_).status, 403);
  EXPECT_EQ(api_->as("vrijwilliger", AccountRole::volunteer).get(consents_).status, 403);
}

TEST_P(ConsentsApiTest, AnUnknownHouseholdIs404) {
  EXPECT_EQ(api_->get("/api/v1/households/00000000-0000-4000-8000-000000000777/consents").status,
            404);
  EXPECT_EQ(api_->get(consents_ + "/00000000-0000-4000-8000-000000000777").status, 404);
}

TEST_P(ConsentsApiTest, EveryAccessIsAnAuditEvent) {
  const std::string id = create(research());
  ASSERT_EQ(api_->get(consents_ + "/" + id).status, 200);
  ASSERT_EQ(api_->get(consents_).status, 200);
  json withdrawn = research();
  withdrawn["withdrawnOn"] = today_;
  ASSERT_EQ(api_->put(consents_ + "/" + id, withdrawn, {"If-Match: \"1\""}).status, 200);
  for (const char* action : {"consent.create", "consent.read", "consent.list", "consent.update"}) {
    const std::vector<store::AuditRow> rows = events(action);
    ASSERT_EQ(rows.size(), 1u) << action;
    EXPECT_EQ(rows[0].household_id, household_) << action;
    EXPECT_EQ(rows[0].username, "tester") << action;
  }
  EXPECT_EQ(events("consent.update")[0].record_id, id);
}

TEST_P(ConsentsApiTest, ThePurposesAreAnEnumeration) {
  const json purposes = api_->get("/api/v1/enumerations").json()["consentPurpose"];
  ASSERT_EQ(purposes.size(), 2u);
  EXPECT_EQ(purposes[0]["code"], "sharing");
  EXPECT_EQ(purposes[1]["code"], "research");
  EXPECT_TRUE(purposes[1]["labels"]["nl"].is_string());
}

DICHTBIJ_INSTANTIATE_ENGINES(ConsentsApiTest);

}  // namespace
}  // namespace dichtbij
