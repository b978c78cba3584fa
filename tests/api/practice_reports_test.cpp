// The report of a practice over real HTTP on SQLite and PostgreSQL (issue 9):
// the numbers of its consenting households beside its codes, framework row
// and member checks, as JSON and as a PDF whose text says the same; households
// without research consent count nowhere; only the project's researchers get
// it; bad input is named.
#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

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

// Every page's text, as a reader of the PDF gets it.
std::string pdf_text(const std::string& bytes) {
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return {};
  std::string text;
  for (int i = 0; i != document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    const poppler::byte_array utf8 = page->text().to_utf8();
    text.append(utf8.begin(), utf8.end());
    text += '\n';
  }
  // Lines wrap where the layout wants: compare words, not line breaks.
  std::string words;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space) {
      words += c;
    } else if (!words.empty() && words.back() != ' ') {
      words += ' ';
    }
  }
  return words;
}

class PracticeReportApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    practice_ = api_->practice_id().str();
    welfare_ =
        id(api_->admin().post("/api/v1/organisations",
                              {{"name", "Buurtteam Oost"}, {"kind", "welfare"}, {"formal", true}}));
    smit_ = person({{"displayName", "Mevrouw Smit"}, {"birthYear", 1948}});
    worker_ = person({{"displayName", "Anouk (welzijn)"},
                      {"roles", {{{"role", "professional"}, {"from", "2020-01-01"}}}},
                      {"memberships", {{{"organisationId", welfare_}, {"from", "2020-01-01"}}}}});
    mentor_ = person({{"displayName", "Maatje Hans"},
                      {"roles", {{{"role", "mentor"}, {"from", "2020-01-01"}}}}});
    neighbour_ = person({{"displayName", "Buurvrouw Ria"},
                         {"roles", {{{"role", "neighbour"}, {"from", "2020-01-01"}}}}});
    household_ = id(api_->post("/api/v1/households",
                               {{"kind", "person"},
                                {"name", "Smit"},
                                {"targetGroup", "severeLoneliness"},
                                {"buurtCode", "BU03630000"},
                                {"status", "active"},
                                {"practiceIds", {practice_}},
                                {"members", {{{"personId", smit_}, {"from", "2024-01-01"}}}},
                                {"team", {{{"personId", worker_}, {"from", "2024-01-01"}}}}}));
    tie(mentor_, "friend", {"emotional", "practical"});
    tie(neighbour_, "neighbour", {"practical"});
    act(mentor_, "practical", "professional", {worker_}, "2026-03-03");
    act(mentor_, "practical", "network", {}, "2026-03-10");
    act(neighbour_, "practical", "self", {}, "2026-04-02");
    act(worker_, "emotional", "professional", {}, "2026-04-20");
    consent_ = api_->grant_research_consent(household_);

    ann_ = &api_->as("ann", AccountRole::researcher);
    project_ = id(ann_->post("/api/v1/research/projects",
                             {{"name", "Mobilisatie in Oost"}, {"practiceIds", {practice_}}}));
    help_ = id(ann_->post(path("/codes"), {{"name", "Informele hulp"}, {"colour", "#009e73"}}));
    trust_ = id(ann_->post(path("/codes"), {{"name", "Vertrouwen"}}));
    const std::string pseudonym =
        research::Pseudonyms::open(api_->database())->of(HouseholdId(household_));
    // A note about the household, and one about the practice in general.
    smit_note_ = note("Mevrouw Smit belt de buurvrouw — één keer per week ☕.", {pseudonym});
    general_note_ = note("De buurt kent elkaar; hulp komt vanzelf.", {});
    coding(smit_note_, help_, 0, 11);
    coding(smit_note_, trust_, 5, 20);
    coding(general_note_, help_, 4, 8);
    coding(general_note_, help_, 20, 30);
    matrix_ = id(ann_->post(path("/framework-matrices"),
                            {{"name", "Voorwaarden"}, {"themeCodeIds", {help_, trust_}}}));
    EXPECT_EQ(
        ann_->put(
                path("/framework-matrices/" + matrix_ + "/cells/" + practice_ + "/" + help_),
                {{"summary", "Buren springen bij, vaak ongevraagd."}, {"codingIds", json::array()}},
                {"If-Match: \"0\""})
            .status,
        200);
    // A matrix of households has no row of the practice: not in the report.
    (void)id(ann_->post(
        path("/framework-matrices"),
        {{"name", "Per huishouden"}, {"themeCodeIds", {help_}}, {"caseKind", "household"}}));
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string person(const json& body) { return id(api_->post("/api/v1/persons", body)); }
  void tie(const std::string& person, const std::string& kind,
           const std::vector<std::string>& types) {
    id(api_->post("/api/v1/households/" + household_ + "/ties", {{"personId", person},
                                                                 {"otherPersonId", smit_},
                                                                 {"relationKind", kind},
                                                                 {"supportTypes", types},
                                                                 {"closeness", 2},
                                                                 {"direction", "gives"},
                                                                 {"quality", "ordinary"},
                                                                 {"from", "2025-01-01"}}));
  }
  void act(const std::string& provider, const std::string& type, const std::string& mobilised_by,
           const std::vector<std::string>& others, const std::string& date) {
    id(api_->post("/api/v1/support-acts", {{"date", date},
                                           {"householdId", household_},
                                           {"providerId", provider},
                                           {"receiverId", smit_},
                                           {"supportType", type},
                                           {"mode", "inPerson"},
                                           {"mobilisedBy", mobilised_by},
                                           {"othersInvolvedIds", others}}));
  }
  std::string path(const std::string& rest = "") const {
    return "/api/v1/research/projects/" + project_ + rest;
  }
  std::string note(const std::string& text, const std::vector<std::string>& households) {
    return id(ann_->post(path("/field-notes"), {{"practiceId", practice_},
                                                {"site", "Buurthuis"},
                                                {"observedOn", "2026-03-03"},
                                                {"perspective", "professional"},
                                                {"text", text},
                                                {"householdPseudonyms", households}}));
  }
  void coding(const std::string& note, const std::string& code, int start, int end) {
    id(ann_->post(path("/codings"),
                  {{"noteId", note}, {"codeId", code}, {"start", start}, {"end", end}}));
  }
  std::string account(const std::string& username) {
    return api_->query_text("SELECT id FROM accounts WHERE username = '" + username + "'");
  }
  std::string report_path(const std::string& suffix = "",
                          const std::string& query = "?from=2026-01-01&to=2026-05-31") const {
    return path("/practices/" + practice_ + "/report" + suffix + query);
  }

  std::unique_ptr<ApiServer> api_;
  ApiClient* ann_ = nullptr;
  std::string practice_, welfare_, smit_, worker_, mentor_, neighbour_, household_, consent_,
      project_, help_, trust_, smit_note_, general_note_, matrix_;
};

TEST_P(PracticeReportApiTest, NumbersOfTheConsentingHouseholdsBesideTheCodes) {
  // Sam, a stakeholder of the practice, agrees with a published finding.
  ApiClient& sam = api_->as("sam", AccountRole::professional);
  ASSERT_EQ(ann_->post(path("/members"), {{"accountId", account("sam")},
                                          {"role", "stakeholder"},
                                          {"practiceId", practice_}})
                .status,
            201);
  const std::string finding = id(ann_->post(path("/findings"), {{"practiceId", practice_},
                                                                {"title", "Buren helpen"},
                                                                {"text", "Buren nemen taken over."},
                                                                {"codingIds", json::array()}}));
  ASSERT_EQ(sam.post("/api/v1/member-checks/" + finding + "/answers",
                     {{"version", 1}, {"answer", "agree"}})
                .status,
            201);

  const HttpResult answer = ann_->get(report_path());
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json report = answer.json();
  EXPECT_EQ(report["practiceId"], practice_);
  EXPECT_EQ(report["projectName"], "Mobilisatie in Oost");
  EXPECT_EQ(
      report["period"],
      json({{"from", "2026-01-01"}, {"to", "2026-05-31"}, {"consentingHouseholdsOnly", true}}));
  // Every month of the period, acts or not.
  ASSERT_EQ(report["months"].size(), 5u);
  EXPECT_EQ(report["months"][0]["month"], "2026-01");
  EXPECT_EQ(report["months"][0]["acts"], 0);
  EXPECT_EQ(report["months"][2]["acts"], 2);  // March
  EXPECT_EQ(report["months"][3]["acts"], 2);  // April
  const json total = report["total"];
  EXPECT_EQ(total["acts"], 4);
  EXPECT_EQ(total["professional"], 2);
  EXPECT_EQ(total["network"], 1);
  EXPECT_EQ(total["self"], 1);
  EXPECT_EQ(total["jointActs"], 1);    // the mentor with the worker
  EXPECT_EQ(total["activations"], 1);  // set in motion by a professional, given by the mentor
  EXPECT_DOUBLE_EQ(total["professionalShare"].get<double>(), 0.5);

  // Capacity: on 1 January no act in the 90 days before; the 90 days up to
  // 31 May (from 3 March) hold the practical help of the mentor and the
  // neighbour.
  const json start = report["capacity"]["start"];
  EXPECT_EQ(start["date"], "2026-01-01");
  EXPECT_EQ(start["households"], 1);
  EXPECT_EQ(start["bySupportType"][1]["supportType"], "practical");
  EXPECT_EQ(start["bySupportType"][1]["covered"], 0);
  const json end = report["capacity"]["end"];
  EXPECT_EQ(end["households"], 1);
  EXPECT_EQ(end["bySupportType"][1]["covered"], 1);
  EXPECT_EQ(end["bySupportType"][1]["redundant"], 1);
  EXPECT_EQ(end["bySupportType"][0]["supportType"], "emotional");
  EXPECT_EQ(end["bySupportType"][0]["covered"], 0) << "only the worker gave emotional support";

  // Codes: on most notes first.
  EXPECT_EQ(report["notes"], 2);
  ASSERT_EQ(report["codes"].size(), 2u);
  EXPECT_EQ(report["codes"][0], json({{"codeId", help_},
                                      {"name", "Informele hulp"},
                                      {"colour", "#009e73"},
                                      {"codings", 3},
                                      {"notes", 2},
                                      {"share", 1.0}}));
  EXPECT_EQ(report["codes"][1]["name"], "Vertrouwen");
  EXPECT_EQ(report["codes"][1]["notes"], 1);
  EXPECT_GE(report["codebookVersion"].get<int>(), 2);

  ASSERT_EQ(report["framework"].size(), 1u);
  EXPECT_EQ(report["framework"][0]["name"], "Voorwaarden");
  ASSERT_EQ(report["framework"][0]["cells"].size(), 2u);
  EXPECT_EQ(report["framework"][0]["cells"][0]["summary"], "Buren springen bij, vaak ongevraagd.");
  EXPECT_EQ(report["framework"][0]["cells"][1]["summary"], "") << "unwritten";

  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["title"], "Buren helpen");
  EXPECT_EQ(report["findings"][0]["agree"], 1);
  EXPECT_EQ(report["findings"][0]["open"], 0);

  // Nothing names a household or a person.
  EXPECT_EQ(answer.body.find(household_), std::string::npos);
  EXPECT_EQ(answer.body.find("Smit"), std::string::npos);
  EXPECT_FALSE(api_->audit_events("researchAnalysis.read").empty());
}

TEST_P(PracticeReportApiTest, ThePdfSaysWhatTheJsonSays) {
  const HttpResult answer = ann_->get(report_path(".pdf"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.header("Content-Type"), "application/pdf");
  EXPECT_NE(answer.header("Content-Disposition").value_or("").find("attachment"),
            std::string::npos);
  ASSERT_EQ(answer.body.rfind("%PDF-", 0), 0u);
  const std::string text = pdf_text(answer.body);
  for (const std::string expected :
       {"Praktijkrapport", "Mobilisatie in Oost", "2026-01-01 t/m 2026-05-31",
        "Steunacties in de periode: 4.", "door een professional 2 (50%)", "2026-03",
        "Informele hulp", "Vertrouwen", "Buren springen bij, vaak ongevraagd.",
        "(nog niet geschreven)", "Nog geen bevindingen"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
}

TEST_P(PracticeReportApiTest, WithoutResearchConsentTheHouseholdCountsNowhere) {
  api_->withdraw_research_consent(household_, consent_);
  const HttpResult answer = ann_->get(report_path());
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json report = answer.json();
  EXPECT_EQ(report["total"]["acts"], 0);
  EXPECT_EQ(report["capacity"]["end"]["households"], 0);
  // The note about Mevrouw Smit leaves; the general one stays.
  EXPECT_EQ(report["notes"], 1);
  ASSERT_EQ(report["codes"].size(), 1u);
  EXPECT_EQ(report["codes"][0]["codings"], 2);
  const std::string text = pdf_text(ann_->get(report_path(".pdf")).body);
  EXPECT_NE(text.find("Steunacties in de periode: 0."), std::string::npos) << text;
  EXPECT_NE(text.find("1 veldnotitie van de praktijk"), std::string::npos) << text;
}

TEST_P(PracticeReportApiTest, OnlyTheProjectsResearchersGetIt) {
  ApiClient& bob = api_->as("bob", AccountRole::researcher);
  ApiClient& coordinator =
      api_->as("cora", AccountRole::coordinator, std::nullopt, api_->practice_id());
  ApiClient& sam = api_->as("sam", AccountRole::professional);
  ASSERT_EQ(ann_->post(path("/members"), {{"accountId", account("sam")},
                                          {"role", "stakeholder"},
                                          {"practiceId", practice_}})
                .status,
            201);
  for (ApiClient* other : {&bob, &coordinator, &sam}) {
    for (const std::string suffix : {"", ".pdf"}) {
      const HttpResult refused = other->get(report_path(suffix));
      EXPECT_TRUE(refused.status == 403 || refused.status == 404) << refused.body;
      EXPECT_EQ(refused.body.find("Informele hulp"), std::string::npos);
    }
  }
  EXPECT_EQ(api_->admin().get(report_path()).status / 100, 4);
}

TEST_P(PracticeReportApiTest, EveryPracticeSideBySideWithItsCodes) {
  const std::string other = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Aan de Amstel"}, {"targetGroups", {"severeLoneliness"}}}));
  ASSERT_EQ(
      ann_->put(path(), {{"name", "Mobilisatie in Oost"}, {"practiceIds", {practice_, other}}},
                {"If-Match: \"1\""})
          .status,
      200);
  const HttpResult answer =
      ann_->get(path("/analyses/practice-measures?from=2026-01-01&to=2026-05-31"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json items = answer.json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["name"], "Aan de Amstel") << "by name";
  EXPECT_EQ(items[0]["total"]["acts"], 0);
  EXPECT_EQ(items[0]["notes"], 0);
  EXPECT_TRUE(items[0]["codes"].empty());
  const json& ours = items[1];
  EXPECT_EQ(ours["practiceId"], practice_);
  // The same figures as the practice's own report.
  const json report = ann_->get(report_path()).json();
  EXPECT_EQ(ours["total"], report["total"]);
  EXPECT_EQ(ours["capacity"], report["capacity"]["end"]);
  EXPECT_EQ(ours["notes"], 2);
  ASSERT_EQ(ours["codes"].size(), 2u);
  EXPECT_EQ(ours["codes"][0]["name"], "Informele hulp");
  EXPECT_EQ(answer.body.find(household_), std::string::npos);
  // Without consent, the household counts nowhere here either.
  api_->withdraw_research_consent(household_, consent_);
  const json after =
      ann_->get(path("/analyses/practice-measures?from=2026-01-01&to=2026-05-31")).json();
  EXPECT_EQ(after["items"][1]["total"]["acts"], 0);
  EXPECT_EQ(after["items"][1]["capacity"]["households"], 0);
  EXPECT_EQ(after["items"][1]["notes"], 1);
  EXPECT_EQ(
      api_->as("bob", AccountRole::researcher).get(path("/analyses/practice-measures")).status,
      403);
}

TEST_P(PracticeReportApiTest, BadInputIsNamed) {
  const HttpResult backwards = ann_->get(report_path("", "?from=2026-06-30&to=2026-01-01"));
  EXPECT_EQ(backwards.status, 400) << backwards.body;
  EXPECT_EQ(testing::invalid_param_names(backwards), std::vector<std::string>{"from"});
  const HttpResult too_long = ann_->get(report_path("", "?from=2016-01-01&to=2026-01-01"));
  EXPECT_EQ(too_long.status, 400) << too_long.body;
  const HttpResult not_a_day = ann_->get(report_path("", "?from=2026-02-30"));
  EXPECT_EQ(not_a_day.status, 400) << not_a_day.body;
  EXPECT_EQ(testing::invalid_param_names(not_a_day), std::vector<std::string>{"from"});
  const HttpResult unknown = ann_->get(report_path("", "?colour=red"));
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  // A practice the project does not study, and no practice at all.
  const std::string other = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"severeLoneliness"}}}));
  const HttpResult elsewhere = ann_->get(path("/practices/" + other + "/report"));
  EXPECT_EQ(elsewhere.status, 404) << elsewhere.body;
  EXPECT_NE(elsewhere.json().value("detail", "").find("does not study"), std::string::npos);
  EXPECT_EQ(ann_->get(path("/practices/nope/report.pdf")).status, 404);
}

DICHTBIJ_INSTANTIATE_ENGINES(PracticeReportApiTest);

}  // namespace
}  // namespace dichtbij
