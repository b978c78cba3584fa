// The framework matrix over real HTTP on SQLite and PostgreSQL (issue 9):
// practices as rows, chosen codes as columns, cells written with their own
// versions (a stale one gets 412, changing nothing), and the CSV export.
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

  std::unique_ptr<ApiServer> api_;
  ApiClient* ann_ = nullptr;
  std::string practice_, other_practice_, project_, note_, other_note_, help_, trust_, coding_,
      other_coding_;
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

DICHTBIJ_INSTANTIATE_ENGINES(FrameworkMatrixApiTest);

}  // namespace
}  // namespace dichtbij
