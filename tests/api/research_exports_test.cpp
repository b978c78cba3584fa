// GET /api/v1/research/exports/support-acts over real HTTP, on SQLite and
// PostgreSQL: only households with research consent in force, pseudonymised,
// for researchers only, and audited.
#include <sstream>

#include "api/today.hpp"
#include "store/audit_repository.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;

constexpr const char* kExport = "/api/v1/research/exports/support-acts";

class ResearchExportsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    smit_ = person({{"displayName", "Mevrouw Smit"}, {"birthYear", 1948}});
    bakker_ = person({{"displayName", "Meneer Bakker"}});
    mentor_ = person({{"displayName", "Maatje Hans"}});
    worker_ = person({{"displayName", "Anouk (welzijn)"},
                      {"roles", {{{"role", "professional"}, {"from", "2020-01-01"}}}}});
    consenting_ = household("Smit", smit_);
    other_ = household("Bakker", bakker_);
    act(consenting_, smit_);
    act(other_, bakker_);
    researcher_ = &api_->as("onderzoeker", AccountRole::researcher);
  }

  std::string person(const json& body) {
    const auto created = api_->post("/api/v1/persons", body);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json().value("id", "");
  }

  std::string household(const std::string& name, const std::string& member) {
    const auto created = api_->post(
        "/api/v1/households", {{"kind", "person"},
                               {"name", name},
                               {"targetGroup", "severeLoneliness"},
                               {"buurtCode", "BU03630000"},
                               {"status", "active"},
                               {"practiceIds", {api_->practice_id().str()}},
                               {"members", {{{"personId", member}, {"from", "2024-01-01"}}}}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json().value("id", "");
  }

  void act(const std::string& household, const std::string& receiver) {
    const auto created =
        api_->post("/api/v1/support-acts", {{"date", "2025-03-03"},
                                            {"householdId", household},
                                            {"providerId", mentor_},
                                            {"receiverId", receiver},
                                            {"supportType", "companionship"},
                                            {"durationMinutes", 90},
                                            {"mode", "inPerson"},
                                            {"mobilisedBy", "professional"},
                                            {"mobilisedById", worker_},
                                            {"othersInvolvedIds", {worker_}},
                                            {"note", "Samen gewandeld in het Westerpark"}});
    EXPECT_EQ(created.status, 201) << created.body;
  }

  // Records consent for purpose; returns the consent's path.
  std::string consent(const std::string& household, const std::string& purpose = "research") {
    const std::string consents = "/api/v1/households/" + household + "/consents";
    const auto created = api_->post(consents, {{"purpose", purpose}, {"grantedOn", "2025-01-10"}});
    EXPECT_EQ(created.status, 201) << created.body;
    return consents + "/" + created.json().value("id", "");
  }

  // The export's lines, without line ends; fails the test unless it is a CSV.
  std::vector<std::string> export_lines() {
    const auto answer = researcher_->get(kExport);
    EXPECT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.header("Content-Type").value_or("").rfind("text/csv; charset=utf-8", 0), 0u);
    std::vector<std::string> lines;
    std::istringstream in(answer.body);
    for (std::string line; std::getline(in, line);) {
      EXPECT_TRUE(!line.empty() && line.back() == '\r') << "CRLF line ends";
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
    return lines;
  }

  static std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
  }

  std::vector<store::AuditRow> events(const std::string& action) {
    return api_->audit_events(action);
  }

  std::unique_ptr<ApiServer> api_;
  testing::ApiClient* researcher_ = nullptr;
  std::string smit_, bakker_, mentor_, worker_, consenting_, other_;
};

TEST_P(ResearchExportsApiTest, HoldsOnlyHouseholdsWithResearchConsent) {
  consent(consenting_);
  consent(other_, "sharing");  // sharing is not research
  const std::vector<std::string> lines = export_lines();
  ASSERT_EQ(lines.size(), 2u);
  const std::vector<std::string> header = split(lines[0]);
  EXPECT_EQ(header,
            (std::vector<std::string>{"month", "household", "practice_ids", "provider",
                                      "provider_role", "receiver", "receiver_role", "support_type",
                                      "mode", "duration_minutes", "mobilised_by",
                                      "mobilised_by_person", "others_formal", "others_informal"}));
  const std::vector<std::string> row = split(lines[1]);
  ASSERT_EQ(row.size(), header.size()) << lines[1];
  EXPECT_EQ(row[0], "2025-03");
  EXPECT_EQ(row[1].size(), 32u);
  EXPECT_EQ(row[2], api_->practice_id().str());
  EXPECT_EQ(row[4], "informal");  // the mentor
  EXPECT_EQ(row[6], "household");
  EXPECT_EQ(row[7], "companionship");
  EXPECT_EQ(row[8], "inPerson");
  EXPECT_EQ(row[9], "90");
  EXPECT_EQ(row[10], "professional");
  EXPECT_EQ(row[11].size(), 32u);
  EXPECT_EQ(row[12], "1");  // the worker is a professional
  EXPECT_EQ(row[13], "0");
  // Three different people, three different pseudonyms.
  EXPECT_NE(row[3], row[5]);
  EXPECT_NE(row[3], row[11]);

  // Stable across exports, so exports can be joined over time.
  EXPECT_EQ(export_lines(), lines);
}

TEST_P(ResearchExportsApiTest, NamesNotesAndIdsNeverLeave) {
  consent(consenting_);
  consent(other_);
  const auto answer = researcher_->get(kExport);
  ASSERT_EQ(answer.status, 200) << answer.body;
  for (const std::string& secret :
       {std::string("Smit"), std::string("Bakker"), std::string("Maatje"), std::string("Anouk"),
        std::string("Westerpark"), std::string("BU03630000"), smit_, bakker_, mentor_, worker_,
        consenting_, other_}) {
    EXPECT_EQ(answer.body.find(secret), std::string::npos) << secret;
  }
}

TEST_P(ResearchExportsApiTest, WithdrawnConsentRemovesAHouseholdFromAResearchExport) {
  const std::string path = consent(consenting_);
  ASSERT_EQ(export_lines().size(), 2u);
  const auto withdrawn = api_->put(path,
                                   {{"purpose", "research"},
                                    {"grantedOn", "2025-01-10"},
                                    {"withdrawnOn", format_date(api::today())}},
                                   {"If-Match: \"1\""});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(export_lines().size(), 1u);  // the header row only
}

TEST_P(ResearchExportsApiTest, OnlyResearchersExport) {
  consent(consenting_);
  EXPECT_EQ(api_->get(kExport).status, 403);  // a coordinator
  EXPECT_EQ(api_->as("werker", AccountRole::professional).get(kExport).status, 403);
  EXPECT_EQ(api_->as("smit", AccountRole::client, PersonId(smit_)).get(kExport).status, 403);
  EXPECT_EQ(api_->admin().get(kExport).status, 403);
  const std::vector<store::AuditRow> refused = events("route.exportResearchSupportActs");
  ASSERT_EQ(refused.size(), 4u);
  EXPECT_EQ(refused[0].outcome, "denied");
  EXPECT_TRUE(events("researchExport.supportActs").empty());
  // And a researcher sees no case file.
  EXPECT_EQ(researcher_->get("/api/v1/households/" + consenting_).status, 403);
}

TEST_P(ResearchExportsApiTest, EveryExportIsAnAuditEventWithItsCounts) {
  consent(consenting_);
  ASSERT_EQ(export_lines().size(), 2u);
  const std::vector<store::AuditRow> exported = events("researchExport.supportActs");
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0].username, "onderzoeker");
  EXPECT_EQ(exported[0].outcome, "allowed");
  EXPECT_EQ(exported[0].reason, "households=1 supportActs=1");
  EXPECT_FALSE(exported[0].household_id.has_value());
}

DICHTBIJ_INSTANTIATE_ENGINES(ResearchExportsApiTest);

}  // namespace
}  // namespace dichtbij
