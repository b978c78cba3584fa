// Need-to-know over real HTTP: every route × every role, allowed and
// refused, and a check that the table covers every route the server has.
//
// The household H of the test's practice has client Cor as member, the
// professional Wim on its team, and the volunteer Vera helping (a tie, an
// agreement she is responsible for, an act she gave). Each role signs in as
// its own account: the coordinator of the practice, Wim, Vera, Cor, an
// administrator and a researcher, none of whom is on any other team.
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/household.hpp"
#include "store/household_repository.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;
using testing::HttpResult;
using enum AccountRole;

constexpr AccountRole kRoles[] = {admin, coordinator, professional, volunteer, researcher, client};

// What a case sends.
struct Call {
  Call(std::string method_, std::string path_, std::optional<json> body_ = std::nullopt,
       std::vector<std::string> headers_ = {})
      : method(std::move(method_)),
        path(std::move(path_)),
        body(std::move(body_)),
        headers(std::move(headers_)) {}
  std::string method;
  std::string path;
  std::optional<json> body;
  std::vector<std::string> headers;
  std::string xml;  // a body of XML instead (REFI-QDA import)
};

// Its parts are public: the table of cases below reads them.
class AccessMatrixTest : public testing::EngineTest {
 public:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    organisation_ = id(api_->admin().post("/api/v1/organisations", organisation_body()));
    facility_ = id(api_->post("/api/v1/facilities", facility_body()));
    cor_ = person("Cor Jansen");
    vera_ = person("Vera de Vries");
    wim_ = person("Wim Werker");
    outsider_ = person("Bas Buiten");
    household_ = id(api_->post("/api/v1/households", household_body(wim_)));
    tie_ = id(api_->post(ties(), tie_body()));
    agreement_ = id(api_->post(agreements(), agreement_body()));
    act_ = id(api_->post("/api/v1/support-acts", act_body()));
    assessment_ = id(api_->post(household_path() + "/assessments", assessment_body()));
    referral_ = id(api_->post("/api/v1/referrals", referral_body()));
    other_household_ = household_elsewhere();
    callers_[admin] = &api_->admin();
    callers_[coordinator] = api_.get();
    callers_[professional] = &api_->as("wim", professional, PersonId(wim_));
    callers_[volunteer] = &api_->as("vera", volunteer, PersonId(vera_));
    callers_[researcher] = &api_->as("onderzoeker", researcher);
    callers_[client] = &api_->as("jansen", client, PersonId(cor_));
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string person(const std::string& name) {
    return id(api_->post("/api/v1/persons", {{"displayName", name}}));
  }
  std::string household_path() const { return "/api/v1/households/" + household_; }
  std::string ties() const { return household_path() + "/ties"; }
  // A household of its own, Wim on the team and Cor a member, with a
  // research consent when consented: for routes that change consent.
  std::string fresh_consents(bool consented) {
    const std::string path = "/api/v1/households/" +
                             id(api_->post("/api/v1/households", household_body(wim_))) +
                             "/consents";
    if (!consented) return path;
    return path + "/" + id(api_->post(path, consent_body()));
  }
  // A household of its own with research consent in force: what a
  // researcher may analyse.
  std::string consented_household() {
    const std::string household = id(api_->post("/api/v1/households", household_body(wim_)));
    (void)id(api_->post("/api/v1/households/" + household + "/consents", consent_body()));
    return household;
  }
  // An account for the account routes to change, made once.
  std::string target_account() {
    if (target_account_.empty()) {
      target_account_ = api_->add_account("doel", AccountRole::volunteer).id.str();
    }
    return target_account_;
  }
  static json consent_body() { return {{"purpose", "research"}, {"grantedOn", "2025-01-10"}}; }
  std::string agreements() const { return household_path() + "/agreements"; }

  static json organisation_body() {
    return {{"name", "Buurtteam Oost"}, {"kind", "welfare"}, {"formal", true}};
  }
  static json practice_body() {
    return {{"name", "Maatjes"}, {"targetGroups", {"severeLoneliness"}}};
  }
  static json facility_body() {
    return {
        {"name", "Buurthuis De Boom"}, {"kind", "communityCentre"}, {"buurtCode", "BU03630001"}};
  }
  json household_body(const std::string& team_member) const {
    return {{"kind", "person"},
            {"name", "Jansen"},
            {"targetGroup", "severeLoneliness"},
            {"status", "active"},
            {"practiceIds", {api_->practice_id().str()}},
            {"members", {{{"personId", cor_}, {"from", "2024-01-01"}}}},
            {"team", {{{"personId", team_member}, {"from", "2024-01-01"}}}}};
  }
  json tie_body() const {
    return {{"personId", vera_},
            {"otherPersonId", cor_},
            {"relationKind", "neighbour"},
            {"supportTypes", {"practical"}},
            {"closeness", 2},
            {"direction", "gives"},
            {"quality", "strong"},
            {"from", "2025-01-01"}};
  }
  json agreement_body() const {
    return {{"goal", "Cor komt weer buiten"},
            {"action", "Elke dinsdag samen wandelen"},
            {"responsiblePersonId", vera_},
            {"status", "inProgress"},
            {"agreedByHousehold", true}};
  }
  json act_body() const {
    return {{"date", "2026-03-03"},    {"householdId", household_},  {"providerId", vera_},
            {"receiverId", cor_},      {"supportType", "practical"}, {"mode", "inPerson"},
            {"mobilisedBy", "network"}};
  }
  json assessment_body() const {
    return {{"date", "2026-01-15"},
            {"personId", cor_},
            {"scores", {{{"domain", "socialNetwork"}, {"score", 2}}}}};
  }
  json referral_body() const {
    return {{"date", "2026-02-02"},
            {"householdId", household_},
            {"facilityId", facility_},
            {"status", "made"}};
  }

  json help_request_body() const {
    return {{"householdId", household_},
            {"practiceId", api_->practice_id().str()},
            {"kind", "companionship"},
            {"description", "Iemand om wekelijks mee te wandelen"},
            {"buurtCode", "BU03630001"},
            {"languages", {"nl"}},
            {"wishedTimes", {"tue-morning"}},
            {"urgency", "normal"},
            {"status", "open"},
            {"requestedById", cor_}};
  }
  // Only Vera is free when H wishes help: other volunteers never match.
  json profile_body(const std::string& person) const {
    return {{"personId", person},
            {"practiceId", api_->practice_id().str()},
            {"kinds", {"companionship"}},
            {"languages", {"nl"}},
            {"homeBuurtCode", "BU03630002"},
            {"maxDistanceMetres", 3000},
            {"availability", {person == vera_ ? "tue-morning" : "sun-evening"}},
            {"capacity", 2},
            {"available", true}};
  }
  std::string help_request() {
    if (help_request_.empty()) {
      help_request_ = id(api_->post("/api/v1/help-requests", help_request_body()));
    }
    return help_request_;
  }
  std::string profile() {
    if (profile_.empty()) {
      profile_ = id(api_->post("/api/v1/volunteer-profiles", profile_body(vera_)));
    }
    return profile_;
  }
  // A match of Vera (the only volunteer free then) to a request of H,
  // approved by the coordinator, so that Vera sees it too.
  std::string approved_match() {
    if (!match_.empty()) return match_;
    (void)profile();
    (void)help_request();
    const HttpResult run = api_->post(
        "/api/v1/practices/" + api_->practice_id().str() + "/matching-runs", json::object());
    EXPECT_EQ(run.status, 201) << run.body;
    const json proposals = run.json()["proposals"];
    EXPECT_FALSE(proposals.empty()) << run.body;
    if (!proposals.empty()) match_ = proposals[0]["id"];
    EXPECT_EQ(
        api_->post("/api/v1/matches/" + match_ + "/transitions", {{"status", "approved"}}).status,
        200);
    return match_;
  }

  // A household of another practice, with nobody of the test on its team:
  // for break-the-glass. Written directly, as no caller of the test may.
  std::string household_elsewhere() {
    const std::string practice = id(api_->admin().post("/api/v1/practices", practice_body()));
    Result<Household> created = api_->database().in_transaction<Household>(
        store::TransactionKind::write, [&](store::Transaction& transaction) {
          HouseholdFields fields;
          fields.kind = HouseholdKind::person;
          fields.name = "Elders";
          fields.status = HouseholdStatus::active;
          fields.practices = {PracticeId(practice)};
          return store::HouseholdRepository(transaction).create(fields);
        });
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->id.str() : "";
  }

  // An If-Match header with the record's current version, read by the
  // coordinator.
  std::vector<std::string> if_match(const std::string& path) {
    const HttpResult current = api_->get(path);
    return {"If-Match: " + current.header("ETag").value_or("\"0\"")};
  }
  json current(const std::string& path) {
    json body = api_->get(path).json();
    // The read-only properties are not part of any input.
    body.erase("id");
    body.erase("lastActivityOn");
    return body;
  }

  HttpResult send(ApiClient& caller, const Call& call) {
    std::vector<std::string> headers = call.headers;
    if (call.body) headers.push_back("Content-Type: application/json");
    if (!call.xml.empty()) headers.push_back("Content-Type: application/xml");
    return caller.send(testing::HttpRequest{
        call.method, caller.url(call.path),
        !call.xml.empty() ? call.xml : call.body ? call.body->dump() : "", headers});
  }

  // Research (issue 9): a project of the researcher's, with a note, a
  // code, a coding and a memo, made by the researcher when first needed.
  ApiClient& researcher_caller() { return *callers_[researcher]; }
  std::string research_path(const std::string& rest = "") {
    if (research_project_.empty()) {
      research_project_ = id(researcher_caller().post(
          "/api/v1/research/projects",
          {{"name", "Mobilisatie"}, {"practiceIds", {api_->practice_id().str()}}}));
    }
    return "/api/v1/research/projects/" + research_project_ + rest;
  }
  json note_body() const {
    return {{"practiceId", api_->practice_id().str()},
            {"site", "Buurthuis"},
            {"observedOn", "2026-03-03"},
            {"perspective", "professional"},
            {"text", "Wim belt de buurvrouw."}};
  }
  std::string fresh_note() {
    return id(researcher_caller().post(research_path("/field-notes"), note_body()));
  }
  std::string fresh_code() {
    return id(researcher_caller().post(research_path("/codes"), {{"name", "Buren"}}));
  }
  json coding_body() {
    if (research_note_.empty()) research_note_ = fresh_note();
    if (research_code_.empty()) research_code_ = fresh_code();
    return {{"noteId", research_note_}, {"codeId", research_code_}, {"start", 0}, {"end", 3}};
  }
  std::string fresh_coding() {
    return id(researcher_caller().post(research_path("/codings"), coding_body()));
  }
  std::string fresh_memo() {
    (void)coding_body();
    return id(researcher_caller().post(research_path("/memos"),
                                       {{"codeId", research_code_}, {"text", "Memo"}}));
  }
  std::string research_item(std::string& kept, std::string (AccessMatrixTest::*make)()) {
    if (kept.empty()) kept = (this->*make)();
    return kept;
  }
  std::string extra_member() {
    const Account account = api_->add_account("lid" + std::to_string(++members_), researcher);
    EXPECT_EQ(researcher_caller()
                  .post(research_path("/members"),
                        {{"accountId", account.id.str()}, {"role", "stakeholder"}})
                  .status,
              201);
    return account.id.str();
  }
  // Member checking: a finding of a project of another researcher's,
  // published to the practice that role's caller is a stakeholder of (any
  // account role may be one).
  std::string finding_for(AccountRole role) {
    ApiClient& publisher = api_->as("publiceerder", researcher);
    if (publisher_project_.empty()) {
      publisher_project_ = id(publisher.post(
          "/api/v1/research/projects",
          {{"name", "Terugkoppeling"}, {"practiceIds", {api_->practice_id().str()}}}));
      const std::string base = "/api/v1/research/projects/" + publisher_project_;
      const std::string note = id(publisher.post(base + "/field-notes", note_body()));
      const std::string code = id(publisher.post(base + "/codes", {{"name", "Buren"}}));
      const std::string coding = id(publisher.post(
          base + "/codings", {{"noteId", note}, {"codeId", code}, {"start", 0}, {"end", 3}}));
      publisher_finding_ =
          id(publisher.post(base + "/findings", {{"practiceId", api_->practice_id().str()},
                                                 {"title", "Buren helpen"},
                                                 {"text", "Buren helpen elkaar."},
                                                 {"codingIds", {coding}}}));
    }
    const json session = callers_[role]->get("/api/v1/session").json();
    const std::string account = session["account"].value("id", "");
    EXPECT_EQ(publisher
                  .post("/api/v1/research/projects/" + publisher_project_ + "/members",
                        {{"accountId", account},
                         {"role", "stakeholder"},
                         {"practiceId", api_->practice_id().str()}})
                  .status,
              201);
    return publisher_finding_;
  }
  std::string fresh_finding() {
    (void)coding_body();
    return id(researcher_caller().post(research_path("/findings"),
                                       {{"practiceId", api_->practice_id().str()},
                                        {"title", "Bevinding"},
                                        {"text", "Tekst"},
                                        {"codingIds", {research_coding()}}}));
  }
  std::string research_coding() {
    return research_item(research_coding_, &AccessMatrixTest::fresh_coding);
  }
  std::string fresh_matrix() {
    (void)coding_body();
    return id(researcher_caller().post(research_path("/framework-matrices"),
                                       {{"name", "Matrix"}, {"themeCodeIds", {research_code_}}}));
  }
  std::string finding_path() {
    return research_path("/findings/" +
                         research_item(research_finding_, &AccessMatrixTest::fresh_finding));
  }
  std::string matrix_path() {
    return research_path("/framework-matrices/" +
                         research_item(research_matrix_, &AccessMatrixTest::fresh_matrix));
  }
  std::string publisher_project_, publisher_finding_, research_finding_, research_matrix_;

  std::unique_ptr<ApiServer> api_;
  std::map<AccountRole, ApiClient*> callers_;
  std::string organisation_, facility_, cor_, vera_, wim_, outsider_, household_, tie_, agreement_,
      act_, assessment_, referral_, other_household_, help_request_, profile_, match_,
      target_account_, research_project_, research_note_, research_code_, research_coding_,
      research_memo_;
  int members_ = 0;
};

// One route: how to call it as a role, and which roles may.
struct Case {
  std::string method;
  std::string route;  // the pattern, as the OpenAPI document spells it
  RoleSet allowed;
  std::function<Call(AccessMatrixTest&, AccountRole)> call;
  // Allowed means "not refused" (401/403) rather than a 2xx: for routes
  // whose success depends on state the matrix does not set up.
  bool any_answer = false;
};

TEST_P(AccessMatrixTest, EveryRouteAnswersEveryRoleAsThePolicySays) {
  const RoleSet every = RoleSet::every();
  const RoleSet keepers{coordinator, professional};
  const RoleSet keepers_client{coordinator, professional, client};
  const RoleSet seers{coordinator, professional, volunteer, client};
  const RoleSet case_roles = RoleSet::case_roles();
  auto get = [](std::string path) {
    return [path](AccessMatrixTest& t, AccountRole) {
      return Call{"GET", std::regex_replace(path, std::regex("\\{h\\}"), t.household_)};
    };
  };
  using T = AccessMatrixTest;
  const std::vector<Case> cases = {
      {"GET", "/api/v1/session", every, get("/api/v1/session")},
      {"GET", "/api/v1/session/second-factor", every, get("/api/v1/session/second-factor")},
      {"POST", "/api/v1/session/second-factor/confirmation", every,
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/session/second-factor/confirmation",
                     json{{"code", "000000"}}};
       },
       true},
      {"POST", "/api/v1/session/second-factor/recovery-codes", every,
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/session/second-factor/recovery-codes",
                     json{{"code", "000000"}}};
       },
       true},
      {"DELETE", "/api/v1/session/second-factor", every,
       [](T&, AccountRole) {
         return Call{"DELETE", "/api/v1/session/second-factor", json{{"code", "000000"}}};
       },
       true},
      {"POST", "/api/v1/session/second-factor", every,
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/session/second-factor",
                     json{{"password", std::string(ApiClient::kPassword)}}};
       },
       true},
      // DELETE /api/v1/session is checked below: it ends the session.
      {"GET", "/api/v1/organisations", every, get("/api/v1/organisations")},
      {"GET", "/api/v1/organisations/{id}", every,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/organisations/" + t.organisation_};
       }},
      {"POST", "/api/v1/organisations", RoleSet{admin},
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/organisations", organisation_body()};
       }},
      {"PUT", "/api/v1/organisations/{id}", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/organisations/" + t.organisation_, organisation_body()};
       }},
      {"DELETE", "/api/v1/organisations/{id}", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"DELETE",
                     "/api/v1/organisations/" +
                         id(t.api_->admin().post("/api/v1/organisations", organisation_body()))};
       }},
      {"GET", "/api/v1/practices", every, get("/api/v1/practices")},
      {"GET", "/api/v1/practices/{id}", every,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/practices/" + t.api_->practice_id().str()};
       }},
      {"POST", "/api/v1/practices", RoleSet{admin},
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/practices", practice_body()};
       }},
      {"PUT", "/api/v1/practices/{id}", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/practices/" + t.api_->practice_id().str(), practice_body()};
       }},
      {"DELETE", "/api/v1/practices/{id}", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"DELETE", "/api/v1/practices/" +
                                   id(t.api_->admin().post("/api/v1/practices", practice_body()))};
       }},
      {"GET", "/api/v1/facilities", every, get("/api/v1/facilities")},
      {"GET", "/api/v1/facilities/{id}", every,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/facilities/" + t.facility_};
       }},
      {"POST", "/api/v1/facilities", RoleSet{admin, coordinator, professional},
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/facilities", facility_body()};
       }},
      {"PUT", "/api/v1/facilities/{id}", RoleSet{admin, coordinator, professional},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/facilities/" + t.facility_, facility_body()};
       }},
      {"DELETE", "/api/v1/facilities/{id}", RoleSet{admin, coordinator, professional},
       [](T& t, AccountRole) {
         return Call{"DELETE", "/api/v1/facilities/" +
                                   id(t.api_->post("/api/v1/facilities", facility_body()))};
       }},
      // Lists answer every role that may list at all, holding only what is
      // within reach (checked in the next test).
      {"GET", "/api/v1/referrals", RoleSet{admin, coordinator, professional, client},
       get("/api/v1/referrals")},
      {"GET", "/api/v1/referrals/{id}", keepers_client,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/referrals/" + t.referral_};
       }},
      {"POST", "/api/v1/referrals", keepers,
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/referrals", t.referral_body()};
       }},
      {"PUT", "/api/v1/referrals/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/referrals/" + t.referral_, t.referral_body()};
       }},
      {"DELETE", "/api/v1/referrals/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"DELETE", "/api/v1/referrals/" +
                                   id(t.api_->post("/api/v1/referrals", t.referral_body()))};
       }},
      {"GET", "/api/v1/persons", case_roles, get("/api/v1/persons")},
      {"GET", "/api/v1/persons/{id}", seers,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/persons/" + t.cor_};
       }},
      {"POST", "/api/v1/persons", RoleSet{admin, coordinator, professional, client},
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/persons", json{{"displayName", "Nieuw"}}};
       }},
      {"PUT", "/api/v1/persons/{id}", keepers,
       [](T& t, AccountRole) {
         const std::string path = "/api/v1/persons/" + t.cor_;
         return Call{"PUT", path, t.current(path), t.if_match(path)};
       }},
      // A person the caller registered: within their reach.
      {"DELETE", "/api/v1/persons/{id}", RoleSet{admin, coordinator, professional},
       [](T& t, AccountRole role) {
         ApiClient& maker =
             access::allowed_roles(access::Resource::person, access::Operation::create)
                     .contains(role)
                 ? *t.callers_[role]
                 : static_cast<ApiClient&>(*t.api_);
         return Call{"DELETE", "/api/v1/persons/" +
                                   id(maker.post("/api/v1/persons", {{"displayName", "Weg"}}))};
       }},
      {"GET", "/api/v1/households", case_roles, get("/api/v1/households")},
      {"GET", "/api/v1/households/{id}", seers, get("/api/v1/households/{h}")},
      {"POST", "/api/v1/households", keepers,
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/households", t.household_body(t.wim_)};
       }},
      {"PUT", "/api/v1/households/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"PUT", t.household_path(), t.current(t.household_path()),
                     t.if_match(t.household_path())};
       }},
      {"DELETE", "/api/v1/households/{id}", RoleSet{coordinator},
       [](T& t, AccountRole) {
         return Call{"DELETE", "/api/v1/households/" + id(t.api_->post("/api/v1/households",
                                                                       t.household_body(t.wim_)))};
       }},
      {"GET", "/api/v1/households/{householdId}/ties", keepers_client,
       get("/api/v1/households/{h}/ties")},
      {"GET", "/api/v1/households/{householdId}/ties/{id}", keepers_client,
       [](T& t, AccountRole) {
         return Call{"GET", t.ties() + "/" + t.tie_};
       }},
      {"POST", "/api/v1/households/{householdId}/ties", keepers_client,
       [](T& t, AccountRole) {
         return Call{"POST", t.ties(), t.tie_body()};
       }},
      {"PUT", "/api/v1/households/{householdId}/ties/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"PUT", t.ties() + "/" + t.tie_, t.tie_body()};
       }},
      {"DELETE", "/api/v1/households/{householdId}/ties/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"DELETE", t.ties() + "/" + id(t.api_->post(t.ties(), t.tie_body()))};
       }},
      {"GET", "/api/v1/households/{householdId}/agreements", seers,
       get("/api/v1/households/{h}/agreements")},
      {"GET", "/api/v1/households/{householdId}/agreements/{id}", seers,
       [](T& t, AccountRole) {
         return Call{"GET", t.agreements() + "/" + t.agreement_};
       }},
      {"GET", "/api/v1/households/{householdId}/agreements/{id}/history", keepers_client,
       [](T& t, AccountRole) {
         return Call{"GET", t.agreements() + "/" + t.agreement_ + "/history"};
       }},
      {"POST", "/api/v1/households/{householdId}/agreements", keepers,
       [](T& t, AccountRole) {
         return Call{"POST", t.agreements(), t.agreement_body()};
       }},
      {"PUT", "/api/v1/households/{householdId}/agreements/{id}", keepers,
       [](T& t, AccountRole) {
         const std::string path = t.agreements() + "/" + t.agreement_;
         return Call{"PUT", path, t.agreement_body(), t.if_match(path)};
       }},
      {"DELETE", "/api/v1/households/{householdId}/agreements/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"DELETE",
                     t.agreements() + "/" + id(t.api_->post(t.agreements(), t.agreement_body()))};
       }},
      {"GET", "/api/v1/support-acts", case_roles, get("/api/v1/support-acts")},
      {"GET", "/api/v1/support-acts/{id}", seers,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/support-acts/" + t.act_};
       }},
      {"POST", "/api/v1/support-acts", RoleSet{coordinator, professional, volunteer},
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/support-acts", t.act_body()};
       }},
      {"PUT", "/api/v1/support-acts/{id}", RoleSet{coordinator, professional, volunteer},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/support-acts/" + t.act_, t.act_body()};
       }},
      {"DELETE", "/api/v1/support-acts/{id}", RoleSet{coordinator, professional, volunteer},
       [](T& t, AccountRole) {
         return Call{"DELETE", "/api/v1/support-acts/" +
                                   id(t.api_->post("/api/v1/support-acts", t.act_body()))};
       }},
      {"GET", "/api/v1/households/{householdId}/assessments", keepers_client,
       get("/api/v1/households/{h}/assessments")},
      {"GET", "/api/v1/households/{householdId}/assessments/{id}", keepers_client,
       [](T& t, AccountRole) {
         return Call{"GET", t.household_path() + "/assessments/" + t.assessment_};
       }},
      {"POST", "/api/v1/households/{householdId}/assessments", keepers,
       [](T& t, AccountRole) {
         return Call{"POST", t.household_path() + "/assessments", t.assessment_body()};
       }},
      {"PUT", "/api/v1/households/{householdId}/assessments/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"PUT", t.household_path() + "/assessments/" + t.assessment_,
                     t.assessment_body()};
       }},
      {"DELETE", "/api/v1/households/{householdId}/assessments/{id}", keepers,
       [](T& t, AccountRole) {
         const std::string path = t.household_path() + "/assessments";
         return Call{"DELETE", path + "/" + id(t.api_->post(path, t.assessment_body()))};
       }},
      {"GET", "/api/v1/households/{householdId}/network", keepers_client,
       get("/api/v1/households/{h}/network")},
      {"GET", "/api/v1/households/{householdId}/access-log", keepers_client,
       get("/api/v1/households/{h}/access-log")},
      {"POST", "/api/v1/households/{householdId}/break-glass", keepers,
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/households/" + t.other_household_ + "/break-glass",
                     json{{"reason", "Melding van de politie: acute zorg"}}};
       }},
      {"GET", "/api/v1/break-glass", keepers, get("/api/v1/break-glass")},
      {"GET", "/api/v1/households/{householdId}/consents", keepers_client,
       get("/api/v1/households/{h}/consents")},
      {"GET", "/api/v1/households/{householdId}/consents/{id}", keepers_client,
       [](T& t, AccountRole) {
         return Call{"GET", t.fresh_consents(true)};
       }},
      {"POST", "/api/v1/households/{householdId}/consents", keepers,
       [](T& t, AccountRole) {
         return Call{"POST", t.fresh_consents(false), consent_body()};
       }},
      {"PUT", "/api/v1/households/{householdId}/consents/{id}", keepers,
       [](T& t, AccountRole) {
         json withdrawn = consent_body();
         withdrawn["withdrawnOn"] = "2026-01-01";
         return Call{"PUT", t.fresh_consents(true), withdrawn, {"If-Match: \"1\""}};
       }},
      {"GET", "/api/v1/research/projects", RoleSet{researcher},
       [](T& t, AccountRole) {
         (void)t.research_path();
         return Call{"GET", "/api/v1/research/projects"};
       }},
      {"POST", "/api/v1/research/projects", RoleSet{researcher},
       [](T&, AccountRole) {
         return Call{"POST", "/api/v1/research/projects", json{{"name", "Nog een"}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path()};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"PUT", t.research_path(), json{{"name", "Mobilisatie"}, {"practiceIds", {t.api_->practice_id().str()}}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/members", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/members")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/members", RoleSet{researcher},
       [](T& t, AccountRole) {
         const std::string self = t.api_->query_text("SELECT id FROM accounts WHERE username = 'onderzoeker'");
         return Call{"POST", t.research_path("/members"), json{{"accountId", self}, {"role", "researcher"}}};
       }},
      {"DELETE", "/api/v1/research/projects/{projectId}/members/{accountId}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"DELETE", t.research_path("/members/" + t.extra_member())};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/field-notes", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/field-notes")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/field-notes", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"POST", t.research_path("/field-notes"), t.note_body()};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/field-notes/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/field-notes/" + t.research_item(t.research_note_, &T::fresh_note))};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}/field-notes/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"PUT", t.research_path("/field-notes/" + t.fresh_note()), t.note_body()};
       }},
      {"DELETE", "/api/v1/research/projects/{projectId}/field-notes/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"DELETE", t.research_path("/field-notes/" + t.fresh_note())};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/field-notes/{id}/pseudonymisations", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"POST", t.research_path("/field-notes/" + t.fresh_note() + "/pseudonymisations"), json{{"names", {"Wim"}}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codes", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codes")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/codes", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"POST", t.research_path("/codes"), json{{"name", "Nieuw"}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codes/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codes/" + t.research_item(t.research_code_, &T::fresh_code))};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}/codes/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"PUT", t.research_path("/codes/" + t.fresh_code()), json{{"name", "Anders"}}};
       }},
      {"DELETE", "/api/v1/research/projects/{projectId}/codes/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"DELETE", t.research_path("/codes/" + t.fresh_code())};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codebook-changes", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codebook-changes")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codings", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codings")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/codings", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"POST", t.research_path("/codings"), t.coding_body()};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codings/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codings/" + t.research_item(t.research_coding_, &T::fresh_coding))};
       }},
      {"DELETE", "/api/v1/research/projects/{projectId}/codings/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"DELETE", t.research_path("/codings/" + t.fresh_coding())};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/memos", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/memos")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/memos", RoleSet{researcher},
       [](T& t, AccountRole) {
         (void)t.coding_body();
         return Call{"POST", t.research_path("/memos"), json{{"codeId", t.research_code_}, {"text", "Nog een"}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/memos/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/memos/" + t.research_item(t.research_memo_, &T::fresh_memo))};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}/memos/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         const std::string memo = t.fresh_memo();
         return Call{"PUT", t.research_path("/memos/" + memo), json{{"codeId", t.research_code_}, {"text", "Anders"}}};
       }},
      {"DELETE", "/api/v1/research/projects/{projectId}/memos/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"DELETE", t.research_path("/memos/" + t.fresh_memo())};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/analyses/code-practice-matrix", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/analyses/code-practice-matrix")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/analyses/code-perspective-matrix", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/analyses/code-perspective-matrix")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/analyses/code-co-occurrence", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/analyses/code-co-occurrence")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/analyses/coder-agreement", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/analyses/coder-agreement")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/analyses/fragments", RoleSet{researcher},
       [](T& t, AccountRole) {
         (void)t.coding_body();
         return Call{"GET", t.research_path("/analyses/fragments?codeId=" + t.research_code_)};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/practices/{practiceId}/report", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/practices/" + t.api_->practice_id().str() + "/report")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/practices/{practiceId}/report.pdf", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/practices/" + t.api_->practice_id().str() + "/report.pdf")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/analyses/practice-measures", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/analyses/practice-measures")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codebook.qdc", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codebook.qdc")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/codebook.qdc", RoleSet{researcher},
       [](T& t, AccountRole) {
         Call call{"POST", t.research_path("/codebook.qdc")};
         call.xml =
             "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code "
             "guid=\"01234567-89ab-4def-8123-456789abcdef\" name=\"Ingelezen\" "
             "isCodable=\"true\"/></Codes></CodeBook>";
         return call;
       }},
      {"GET", "/api/v1/research/projects/{projectId}/export.qdpx", RoleSet{researcher},
       [](T& t, AccountRole) {
         (void)t.coding_body();
         return Call{"GET", t.research_path("/export.qdpx")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/codings.csv", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/codings.csv")};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/export-summary", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/export-summary")};
       }},
      // Member checking and the framework matrix.
      {"GET", "/api/v1/research/projects/{projectId}/findings", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/findings")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/findings", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"POST", t.research_path("/findings"), json{{"practiceId", t.api_->practice_id().str()}, {"title", "Nog een"}, {"text", "Tekst"}, {"codingIds", {t.research_coding()}}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/findings/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.finding_path()};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}/findings/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"PUT", t.finding_path(), json{{"practiceId", t.api_->practice_id().str()}, {"title", "Herzien"}, {"text", "Tekst"}, {"codingIds", json::array()}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/framework-matrices", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.research_path("/framework-matrices")};
       }},
      {"POST", "/api/v1/research/projects/{projectId}/framework-matrices", RoleSet{researcher},
       [](T& t, AccountRole) {
         (void)t.coding_body();
         return Call{"POST", t.research_path("/framework-matrices"), json{{"name", "Nog een"}, {"themeCodeIds", {t.research_code_}}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/framework-matrices/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.matrix_path()};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}/framework-matrices/{id}", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"PUT", t.matrix_path(), json{{"name", "Hernoemd"}, {"themeCodeIds", {t.research_code_}}}};
       }},
      {"PUT", "/api/v1/research/projects/{projectId}/framework-matrices/{id}/cells/{caseKey}/{codeId}", RoleSet{researcher},
       [](T& t, AccountRole) {
         const std::string matrix = t.matrix_path();
         return Call{"PUT", matrix + "/cells/" + t.api_->practice_id().str() + "/" + t.research_code_, json{{"summary", "Samenvatting"}, {"codingIds", json::array()}}};
       }},
      {"GET", "/api/v1/research/projects/{projectId}/framework-matrices/{id}/csv", RoleSet{researcher},
       [](T& t, AccountRole) {
         return Call{"GET", t.matrix_path() + "/csv"};
       }},
      // A stakeholder may hold any role: each caller answers as one.
      {"GET", "/api/v1/member-checks", every, get("/api/v1/member-checks")},
      {"POST", "/api/v1/member-checks/{findingId}/answers", every,
       [](T& t, AccountRole role) {
         return Call{"POST", "/api/v1/member-checks/" + t.finding_for(role) + "/answers",
                     json{{"version", 1}, {"answer", "partly"}, {"comment", "Deels"}}};
       }},
      {"GET", "/api/v1/research/exports/support-acts", RoleSet{researcher},
       get("/api/v1/research/exports/support-acts")},
      // A researcher analyses a household with research consent (H has
      // none: to them it does not exist); an admin is on no team.
      {"GET", "/api/v1/analyses/households/{householdId}",
       RoleSet{coordinator, professional, client, researcher},
       [](T& t, AccountRole role) {
         return Call{"GET", "/api/v1/analyses/households/" +
                                (role == researcher ? t.consented_household() : t.household_)};
       }},
      {"GET", "/api/v1/analyses/households/{householdId}/graphml",
       RoleSet{coordinator, professional, client, researcher},
       [](T& t, AccountRole role) {
         return Call{"GET", "/api/v1/analyses/households/" +
                                (role == researcher ? t.consented_household() : t.household_) +
                                "/graphml"};
       }},
      {"GET", "/api/v1/analyses/households", RoleSet{coordinator, researcher},
       get("/api/v1/analyses/households")},
      {"GET", "/api/v1/analyses/practices/{practiceId}/mobilisation",
       RoleSet{coordinator, researcher},
       [](T& t, AccountRole) {
         return Call{"GET",
                     "/api/v1/analyses/practices/" + t.api_->practice_id().str() + "/mobilisation"};
       }},
      {"GET", "/api/v1/analyses/practices/{practiceId}/collaboration",
       RoleSet{coordinator, researcher},
       [](T& t, AccountRole) {
         return Call{
             "GET", "/api/v1/analyses/practices/" + t.api_->practice_id().str() + "/collaboration"};
       }},
      {"GET", "/api/v1/analyses/practices", RoleSet{coordinator, researcher},
       get("/api/v1/analyses/practices")},
      {"GET", "/api/v1/analyses/organisation-network", RoleSet{coordinator, researcher},
       get("/api/v1/analyses/organisation-network")},
      // Help requests: decided per household like its other records.
      {"GET", "/api/v1/help-requests", RoleSet{admin, coordinator, professional, client},
       get("/api/v1/help-requests")},
      {"GET", "/api/v1/help-requests/{id}", keepers_client,
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/help-requests/" + t.help_request()};
       }},
      {"POST", "/api/v1/help-requests", keepers_client,
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/help-requests", t.help_request_body()};
       }},
      {"PUT", "/api/v1/help-requests/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/help-requests/" + t.help_request(), t.help_request_body()};
       }},
      {"DELETE", "/api/v1/help-requests/{id}", keepers,
       [](T& t, AccountRole) {
         return Call{"DELETE", "/api/v1/help-requests/" +
                                   id(t.api_->post("/api/v1/help-requests", t.help_request_body()))};
       }},
      // Volunteer profiles: kept by the practice's coordinators and admins;
      // Vera sees and updates her own.
      {"GET", "/api/v1/volunteer-profiles", RoleSet{admin, coordinator, volunteer},
       get("/api/v1/volunteer-profiles")},
      {"GET", "/api/v1/volunteer-profiles/{id}", RoleSet{admin, coordinator, volunteer},
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/volunteer-profiles/" + t.profile()};
       }},
      {"POST", "/api/v1/volunteer-profiles", RoleSet{admin, coordinator},
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/volunteer-profiles", t.profile_body(t.person("Nieuwe Vrijwilliger"))};
       }},
      {"PUT", "/api/v1/volunteer-profiles/{id}", RoleSet{admin, coordinator, volunteer},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/volunteer-profiles/" + t.profile(), t.profile_body(t.vera_)};
       }},
      {"DELETE", "/api/v1/volunteer-profiles/{id}", RoleSet{admin, coordinator},
       [](T& t, AccountRole) {
         return Call{"DELETE",
                     "/api/v1/volunteer-profiles/" +
                         id(t.api_->post("/api/v1/volunteer-profiles",
                                         t.profile_body(t.person("Weg Vrijwilliger"))))};
       }},
      // Matching: the coordinator of the practice runs it; the volunteer
      // sees and answers their own approved matches.
      {"POST", "/api/v1/practices/{practiceId}/matching-runs", RoleSet{coordinator},
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/practices/" + t.api_->practice_id().str() + "/matching-runs",
                     json::object()};
       }},
      {"GET", "/api/v1/matches", RoleSet{coordinator, volunteer}, get("/api/v1/matches")},
      {"GET", "/api/v1/matches/{id}", RoleSet{coordinator, volunteer},
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/matches/" + t.approved_match()};
       }},
      // approved → active is not a step: whoever may take steps gets 409.
      {"POST", "/api/v1/matches/{id}/transitions", RoleSet{coordinator, volunteer},
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/matches/" + t.approved_match() + "/transitions",
                     json{{"status", "active"}}};
       },
       true},
      // Accounts and settings: administrators only.
      {"GET", "/api/v1/accounts", RoleSet{admin}, get("/api/v1/accounts")},
      {"POST", "/api/v1/accounts", RoleSet{admin},
       [](T&, AccountRole role) {
         return Call{"POST", "/api/v1/accounts",
                     json{{"username", "nieuw-" + std::string(to_code(role))},
                          {"role", "professional"},
                          {"password", "een lange zin als wachtwoord"}}};
       }},
      {"PUT", "/api/v1/accounts/{id}/status", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/accounts/" + t.target_account() + "/status",
                     json{{"disabled", false}}};
       }},
      {"PUT", "/api/v1/accounts/{id}/password", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"PUT", "/api/v1/accounts/" + t.target_account() + "/password",
                     json{{"password", "een andere lange zin"}}};
       }},
      {"GET", "/api/v1/settings/second-factor", RoleSet{admin},
       get("/api/v1/settings/second-factor")},
      {"PUT", "/api/v1/settings/second-factor", RoleSet{admin},
       [](T&, AccountRole) {
         return Call{"PUT", "/api/v1/settings/second-factor",
                     json{{"requiredRoles", json::array()}}};
       }},
      {"GET", "/api/v1/persons/{id}/subject-access", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"GET", "/api/v1/persons/" + t.cor_ + "/subject-access"};
       }},
      {"POST", "/api/v1/persons/{id}/erasure", RoleSet{admin},
       [](T& t, AccountRole) {
         return Call{"POST", "/api/v1/persons/" + t.person("Te Wissen") + "/erasure",
                     json{{"reason", "Verzoek van betrokkene"}}};
       }},
  };

  // Every route the server serves is in the table, or public, or below.
  const std::set<std::string> public_routes = {"GET /api/v1/health", "GET /api/v1/openapi.json",
                                               "GET /api/v1/enumerations", "POST /api/v1/session",
                                               "DELETE /api/v1/session"};
  std::set<std::string> covered = public_routes;
  for (const Case& c : cases) covered.insert(c.method + " " + c.route);
  const json document = api_->get("/api/v1/openapi.json").json();
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(covered.count(upper + " /api/v1" + path))
          << upper << " " << path << " is not covered";
    }
  }

  for (const Case& c : cases) {
    for (AccountRole role : kRoles) {
      SCOPED_TRACE(c.method + " " + c.route + " as " + std::string(to_code(role)));
      const Call call = c.call(*this, role);
      const HttpResult result = send(*callers_[role], call);
      if (!c.allowed.contains(role)) {
        EXPECT_EQ(result.status, 403) << result.body;
      } else if (c.any_answer) {
        EXPECT_NE(result.status, 401) << result.body;
        EXPECT_NE(result.status, 403) << result.body;
      } else {
        EXPECT_EQ(result.status / 100, 2) << result.status << " " << result.body;
      }
    }
  }

  // Signing out answers every role.
  for (AccountRole role : kRoles) {
    ApiClient& caller = *callers_[role];
    EXPECT_EQ(send(caller, Call{"DELETE", "/api/v1/session"}).status, 204) << to_code(role);
  }
}

TEST_P(AccessMatrixTest, ListsHoldOnlyWhatIsWithinReach) {
  ApiClient& outsider = api_->as("bas", professional, PersonId(outsider_));
  auto total = [](ApiClient& caller, const std::string& path) {
    return caller.get(path).json().value("total", -1LL);
  };
  EXPECT_EQ(total(*callers_[professional], "/api/v1/households"), 1);
  EXPECT_EQ(total(outsider, "/api/v1/households"), 0);
  EXPECT_EQ(total(*callers_[admin], "/api/v1/households"), 0) << "no case content for admins";
  EXPECT_EQ(total(outsider, "/api/v1/support-acts"), 0);
  EXPECT_EQ(total(outsider, "/api/v1/referrals"), 0);
  EXPECT_EQ(total(*callers_[client], "/api/v1/support-acts"), 1);
  // Persons: those of households within reach, and one's own.
  EXPECT_EQ(total(outsider, "/api/v1/persons"), 1);
  EXPECT_EQ(total(*callers_[client], "/api/v1/persons"), 3);  // Cor, Vera, Wim

  // A volunteer sees first names, and only her own agreements and acts.
  ApiClient& vera = *callers_[volunteer];
  const json cor = vera.get("/api/v1/persons/" + cor_).json();
  EXPECT_EQ(cor["displayName"], "Cor");
  EXPECT_FALSE(cor.contains("roles"));
  EXPECT_FALSE(vera.get(household_path()).json().contains("name"));
  ASSERT_EQ(api_->post(agreements(),
                       [&] {
                         json other = agreement_body();
                         other["responsiblePersonId"] = wim_;
                         return other;
                       }())
                .status,
            201);
  EXPECT_EQ(total(vera, agreements()), 1);
  EXPECT_EQ(total(*callers_[client], agreements()), 2);
  json wims_act = act_body();
  wims_act["providerId"] = wim_;
  const std::string wims = id(api_->post("/api/v1/support-acts", wims_act));
  EXPECT_EQ(total(vera, "/api/v1/support-acts"), 1);
  EXPECT_EQ(vera.get("/api/v1/support-acts/" + wims).status, 403);
  EXPECT_EQ(vera.post("/api/v1/support-acts", wims_act).status, 403) << "not hers to log";
}

TEST_P(AccessMatrixTest, RefusalsAreAuditedAndChangeNothing) {
  ApiClient& outsider = api_->as("bas", professional, PersonId(outsider_));
  EXPECT_EQ(outsider.get(household_path()).status, 403);
  json renamed = current(household_path());
  renamed["name"] = "Gekaapt";
  EXPECT_EQ(outsider.put(household_path(), renamed, if_match(household_path())).status, 403);
  EXPECT_EQ(api_->get(household_path()).json()["name"], "Jansen");
  // Only a coordinator assigns the team.
  json team = current(household_path());
  team["team"].push_back({{"personId", outsider_}, {"from", "2026-01-01"}});
  EXPECT_EQ(callers_[professional]->put(household_path(), team, if_match(household_path())).status,
            403);
  EXPECT_EQ(api_->put(household_path(), team, if_match(household_path())).status, 200);
  EXPECT_EQ(outsider.get(household_path()).status, 200) << "on the team now";

  const json log = api_->get(household_path() + "/access-log?pageSize=200").json();
  int refused = 0;
  for (const json& event : log["items"]) {
    if (event["outcome"] == "denied" && event.value("username", "") == "bas") ++refused;
  }
  EXPECT_EQ(refused, 2);
  int wim_refused = 0;
  for (const json& event : log["items"]) {
    if (event["outcome"] == "denied" && event.value("username", "") == "wim") ++wim_refused;
  }
  EXPECT_EQ(wim_refused, 1);
  // The client sees who looked too.
  EXPECT_GE(callers_[client]->get(household_path() + "/access-log").json()["total"], 5);
  EXPECT_FALSE(access::verify_chain(api_->database())->broken_at);
}

TEST_P(AccessMatrixTest, BreakingTheGlassOpensForAnHourFlaggedAndShownToTheCoordinator) {
  ApiClient& outsider = api_->as("bas", professional, PersonId(outsider_));
  const std::string path = household_path() + "/break-glass";
  EXPECT_EQ(outsider.post(path, json{{"reason", "   "}}).status, 400);
  EXPECT_EQ(outsider.post(path, json::object()).status, 400);
  EXPECT_EQ(outsider.get(household_path()).status, 403) << "a bad request opened nothing";
  const HttpResult opened =
      outsider.post(path, json{{"reason", "Cor belt in paniek, zijn begeleider is ziek"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(outsider.post(path, json{{"reason", "nog eens"}}).status, 409);
  EXPECT_EQ(callers_[professional]->post(path, json{{"reason", "x"}}).status, 409)
      << "the team sees it already";
  ASSERT_EQ(outsider.get(household_path()).status, 200);
  ASSERT_EQ(outsider.get(household_path() + "/network").status, 200);

  const json openings = api_->get("/api/v1/break-glass").json();
  ASSERT_EQ(openings["total"], 1);
  EXPECT_EQ(openings["items"][0]["username"], "bas");
  EXPECT_EQ(openings["items"][0]["reason"], "Cor belt in paniek, zijn begeleider is ziek");
  EXPECT_EQ(callers_[professional]->get("/api/v1/break-glass").json()["total"], 0)
      << "a professional sees their own openings only";

  int flagged = 0;
  std::string reason;
  const json log = api_->get(household_path() + "/access-log").json();
  for (const json& event : log["items"]) {
    if (event.value("username", "") == "bas" && event["breakGlass"] == true) ++flagged;
    if (event["action"] == "household.breakGlass") reason = event.value("reason", "");
  }
  EXPECT_EQ(flagged, 3);  // the opening, the read, the network
  EXPECT_EQ(reason, "Cor belt in paniek, zijn begeleider is ziek") << "the log says why";
}

DICHTBIJ_INSTANTIATE_ENGINES(AccessMatrixTest);

}  // namespace
}  // namespace dichtbij
