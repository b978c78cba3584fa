// Accounts, signing in and out, session expiry, CSRF and lockout, over real
// HTTP on SQLite and PostgreSQL.
#include <strings.h>

#include <chrono>
#include <thread>

#include "access/accounts.hpp"
#include "access/passwords.hpp"
#include "access/sessions.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::HttpRequest;
using testing::HttpResult;

const json kOrganisation = {{"name", "Buurtteam Noord"}, {"kind", "welfare"}, {"formal", true}};

std::vector<std::string> set_cookies(const HttpResult& result) {
  std::vector<std::string> cookies;
  for (const auto& [name, value] : result.headers) {
    if (strcasecmp(name.c_str(), "set-cookie") == 0) cookies.push_back(value);
  }
  return cookies;
}

class SessionApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    start(admin_options());
  }

  // Signed in as an administrator, who may change organisations.
  static ApiServer::Options admin_options() {
    ApiServer::Options options;
    options.role = AccountRole::admin;
    return options;
  }

  void start(const ApiServer::Options& options) {
    api_.reset();
    api_ = std::make_unique<ApiServer>(engine(), options);
  }

  long long organisations() {
    return api_->get("/api/v1/organisations").json().value("total", -1LL);
  }

  std::unique_ptr<ApiServer> api_;
};

TEST_P(SessionApiTest, SigningInSetsAStrictHttpOnlyCookieAndGivesACsrfToken) {
  api_->add_account("ans.devries", AccountRole::volunteer);
  const HttpResult signed_in = api_->sign_in("ans.devries");
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const json body = signed_in.json();
  EXPECT_EQ(body["account"]["username"], "ans.devries");
  EXPECT_EQ(body["account"]["role"], "volunteer");
  EXPECT_GE(body["csrfToken"].get<std::string>().size(), 43u);  // 256 bits, base64url

  const std::vector<std::string> cookies = set_cookies(signed_in);
  ASSERT_EQ(cookies.size(), 2u);
  const std::string& session =
      cookies[0].rfind("dichtbij_session=", 0) == 0 ? cookies[0] : cookies[1];
  EXPECT_NE(session.find("HttpOnly"), std::string::npos) << session;
  EXPECT_NE(session.find("SameSite=Strict"), std::string::npos) << session;
  EXPECT_EQ(session.find("Secure"), std::string::npos) << "plain http: not Secure";

  const HttpResult current = api_->get("/api/v1/session");
  ASSERT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(current.json()["account"]["username"], "ans.devries");
  EXPECT_EQ(current.json()["csrfToken"], body["csrfToken"]);
}

TEST_P(SessionApiTest, BehindATlsProxyTheCookieIsSecure) {
  const HttpResult signed_in = testing::http(HttpRequest{
      "POST",
      api_->url("/api/v1/session"),
      json{{"username", "tester"}, {"password", std::string(ApiServer::kPassword)}}.dump(),
      {"Content-Type: application/json", "X-Forwarded-Proto: https"}});
  ASSERT_EQ(signed_in.status, 201);
  for (const std::string& cookie : set_cookies(signed_in)) {
    EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  }
}

TEST_P(SessionApiTest, AWrongPasswordAndAnUnknownNameGetTheSameAnswer) {
  const HttpResult wrong = api_->sign_in("tester", "not the password at all");
  const HttpResult unknown = api_->sign_in("nobody.here");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
  EXPECT_TRUE(set_cookies(wrong).empty());
  EXPECT_EQ(api_->sign_in("tester", "").status, 400) << "an empty password is bad input";
}

TEST_P(SessionApiTest, WithoutASessionOnlyThePublicRoutesAnswer) {
  api_->forget_session();
  for (const char* path : {"/api/v1/persons", "/api/v1/households", "/api/v1/organisations",
                           "/api/v1/support-acts", "/api/v1/session"}) {
    const HttpResult result = api_->get(path);
    EXPECT_EQ(result.status, 401) << path;
    EXPECT_EQ(result.header("Content-Type"), "application/problem+json");
  }
  EXPECT_EQ(api_->post("/api/v1/organisations", kOrganisation).status, 401);
  for (const char* path : {"/api/v1/health", "/api/v1/enumerations", "/api/v1/openapi.json"}) {
    EXPECT_EQ(api_->get(path).status, 200) << path;
  }
  const HttpResult forged = testing::http(
      HttpRequest{"GET", api_->url("/api/v1/persons"), {}, {"Cookie: dichtbij_session=forged"}});
  EXPECT_EQ(forged.status, 401);
}

TEST_P(SessionApiTest, AChangeWithoutTheCsrfTokenIs403AndChangesNothing) {
  const std::string cookie = "Cookie: " + api_->session_cookie();
  const HttpRequest without{"POST",
                            api_->url("/api/v1/organisations"),
                            kOrganisation.dump(),
                            {"Content-Type: application/json", cookie}};
  const HttpResult refused = testing::http(without);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("X-CSRF-Token"), std::string::npos);

  HttpRequest wrong = without;
  wrong.headers.push_back("X-CSRF-Token: " + std::string(43, 'A'));
  EXPECT_EQ(testing::http(wrong).status, 403);
  EXPECT_EQ(organisations(), 0);

  EXPECT_EQ(api_->post("/api/v1/organisations", kOrganisation).status, 201);
  EXPECT_EQ(organisations(), 1);
}

TEST_P(SessionApiTest, SigningOutEndsTheSession) {
  const std::string cookie = api_->session_cookie();
  const HttpResult ended = api_->del("/api/v1/session");
  EXPECT_EQ(ended.status, 204) << ended.body;
  for (const std::string& set : set_cookies(ended)) {
    EXPECT_NE(set.find("Max-Age=0"), std::string::npos) << set;
  }
  const HttpResult after =
      testing::http(HttpRequest{"GET", api_->url("/api/v1/persons"), {}, {"Cookie: " + cookie}});
  EXPECT_EQ(after.status, 401);
}

TEST_P(SessionApiTest, ACachedSessionEndsAtOnceWhenSignedOut) {
  const std::string cookie = api_->session_cookie();
  for (int i = 0; i != 3; ++i) ASSERT_EQ(api_->get("/api/v1/persons").status, 200);
  ASSERT_EQ(api_->del("/api/v1/session").status, 204);
  const HttpResult after =
      testing::http(HttpRequest{"GET", api_->url("/api/v1/persons"), {}, {"Cookie: " + cookie}});
  EXPECT_EQ(after.status, 401) << "the very next request";
}

// Another process on the same SQLite file, or another instance on the same
// PostgreSQL database, ends the session: this server's cached copy retires
// as soon as its change watch sees the commit (SQLite: within 20 ms;
// PostgreSQL: with the notification).
TEST_P(SessionApiTest, ASessionEndedThroughAnotherInstanceEndsHereToo) {
  for (int i = 0; i != 3; ++i) ASSERT_EQ(api_->get("/api/v1/persons").status, 200);
  std::unique_ptr<store::Database> other = api_->test_database().open(1);
  const std::string token = api_->session_cookie().substr(api_->session_cookie().find('=') + 1);
  ASSERT_TRUE(access::Sessions(*other, access::SessionSettings()).sign_out(token).ok());
  auto ended_within = [&](std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (api_->get("/api/v1/persons").status == 401) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
  };
  EXPECT_TRUE(ended_within(std::chrono::seconds(2)));

  ASSERT_EQ(api_->sign_in("tester").status, 201);
  for (int i = 0; i != 3; ++i) ASSERT_EQ(api_->get("/api/v1/persons").status, 200);
  ASSERT_TRUE(access::Accounts(*other).set_disabled("tester", true).ok());
  EXPECT_TRUE(ended_within(std::chrono::seconds(2)));
}

TEST_P(SessionApiTest, RepeatedFailuresLockTheAccountButNotOthers) {
  api_->add_account("sem.bakker", AccountRole::professional);
  for (int i = 0; i != 5; ++i)
    EXPECT_EQ(api_->sign_in("sem.bakker", "wrong password " + std::to_string(i)).status, 401);
  const HttpResult locked = api_->sign_in("sem.bakker");
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_EQ(api_->sign_in("tester").status, 201) << "another account still signs in";

  // An administrator sees the lock; a new password lifts it.
  access::Accounts accounts(api_->database());
  bool seen = false;
  const Result<std::vector<Account>> listed = accounts.list();
  ASSERT_TRUE(listed.ok());
  for (const Account& account : *listed) {
    if (account.fields.username == "sem.bakker") seen = account.locked_until.has_value();
  }
  EXPECT_TRUE(seen);
  ASSERT_TRUE(accounts.set_password("sem.bakker", ApiServer::kPassword).ok());
  EXPECT_EQ(api_->sign_in("sem.bakker").status, 201);
}

TEST_P(SessionApiTest, RepeatedFailuresFromOneAddressLockTheAddress) {
  for (int i = 0; i != 20; ++i) {
    EXPECT_EQ(api_->sign_in("guess" + std::to_string(i)).status, 401);
  }
  const HttpResult locked = api_->sign_in("tester");
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_NE(locked.json()["detail"].get<std::string>().find("address"), std::string::npos);
}

TEST_P(SessionApiTest, ASessionEndsAfterBeingIdle) {
  ApiServer::Options options = admin_options();
  options.sessions.idle_timeout = std::chrono::seconds(3);
  start(options);
  for (int i = 0; i != 4; ++i) {  // activity keeps it alive past the idle time
    EXPECT_EQ(api_->get("/api/v1/persons").status, 200) << i;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  std::this_thread::sleep_for(std::chrono::seconds(5));
  EXPECT_EQ(api_->get("/api/v1/persons").status, 401);
}

TEST_P(SessionApiTest, ASessionEndsAtItsAbsoluteTimeoutWhateverTheActivity) {
  ApiServer::Options options = admin_options();
  options.sessions.absolute_timeout = std::chrono::seconds(3);
  start(options);
  EXPECT_EQ(api_->get("/api/v1/persons").status, 200);
  for (int i = 0; i != 5; ++i) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    (void)api_->get("/api/v1/persons");
  }
  EXPECT_EQ(api_->get("/api/v1/persons").status, 401);
}

TEST_P(SessionApiTest, DisablingOrANewPasswordEndsTheSessions) {
  access::Accounts accounts(api_->database());
  ASSERT_TRUE(accounts.set_disabled("tester", true).ok());
  EXPECT_EQ(api_->get("/api/v1/persons").status, 401);
  EXPECT_EQ(api_->sign_in("tester").status, 403) << "disabled, said once the password is right";
  ASSERT_TRUE(accounts.set_disabled("tester", false).ok());
  ASSERT_EQ(api_->sign_in("tester").status, 201);
  EXPECT_EQ(api_->get("/api/v1/persons").status, 200);
  ASSERT_TRUE(accounts.set_password("tester", "a brand new passphrase").ok());
  EXPECT_EQ(api_->get("/api/v1/persons").status, 401);
  EXPECT_EQ(api_->sign_in("tester", "a brand new passphrase").status, 201);
}

TEST_P(SessionApiTest, NewAccountsNeedAGoodPasswordAndAValidName) {
  access::Accounts accounts(api_->database());
  auto problem = [&](const std::string& username, const std::string& password) {
    Result<Account> added =
        accounts.add(AccountFields{username, AccountRole::volunteer, {}, {}}, password);
    if (added.ok()) return std::string("added");
    EXPECT_EQ(added.error().code, ErrorCode::invalid_input);
    return added.error().invalid_params.empty() ? added.error().message
                                                : added.error().invalid_params[0].name;
  };
  EXPECT_EQ(problem("kees", "short one"), "password");
  EXPECT_EQ(problem("kees", "Wachtwoord123"), "password") << "on the common list";
  EXPECT_EQ(problem("kees", "Welkom123456"), "password");
  EXPECT_EQ(problem("kees", "my name is kees, ok"), "password") << "holds the username";
  EXPECT_EQ(problem("Kees Jansen", "a fine long passphrase"), "username");
  EXPECT_EQ(problem("kees", "a fine long passphrase"), "added");
  Result<Account> again =
      accounts.add(AccountFields{"kees", AccountRole::volunteer, {}, {}}, "another fine phrase");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  Result<Account> coordinator = accounts.add(
      AccountFields{"coordinator", AccountRole::coordinator, {}, {}}, "a fine long passphrase");
  ASSERT_FALSE(coordinator.ok());
  EXPECT_EQ(coordinator.error().invalid_params.at(0).name, "practiceId");
  EXPECT_TRUE(std::is_sorted(access::common_passwords().begin(), access::common_passwords().end()));
}

DICHTBIJ_INSTANTIATE_ENGINES(SessionApiTest);

}  // namespace
}  // namespace dichtbij
