// The second factor over real HTTP on SQLite and PostgreSQL: setting it up,
// signing in with a code or a recovery code, replay, lockout, switching it
// off, and a role that requires it. The server's TOTP clock is the test's,
// so a test moves to the next 30-second step instead of waiting for it; the
// codes are computed here from the secret the API hands out.
#include <algorithm>
#include <atomic>

#include "access/second_factors.hpp"
#include "access/totp.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::HttpRequest;
using testing::HttpResult;

constexpr const char* kFactor = "/api/v1/session/second-factor";
constexpr const char* kConfirmation = "/api/v1/session/second-factor/confirmation";
constexpr const char* kRecoveryCodes = "/api/v1/session/second-factor/recovery-codes";

struct Enrolled {
  std::string secret;
  std::vector<std::string> recovery_codes;
};

class SecondFactorApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    ApiServer::Options options;
    options.sessions.totp_clock = [now = now_] {
      return std::chrono::sys_seconds(std::chrono::seconds(now->load()));
    };
    settings_ = options.sessions;
    api_ = std::make_unique<ApiServer>(engine(), options);
  }

  std::string code_now(const std::string& secret, std::int64_t steps_ahead = 0) const {
    const std::int64_t step =
        access::totp_step(std::chrono::sys_seconds(std::chrono::seconds(now_->load())));
    return access::totp_code(*access::base32_decode(secret), step + steps_ahead);
  }
  void next_step() { *now_ += 30; }

  // Sets up and confirms a second factor for the signed-in account.
  Enrolled enrol() {
    const HttpResult started =
        api_->post(kFactor, {{"password", std::string(ApiServer::kPassword)}});
    EXPECT_EQ(started.status, 201) << started.body;
    Enrolled enrolled{started.json()["secret"], {}};
    const HttpResult confirmed = api_->post(kConfirmation, {{"code", code_now(enrolled.secret)}});
    EXPECT_EQ(confirmed.status, 201) << confirmed.body;
    enrolled.recovery_codes = confirmed.json()["recoveryCodes"].get<std::vector<std::string>>();
    next_step();  // the confirming code's step is spent
    return enrolled;
  }

  HttpResult sign_in(const json& extra = json::object()) {
    json credentials{{"username", "tester"}, {"password", std::string(ApiServer::kPassword)}};
    credentials.update(extra);
    return api_->sign_in_with(credentials);
  }

  HttpResult remove_factor(const json& body) {
    return api_->send(
        HttpRequest{"DELETE", api_->url(kFactor), body.dump(), {"Content-Type: application/json"}});
  }

  std::size_t audit_events(const std::string& action) { return api_->audit_events(action).size(); }

  std::shared_ptr<std::atomic<std::int64_t>> now_ =
      std::make_shared<std::atomic<std::int64_t>>(1'800'000'000);
  access::SessionSettings settings_;
  std::unique_ptr<ApiServer> api_;
};

std::string problem_code(const HttpResult& result) {
  return result.json().value("code", "");
}

TEST_P(SecondFactorApiTest, SetUpWithACodeThenSignInNeedsOne) {
  EXPECT_EQ(api_->get(kFactor).json()["state"], "none");
  const HttpResult wrong_password = api_->post(kFactor, {{"password", "not my password!"}});
  EXPECT_EQ(wrong_password.status, 403) << wrong_password.body;

  const HttpResult started = api_->post(kFactor, {{"password", std::string(ApiServer::kPassword)}});
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string secret = started.json()["secret"];
  EXPECT_EQ(secret.size(), 32u) << "160 bits in base32";
  EXPECT_EQ(started.json()["otpauthUri"], "otpauth://totp/Dichtbij:tester?secret=" + secret +
                                              "&issuer=Dichtbij&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(api_->get(kFactor).json()["state"], "pending");
  EXPECT_EQ(sign_in().status, 201) << "a pending factor is not asked for yet";

  const HttpResult wrong = api_->post(kConfirmation, {{"code", code_now(secret, 5)}});
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(testing::invalid_param_names(wrong), std::vector<std::string>{"code"});
  const std::string first_code = code_now(secret);
  const HttpResult confirmed = api_->post(kConfirmation, {{"code", first_code}});
  ASSERT_EQ(confirmed.status, 201) << confirmed.body;
  EXPECT_EQ(confirmed.json()["recoveryCodes"].size(), 10u);
  const json status = api_->get(kFactor).json();
  EXPECT_EQ(status["state"], "active");
  EXPECT_EQ(status["unusedRecoveryCodes"], 10);
  EXPECT_EQ(audit_events("secondFactor.enrol"), 1u);

  const HttpResult without = sign_in();
  EXPECT_EQ(without.status, 401) << without.body;
  EXPECT_EQ(problem_code(without), "secondFactorRequired");
  EXPECT_EQ(without.json()["type"], "urn:dichtbij:problem:secondFactorRequired");
  const HttpResult wrong_password_no_code = api_->sign_in("tester", "not the password at all");
  EXPECT_EQ(wrong_password_no_code.status, 401);
  EXPECT_FALSE(wrong_password_no_code.json().contains("code"))
      << "a wrong password says nothing about a second factor";
  const HttpResult wrong_password_with_code =
      api_->sign_in_with({{"username", "tester"},
                          {"password", "not the password at all"},
                          {"code", code_now(secret)}});
  EXPECT_EQ(wrong_password_with_code.json()["detail"], wrong_password_no_code.json()["detail"]);

  const HttpResult replayed = sign_in({{"code", first_code}});
  EXPECT_EQ(replayed.status, 401) << "the confirming code's step is spent";
  EXPECT_EQ(problem_code(replayed), "secondFactorWrong");
  next_step();
  const std::string code = code_now(secret);
  const HttpResult signed_in = sign_in({{"code", code}});
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(signed_in.json()["secondFactorSetupRequired"], false);
  EXPECT_EQ(api_->get("/api/v1/persons").status, 200);
  const HttpResult again = sign_in({{"code", code}});
  EXPECT_EQ(again.status, 401) << "a code signs in once";
  EXPECT_EQ(problem_code(again), "secondFactorWrong");
  EXPECT_EQ(sign_in({{"code", code_now(secret, 1)}}).status, 201) << "a clock 30 s behind";
}

TEST_P(SecondFactorApiTest, ARecoveryCodeSignsInOnce) {
  const Enrolled enrolled = enrol();
  std::string typed = enrolled.recovery_codes[3];
  std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
  ASSERT_EQ(sign_in({{"recoveryCode", typed}}).status, 201) << "typed in lower case";
  const HttpResult again = sign_in({{"recoveryCode", enrolled.recovery_codes[3]}});
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(problem_code(again), "secondFactorWrong");
  EXPECT_EQ(sign_in({{"recoveryCode", "AAAA-BBBB-CCCC-DDDD"}}).status, 401);
  EXPECT_EQ(sign_in({{"recoveryCode", enrolled.recovery_codes[0]}}).status, 201);
  EXPECT_EQ(api_->get(kFactor).json()["unusedRecoveryCodes"], 8);
  EXPECT_EQ(audit_events("secondFactor.recoveryCodeUse"), 2u);
}

TEST_P(SecondFactorApiTest, WrongCodesCountTowardsTheLock) {
  const Enrolled enrolled = enrol();
  for (int i = 0; i != 5; ++i) {
    EXPECT_EQ(sign_in({{"code", code_now(enrolled.secret, 10 + i)}}).status, 401) << i;
  }
  const HttpResult locked = sign_in({{"code", code_now(enrolled.secret)}});
  EXPECT_EQ(locked.status, 429) << locked.body;
}

TEST_P(SecondFactorApiTest, SwitchingItOffNeedsACurrentCode) {
  const Enrolled enrolled = enrol();
  EXPECT_EQ(remove_factor(json::object()).status, 400);
  const HttpResult wrong = remove_factor({{"code", code_now(enrolled.secret, 7)}});
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(testing::invalid_param_names(wrong), std::vector<std::string>{"code"});
  EXPECT_EQ(api_->get(kFactor).json()["state"], "active");
  const HttpResult removed = remove_factor({{"code", code_now(enrolled.secret)}});
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(api_->get(kFactor).json()["state"], "none");
  EXPECT_EQ(audit_events("secondFactor.disable"), 1u);
  EXPECT_EQ(sign_in().status, 201) << "the password alone again";
  EXPECT_EQ(sign_in({{"recoveryCode", enrolled.recovery_codes[0]}}).status, 201)
      << "no factor: an extra recovery code is ignored";
}

TEST_P(SecondFactorApiTest, NewRecoveryCodesNeedACurrentCodeAndReplaceTheOldOnes) {
  EXPECT_EQ(api_->post(kRecoveryCodes, {{"code", "123456"}}).status, 409) << "no factor yet";
  const Enrolled enrolled = enrol();
  ASSERT_EQ(sign_in({{"recoveryCode", enrolled.recovery_codes[0]}}).status, 201);

  // Not without the authenticator: no code, a wrong one, a recovery code.
  EXPECT_EQ(testing::invalid_param_names(api_->post(kRecoveryCodes, json::object())),
            std::vector<std::string>{"code"});
  const HttpResult wrong = api_->post(kRecoveryCodes, {{"code", code_now(enrolled.secret, 9)}});
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(testing::invalid_param_names(wrong), std::vector<std::string>{"code"});
  EXPECT_EQ(testing::invalid_param_names(
                api_->post(kRecoveryCodes, {{"recoveryCode", enrolled.recovery_codes[1]}})),
            (std::vector<std::string>{"code", "recoveryCode"}));
  EXPECT_EQ(api_->get(kFactor).json()["unusedRecoveryCodes"], 9) << "nothing changed";
  EXPECT_EQ(audit_events("secondFactor.recoveryCodesRenew"), 0u);

  const std::string code = code_now(enrolled.secret);
  const HttpResult renewed = api_->post(kRecoveryCodes, {{"code", code}});
  ASSERT_EQ(renewed.status, 201) << renewed.body;
  const auto fresh = renewed.json()["recoveryCodes"].get<std::vector<std::string>>();
  ASSERT_EQ(fresh.size(), 10u);
  for (const std::string& old_code : enrolled.recovery_codes) {
    EXPECT_EQ(std::count(fresh.begin(), fresh.end(), old_code), 0) << old_code;
  }
  EXPECT_EQ(api_->get(kFactor).json()["unusedRecoveryCodes"], 10);
  const auto events = api_->audit_events("secondFactor.recoveryCodesRenew");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].username, "tester");
  EXPECT_EQ(events[0].outcome, "allowed");
  EXPECT_EQ(api_->post(kRecoveryCodes, {{"code", code}}).status, 400) << "the code is spent";

  // The old codes, unused ones included, are gone; a new one signs in.
  const HttpResult old_code = sign_in({{"recoveryCode", enrolled.recovery_codes[1]}});
  EXPECT_EQ(old_code.status, 401);
  EXPECT_EQ(problem_code(old_code), "secondFactorWrong");
  EXPECT_EQ(sign_in({{"recoveryCode", fresh[0]}}).status, 201);
}

TEST_P(SecondFactorApiTest, BadInputIsAProblemNamingTheField) {
  EXPECT_EQ(testing::invalid_param_names(sign_in({{"code", "12ab56"}})),
            std::vector<std::string>{"code"});
  EXPECT_EQ(testing::invalid_param_names(
                sign_in({{"code", "123456"}, {"recoveryCode", "AAAA-BBBB-CCCC-DDDD"}})),
            std::vector<std::string>{"recoveryCode"});
  EXPECT_EQ(api_->post(kConfirmation, {{"code", "123456"}}).status, 409) << "nothing pending";
  EXPECT_EQ(testing::invalid_param_names(api_->post(kConfirmation, {{"code", "1234567"}})),
            std::vector<std::string>{"code"});
  EXPECT_EQ(testing::invalid_param_names(api_->post(kFactor, json::object())),
            std::vector<std::string>{"password"});
  const HttpResult not_json = api_->post_raw(kFactor, "{password");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(not_json.header("Content-Type"), "application/problem+json");
  enrol();
  EXPECT_EQ(api_->post(kFactor, {{"password", std::string(ApiServer::kPassword)}}).status, 409)
      << "active: switch it off first";
}

TEST_P(SecondFactorApiTest, ARequiredRoleReachesOnlyTheSessionUntilItSetsOneUp) {
  access::SecondFactors second_factors(api_->database(), settings_);
  ASSERT_TRUE(second_factors.set_required(AccountRole::coordinator, true).ok());
  // The open session of the coordinator is held back at once.
  const HttpResult held = api_->get("/api/v1/persons");
  EXPECT_EQ(held.status, 403) << held.body;
  EXPECT_EQ(problem_code(held), "secondFactorSetupRequired");
  EXPECT_EQ(api_->post("/api/v1/organisations",
                       {{"name", "Buurtteam"}, {"kind", "welfare"}, {"formal", true}})
                .status,
            403);
  EXPECT_EQ(api_->get("/api/v1/session").json()["secondFactorSetupRequired"], true);
  EXPECT_EQ(api_->get(kFactor).json()["required"], true);

  // A new sign-in succeeds, limited the same way.
  api_->add_account("sem.bakker", AccountRole::coordinator, std::nullopt, api_->practice_id());
  const HttpResult signed_in = api_->sign_in("sem.bakker");
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(signed_in.json()["secondFactorSetupRequired"], true);
  EXPECT_EQ(api_->get("/api/v1/households").status, 403);
  api_->add_account("vera.vrijwilliger", AccountRole::volunteer);
  ASSERT_EQ(api_->sign_in("vera.vrijwilliger").status, 201);
  EXPECT_EQ(api_->get("/api/v1/persons").status, 200) << "other roles are not held back";

  ASSERT_EQ(sign_in().status, 201);
  const Enrolled enrolled = enrol();
  EXPECT_EQ(api_->get("/api/v1/persons").status, 200) << "set up: the whole API";
  EXPECT_EQ(api_->get("/api/v1/session").json()["secondFactorSetupRequired"], false);
  const HttpResult refused = remove_factor({{"code", code_now(enrolled.secret)}});
  EXPECT_EQ(refused.status, 403) << "required for the role: it stays";

  // A lost device: an administrator resets it, which ends the sessions.
  ASSERT_TRUE(second_factors.reset("tester").ok());
  EXPECT_EQ(api_->get(kFactor).status, 401);
  EXPECT_EQ(audit_events("secondFactor.reset"), 1u);
  const HttpResult after_reset = sign_in();
  ASSERT_EQ(after_reset.status, 201) << after_reset.body;
  EXPECT_EQ(after_reset.json()["secondFactorSetupRequired"], true);

  ASSERT_TRUE(second_factors.set_required(AccountRole::coordinator, false).ok());
  EXPECT_EQ(api_->get("/api/v1/persons").status, 200) << "no longer required: freed at once";
  EXPECT_EQ(audit_events("secondFactor.requirement"), 2u);
}

DICHTBIJ_INSTANTIATE_ENGINES(SecondFactorApiTest);

}  // namespace
}  // namespace dichtbij
