// The framework matrix over real HTTP on SQLite and PostgreSQL (issue 9):
// practices or households (pseudonymised) as rows, chosen codes as columns,
// cells written with their own versions (a stale one gets 412, changing
// nothing), and the CSV export. A household matrix never shows a
// household's id, and a household whose research consent is withdrawn
// leaves its rows, cells and the CSV.
#include <algorithm>
#include <map>

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

class FrameworkMatrixApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    ann_ = &api_->as("ann", AccountRole::researcher);
    practice_ = api_->practice_id().str();
    other_practice_ = id(api_->admin().post(
        "/api/v1/practices", {{"name", "Aan de Amstel"}, {"targetGroups", {"severeLoneliness"}}}));
    project_ =
        id(ann_->post("/api/v1/research/projects",
                      {{"name", "Mobilisatie"}, {"practiceIds", {practice_, other_practice_}}}));
    note_ = id(ann_->post(path("/field-notes"), note_body(practice_, "Jan belt de buurvrouw.")));
    other_note_ = id(ann_->post(path("/field-notes"), note_body(other_practice_, "Elders.")));
    help_ = code("Informele hulp");
    trust_ = code("Vertrouwen");
    coding_ = coding(note_, help_, 0, 3);
    other_coding_ = coding(other_note_, help_, 0, 6);
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
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
  std::string code(const std::string& name) {
    return id(ann_->post(path("/codes"), {{"name", name}}));
  }
  std::string coding(const std::string& note, const std::string& code, int start, int end) {
    return id(ann_->post(path("/codings"),
                         {{"noteId", note}, {"codeId", code}, {"start", start}, {"end", end}}));
  }
  std::string matrix() {
    return id(ann_->post(path("/framework-matrices"),
                         {{"name", "Voorwaarden"}, {"themeCodeIds", {help_, trust_}}}));
  }
  std::string cell(const std::string& matrix, const std::string& practice,
                   const std::string& code) const {
    return path("/framework-matrices/" + matrix + "/cells/" + practice + "/" + code);
  }

  // A household of the practice with research consent from 2025-01-10;
  // consents_ keeps the consent's id.
  std::string consenting_household(const std::string& name) {
    const std::string household =
        id(api_->post("/api/v1/households", {{"kind", "person"},
                                             {"name", name},
                                             {"targetGroup", "severeLoneliness"},
                                             {"status", "active"},
                                             {"practiceIds", {practice_}}}));
    consents_[household] = id(api_->post("/api/v1/households/" + household + "/consents",
                                         {{"purpose", "research"}, {"grantedOn", "2025-01-10"}}));
    return household;
  }
  void withdraw(const std::string& household) {
    ASSERT_EQ(api_->put("/api/v1/households/" + household + "/consents/" + consents_[household],
                        {{"purpose", "research"},
                         {"grantedOn", "2025-01-10"},
                         {"withdrawnOn", format_date(api::today())}},
                        {"If-Match: \"1\""})
                  .status,
              200);
  }
  std::string pseudonym(const std::string& household) {
    Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
    EXPECT_TRUE(pseudonyms.ok());
    return pseudonyms.ok() ? pseudonyms->of(HouseholdId(household)) : "";
  }
  // A note of the practice linked to these households.
  std::string linked_note(const std::string& text, const std::vector<std::string>& households) {
    json body = note_body(practice_, text);
    body["householdPseudonyms"] = json::array();
    for (const std::string& household : households) {
      body["householdPseudonyms"].push_back(pseudonym(household));
    }
    return id(ann_->post(path("/field-notes"), body));
  }
  std::string household_matrix() {
    return id(ann_->post(path("/framework-matrices"), {{"name", "Per huishouden"},
                                                       {"themeCodeIds", {help_, trust_}},
                                                       {"caseKind", "household"}}));
  }
  // Every household id that appears in text.
  std::vector<std::string> household_ids_in(const std::string& text) const {
    std::vector<std::string> found;
    for (const auto& [household, consent] : consents_) {
      if (text.find(household) != std::string::npos) found.push_back(household);
    }
    return found;
  }

  std::unique_ptr<ApiServer> api_;
  ApiClient* ann_ = nullptr;
  std::string practice_, other_practice_, project_, note_, other_note_, help_, trust_, coding_,
      other_coding_;
  std::map<std::string, std::string> consents_;  // household -> its research consent
};

TEST_P(FrameworkMatrixApiTest, CasesAsRowsThemesAsColumnsAndCellsWithTheirFragments) {
  const std::string id_ = matrix();
  const HttpResult read = ann_->get(path("/framework-matrices/" + id_));
  ASSERT_EQ(read.status, 200) << read.body;
  const json table = read.json();
  ASSERT_EQ(table["cases"].size(), 2u);
  EXPECT_EQ(table["cases"][0]["name"], "Aan de Amstel") << "rows by practice name";
  ASSERT_EQ(table["themes"].size(), 2u);
  EXPECT_EQ(table["themes"][0]["name"], "Informele hulp");
  EXPECT_EQ(table["themes"][1]["codeId"], trust_);
  EXPECT_TRUE(table["cells"].empty());

  const HttpResult written =
      ann_->put(cell(id_, practice_, help_),
                {{"summary", "Buren helpen, \"vaak\" ongevraagd"}, {"codingIds", {coding_}}},
                {"If-Match: \"0\""});
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_EQ(written.json()["version"], 1);
  EXPECT_EQ(written.header("ETag"), "\"1\"");
  EXPECT_EQ(written.json()["fragments"][0]["noteId"], note_);
  EXPECT_EQ(written.json()["fragments"][0]["end"], 3);
  const json cells = ann_->get(path("/framework-matrices/" + id_)).json()["cells"];
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0]["summary"], "Buren helpen, \"vaak\" ongevraagd");
  EXPECT_EQ(cells[0]["codingIds"], json::array({coding_}));
  EXPECT_FALSE(api_->audit_events("frameworkMatrix.update").empty());
}

TEST_P(FrameworkMatrixApiTest, AStaleCellVersionIsRefusedAndChangesNothing) {
  const std::string id_ = matrix();
  ASSERT_EQ(ann_->put(cell(id_, practice_, help_),
                      {{"summary", "Eerste"}, {"codingIds", json::array()}}, {"If-Match: \"0\""})
                .status,
            200);
  // Bob read the unwritten cell and writes after Ann: 412.
  const HttpResult stale =
      ann_->put(cell(id_, practice_, help_), {{"summary", "Tweede"}, {"codingIds", json::array()}},
                {"If-Match: \"0\""});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(ann_->get(path("/framework-matrices/" + id_)).json()["cells"][0]["summary"], "Eerste");
  const HttpResult next =
      ann_->put(cell(id_, practice_, help_), {{"summary", "Tweede"}, {"codingIds", {coding_}}},
                {"If-Match: \"1\""});
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(next.json()["version"], 2);
}

TEST_P(FrameworkMatrixApiTest, BadCellsAndMatricesNameTheFieldAndChangeNothing) {
  const std::string id_ = matrix();
  const HttpResult elsewhere =
      ann_->put(cell(id_, practice_, help_), {{"summary", "x"}, {"codingIds", {other_coding_}}});
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_EQ(testing::invalid_param_names(elsewhere), std::vector<std::string>{"codingIds[0]"});
  const std::string outside = code("Niet in de matrix");
  EXPECT_EQ(
      ann_->put(cell(id_, practice_, outside), {{"summary", "x"}, {"codingIds", json::array()}})
          .status,
      404);
  const HttpResult no_themes =
      ann_->post(path("/framework-matrices"), {{"name", "Leeg"}, {"themeCodeIds", json::array()}});
  EXPECT_EQ(no_themes.status, 400);
  EXPECT_EQ(testing::invalid_param_names(no_themes), std::vector<std::string>{"themeCodeIds"});
  const HttpResult unknown =
      ann_->post(path("/framework-matrices"),
                 {{"name", "Vreemd"}, {"themeCodeIds", {"00000000-0000-4000-8000-000000000000"}}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(testing::invalid_param_names(unknown), std::vector<std::string>{"themeCodeIds[0]"});
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM research_framework_cells"), 0);
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM research_framework_matrices"), 1);
  // Only the project's researchers.
  ApiClient& other = api_->as("rita", AccountRole::researcher);
  EXPECT_EQ(other.get(path("/framework-matrices/" + id_)).status, 403);
  EXPECT_EQ(api_->get(path("/framework-matrices")).status, 403);
}

TEST_P(FrameworkMatrixApiTest, TheCsvHoldsCasesThemesSummariesAndFragments) {
  const std::string id_ = matrix();
  ASSERT_EQ(ann_->put(cell(id_, practice_, help_),
                      {{"summary", "Buren helpen, \"vaak\"\nongevraagd"}, {"codingIds", {coding_}}})
                .status,
            200);
  ASSERT_EQ(ann_->put(cell(id_, other_practice_, trust_),
                      {{"summary", "Weinig"}, {"codingIds", {other_coding_}}})
                .status,
            200);
  const HttpResult csv = ann_->get(path("/framework-matrices/" + id_ + "/csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("Content-Type").value_or("").rfind("text/csv", 0), 0u);
  const std::string practice_name =
      api_->query_text("SELECT name FROM practices WHERE id = '" + practice_ + "'");
  const std::string expected =
      "case,practiceId,Informele hulp,Informele hulp fragments,Vertrouwen,Vertrouwen "
      "fragments\r\n"
      "Aan de Amstel," +
      other_practice_ + ",,,Weinig," + other_note_ + ":0-6\r\n" + practice_name + "," + practice_ +
      ",\"Buren helpen, \"\"vaak\"\"\nongevraagd\"," + note_ + ":0-3,,\r\n";
  EXPECT_EQ(csv.body, expected);
}

TEST_P(FrameworkMatrixApiTest, AHouseholdMatrixHasTheConsentingLinkedHouseholdsByPseudonym) {
  const std::string jansen = consenting_household("Jansen");
  const std::string pietersen = consenting_household("Pietersen");
  (void)consenting_household("Niet in een notitie");
  (void)linked_note("Mevrouw belt de buurvrouw.", {jansen});
  (void)linked_note("De zoon komt elke week.", {pietersen, jansen});

  const HttpResult created = ann_->post(
      path("/framework-matrices"),
      {{"name", "Per huishouden"}, {"themeCodeIds", {help_, trust_}}, {"caseKind", "household"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["caseKind"], "household");
  const std::string matrix_id = created.json()["id"];
  const HttpResult read = ann_->get(path("/framework-matrices/" + matrix_id));
  ASSERT_EQ(read.status, 200) << read.body;
  const json cases = read.json()["cases"];
  std::vector<std::string> expected{pseudonym(jansen), pseudonym(pietersen)};
  std::sort(expected.begin(), expected.end());
  ASSERT_EQ(cases.size(), 2u) << "only households linked to the project's notes";
  for (std::size_t i = 0; i != expected.size(); ++i) {
    EXPECT_EQ(cases[i]["caseKey"], expected[i]) << "rows by pseudonym";
    EXPECT_EQ(cases[i]["householdPseudonym"], expected[i]);
    EXPECT_FALSE(cases[i].contains("practiceId"));
    EXPECT_FALSE(cases[i].contains("name"));
  }
  EXPECT_TRUE(household_ids_in(created.body).empty());
  EXPECT_TRUE(household_ids_in(read.body).empty());
  const HttpResult listed = ann_->get(path("/framework-matrices"));
  EXPECT_EQ(listed.json()["items"][0]["caseKind"], "household");
  // A practice matrix stays as it was; its kind is said.
  const json practices = ann_->get(path("/framework-matrices/" + matrix())).json();
  EXPECT_EQ(practices["caseKind"], "practice");
  EXPECT_EQ(practices["cases"][0]["caseKey"], practices["cases"][0]["practiceId"]);
}

TEST_P(FrameworkMatrixApiTest, AHouseholdCellRestsOnlyOnThatHouseholdsNotes) {
  const std::string jansen = consenting_household("Jansen");
  const std::string pietersen = consenting_household("Pietersen");
  const std::string jansen_note = linked_note("Mevrouw belt de buurvrouw.", {jansen});
  const std::string pietersen_note = linked_note("De zoon komt elke week.", {pietersen});
  const std::string jansen_coding = coding(jansen_note, help_, 0, 7);
  const std::string pietersen_coding = coding(pietersen_note, help_, 0, 7);
  const std::string matrix_id = household_matrix();

  const HttpResult written =
      ann_->put(cell(matrix_id, pseudonym(jansen), help_),
                {{"summary", "De buurvrouw springt bij"}, {"codingIds", {jansen_coding}}},
                {"If-Match: \"0\""});
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_EQ(written.json()["caseKey"], pseudonym(jansen));
  EXPECT_EQ(written.json()["householdPseudonym"], pseudonym(jansen));
  EXPECT_FALSE(written.json().contains("practiceId"));
  EXPECT_EQ(written.json()["fragments"][0]["noteId"], jansen_note);
  EXPECT_TRUE(household_ids_in(written.body).empty());
  const std::vector<store::AuditRow> events = api_->audit_events("frameworkMatrix.update");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().household_id.value_or(""), jansen)
      << "a summary about a household is in its access log";
  const json table = ann_->get(path("/framework-matrices/" + matrix_id)).json();
  ASSERT_EQ(table["cells"].size(), 1u);
  EXPECT_EQ(table["cells"][0]["caseKey"], pseudonym(jansen));
  EXPECT_EQ(table["cells"][0]["summary"], "De buurvrouw springt bij");

  // A fragment of another household's note is refused, naming it; nothing changes.
  const HttpResult other =
      ann_->put(cell(matrix_id, pseudonym(jansen), help_),
                {{"summary", "Iets anders"}, {"codingIds", {jansen_coding, pietersen_coding}}},
                {"If-Match: \"1\""});
  EXPECT_EQ(other.status, 400) << other.body;
  EXPECT_EQ(testing::invalid_param_names(other), std::vector<std::string>{"codingIds[1]"});
  EXPECT_TRUE(household_ids_in(other.body).empty());
  // A household is named by its pseudonym only: its id, a practice or an
  // unknown key names no row.
  for (const std::string& key : {jansen, practice_, std::string(32, 'a')}) {
    const HttpResult unknown =
        ann_->put(cell(matrix_id, key, help_), {{"summary", "x"}, {"codingIds", json::array()}});
    EXPECT_EQ(unknown.status, 404) << key;
  }
  // And a practice matrix has no household rows.
  EXPECT_EQ(ann_->put(cell(matrix(), pseudonym(jansen), help_),
                      {{"summary", "x"}, {"codingIds", json::array()}})
                .status,
            404);
  const json unchanged = ann_->get(path("/framework-matrices/" + matrix_id)).json();
  ASSERT_EQ(unchanged["cells"].size(), 1u);
  EXPECT_EQ(unchanged["cells"][0]["summary"], "De buurvrouw springt bij");
  EXPECT_EQ(unchanged["cells"][0]["version"], 1);
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM research_framework_household_cells"), 1);
}

TEST_P(FrameworkMatrixApiTest, AWithdrawnHouseholdLeavesTheRowsTheCellsAndTheCsv) {
  const std::string jansen = consenting_household("Jansen");
  const std::string pietersen = consenting_household("Pietersen");
  const std::string jansen_note = linked_note("Mevrouw belt de buurvrouw.", {jansen});
  const std::string both_note = linked_note("Samen naar de markt.", {pietersen, jansen});
  const std::string pietersen_note = linked_note("De zoon komt elke week.", {pietersen});
  const std::string jansen_coding = coding(jansen_note, help_, 0, 7);
  const std::string both_coding = coding(both_note, help_, 0, 5);
  const std::string pietersen_coding = coding(pietersen_note, trust_, 0, 7);
  const std::string matrix_id = household_matrix();
  ASSERT_EQ(ann_->put(cell(matrix_id, pseudonym(jansen), help_),
                      {{"summary", "Jansen leunt op de buurvrouw"}, {"codingIds", {jansen_coding}}})
                .status,
            200);
  ASSERT_EQ(ann_->put(cell(matrix_id, pseudonym(pietersen), help_),
                      {{"summary", "Pietersen gaat samen"}, {"codingIds", {both_coding}}})
                .status,
            200);
  ASSERT_EQ(ann_->put(cell(matrix_id, pseudonym(pietersen), trust_),
                      {{"summary", "De zoon"}, {"codingIds", {pietersen_coding}}})
                .status,
            200);
  // The practice matrix rests on the same notes.
  const std::string practices = matrix();
  ASSERT_EQ(ann_->put(cell(practices, practice_, help_),
                      {{"summary", "Buren"}, {"codingIds", {jansen_coding, both_coding}}})
                .status,
            200);
  const std::string before = ann_->get(path("/framework-matrices/" + matrix_id + "/csv")).body;
  EXPECT_NE(before.find("Jansen leunt op de buurvrouw"), std::string::npos);
  EXPECT_NE(before.find(pseudonym(jansen)), std::string::npos);

  withdraw(jansen);
  const HttpResult read = ann_->get(path("/framework-matrices/" + matrix_id));
  ASSERT_EQ(read.status, 200) << read.body;
  const json table = read.json();
  ASSERT_EQ(table["cases"].size(), 1u);
  EXPECT_EQ(table["cases"][0]["caseKey"], pseudonym(pietersen));
  EXPECT_EQ(read.body.find(pseudonym(jansen)), std::string::npos);
  EXPECT_EQ(read.body.find("Jansen leunt"), std::string::npos);
  ASSERT_EQ(table["cells"].size(), 2u);
  for (const json& each : table["cells"]) {
    EXPECT_EQ(each["caseKey"], pseudonym(pietersen));
    if (each["codeId"] == help_) {
      EXPECT_TRUE(each["fragments"].empty()) << "the shared note is Jansen's too";
      EXPECT_TRUE(each["codingIds"].empty());
    }
  }
  EXPECT_EQ(read.body.find(jansen_note), std::string::npos);
  EXPECT_EQ(read.body.find(both_note), std::string::npos);

  const HttpResult csv = ann_->get(path("/framework-matrices/" + matrix_id + "/csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  const std::string expected =
      "case,householdPseudonym,Informele hulp,Informele hulp fragments,Vertrouwen,Vertrouwen "
      "fragments\r\n" +
      pseudonym(pietersen).substr(0, 8) + "," + pseudonym(pietersen) +
      ",Pietersen gaat samen,,De zoon," + pietersen_note + ":0-7\r\n";
  EXPECT_EQ(csv.body, expected);
  EXPECT_TRUE(household_ids_in(csv.body).empty());
  // The practice matrix drops the withdrawn household's fragments too.
  const std::string practice_csv =
      ann_->get(path("/framework-matrices/" + practices + "/csv")).body;
  EXPECT_NE(practice_csv.find("Buren"), std::string::npos);
  EXPECT_EQ(practice_csv.find(jansen_note), std::string::npos);
  EXPECT_EQ(practice_csv.find(both_note), std::string::npos);

  // The withdrawn household's row takes no writes, nor do its notes' fragments.
  EXPECT_EQ(ann_->put(cell(matrix_id, pseudonym(jansen), trust_),
                      {{"summary", "x"}, {"codingIds", json::array()}})
                .status,
            404);
  const HttpResult fragment = ann_->put(cell(practices, practice_, trust_),
                                        {{"summary", "x"}, {"codingIds", {jansen_coding}}});
  EXPECT_EQ(fragment.status, 400) << fragment.body;
  EXPECT_EQ(testing::invalid_param_names(fragment), std::vector<std::string>{"codingIds[0]"});
}

TEST_P(FrameworkMatrixApiTest, AMatrixKeepsTheKindOfCaseItWasMadeWith) {
  const std::string matrix_id = household_matrix();
  const HttpResult changed =
      ann_->put(path("/framework-matrices/" + matrix_id),
                {{"name", "Anders"}, {"themeCodeIds", {help_}}, {"caseKind", "practice"}});
  EXPECT_EQ(changed.status, 400) << changed.body;
  EXPECT_EQ(testing::invalid_param_names(changed), std::vector<std::string>{"caseKind"});
  EXPECT_EQ(ann_->get(path("/framework-matrices/" + matrix_id)).json()["name"], "Per huishouden");
  const HttpResult renamed =
      ann_->put(path("/framework-matrices/" + matrix_id),
                {{"name", "Anders"}, {"themeCodeIds", {help_}}, {"caseKind", "household"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["caseKind"], "household");
  const HttpResult unknown =
      ann_->post(path("/framework-matrices"),
                 {{"name", "Vreemd"}, {"themeCodeIds", {help_}}, {"caseKind", "neighbourhood"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(testing::invalid_param_names(unknown), std::vector<std::string>{"caseKind"});
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM research_framework_matrices"), 1);
}

DICHTBIJ_INSTANTIATE_ENGINES(FrameworkMatrixApiTest);

}  // namespace
}  // namespace dichtbij
