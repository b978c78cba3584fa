// Member checking over real HTTP on SQLite and PostgreSQL (issue 9): a
// researcher publishes a finding to the stakeholders of a practice, they
// answer, a revision keeps every version and the answers stay with the
// version they answered; stakeholders of another practice, non-members and
// bad answers change nothing.
#include "api/today.hpp"
#include "research/pseudonyms.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;
using testing::HttpResult;

class MemberCheckApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    ann_ = &api_->as("ann", AccountRole::researcher);
    practice_ = api_->practice_id().str();
    other_practice_ = id(api_->admin().post(
        "/api/v1/practices", {{"name", "Maatjes"}, {"targetGroups", {"severeLoneliness"}}}));
    project_ =
        id(ann_->post("/api/v1/research/projects",
                      {{"name", "Mobilisatie"}, {"practiceIds", {practice_, other_practice_}}}));
    // Stakeholders hold any account role: a professional and a client here.
    sam_ = &api_->as("sam", AccountRole::professional);
    cas_ = &api_->as("cas", AccountRole::client);
    olga_ = &api_->as("olga", AccountRole::volunteer);
    stakeholder("sam", practice_);
    stakeholder("cas", practice_);
    stakeholder("olga", other_practice_);
    note_ = id(
        ann_->post(path("/field-notes"), note_body(practice_, "Jan helpt Persoon 1 met de post.")));
    other_note_ = id(ann_->post(path("/field-notes"),
                                note_body(other_practice_, "Elders gebeurt iets anders.")));
    code_ = id(ann_->post(path("/codes"), {{"name", "Informele hulp"}}));
    coding_ = coding(note_, 0, 3);           // "Jan"
    second_coding_ = coding(note_, 10, 19);  // "Persoon 1"
    other_coding_ = coding(other_note_, 0, 6);
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string account(const std::string& username) {
    return api_->query_text("SELECT id FROM accounts WHERE username = '" + username + "'");
  }
  void stakeholder(const std::string& username, const std::string& practice) {
    ASSERT_EQ(ann_->post(path("/members"), {{"accountId", account(username)},
                                            {"role", "stakeholder"},
                                            {"practiceId", practice}})
                  .status,
              201);
  }
  std::string path(const std::string& rest = "") const {
    return "/api/v1/research/projects/" + project_ + rest;
  }
  static json note_body(const std::string& practice, const std::string& text) {
    return {{"practiceId", practice},
            {"site", "Buurthuis"},
            {"observedOn", "2026-03-03"},
            {"perspective", "professional"},
            {"text", text}};
  }
  std::string coding(const std::string& note, int start, int end) {
    return id(ann_->post(path("/codings"),
                         {{"noteId", note}, {"codeId", code_}, {"start", start}, {"end", end}}));
  }
  json finding_body(const std::string& title, std::vector<std::string> codings) const {
    return {{"practiceId", practice_},
            {"title", title},
            {"text", "Buren nemen taken over als de professional ze vraagt."},
            {"codingIds", codings}};
  }
  // A comment is left out when empty, as the web app does.
  HttpResult answer(ApiClient& as, const std::string& finding, int version,
                    const std::string& value, const std::string& comment = "") {
    json body{{"version", version}, {"answer", value}};
    if (!comment.empty()) body["comment"] = comment;
    return as.post("/api/v1/member-checks/" + finding + "/answers", body);
  }
  // A household of the practice, for notes to be about.
  std::string jansen() {
    return id(api_->post("/api/v1/households", {{"kind", "person"},
                                                {"name", "Jansen"},
                                                {"targetGroup", "severeLoneliness"},
                                                {"status", "active"},
                                                {"practiceIds", {practice_}}}));
  }
  long long count(const std::string& table) {
    return api_->query_number("SELECT COUNT(*) FROM " + table);
  }

  std::unique_ptr<ApiServer> api_;
  ApiClient *ann_ = nullptr, *sam_ = nullptr, *cas_ = nullptr, *olga_ = nullptr;
  std::string practice_, other_practice_, project_, note_, other_note_, code_, coding_,
      second_coding_, other_coding_;
};

TEST_P(MemberCheckApiTest, StakeholdersAnswerAndResearchersSeeTheTally) {
  const HttpResult published =
      ann_->post(path("/findings"), finding_body("Buren helpen", {coding_, second_coding_}));
  ASSERT_EQ(published.status, 201) << published.body;
  const std::string finding = published.json()["id"];
  EXPECT_EQ(published.header("ETag"), "\"1\"");
  EXPECT_EQ(published.json()["tally"],
            json({{"agree", 0}, {"partly", 0}, {"disagree", 0}, {"open", 2}}));

  // Sam sees the finding with the fragments' text only: no note, coding or
  // account ids, nothing of the other practice.
  const HttpResult listed = sam_->get("/api/v1/member-checks");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const json items = listed.json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["title"], "Buren helpen");
  EXPECT_EQ(items[0]["projectName"], "Mobilisatie");
  EXPECT_EQ(items[0]["fragments"], json::array({{{"text", "Jan"}, {"withheld", false}},
                                                {{"text", "Persoon 1"}, {"withheld", false}}}));
  EXPECT_FALSE(items[0].contains("answer"));
  EXPECT_EQ(listed.body.find(note_), std::string::npos);
  EXPECT_EQ(listed.body.find(coding_), std::string::npos);
  EXPECT_EQ(listed.body.find(account("ann")), std::string::npos);

  ASSERT_EQ(answer(*sam_, finding, 1, "partly", "Niet altijd").status, 201);
  ASSERT_EQ(answer(*cas_, finding, 1, "disagree").status, 201);
  // Sam changes his mind: both answers are kept, the newest counts.
  const HttpResult changed = answer(*sam_, finding, 1, "agree", "Toch wel");
  ASSERT_EQ(changed.status, 201) << changed.body;
  EXPECT_EQ(changed.json()["answer"], "agree");
  const json mine = sam_->get("/api/v1/member-checks").json()["items"][0];
  EXPECT_EQ(mine["answer"]["answer"], "agree");
  EXPECT_EQ(mine["answer"]["comment"], "Toch wel");

  const HttpResult read = ann_->get(path("/findings/" + finding));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["tally"],
            json({{"agree", 1}, {"partly", 0}, {"disagree", 1}, {"open", 0}}));
  const json answers = read.json()["versions"][0]["answers"];
  ASSERT_EQ(answers.size(), 3u);
  // Answers given within one clock tick have no order among themselves:
  // find Sam's first by who and number.
  json first;
  for (const json& answer : answers) {
    if (answer["username"] == "sam" && answer["number"] == 1) first = answer;
  }
  ASSERT_TRUE(first.is_object()) << answers.dump();
  EXPECT_EQ(first["answer"], "partly");
  EXPECT_EQ(first["comment"], "Niet altijd");
  EXPECT_FALSE(first["answeredAt"].get<std::string>().empty());
  const json list = ann_->get(path("/findings")).json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["tally"]["agree"], 1);
  EXPECT_FALSE(api_->audit_events("memberCheck.create").empty());
  EXPECT_FALSE(api_->audit_events("memberCheck.list").empty());
  EXPECT_FALSE(api_->audit_events("finding.read").empty());
}

TEST_P(MemberCheckApiTest, ARevisionKeepsEveryVersionAndItsAnswers) {
  const std::string finding =
      id(ann_->post(path("/findings"), finding_body("Buren helpen", {coding_})));
  ASSERT_EQ(answer(*sam_, finding, 1, "disagree", "Te stellig").status, 201);
  // A stale If-Match is refused and changes nothing.
  json revised = finding_body("Buren helpen soms", {second_coding_});
  revised["text"] = "Buren nemen soms taken over.";
  EXPECT_EQ(ann_->put(path("/findings/" + finding), revised, {"If-Match: \"7\""}).status, 412);
  const HttpResult ok = ann_->put(path("/findings/" + finding), revised, {"If-Match: \"1\""});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["version"], 2);
  EXPECT_EQ(ok.header("ETag"), "\"2\"");
  const json versions = ok.json()["versions"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["title"], "Buren helpen");
  EXPECT_EQ(versions[0]["fragments"][0]["text"], "Jan");
  EXPECT_EQ(versions[0]["answers"].size(), 1u);
  EXPECT_EQ(versions[0]["tally"]["disagree"], 1);
  EXPECT_EQ(versions[1]["text"], "Buren nemen soms taken over.");
  EXPECT_EQ(versions[1]["fragments"][0]["text"], "Persoon 1");
  EXPECT_TRUE(versions[1]["answers"].empty());
  EXPECT_EQ(ok.json()["tally"]["open"], 2);

  // Sam sees the new version, and that he answered the earlier one.
  const json mine = sam_->get("/api/v1/member-checks").json()["items"][0];
  EXPECT_EQ(mine["version"], 2);
  EXPECT_FALSE(mine.contains("answer"));
  EXPECT_EQ(mine["earlierAnswer"]["version"], 1);
  EXPECT_EQ(mine["earlierAnswer"]["answer"], "disagree");
  // An answer to the old version now conflicts; to the new one it counts.
  EXPECT_EQ(answer(*sam_, finding, 1, "agree").status, 409);
  ASSERT_EQ(answer(*sam_, finding, 2, "agree").status, 201);
  const json read = ann_->get(path("/findings/" + finding)).json();
  EXPECT_EQ(read["versions"][0]["answers"].size(), 1u);
  EXPECT_EQ(read["versions"][1]["answers"][0]["answer"], "agree");
  // The practice is fixed by the first version.
  json moved = revised;
  moved["practiceId"] = other_practice_;
  moved["codingIds"] = {other_coding_};
  const HttpResult refused = ann_->put(path("/findings/" + finding), moved);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(testing::invalid_param_names(refused), std::vector<std::string>{"practiceId"});
  EXPECT_EQ(count("research_finding_versions"), 2);
}

TEST_P(MemberCheckApiTest, OtherPracticesNonMembersAndResearchersOfOtherProjectsSeeNothing) {
  const std::string finding =
      id(ann_->post(path("/findings"), finding_body("Buren helpen", {coding_})));
  // Olga is a stakeholder of the other practice: the finding is not hers.
  EXPECT_TRUE(olga_->get("/api/v1/member-checks").json()["items"].empty());
  EXPECT_EQ(answer(*olga_, finding, 1, "agree").status, 403);
  // Someone of no project at all, and a researcher of another project.
  ApiClient& outsider = api_->as("otto", AccountRole::professional);
  ApiClient& other_researcher = api_->as("rita", AccountRole::researcher);
  for (ApiClient* caller : {&outsider, &other_researcher, static_cast<ApiClient*>(api_.get())}) {
    const HttpResult listed = caller->get("/api/v1/member-checks");
    EXPECT_EQ(listed.status, 200);
    EXPECT_TRUE(listed.json()["items"].empty());
    EXPECT_EQ(answer(*caller, finding, 1, "agree").status, 403);
  }
  EXPECT_EQ(other_researcher.get(path("/findings")).status, 403);
  EXPECT_EQ(other_researcher.get(path("/findings/" + finding)).status, 403);
  EXPECT_EQ(sam_->get(path("/findings")).status, 403) << "stakeholders do not see the tallies";
  // The project's researcher publishes; she does not answer.
  EXPECT_EQ(answer(*ann_, finding, 1, "agree").status, 403);
  EXPECT_EQ(answer(*sam_, "00000000-0000-4000-8000-000000000000", 1, "agree").status, 404);
  EXPECT_EQ(count("research_finding_answers"), 0);
  bool refused = false;
  for (const store::AuditRow& row : api_->audit_events("memberCheck.create")) {
    refused = refused || row.outcome == "denied";
  }
  EXPECT_TRUE(refused);
}

TEST_P(MemberCheckApiTest, BadInputNamesTheFieldAndChangesNothing) {
  const std::string finding =
      id(ann_->post(path("/findings"), finding_body("Buren helpen", {coding_})));
  const HttpResult bad = answer(*sam_, finding, 1, "misschien");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(testing::invalid_param_names(bad), std::vector<std::string>{"answer"});
  const HttpResult no_version =
      sam_->post("/api/v1/member-checks/" + finding + "/answers", {{"answer", "agree"}});
  EXPECT_EQ(no_version.status, 400);
  EXPECT_EQ(testing::invalid_param_names(no_version), std::vector<std::string>{"version"});
  EXPECT_EQ(count("research_finding_answers"), 0);
  EXPECT_FALSE(sam_->get("/api/v1/member-checks").json()["items"][0].contains("answer"));

  // A fragment of another practice's note, a coding twice, no title.
  const long long findings = count("research_findings");
  const HttpResult elsewhere =
      ann_->post(path("/findings"), finding_body("Elders", {coding_, other_coding_}));
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_EQ(testing::invalid_param_names(elsewhere), std::vector<std::string>{"codingIds[1]"});
  const HttpResult twice = ann_->post(path("/findings"), finding_body("Twee", {coding_, coding_}));
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(testing::invalid_param_names(twice), std::vector<std::string>{"codingIds"});
  json untitled = finding_body("", {coding_});
  const HttpResult no_title = ann_->post(path("/findings"), untitled);
  EXPECT_EQ(no_title.status, 400);
  EXPECT_EQ(testing::invalid_param_names(no_title), std::vector<std::string>{"title"});
  EXPECT_EQ(count("research_findings"), findings);
}

TEST_P(MemberCheckApiTest, APublishedFragmentOutlivesItsCoding) {
  const std::string finding =
      id(ann_->post(path("/findings"), finding_body("Buren helpen", {coding_})));
  ASSERT_EQ(ann_->del(path("/codings/" + coding_)).status, 204);
  const json read = ann_->get(path("/findings/" + finding)).json();
  EXPECT_EQ(read["versions"][0]["fragments"][0]["text"], "Jan");
  EXPECT_FALSE(read["versions"][0]["fragments"][0].contains("codingId"));
  EXPECT_EQ(sam_->get("/api/v1/member-checks").json()["items"][0]["fragments"][0]["text"], "Jan");
}

TEST_P(MemberCheckApiTest, AFragmentOfAHouseholdWithoutResearchConsentIsNotPublished) {
  const std::string household = jansen();
  const std::string consent = api_->grant_research_consent(household);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  json body = note_body(practice_, "Mevrouw belt de buurvrouw.");
  body["householdPseudonyms"] = {pseudonyms->of(HouseholdId(household))};
  const std::string linked = coding(id(ann_->post(path("/field-notes"), body)), 0, 7);
  ASSERT_EQ(ann_->post(path("/findings"), finding_body("Met toestemming", {linked})).status, 201);
  api_->withdraw_research_consent(household, consent);
  const HttpResult refused =
      ann_->post(path("/findings"), finding_body("Zonder toestemming", {coding_, linked}));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(testing::invalid_param_names(refused), std::vector<std::string>{"codingIds[1]"});
  EXPECT_EQ(count("research_findings"), 1);
}

TEST_P(MemberCheckApiTest, APublishedFragmentIsWithheldOnceItsHouseholdWithdrawsConsent) {
  const std::string household = jansen();
  const std::string consent = api_->grant_research_consent(household);
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  json body = note_body(practice_, "Mevrouw Jansen belt de buurvrouw.");
  body["householdPseudonyms"] = {pseudonyms->of(HouseholdId(household))};
  const std::string linked = coding(id(ann_->post(path("/field-notes"), body)), 0, 14);
  const std::string finding =
      id(ann_->post(path("/findings"), finding_body("Buren helpen", {coding_, linked})));
  ASSERT_EQ(sam_->get("/api/v1/member-checks").json()["items"][0]["fragments"][1]["text"],
            "Mevrouw Jansen");

  api_->withdraw_research_consent(household, consent);
  // The stakeholder, and the researchers, no longer read it; the other
  // fragment stays. The coding removed as well changes nothing.
  ASSERT_EQ(ann_->del(path("/codings/" + linked)).status, 204);
  const json stakeholder = sam_->get("/api/v1/member-checks").json()["items"][0]["fragments"];
  EXPECT_EQ(stakeholder[0], json({{"text", "Jan"}, {"withheld", false}}));
  EXPECT_EQ(stakeholder[1], json({{"text", ""}, {"withheld", true}}));
  const HttpResult read = ann_->get(path("/findings/" + finding));
  EXPECT_EQ(read.body.find("Jansen"), std::string::npos) << read.body;
  EXPECT_EQ(read.json()["versions"][0]["fragments"][1]["withheld"], true);
  EXPECT_EQ(ann_->get(path("/findings")).body.find("Jansen"), std::string::npos);
  // Consent given anew: the copy kept comes back.
  id(api_->post("/api/v1/households/" + household + "/consents",
                {{"purpose", "research"}, {"grantedOn", format_date(api::today())}}));
  EXPECT_EQ(sam_->get("/api/v1/member-checks").json()["items"][0]["fragments"][1]["text"],
            "Mevrouw Jansen");
}

DICHTBIJ_INSTANTIATE_ENGINES(MemberCheckApiTest);

}  // namespace
}  // namespace dichtbij
