// The REFI-QDA exchange over real HTTP, on SQLite and PostgreSQL: the .qdpx
// validates against Project.xsd (xmllint, against the copy in
// src/research/refi_qda/) and its selections point at the same text as in
// Dichtbij; a re-export keeps every GUID; a .qdc exported from one project
// and imported into another gives the same tree, each code a logged
// change; a bad .qdc is refused with 422 and changes nothing; withdrawn
// consent takes notes out of every export; only the project's researchers
// export.
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "api/today.hpp"
#include "core/code_points.hpp"
#include "research/pseudonyms.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;
using testing::HttpResult;

// é is one code point, 😀 (outside the BMP) one, "\r\n" two.
const std::string kText = "Caf\xC3\xA9 \xF0\x9F\x98\x80 dinsdag.\r\nPersoon 1 helpt met de post.";

// The entries of a zip, by name; fails the test when it is no zip.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    if (source) zip_source_free(source);
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    zip_error_fini(&error);
    return entries;
  }
  for (zip_int64_t i = 0; i != zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    std::string content(stat.size, '\0');
    EXPECT_EQ(zip_fread(file, content.data(), content.size()),
              static_cast<zip_int64_t>(content.size()));
    zip_fclose(file);
    entries.emplace(stat.name, std::move(content));
  }
  zip_close(archive);
  zip_error_fini(&error);
  return entries;
}

// xmllint's verdict on xml against the schema of that name in the
// repository's copy; 0 when valid.
int xmllint(const std::string& xml, const std::string& schema) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("dichtbij-refi-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       std::to_string(reinterpret_cast<std::uintptr_t>(&xml)) + ".xml");
  std::ofstream(file, std::ios::binary) << xml;
  const std::string command = "xmllint --noout --schema '" + std::string(DICHTBIJ_SOURCE_DIR) +
                              "/src/research/refi_qda/" + schema + "' '" + file.string() + "'";
  const int status = std::system(command.c_str());
  std::filesystem::remove(file);
  return status;
}

std::vector<std::string> guids_in(const std::string& xml) {
  std::vector<std::string> guids;
  const std::regex guid("guid=\"([0-9a-f-]{36})\"");
  for (auto match = std::sregex_iterator(xml.begin(), xml.end(), guid);
       match != std::sregex_iterator(); ++match) {
    guids.push_back((*match)[1]);
  }
  return guids;
}

class RefiQdaApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    ann_ = &api_->as("ann", AccountRole::researcher);
    other_ = &api_->as("olga", AccountRole::researcher);
    project_ = new_project("Mobilisatie");
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string new_project(const std::string& name) {
    return id(ann_->post("/api/v1/research/projects",
                         {{"name", name}, {"practiceIds", {api_->practice_id().str()}}}));
  }
  std::string path(const std::string& rest = "", const std::string& project = "") const {
    return "/api/v1/research/projects/" + (project.empty() ? project_ : project) + rest;
  }
  json note_body(const std::string& text = kText) const {
    return {{"practiceId", api_->practice_id().str()},
            {"site", "Buurthuis De Boom"},
            {"observedOn", "2026-03-03"},
            {"perspective", "experientialExpert"},
            {"text", text}};
  }
  std::string note(const std::string& text = kText) {
    return id(ann_->post(path("/field-notes"), note_body(text)));
  }
  std::string code(const std::string& name, const std::string& parent = "",
                   const std::string& description = "") {
    json body{{"name", name}, {"colour", "#aa3300"}};
    if (!description.empty()) body["description"] = description;
    if (!parent.empty()) body["parentId"] = parent;
    return id(ann_->post(path("/codes"), body));
  }
  void coding(const std::string& note, const std::string& code, int start, int end) {
    ASSERT_EQ(ann_->post(path("/codings"),
                         {{"noteId", note}, {"codeId", code}, {"start", start}, {"end", end}})
                  .status,
              201);
  }
  long long count(const std::string& table) {
    return api_->query_number("SELECT COUNT(*) FROM " + table);
  }
  HttpResult post_qdc(ApiClient& as, const std::string& project, const std::string& xml,
                      const std::string& type = "application/xml") {
    return as.post_raw(path("/codebook.qdc", project), xml, {"Content-Type: " + type});
  }
  // name → {description, colour, parent's name} of the project's codes.
  std::map<std::string, std::vector<std::string>> tree(const std::string& project) {
    const json codes = ann_->get(path("/codes?pageSize=100", project)).json()["items"];
    std::map<std::string, std::string> names;
    for (const json& code : codes) names[code["id"]] = code["name"];
    std::map<std::string, std::vector<std::string>> shape;
    for (const json& code : codes) {
      shape[code["name"]] = {code["description"], code["colour"],
                             code.contains("parentId") ? names[code["parentId"]] : ""};
    }
    return shape;
  }

  std::unique_ptr<ApiServer> api_;
  ApiClient* ann_ = nullptr;
  ApiClient* other_ = nullptr;
  std::string project_;
};

TEST_P(RefiQdaApiTest, QdpxValidatesAndPointsAtTheSameText) {
  const std::string note_id = note();
  const std::string parent = code("Netwerk", "", "Alles over het netwerk");
  const std::string child = code("Hulp & steun", parent);
  coding(note_id, child, 0, 6);     // "Café 😀"
  coding(note_id, parent, 17, 26);  // "Persoon 1"
  ASSERT_EQ(ann_->post(path("/memos"), {{"codeId", parent}, {"text", "Breed."}}).status, 201);
  ASSERT_EQ(ann_->post(path("/memos"), {{"noteId", note_id}, {"text", "Toon."}}).status, 201);

  const HttpResult exported = ann_->get(path("/export.qdpx"));
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.header("Content-Type").value_or(""), "application/zip");
  EXPECT_NE(exported.header("Content-Disposition").value_or("").find(".qdpx"), std::string::npos);
  const std::map<std::string, std::string> entries = unzip(exported.body);
  ASSERT_TRUE(entries.contains("project.qde"));
  const std::string& qde = entries.at("project.qde");
  EXPECT_EQ(xmllint(qde, "Project.xsd"), 0) << qde;

  // One source, its text verbatim; the selections' offsets cut the same
  // fragments out of it as Dichtbij's own drill-down does.
  std::string source;
  for (const auto& [name, content] : entries) {
    if (name.starts_with("sources/")) {
      EXPECT_TRUE(source.empty()) << "one note, one source";
      source = content;
      EXPECT_NE(qde.find("internal://" + name.substr(8)), std::string::npos);
    }
  }
  EXPECT_EQ(source, kText);
  const std::regex selection("startPosition=\"(\\d+)\" endPosition=\"(\\d+)\"");
  std::vector<std::string> fragments;
  for (auto match = std::sregex_iterator(qde.begin(), qde.end(), selection);
       match != std::sregex_iterator(); ++match) {
    fragments.emplace_back(
        code_point_slice(source, std::stoul((*match)[1]), std::stoul((*match)[2])));
  }
  EXPECT_EQ(fragments, (std::vector<std::string>{"Caf\xC3\xA9 \xF0\x9F\x98\x80", "Persoon 1"}));
  const json drill = ann_->get(path("/analyses/fragments?codeId=" + child)).json();
  EXPECT_EQ(drill["items"][0]["excerpt"], fragments[0]);
  EXPECT_NE(qde.find("<Case "), std::string::npos);
  EXPECT_NE(qde.find("<TextValue>experientialExpert</TextValue>"), std::string::npos);
  EXPECT_EQ(qde.find("\"ann\""), std::string::npos) << "no user names";

  // A re-export keeps every GUID; another project's export shares none.
  const std::map<std::string, std::string> again = unzip(ann_->get(path("/export.qdpx")).body);
  EXPECT_EQ(guids_in(again.at("project.qde")), guids_in(qde));
  EXPECT_GE(guids_in(qde).size(), 10u);
  EXPECT_EQ(api_->audit_events("researchExport.read").size(), 2u);
}

TEST_P(RefiQdaApiTest, CodebookRoundTripGivesTheSameTree) {
  const std::string top = code("Netwerk", "", "Alles over het netwerk");
  const std::string middle = code("Buren", top, "Naaste buren, <niet> familie");
  (void)code("Vragen", middle);
  (void)code("Sfeer");
  const HttpResult exported = ann_->get(path("/codebook.qdc"));
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(xmllint(exported.body, "Codebook.xsd"), 0) << exported.body;

  const std::string copy = new_project("Kopie");
  const HttpResult imported = post_qdc(*ann_, copy, exported.body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json()["created"], 4);
  EXPECT_EQ(imported.json()["codebookVersion"], 4);
  EXPECT_EQ(tree(copy), tree(project_));
  // Every imported code is a change in the log, by the importer.
  const json changes = ann_->get(path("/codebook-changes", copy)).json();
  ASSERT_EQ(changes["total"], 4);
  const std::string ann_id = api_->query_text("SELECT id FROM accounts WHERE username = 'ann'");
  for (const json& change : changes["items"]) EXPECT_EQ(change["accountId"], ann_id);

  // The same file again changes nothing; an edited colour changes one code.
  const HttpResult again = post_qdc(*ann_, copy, exported.body);
  EXPECT_EQ(again.json()["created"], 0);
  EXPECT_EQ(again.json()["unchanged"], 4);
  EXPECT_EQ(again.json()["codebookVersion"], 4);
  std::string recoloured = exported.body;
  const std::size_t sfeer = recoloured.find("name=\"Sfeer\"");
  ASSERT_NE(sfeer, std::string::npos);
  recoloured.replace(recoloured.find("#aa3300", sfeer), 7, "#0F0");
  const HttpResult edited = post_qdc(*ann_, copy, recoloured, "text/xml; charset=utf-8");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["updated"], 1);
  EXPECT_EQ(tree(copy)["Sfeer"][1], "#00ff00");
}

TEST_P(RefiQdaApiTest, ABadCodebookIsRefusedAndChangesNothing) {
  (void)code("Bestaand");
  const long long codes = count("research_codes");
  const long long changes = count("research_codebook_changes");
  const std::string guid = "01234567-89ab-4def-8123-456789abcdef";
  struct Bad {
    std::string name, xml, reason;
  };
  const std::vector<Bad> cases{
      {"malformed", "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>", "not well-formed"},
      {"invalid",
       "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code name=\"A\"/></Codes>"
       "</CodeBook>",
       "Codebook.xsd"},
      // The first code is fine; the second is not: neither is kept.
      {"one too long",
       "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"" + guid +
           "\" name=\"Goed\" isCodable=\"true\"/><Code guid=\"" + guid + "\" name=\"" +
           std::string(101, 'x') + "\" isCodable=\"true\"/></Codes></CodeBook>",
       "longer than 100"},
  };
  for (const Bad& bad : cases) {
    SCOPED_TRACE(bad.name);
    const HttpResult refused = post_qdc(*ann_, project_, bad.xml);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.header("Content-Type").value_or(""), "application/problem+json");
    const std::vector<std::string> names = testing::invalid_param_names(refused);
    EXPECT_EQ(names, std::vector<std::string>{"body"});
    EXPECT_NE(refused.body.find(bad.reason), std::string::npos) << refused.body;
  }
  EXPECT_EQ(post_qdc(*ann_, project_, "{}", "application/json").status, 415);
  EXPECT_EQ(count("research_codes"), codes);
  EXPECT_EQ(count("research_codebook_changes"), changes);
}

TEST_P(RefiQdaApiTest, CodingsCsvAndSummary) {
  const std::string note_id = note();
  const std::string parent = code("Netwerk");
  const std::string child = code("Buren", parent);
  coding(note_id, child, 17, 26);
  const HttpResult csv = ann_->get(path("/codings.csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("Content-Type").value_or("").substr(0, 8), "text/csv");
  const std::string ann_id = api_->query_text("SELECT id FROM accounts WHERE username = 'ann'");
  EXPECT_EQ(csv.body, "project,note,practice,perspective,code_path,start,end,coder,fragment\r\n" +
                          project_ + "," + note_id + "," + api_->practice_id().str() +
                          ",experientialExpert,Netwerk / Buren,17,26," + ann_id + ",Persoon 1\r\n");

  const HttpResult summary = ann_->get(path("/export-summary"));
  ASSERT_EQ(summary.status, 200) << summary.body;
  const json body = summary.json();
  EXPECT_EQ(body["sources"], 1);
  EXPECT_EQ(body["codings"], 1);
  EXPECT_EQ(body["codes"], 2);
  EXPECT_EQ(body["cases"], 1);
  std::set<std::string> warnings;
  for (const json& warning : body["warnings"]) warnings.insert(warning["code"]);
  EXPECT_TRUE(warnings.contains("codebookHistory"));
  EXPECT_TRUE(warnings.contains("memberChecks"));
  EXPECT_FALSE(warnings.contains("notesWithoutResearchConsent"));
}

TEST_P(RefiQdaApiTest, WithdrawnConsentTakesNotesOutOfEveryExport) {
  const std::string household =
      id(api_->post("/api/v1/households", {{"kind", "person"},
                                           {"name", "Jansen"},
                                           {"targetGroup", "severeLoneliness"},
                                           {"status", "active"},
                                           {"practiceIds", {api_->practice_id().str()}}}));
  const std::string consent =
      id(api_->post("/api/v1/households/" + household + "/consents",
                    {{"purpose", "research"}, {"grantedOn", "2025-01-10"}}));
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  json body = note_body("Mevrouw belt de buurvrouw.");
  body["householdPseudonyms"] = {pseudonyms->of(HouseholdId(household))};
  const std::string linked = id(ann_->post(path("/field-notes"), body));
  (void)note();
  const std::string code_id = code("Buren");
  coding(linked, code_id, 0, 7);
  EXPECT_EQ(unzip(ann_->get(path("/export.qdpx")).body).size(), 3u);  // qde + 2 sources

  ASSERT_EQ(api_->put("/api/v1/households/" + household + "/consents/" + consent,
                      {{"purpose", "research"},
                       {"grantedOn", "2025-01-10"},
                       {"withdrawnOn", format_date(api::today())}},
                      {"If-Match: \"1\""})
                .status,
            200);
  const std::map<std::string, std::string> entries = unzip(ann_->get(path("/export.qdpx")).body);
  EXPECT_EQ(entries.size(), 2u);
  for (const auto& [name, content] : entries) {
    EXPECT_EQ(content.find("buurvrouw"), std::string::npos) << name;
  }
  EXPECT_EQ(entries.at("project.qde").find("<PlainTextSelection"), std::string::npos);
  EXPECT_EQ(ann_->get(path("/codings.csv")).body.find(linked), std::string::npos);
  const json summary = ann_->get(path("/export-summary")).json();
  EXPECT_EQ(summary["leftOut"]["notes"], 1);
  EXPECT_EQ(summary["leftOut"]["codings"], 1);
  EXPECT_EQ(summary["warnings"][0]["code"], "notesWithoutResearchConsent");
}

TEST_P(RefiQdaApiTest, OnlyTheProjectsResearchersExchange) {
  (void)note();
  (void)code("Buren");
  const std::string qdc = ann_->get(path("/codebook.qdc")).body;
  for (const std::string route :
       {"/codebook.qdc", "/export.qdpx", "/codings.csv", "/export-summary"}) {
    const HttpResult refused = other_->get(path(route));
    EXPECT_EQ(refused.status, 403) << route;
    EXPECT_EQ(refused.body.find("Buren"), std::string::npos) << route;
  }
  const long long codes = count("research_codes");
  EXPECT_EQ(post_qdc(*other_, project_, qdc).status, 403);
  EXPECT_EQ(count("research_codes"), codes);
  EXPECT_GE(api_->audit_events("researchExport.read").size(), 1u) << "refusals are audited";
}

DICHTBIJ_INSTANTIATE_ENGINES(RefiQdaApiTest);

}  // namespace
}  // namespace dichtbij
