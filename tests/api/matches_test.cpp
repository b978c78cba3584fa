// Help requests, volunteer profiles and matching over real HTTP, on SQLite
// and PostgreSQL: validation that names every field and changes nothing,
// a run whose proposals explain themselves, and the whole life cycle —
// approval, a decline that reruns without the pair, acceptance that ties
// the volunteer to the household and opens it to them, the end.
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;
using testing::HttpResult;

std::set<std::string> names_of(const HttpResult& result) {
  const std::vector<std::string> names = testing::invalid_param_names(result);
  return {names.begin(), names.end()};
}

class MatchesApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    cor_ = person("Cor Jansen");
    vera_ = person("Vera de Vries");
    bram_ = person("Bram Bakker");
    household_ = id(api_->post("/api/v1/households",
                               {{"kind", "person"},
                                {"name", "Jansen"},
                                {"targetGroup", "severeLoneliness"},
                                {"status", "active"},
                                {"practiceIds", {practice()}},
                                {"members", {{{"personId", cor_}, {"from", "2024-01-01"}}}}}));
    // Vera lives next door and shares an interest; Bram lives farther away.
    (void)id(api_->post("/api/v1/volunteer-profiles", profile(vera_, "BU03630002", {"wandelen"})));
    (void)id(api_->post("/api/v1/volunteer-profiles", profile(bram_, "BU03631001", {})));
    request_ = id(api_->post("/api/v1/help-requests", help_request()));
    vera_client_ = &api_->as("vera", AccountRole::volunteer, PersonId(vera_));
    bram_client_ = &api_->as("bram", AccountRole::volunteer, PersonId(bram_));
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string person(const std::string& name) {
    return id(api_->post("/api/v1/persons", {{"displayName", name}}));
  }
  std::string practice() const { return api_->practice_id().str(); }
  json help_request() const {
    return {{"householdId", household_},
            {"practiceId", practice()},
            {"kind", "companionship"},
            {"description", "Cor zoekt iemand om wekelijks mee te wandelen"},
            {"buurtCode", "BU03630001"},
            {"languages", {"nl", "pap"}},
            {"interests", {"wandelen", "voetbal"}},
            {"wishedTimes", {"tue-morning", "thu-afternoon"}},
            {"urgency", "high"},
            {"status", "open"},
            {"requestedById", cor_}};
  }
  json profile(const std::string& person, const std::string& buurt,
               std::vector<std::string> interests) const {
    return {{"personId", person},
            {"practiceId", practice()},
            {"kinds", {"companionship", "practical"}},
            {"preferredKinds", {"companionship"}},
            {"languages", {"nl"}},
            {"interests", interests},
            {"homeBuurtCode", buurt},
            {"maxDistanceMetres", 4000},
            {"availability", {"tue-morning"}},
            {"capacity", 1},
            {"available", true}};
  }
  HttpResult run() {
    return api_->post("/api/v1/practices/" + practice() + "/matching-runs", json::object());
  }
  HttpResult step(ApiClient& caller, const std::string& match, json body) {
    return caller.post("/api/v1/matches/" + match + "/transitions", body);
  }
  long long count(const std::string& table) {
    return api_->query_number("SELECT COUNT(*) FROM " + table);
  }

  std::unique_ptr<ApiServer> api_;
  ApiClient* vera_client_ = nullptr;
  ApiClient* bram_client_ = nullptr;
  std::string cor_, vera_, bram_, household_, request_;
};

TEST_P(MatchesApiTest, BadRequestsNameEveryFieldAndChangeNothing) {
  // Fields that cannot be read, then values that do not fit: each named.
  json unreadable = help_request();
  unreadable["wishedTimes"] = {"tue-morning", "someday"};
  unreadable["kind"] = "gardening";
  const HttpResult refused = api_->post("/api/v1/help-requests", unreadable);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(names_of(refused), (std::set<std::string>{"wishedTimes[1]", "kind"}));
  json unfit = help_request();
  unfit["buurtCode"] = "Bijlmer";
  unfit["languages"] = json::array();
  unfit["interests"] = {"koken", "koken"};
  const HttpResult refused_unfit = api_->post("/api/v1/help-requests", unfit);
  EXPECT_EQ(refused_unfit.status, 400) << refused_unfit.body;
  EXPECT_EQ(names_of(refused_unfit),
            (std::set<std::string>{"buurtCode", "languages", "interests[1]"}));

  json elsewhere = help_request();
  elsewhere["practiceId"] = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"severeLoneliness"}}}));
  const HttpResult wrong_practice = api_->post("/api/v1/help-requests", elsewhere);
  EXPECT_EQ(wrong_practice.status, 400);
  EXPECT_EQ(names_of(wrong_practice), (std::set<std::string>{"practiceId"}));

  json bad_profile = profile(vera_, "BU0363", {});
  bad_profile["capacity"] = 0;
  bad_profile["kinds"] = json::array();
  EXPECT_EQ(names_of(api_->post("/api/v1/volunteer-profiles", bad_profile)),
            (std::set<std::string>{"kinds", "capacity"}));
  bad_profile = profile(vera_, "BU0363", {});
  bad_profile["availability"] = json::array();
  bad_profile["preferredKinds"] = {"transport"};
  const HttpResult refused_profile = api_->post("/api/v1/volunteer-profiles", bad_profile);
  EXPECT_EQ(refused_profile.status, 400) << refused_profile.body;
  EXPECT_EQ(names_of(refused_profile),
            (std::set<std::string>{"homeBuurtCode", "availability", "preferredKinds[0]"}));
  EXPECT_EQ(api_->post("/api/v1/volunteer-profiles", profile(vera_, "BU03630002", {})).status, 409)
      << "one profile per volunteer and practice";

  EXPECT_EQ(count("help_requests"), 1);
  EXPECT_EQ(count("volunteer_profiles"), 2);
  EXPECT_EQ(
      api_->post("/api/v1/practices/" + practice() + "/matching-runs", {{"dryRun", true}}).status,
      400);
  EXPECT_EQ(count("matches"), 0);
}

TEST_P(MatchesApiTest, ARunProposesTheBestVolunteerAndSaysWhy) {
  const HttpResult result = run();
  ASSERT_EQ(result.status, 201) << result.body;
  const json body = result.json();
  ASSERT_EQ(body["proposals"].size(), 1U) << body.dump();
  const json proposal = body["proposals"][0];
  EXPECT_EQ(proposal["volunteerId"], vera_);
  EXPECT_EQ(proposal["status"], "proposed");
  int sum = 0;
  std::map<std::string, int> points;
  for (const json& criterion : proposal["explanation"]["criteria"]) {
    sum += criterion["points"].get<int>();
    points[criterion["criterion"]] = criterion["points"];
  }
  EXPECT_EQ(sum, proposal["score"].get<int>());
  EXPECT_EQ(points["interests"], 10) << "wandelen";
  EXPECT_EQ(points["preferredKind"], 10);
  EXPECT_EQ(points["urgency"], 30);
  ASSERT_EQ(proposal["explanation"]["alternatives"].size(), 1U);
  EXPECT_EQ(proposal["explanation"]["alternatives"][0]["volunteerId"], bram_);
  EXPECT_EQ(body["totalScore"], proposal["score"]);

  // The same data gives the same run; the run replaces its own proposals.
  const json again = run().json();
  EXPECT_EQ(again["proposals"][0]["volunteerId"], vera_);
  EXPECT_EQ(again["proposals"][0]["score"], proposal["score"]);
  EXPECT_EQ(again["replacedProposals"], 1);
  EXPECT_EQ(count("matches"), 1);
  EXPECT_FALSE(api_->audit_events("match.create").empty());
}

TEST_P(MatchesApiTest, TheLifeCycleFromProposalToEnd) {
  const std::string vera_match = run().json()["proposals"][0]["id"];
  // A bare proposal is the coordinator's alone.
  EXPECT_EQ(vera_client_->get("/api/v1/matches").json()["total"], 0);
  EXPECT_EQ(vera_client_->get("/api/v1/matches/" + vera_match).status, 403);
  EXPECT_EQ(step(*vera_client_, vera_match, {{"status", "accepted"}}).status, 403);
  EXPECT_EQ(step(*api_, vera_match, {{"status", "active"}}).status, 409);
  ASSERT_EQ(step(*api_, vera_match, {{"status", "approved"}}).status, 200);
  EXPECT_EQ(api_->get("/api/v1/help-requests/" + request_).json()["status"], "matched");

  // Vera sees the request's essentials, not the household.
  const json seen = vera_client_->get("/api/v1/matches/" + vera_match).json();
  EXPECT_EQ(seen["request"]["kind"], "companionship");
  EXPECT_EQ(seen["request"]["buurtCode"], "BU03630001");
  EXPECT_FALSE(seen.contains("householdId"));
  EXPECT_FALSE(seen["explanation"].contains("alternatives"));
  EXPECT_EQ(vera_client_->get("/api/v1/households/" + household_).status, 403);

  // She declines: the request is open again and matched without her.
  const HttpResult declined =
      step(*vera_client_, vera_match, {{"status", "declined"}, {"reason", "Te weinig tijd"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["rerun"]["proposals"], 1);
  const json proposals = api_->get("/api/v1/matches?status=proposed").json();
  ASSERT_EQ(proposals["total"], 1);
  const std::string bram_match = proposals["items"][0]["id"];
  EXPECT_EQ(proposals["items"][0]["volunteerId"], bram_);

  ASSERT_EQ(step(*api_, bram_match, {{"status", "approved"}}).status, 200);
  EXPECT_EQ(bram_client_->get("/api/v1/households/" + household_).status, 403);
  const HttpResult accepted = step(*bram_client_, bram_match, {{"status", "accepted"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["householdId"], household_);
  // The tie makes Bram a network person of the household: helper access.
  const json ties = api_->get("/api/v1/households/" + household_ + "/ties").json();
  ASSERT_EQ(ties["total"], 1);
  EXPECT_EQ(ties["items"][0]["personId"], bram_);
  EXPECT_EQ(ties["items"][0]["otherPersonId"], cor_);
  EXPECT_EQ(bram_client_->get("/api/v1/households/" + household_).status, 200);

  ASSERT_EQ(step(*bram_client_, bram_match, {{"status", "active"}}).status, 200);
  const HttpResult no_reason = step(*api_, bram_match, {{"status", "ended"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(names_of(no_reason), (std::set<std::string>{"reason"}));
  ASSERT_EQ(step(*api_, bram_match, {{"status", "ended"}, {"reason", "Cor verhuisd"}}).status, 200);
  EXPECT_EQ(api_->get("/api/v1/help-requests/" + request_).json()["status"], "closed");
  EXPECT_TRUE(
      api_->get("/api/v1/households/" + household_ + "/ties").json()["items"][0].contains("until"));
  EXPECT_EQ(step(*api_, bram_match, {{"status", "active"}}).status, 409) << "ended is final";
  EXPECT_FALSE(api_->audit_events("match.update").empty());
}

TEST_P(MatchesApiTest, OnlyTheCoordinatorOfThePracticeRunsIt) {
  const std::string other = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"severeLoneliness"}}}));
  ApiClient& stranger =
      api_->as("elders", AccountRole::coordinator, std::nullopt, PracticeId(other));
  EXPECT_EQ(
      stranger.post("/api/v1/practices/" + practice() + "/matching-runs", json::object()).status,
      403);
  EXPECT_EQ(stranger.get("/api/v1/matches").json()["total"], 0);
  EXPECT_EQ(vera_client_->post("/api/v1/practices/" + practice() + "/matching-runs", json::object())
                .status,
            403);
  EXPECT_EQ(api_->post("/api/v1/practices/00000000-0000-4000-8000-000000000000/matching-runs",
                       json::object())
                .status,
            403)
      << "not theirs, whether or not it exists";
  EXPECT_EQ(count("matches"), 0);
}

TEST_P(MatchesApiTest, RequestsAreListedByStatusAndKind) {
  json practical = help_request();
  practical["kind"] = "practical";
  practical["status"] = "closed";
  (void)id(api_->post("/api/v1/help-requests", practical));
  EXPECT_EQ(api_->get("/api/v1/help-requests").json()["total"], 2);
  EXPECT_EQ(api_->get("/api/v1/help-requests?kind=companionship").json()["total"], 1);
  const json closed = api_->get("/api/v1/help-requests?kind=practical&status=closed").json();
  ASSERT_EQ(closed["total"], 1);
  EXPECT_EQ(closed["items"][0]["kind"], "practical");
  EXPECT_EQ(api_->get("/api/v1/help-requests?kind=practical&status=open").json()["total"], 0);
  const HttpResult bad = api_->get("/api/v1/help-requests?kind=gardening");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(names_of(bad), (std::set<std::string>{"kind"}));
}

TEST_P(MatchesApiTest, ACoordinatorKeepsTheProfilesOfTheirOwnPracticeOnly) {
  const std::string vera_profile =
      api_->get("/api/v1/volunteer-profiles?personId=" + vera_).json()["items"][0]["id"];
  const std::string path = "/api/v1/volunteer-profiles/" + vera_profile;
  const std::string other = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"severeLoneliness"}}}));
  ApiClient& stranger =
      api_->as("elders", AccountRole::coordinator, std::nullopt, PracticeId(other));
  const json before = api_->get(path).json();

  EXPECT_EQ(stranger.get(path).status, 403);
  EXPECT_EQ(stranger.put(path, profile(vera_, "BU03630002", {})).status, 403);
  EXPECT_EQ(stranger.del(path).status, 403);
  EXPECT_EQ(
      stranger.post("/api/v1/volunteer-profiles", profile(person("Nel Nieuw"), "BU03630002", {}))
          .status,
      403);
  EXPECT_EQ(stranger.get("/api/v1/volunteer-profiles?practiceId=" + practice()).status, 403);
  EXPECT_EQ(stranger.get("/api/v1/volunteer-profiles").json()["total"], 0)
      << "their own practice has no profiles yet";
  // Nor may the practice's own coordinator hand a profile to another practice.
  json moved = profile(vera_, "BU03630002", {});
  moved["practiceId"] = other;
  EXPECT_EQ(api_->put(path, moved).status, 403);
  EXPECT_EQ(api_->get(path).json(), before) << "nothing changed";
  EXPECT_EQ(count("volunteer_profiles"), 2);

  // Their own practice's profiles they keep.
  json theirs = profile(vera_, "BU03630002", {});
  theirs["practiceId"] = other;
  const HttpResult created = stranger.post("/api/v1/volunteer-profiles", theirs);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(stranger.get("/api/v1/volunteer-profiles").json()["total"], 1);
  EXPECT_EQ(api_->get("/api/v1/volunteer-profiles").json()["total"], 2) << "not the other's";

  // Every access is audited, refusals too, and no household is named.
  bool refused_read = false;
  for (const store::AuditRow& event : api_->audit_events("volunteerProfile.read")) {
    EXPECT_FALSE(event.household_id.has_value());
    if (event.outcome == "denied" && event.record_id == vera_profile) refused_read = true;
  }
  EXPECT_TRUE(refused_read);
  EXPECT_FALSE(api_->audit_events("volunteerProfile.list").empty());
  EXPECT_FALSE(api_->audit_events("volunteerProfile.create").empty());
}

TEST_P(MatchesApiTest, AVolunteerSeesAndKeepsTheirOwnProfile) {
  const HttpResult listed = vera_client_->get("/api/v1/volunteer-profiles");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["total"], 1) << "hers, not Bram's";
  EXPECT_EQ(listed.json()["items"][0]["personId"], vera_);
  const std::string path =
      "/api/v1/volunteer-profiles/" + listed.json()["items"][0]["id"].get<std::string>();
  const std::string bram_profile =
      api_->get("/api/v1/volunteer-profiles?personId=" + bram_).json()["items"][0]["id"];
  EXPECT_EQ(vera_client_->get("/api/v1/volunteer-profiles/" + bram_profile).status, 403);
  EXPECT_EQ(vera_client_->get("/api/v1/volunteer-profiles?personId=" + bram_).status, 403);

  const HttpResult read = vera_client_->get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  const std::string etag = read.header("ETag").value_or("");
  ASSERT_FALSE(etag.empty());
  bool audited = false;
  for (const store::AuditRow& event : api_->audit_events("volunteerProfile.read")) {
    if (event.username == "vera" && event.outcome == "allowed") audited = true;
  }
  EXPECT_TRUE(audited);

  // Bad input names the field and changes nothing.
  json changed = profile(vera_, "BU03630002", {"wandelen", "koken"});
  changed["capacity"] = 0;
  const HttpResult bad = vera_client_->put(path, changed, {"If-Match: " + etag});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(names_of(bad), (std::set<std::string>{"capacity"}));
  // She keeps her profile's person and practice.
  changed["capacity"] = 2;
  changed["personId"] = bram_;
  EXPECT_EQ(vera_client_->put(path, changed, {"If-Match: " + etag}).status, 403);
  changed["personId"] = vera_;
  EXPECT_EQ(vera_client_->get(path).json(), read.json()) << "nothing changed";

  const HttpResult updated = vera_client_->put(path, changed, {"If-Match: " + etag});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["capacity"], 2);
  EXPECT_NE(updated.header("ETag").value_or(etag), etag);
  EXPECT_EQ(vera_client_->put(path, changed, {"If-Match: " + etag}).status, 412)
      << "a stale ETag never overwrites";
  EXPECT_EQ(vera_client_->del(path).status, 403);
  EXPECT_EQ(
      vera_client_->post("/api/v1/volunteer-profiles", profile(vera_, "BU03630002", {})).status,
      403);
  EXPECT_EQ(count("volunteer_profiles"), 2);
  EXPECT_FALSE(api_->audit_events("volunteerProfile.update").empty());
}

DICHTBIJ_INSTANTIATE_ENGINES(MatchesApiTest);

}  // namespace
}  // namespace dichtbij
