// /api/v1/accounts and /api/v1/settings/second-factor over real HTTP, on
// SQLite and PostgreSQL: an administrator adds accounts under the same rules
// as `dichtbij user add`, sees lockouts, disables and enables, gives a new
// password, and chooses the roles that need a second factor; bad input
// changes nothing; every change is audited with who made it.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;
using testing::HttpResult;

class AccountsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
  }

  ApiClient& admin() { return api_->admin(); }
  json account_named(const std::string& username) {
    const json listed = admin().get("/api/v1/accounts").json();
    for (const json& account : listed["items"]) {
      if (account["username"] == username) return account;
    }
    return json();
  }
  // Signs in with a password, as a person would; the status.
  int sign_in(const std::string& username, const std::string& password) {
    return ApiClient(admin().url("")).sign_in(username, password).status;
  }

  std::unique_ptr<ApiServer> api_;
};

TEST_P(AccountsApiTest, AnAdministratorAddsAnAccountThatCanSignIn) {
  const HttpResult created =
      admin().post("/api/v1/accounts", {{"username", "petra.visser"},
                                        {"role", "coordinator"},
                                        {"practiceId", api_->practice_id().str()},
                                        {"password", "zomer aan het IJ in 2026"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json account = created.json();
  EXPECT_EQ(account["role"], "coordinator");
  EXPECT_EQ(account["practiceId"], api_->practice_id().str());
  EXPECT_EQ(account["disabled"], false);
  EXPECT_EQ(account["secondFactor"]["state"], "none");
  EXPECT_EQ(created.header("Location").value_or(""),
            "/api/v1/accounts/" + account["id"].get<std::string>());
  EXPECT_FALSE(created.body.find("zomer") != std::string::npos) << "never the password";
  EXPECT_EQ(sign_in("petra.visser", "zomer aan het IJ in 2026"), 201);

  int audited = 0;
  for (const store::AuditRow& event : api_->audit_events("account.create")) {
    if (event.record_id != account["id"].get<std::string>()) continue;
    EXPECT_EQ(event.username.value_or(""), "admin");
    EXPECT_NE(event.reason.value_or("").find("role=coordinator"), std::string::npos);
    ++audited;
  }
  EXPECT_EQ(audited, 1);
}

TEST_P(AccountsApiTest, BadAccountsAreRefusedByNameAndNothingIsAdded) {
  auto names = [&](const json& body) {
    const HttpResult answer = admin().post("/api/v1/accounts", body);
    EXPECT_EQ(answer.status, 400) << answer.body;
    return testing::invalid_param_names(answer);
  };
  const std::size_t before = admin().get("/api/v1/accounts").json()["items"].size();
  const std::size_t audited = api_->audit_events("account.create").size();
  EXPECT_EQ(names({{"username", "Hoofd Letters"},
                   {"role", "professional"},
                   {"password", "een lange zin als wachtwoord"}}),
            std::vector<std::string>{"username"});
  EXPECT_EQ(names({{"username", "kort"}, {"role", "professional"}, {"password", "te kort"}}),
            std::vector<std::string>{"password"});
  EXPECT_EQ(names({{"username", "gewoon"}, {"role", "professional"}, {"password", "password1234"}}),
            std::vector<std::string>{"password"});
  EXPECT_EQ(names({{"username", "coord"},
                   {"role", "coordinator"},
                   {"password", "een lange zin als wachtwoord"}}),
            std::vector<std::string>{"practiceId"});
  EXPECT_EQ(names({{"username", "x"},
                   {"role", "koning"},
                   {"password", "een lange zin als wachtwoord"},
                   {"extra", 1}}),
            (std::vector<std::string>{"role", "extra"}));
  const json taken{
      {"username", "admin"}, {"role", "admin"}, {"password", "een lange zin als wachtwoord"}};
  EXPECT_EQ(admin().post("/api/v1/accounts", taken).status, 409);
  EXPECT_EQ(admin().get("/api/v1/accounts").json()["items"].size(), before);
  EXPECT_EQ(api_->audit_events("account.create").size(), audited);
}

TEST_P(AccountsApiTest, LockoutIsVisibleAndANewPasswordLiftsIt) {
  api_->add_account("sanne", AccountRole::professional);
  // Five failures in a row lock the account (access/sessions.hpp).
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in("sanne", "helemaal niet goed"), 401);
  EXPECT_EQ(sign_in("sanne", std::string(ApiClient::kPassword)), 429) << "locked";
  json sanne = account_named("sanne");
  EXPECT_FALSE(sanne["lockedUntil"].is_null()) << sanne.dump();

  const std::string path = "/api/v1/accounts/" + sanne["id"].get<std::string>() + "/password";
  EXPECT_EQ(testing::invalid_param_names(admin().put(path, {{"password", "kort"}})),
            std::vector<std::string>{"password"});
  ASSERT_EQ(admin().put(path, {{"password", "een nieuwe lange zin"}}).status, 204);
  sanne = account_named("sanne");
  EXPECT_TRUE(sanne["lockedUntil"].is_null());
  EXPECT_EQ(sign_in("sanne", "een nieuwe lange zin"), 201);
  EXPECT_EQ(api_->audit_events("account.password").size(), 1u);
}

TEST_P(AccountsApiTest, DisablingEndsSessionsAndRefusesSignIn) {
  ApiClient& wim = api_->as("wim", AccountRole::professional);
  ASSERT_EQ(wim.get("/api/v1/households").status, 200);
  const json listed = account_named("wim");
  ASSERT_TRUE(listed.is_object()) << admin().get("/api/v1/accounts").body;
  const std::string id = listed["id"];
  const std::string path = "/api/v1/accounts/" + id + "/status";
  const HttpResult disabled = admin().put(path, {{"disabled", true}});
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.json()["disabled"], true);
  EXPECT_EQ(wim.get("/api/v1/households").status, 401) << "the open session ended";
  EXPECT_EQ(sign_in("wim", std::string(ApiClient::kPassword)), 403) << "disabled";
  ASSERT_EQ(admin().put(path, {{"disabled", false}}).status, 200);
  EXPECT_EQ(sign_in("wim", std::string(ApiClient::kPassword)), 201);
  EXPECT_EQ(api_->audit_events("account.disable").size(), 1u);
  EXPECT_EQ(api_->audit_events("account.enable").size(), 1u);

  // Not one's own, not a missing one, not without a flag.
  const std::string own =
      "/api/v1/accounts/" + account_named("admin")["id"].get<std::string>() + "/status";
  EXPECT_EQ(admin().put(own, {{"disabled", true}}).status, 409);
  EXPECT_EQ(
      admin()
          .put("/api/v1/accounts/8d3f1c2e-0000-4000-8000-000000000000/status", {{"disabled", true}})
          .status,
      404);
  EXPECT_EQ(testing::invalid_param_names(admin().put(path, json::object())),
            std::vector<std::string>{"disabled"});
}

TEST_P(AccountsApiTest, AnAdministratorChoosesTheRolesThatNeedASecondFactor) {
  EXPECT_EQ(admin().get("/api/v1/settings/second-factor").json()["requiredRoles"], json::array());
  const HttpResult set = admin().put("/api/v1/settings/second-factor",
                                     {{"requiredRoles", {"coordinator", "professional"}}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["requiredRoles"], json({"coordinator", "professional"}));
  EXPECT_EQ(account_named("admin")["secondFactor"]["required"], false);
  api_->add_account("piet", AccountRole::professional);
  EXPECT_EQ(account_named("piet")["secondFactor"]["required"], true);
  EXPECT_EQ(api_->audit_events("secondFactor.requirement").size(), 2u);

  EXPECT_EQ(testing::invalid_param_names(
                admin().put("/api/v1/settings/second-factor", {{"requiredRoles", {"keizer"}}})),
            std::vector<std::string>{"requiredRoles"});
  ASSERT_EQ(
      admin().put("/api/v1/settings/second-factor", {{"requiredRoles", {"professional"}}}).status,
      200);
  EXPECT_EQ(admin().get("/api/v1/settings/second-factor").json()["requiredRoles"],
            json({"professional"}));
}

DICHTBIJ_INSTANTIATE_ENGINES(AccountsApiTest);

}  // namespace
}  // namespace dichtbij
