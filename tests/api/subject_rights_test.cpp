// /api/v1/persons/{id}/subject-access and …/erasure over real HTTP, on
// SQLite and PostgreSQL: the export holds every record of the person and
// nothing of anyone else; erasure leaves the name nowhere and keeps the ids.
#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "access/audit.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

ApiServer::Options admin() {
  ApiServer::Options options;
  options.username = "beheerder";
  options.role = AccountRole::admin;
  return options;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class SubjectRightsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine(), admin());
    const std::string practice =
        post("/api/v1/practices", {{"name", "Maatjes"}, {"targetGroups", {"severeLoneliness"}}});
    // The case work is the coordinator's; subject access and erasure the
    // administrator's.
    keeper_ =
        &api_->as("coordinator", AccountRole::coordinator, std::nullopt, PracticeId(practice));
    subject_ = post("/api/v1/persons", {{"displayName", "Zwaantje Testerveld"},
                                        {"birthYear", 1948},
                                        {"buurtCode", "BU03630001"},
                                        {"languages", {"nl", "Fries"}},
                                        {"skills", {"breien"}},
                                        {"roles", {{{"role", "client"}, {"from", "2025-01-01"}}}}});
    other_ = post("/api/v1/persons", {{"displayName", "Kees Anderman"}, {"birthYear", 1950}});
    worker_ = post("/api/v1/persons", {{"displayName", "Anouk Werker"}});
    own_ =
        post("/api/v1/households", {{"kind", "person"},
                                    {"name", "Testerveld"},
                                    {"targetGroup", "severeLoneliness"},
                                    {"status", "active"},
                                    {"practiceIds", {practice}},
                                    {"members", {{{"personId", subject_}, {"from", "2025-01-01"}}}},
                                    {"team", {{{"personId", worker_}, {"from", "2025-01-01"}}}}});
    shared_ = post("/api/v1/households", {{"kind", "household"},
                                          {"name", "Familie Gedeeld"},
                                          {"targetGroup", "severeLoneliness"},
                                          {"status", "active"},
                                          {"practiceIds", {practice}},
                                          {"members",
                                           {{{"personId", subject_}, {"from", "2025-01-01"}},
                                            {{"personId", other_}, {"from", "2025-01-01"}}}}});
    kees_only_ =
        post("/api/v1/households", {{"kind", "person"},
                                    {"name", "Anderman"},
                                    {"targetGroup", "severeLoneliness"},
                                    {"status", "active"},
                                    {"practiceIds", {practice}},
                                    {"members", {{{"personId", other_}, {"from", "2025-01-01"}}}}});
    tie_ = post("/api/v1/households/" + own_ + "/ties", {{"personId", other_},
                                                         {"otherPersonId", subject_},
                                                         {"relationKind", "friend"},
                                                         {"supportTypes", {"emotional"}},
                                                         {"closeness", 1},
                                                         {"direction", "gives"},
                                                         {"quality", "strong"},
                                                         {"from", "2025-01-01"}});
    const std::string agreements = "/api/v1/households/" + own_ + "/agreements";
    agreement_ = post(agreements, walk(subject_));
    // A handover: the subject's task goes to the worker, history kept.
    EXPECT_EQ(
        keeper().put(agreements + "/" + agreement_, walk(worker_), {"If-Match: \"1\""}).status,
        200);
    act_ = post("/api/v1/support-acts",
                act(shared_, other_, subject_, "Zwaantje geholpen met boodschappen"));
    others_act_ =
        post("/api/v1/support-acts", act(shared_, worker_, other_, "Kees en Anouk overleggen"));
    kees_act_ = post("/api/v1/support-acts", act(kees_only_, worker_, other_, "Alleen Kees"));
    assessment_ = post("/api/v1/households/" + shared_ + "/assessments",
                       {{"date", "2026-01-15"},
                        {"personId", subject_},
                        {"assessorId", worker_},
                        {"note", "Zwaantje wil meer contact"},
                        {"scores", {{{"domain", "socialNetwork"}, {"score", 2}}}}});
    const std::string facility = post(
        "/api/v1/facilities",
        {{"name", "Buurthuis De Boom"}, {"kind", "communityCentre"}, {"buurtCode", "BU03630001"}});
    referral_ = post("/api/v1/referrals", {{"date", "2026-02-02"},
                                           {"householdId", own_},
                                           {"facilityId", facility},
                                           {"personId", subject_},
                                           {"referredById", worker_},
                                           {"status", "made"},
                                           {"note", "Zwaantje gaat naar de breiclub"}});
    account_ = api_->add_account("zwaan", AccountRole::client, PersonId(subject_)).id.str();
  }

  std::string post(const std::string& path, const json& body) {
    const auto result =
        (path == "/api/v1/practices" ? static_cast<testing::ApiClient&>(*api_) : keeper())
            .post(path, body);
    EXPECT_EQ(result.status, 201) << path << ": " << result.body;
    return result.json().value("id", "");
  }

  json walk(const std::string& responsible) const {
    return {{"goal", "Zwaantje gaat weer naar buiten"},
            {"action", "Elke dinsdag samen wandelen"},
            {"responsiblePersonId", responsible},
            {"why", "Zwaantje voelt zich eenzaam"},
            {"status", "inProgress"},
            {"agreedByHousehold", true}};
  }

  json act(const std::string& household, const std::string& provider, const std::string& receiver,
           const std::string& note) const {
    return {{"date", "2026-03-03"},       {"householdId", household},
            {"providerId", provider},     {"receiverId", receiver},
            {"supportType", "practical"}, {"mode", "inPerson"},
            {"mobilisedBy", "network"},   {"note", note}};
  }

  static json consent(const std::string& note) {
    return {{"purpose", "research"}, {"grantedOn", "2025-02-01"}, {"note", note}};
  }

  std::string access_path() const { return "/api/v1/persons/" + subject_ + "/subject-access"; }
  std::string erasure_path() const { return "/api/v1/persons/" + subject_ + "/erasure"; }

  // Every place in the database where text holds needle (any case), as
  // "table.column".
  std::vector<std::string> places_holding(const std::string& needle) {
    std::vector<std::string> places;
    Result<void> scanned = api_->database().in_transaction(
        store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<void> {
          soci::session& session = transaction.session();
          std::vector<std::string> tables;
          std::string table;
          soci::statement listing =
              (session.prepare << (engine() == store::Engine::sqlite
                                       ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       : "SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = current_schema()"),
               soci::into(table));
          listing.execute();
          while (listing.fetch()) tables.push_back(table);
          for (const std::string& name : tables) {
            soci::row row;
            soci::statement rows = (session.prepare << "SELECT * FROM " + name, soci::into(row));
            rows.execute();
            while (rows.fetch()) {
              for (std::size_t i = 0; i != row.size(); ++i) {
                if (row.get_indicator(i) == soci::i_null ||
                    row.get_properties(i).get_data_type() != soci::dt_string) {
                  continue;
                }
                if (lower(row.get<std::string>(i)).find(lower(needle)) != std::string::npos) {
                  places.push_back(name + "." + row.get_properties(i).get_name());
                }
              }
            }
          }
          return {};
        });
    EXPECT_TRUE(scanned.ok());
    return places;
  }

  std::vector<store::AuditRow> events_of(const std::string& action) {
    return api_->audit_events(action);
  }

  testing::ApiClient& keeper() { return *keeper_; }

  std::unique_ptr<ApiServer> api_;
  testing::ApiClient* keeper_ = nullptr;
  std::string subject_, other_, worker_, own_, shared_, kees_only_, tie_, agreement_, act_,
      others_act_, kees_act_, assessment_, referral_, account_;
};

std::vector<std::string> ids_in(const json& rows, const std::string& key = "id") {
  std::vector<std::string> ids;
  for (const json& row : rows) ids.push_back(row.at(key).get<std::string>());
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_P(SubjectRightsApiTest, ExportHoldsEveryRecordOfThePersonAndNothingOfAnother) {
  const auto exported = api_->get(access_path());
  ASSERT_EQ(exported.status, 200) << exported.body;
  const json document = exported.json();
  EXPECT_EQ(document["format"], "dichtbij.subject-access.v1");
  EXPECT_EQ(document["personId"], subject_);
  const json& records = document["records"];

  ASSERT_EQ(records["persons"].size(), 1u);
  const json& person = records["persons"][0];
  EXPECT_EQ(person["displayName"], "Zwaantje Testerveld");
  EXPECT_EQ(person["birthYear"], 1948);
  EXPECT_EQ(person["languages"], (json{"nl", "Fries"}));
  EXPECT_EQ(records["personRoles"].size(), 1u);
  EXPECT_EQ(records["householdPeople"].size(), 2u);
  std::vector<std::string> households{own_, shared_};
  std::sort(households.begin(), households.end());
  EXPECT_EQ(ids_in(records["households"]), households);
  EXPECT_EQ(ids_in(records["ties"]), std::vector<std::string>{tie_});
  EXPECT_EQ(ids_in(records["agreements"]), std::vector<std::string>{agreement_});
  EXPECT_EQ(records["agreementVersions"].size(), 2u) << "the handover's history";
  EXPECT_EQ(records["agreementVersions"][0]["responsiblePersonId"], subject_);
  EXPECT_EQ(ids_in(records["supportActs"]), std::vector<std::string>{act_});
  EXPECT_EQ(ids_in(records["assessments"]), std::vector<std::string>{assessment_});
  EXPECT_EQ(records["assessmentScores"].size(), 1u);
  EXPECT_EQ(ids_in(records["referrals"]), std::vector<std::string>{referral_});
  ASSERT_EQ(records["accounts"].size(), 1u);
  EXPECT_EQ(records["accounts"][0]["username"], "zwaan");
  EXPECT_EQ(records["accounts"][0]["disabled"], false);
  EXPECT_FALSE(records["accounts"][0].contains("passwordHash"));
  EXPECT_FALSE(records["auditEvents"].empty()) << "the creation of the records, at least";
  for (const json& event : records["auditEvents"]) {
    EXPECT_FALSE(event.contains("hash"));
    EXPECT_FALSE(event.contains("previousHash"));
  }
  EXPECT_TRUE(records["erasures"].empty());

  // Nothing of another person: their names, their notes, their records.
  for (const std::string& foreign :
       std::vector<std::string>{"Kees Anderman", "Anouk Werker", "Kees en Anouk", "Alleen Kees",
                                "Anderman", "$argon2", others_act_, kees_act_, kees_only_}) {
    EXPECT_EQ(exported.body.find(foreign), std::string::npos) << foreign;
  }

  const std::vector<store::AuditRow> events = events_of("person.subjectAccess");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].record_id, subject_);
  EXPECT_EQ(events[0].username, "beheerder");
  EXPECT_EQ(events[0].outcome, "allowed");
}

TEST_P(SubjectRightsApiTest, ExportHoldsConsentsAndBreakGlassOpenings) {
  // Anouk, on the team of Zwaantje's own household, records its consent
  // and breaks the glass into Kees's; Bas, on no team, into the shared one.
  testing::ApiClient& anouk = api_->as("anouk", AccountRole::professional, PersonId(worker_));
  testing::ApiClient& bas =
      api_->as("bas", AccountRole::professional,
               PersonId(post("/api/v1/persons", {{"displayName", "Bas Buiten"}})));
  const auto own_consent =
      anouk.post("/api/v1/households/" + own_ + "/consents", consent("Zwaantje tekende zelf"));
  ASSERT_EQ(own_consent.status, 201) << own_consent.body;
  const std::string shared_consent =
      post("/api/v1/households/" + shared_ + "/consents", consent("Namens het hele gezin"));
  (void)post("/api/v1/households/" + kees_only_ + "/consents", consent("Kees tekende niet"));
  const auto into_shared =
      bas.post("/api/v1/households/" + shared_ + "/break-glass", {{"reason", "Zwaantje gevallen"}});
  ASSERT_EQ(into_shared.status, 201) << into_shared.body;
  const auto into_kees =
      anouk.post("/api/v1/households/" + kees_only_ + "/break-glass", {{"reason", "Kees belt"}});
  ASSERT_EQ(into_kees.status, 201) << into_kees.body;

  // Zwaantje's: the consents and the opening of her households, with notes.
  const auto exported = api_->get(access_path());
  ASSERT_EQ(exported.status, 200) << exported.body;
  const json records = exported.json()["records"];
  std::vector<std::string> consents{own_consent.json()["id"], shared_consent};
  std::sort(consents.begin(), consents.end());
  EXPECT_EQ(ids_in(records["consents"]), consents);
  for (const json& row : records["consents"]) EXPECT_TRUE(row["note"].is_string()) << row;
  ASSERT_EQ(records["breakGlassOpenings"].size(), 1u);
  EXPECT_EQ(records["breakGlassOpenings"][0]["id"], into_shared.json()["id"]);
  EXPECT_EQ(records["breakGlassOpenings"][0]["reason"], "Zwaantje gevallen");
  std::set<std::string> audited;
  for (const json& event : records["auditEvents"]) {
    if (event["recordId"].is_string()) audited.insert(event["recordId"].get<std::string>());
  }
  EXPECT_TRUE(audited.contains(shared_consent)) << "the consent's recording";
  EXPECT_TRUE(audited.contains(into_shared.json()["id"].get<std::string>())) << "the opening";
  for (const char* foreign : {"Kees tekende niet", "Kees belt"}) {
    EXPECT_EQ(exported.body.find(foreign), std::string::npos) << foreign;
  }

  // Anouk's: what her account recorded and opened, without the notes and
  // reasons, which are about other people's households.
  const auto anouks = api_->get("/api/v1/persons/" + worker_ + "/subject-access");
  ASSERT_EQ(anouks.status, 200) << anouks.body;
  const json hers = anouks.json()["records"];
  EXPECT_EQ(ids_in(hers["consents"]), std::vector<std::string>{own_consent.json()["id"]});
  EXPECT_TRUE(hers["consents"][0]["note"].is_null());
  ASSERT_EQ(hers["breakGlassOpenings"].size(), 1u);
  EXPECT_EQ(hers["breakGlassOpenings"][0]["householdId"], kees_only_);
  EXPECT_TRUE(hers["breakGlassOpenings"][0]["reason"].is_null());
  for (const char* foreign : {"Zwaantje tekende zelf", "Zwaantje gevallen"}) {
    EXPECT_EQ(anouks.body.find(foreign), std::string::npos) << foreign;
  }
}

TEST_P(SubjectRightsApiTest, ErasureClearsConsentNotesAndBreakGlassReasonsOfTheirHouseholds) {
  testing::ApiClient& bas =
      api_->as("bas", AccountRole::professional,
               PersonId(post("/api/v1/persons", {{"displayName", "Bas Buiten"}})));
  const std::string consents = "/api/v1/households/" + shared_ + "/consents";
  (void)post(consents, consent("Zwaantje tekende zelf"));
  (void)post("/api/v1/households/" + own_ + "/consents", consent("Zwaantje, alleen"));
  (void)post("/api/v1/households/" + kees_only_ + "/consents", consent("Kees tekende"));
  for (const std::string& household : {shared_, kees_only_}) {
    const std::string reason = household == shared_ ? "Zwaantje gevallen" : "Kees belt";
    ASSERT_EQ(
        bas.post("/api/v1/households/" + household + "/break-glass", {{"reason", reason}}).status,
        201);
  }

  const auto erased = api_->post(erasure_path(), {{"reason", "Verzoek 2026-015"}});
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(erased.json()["cleared"]["consentNotes"], 2);
  EXPECT_EQ(erased.json()["cleared"]["breakGlassReasons"], 1);

  // The consent and the opening stay, as the record that they happened.
  const json kept = keeper().get(consents).json();
  ASSERT_EQ(kept["total"], 1);
  EXPECT_FALSE(kept["items"][0].contains("note"));
  EXPECT_EQ(kept["items"][0]["purpose"], "research");
  std::map<std::string, std::string> reasons;
  const auto openings = keeper().get("/api/v1/break-glass");
  ASSERT_EQ(openings.status, 200) << openings.body;
  const json listed = openings.json();
  for (const json& opening : listed["items"]) {
    reasons[opening["householdId"]] = opening["reason"];
  }
  EXPECT_EQ(reasons[shared_], "Geanonimiseerd");
  EXPECT_EQ(reasons[kees_only_], "Kees belt") << "another's household keeps its reason";
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM consents WHERE note = 'Kees tekende'"), 1);
  for (const std::string& place : places_holding("Zwaantje")) {
    EXPECT_NE(place, "consents.note");
    EXPECT_NE(place, "break_glass_openings.reason");
    EXPECT_NE(place, "audit_events.reason") << "the chained log never holds the reason";
  }
  bool shown_anonymised = false;
  const auto log = keeper().get("/api/v1/households/" + shared_ + "/access-log?pageSize=200");
  ASSERT_EQ(log.status, 200) << log.body;
  const json events = log.json();
  for (const json& event : events["items"]) {
    if (event["action"] == "household.breakGlass") {
      shown_anonymised = event.value("reason", "") == "Geanonimiseerd";
    }
  }
  EXPECT_TRUE(shown_anonymised) << "the access log shows the opening's cleared reason";
  EXPECT_EQ(api_->post(erasure_path(), {{"reason", "Nog eens"}}).json()["cleared"]["consentNotes"],
            0);
}

TEST_P(SubjectRightsApiTest, ExportAndErasureCoverHelpRequestsProfilesAndMatches) {
  const std::string practice =
      keeper().get("/api/v1/households/" + shared_).json()["practiceIds"][0];
  auto request = [&](const std::string& household, const std::string& kind,
                     const std::string& description) {
    return json{
        {"householdId", household},   {"practiceId", practice},         {"kind", kind},
        {"description", description}, {"buurtCode", "BU03630001"},      {"languages", {"nl"}},
        {"interests", {"breien"}},    {"wishedTimes", {"tue-morning"}}, {"urgency", "normal"},
        {"status", "open"},           {"requestedById", subject_}};
  };
  auto profile = [&](const std::string& person, const std::string& kind) {
    return json{{"personId", person},
                {"practiceId", practice},
                {"kinds", {kind}},
                {"languages", {"nl"}},
                {"interests", {"breien"}},
                {"homeBuurtCode", "BU03630002"},
                {"maxDistanceMetres", 5000},
                {"availability", {"tue-morning"}},
                {"capacity", 1},
                {"excludedHouseholdIds", {kees_only_}},
                {"available", true}};
  };
  const std::string theirs =
      post("/api/v1/help-requests", request(shared_, "companionship", "Zwaantje zoekt gezelschap"));
  // Asked by Zwaantje for Kees: listed, but the description is Kees's.
  const std::string for_kees =
      post("/api/v1/help-requests", request(kees_only_, "transport", "Kees zoekt vervoer"));
  const std::string own_profile =
      post("/api/v1/volunteer-profiles", profile(subject_, "administration"));
  (void)post("/api/v1/volunteer-profiles", profile(worker_, "companionship"));
  const auto run =
      keeper().post("/api/v1/practices/" + practice + "/matching-runs", json::object());
  ASSERT_EQ(run.status, 201) << run.body;
  ASSERT_EQ(run.json()["proposals"].size(), 1U) << run.body;
  const std::string match = run.json()["proposals"][0]["id"];
  ASSERT_EQ(keeper()
                .post("/api/v1/matches/" + match + "/transitions",
                      {{"status", "rejected"}, {"reason", "Zwaantje kent Anouk al"}})
                .status,
            200);

  const json records = api_->get(access_path()).json()["records"];
  EXPECT_EQ(ids_in(records["helpRequests"]),
            ids_in(json::array({{{"id", theirs}}, {{"id", for_kees}}})));
  for (const json& row : records["helpRequests"]) {
    if (row["id"] == for_kees) {
      EXPECT_TRUE(row["description"].is_null()) << "about Kees's household";
    } else {
      EXPECT_EQ(row["description"], "Zwaantje zoekt gezelschap");
      EXPECT_EQ(row["interests"], json::array({"breien"}));
    }
  }
  ASSERT_EQ(records["volunteerProfiles"].size(), 1U);
  EXPECT_EQ(records["volunteerProfiles"][0]["id"], own_profile);
  EXPECT_EQ(records["volunteerProfiles"][0]["available"], true);
  ASSERT_EQ(records["matches"].size(), 1U);
  EXPECT_EQ(records["matches"][0]["id"], match);
  EXPECT_FALSE(records["matches"][0].contains("explanation")) << "it names other volunteers";
  bool audited_profile = false;
  for (const json& event : records["auditEvents"]) {
    if (event["action"] == "volunteerProfile.create") audited_profile = true;
  }
  EXPECT_TRUE(audited_profile);

  const auto erased = api_->post(erasure_path(), {{"reason", "Verzoek 2026-016"}});
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(erased.json()["cleared"]["helpRequests"], 1);
  EXPECT_EQ(erased.json()["cleared"]["matches"], 1);
  EXPECT_EQ(erased.json()["cleared"]["volunteerProfiles"], 1);
  for (const std::string& place : places_holding("Zwaantje")) {
    EXPECT_NE(place, "help_requests.description");
    EXPECT_NE(place, "matches.reason");
    EXPECT_NE(place, "matches.explanation");
  }
  EXPECT_EQ(keeper().get("/api/v1/help-requests/" + for_kees).json()["description"],
            "Kees zoekt vervoer");
  const json paused = keeper().get("/api/v1/volunteer-profiles/" + own_profile).json();
  EXPECT_EQ(paused["available"], false) << "an erased person is never matched again";
  EXPECT_EQ(paused["interests"], json::array());
  EXPECT_EQ(paused["excludedHouseholdIds"], json::array());
  const auto again = api_->post(erasure_path(), {{"reason", "Nog eens"}});
  EXPECT_EQ(again.json()["cleared"]["helpRequests"], 0);
  EXPECT_EQ(again.json()["cleared"]["volunteerProfiles"], 0);
}

TEST_P(SubjectRightsApiTest, ErasureLeavesTheNameNowhereAndKeepsTheStructure) {
  // A session of the subject's own account, to see it end.
  ASSERT_EQ(api_->sign_in("zwaan").status, 201);
  const std::string subject_cookie = api_->session_cookie();
  ASSERT_EQ(api_->sign_in("beheerder").status, 201);
  ASSERT_FALSE(places_holding("Zwaantje").empty());

  const auto erased = api_->post(erasure_path(), {{"reason", "Verzoek 2026-014 per brief"}});
  ASSERT_EQ(erased.status, 200) << erased.body;
  const json answer = erased.json();
  EXPECT_EQ(answer["alreadyErased"], false);
  EXPECT_EQ(answer["cleared"]["supportActNotes"], 1);
  EXPECT_EQ(answer["cleared"]["agreements"], 1);
  EXPECT_EQ(answer["cleared"]["assessmentNotes"], 1);
  EXPECT_EQ(answer["cleared"]["referralNotes"], 1);
  EXPECT_EQ(answer["cleared"]["households"], 1) << "the household of the subject alone";
  EXPECT_EQ(answer["cleared"]["accountsDisabled"], 1);

  for (const char* trace : {"Zwaantje", "Testerveld", "zwaan", "breien", "Fries"}) {
    const std::vector<std::string> places = places_holding(trace);
    std::string where;
    for (const std::string& place : places) where += place + " ";
    EXPECT_TRUE(places.empty()) << trace << " is still in " << where;
  }

  const json person = keeper().get("/api/v1/persons/" + subject_).json();
  EXPECT_EQ(person["displayName"], "Geanonimiseerd");
  EXPECT_FALSE(person.contains("birthYear"));
  EXPECT_FALSE(person.contains("buurtCode"));
  EXPECT_TRUE(person["languages"].empty());
  EXPECT_EQ(person["roles"].size(), 1u) << "roles are structure and stay";
  EXPECT_EQ(keeper().get("/api/v1/households/" + own_).json()["name"], "Geanonimiseerd");
  EXPECT_EQ(keeper().get("/api/v1/households/" + shared_).json()["name"], "Familie Gedeeld");
  EXPECT_FALSE(keeper().get("/api/v1/support-acts/" + act_).json().contains("note"));
  EXPECT_EQ(keeper().get("/api/v1/support-acts/" + act_).json()["receiverId"], subject_);
  EXPECT_EQ(keeper().get("/api/v1/support-acts/" + kees_act_).json()["note"], "Alleen Kees");
  EXPECT_EQ(keeper().get("/api/v1/persons/" + other_).json()["displayName"], "Kees Anderman");
  const auto history =
      keeper().get("/api/v1/households/" + own_ + "/agreements/" + agreement_ + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.json()["items"].size(), 3u) << "the handover, and the erasure";
  EXPECT_EQ(history.json()["items"][0]["responsiblePersonId"], subject_);
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM ties"), 1);

  // The account is disabled, renamed, and its session is over.
  EXPECT_EQ(api_->sign_in("zwaan").status, 401);
  testing::HttpRequest with_old_session{
      "GET", api_->url("/api/v1/session"), "", {"Cookie: " + subject_cookie}};
  EXPECT_EQ(testing::http(with_old_session).status, 401);
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM accounts WHERE disabled = 1 AND id = '" +
                               account_ + "'"),
            1);

  // The record says who, when, why — and nothing erased.
  EXPECT_EQ(api_->query_number(
                "SELECT COUNT(*) FROM erasures WHERE subject_kind = 'person' AND subject_id = '" +
                subject_ +
                "' AND basis = 'request' AND reason = 'Verzoek 2026-014 per brief' "
                "AND requested_by = 'beheerder'"),
            1);
  const std::vector<store::AuditRow> events = events_of("person.erase");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].record_id, subject_);
  EXPECT_EQ(events[0].reason, "erasure " + answer["erasureId"].get<std::string>());
  EXPECT_FALSE(access::verify_chain(api_->database())->broken_at);

  // Twice is fine, and says so; no second record.
  const auto again = api_->post(erasure_path(), {{"reason", "Herhaald verzoek"}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["alreadyErased"], true);
  EXPECT_EQ(again.json()["erasureId"], answer["erasureId"]);
  EXPECT_EQ(again.json()["erasedAt"], answer["erasedAt"]);
  EXPECT_EQ(again.json()["cleared"]["agreements"], 0);
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM erasures"), 1);

  // The export now shows the erasure and the placeholder.
  const json records = api_->get(access_path()).json()["records"];
  EXPECT_EQ(records["persons"][0]["displayName"], "Geanonimiseerd");
  EXPECT_EQ(records["erasures"].size(), 1u);
}

TEST_P(SubjectRightsApiTest, AStaleETagCannotWriteTheErasedDataBack) {
  const auto before = keeper().get("/api/v1/persons/" + subject_);
  const std::string etag = *before.header("ETag");
  ASSERT_EQ(api_->post(erasure_path(), {{"reason", "Verzoek"}}).status, 200);
  json old = before.json();
  old.erase("id");
  EXPECT_EQ(keeper().put("/api/v1/persons/" + subject_, old, {"If-Match: " + etag}).status, 412);
  EXPECT_TRUE(places_holding("Zwaantje").empty());
}

TEST_P(SubjectRightsApiTest, OnlyAnAdministratorMayAndRefusalsAreAudited) {
  (void)api_->add_account("hulpverlener", AccountRole::professional);
  ASSERT_EQ(api_->sign_in("hulpverlener").status, 201);
  const auto read = api_->get(access_path());
  EXPECT_EQ(read.status, 403) << read.body;
  EXPECT_EQ(read.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(api_->post(erasure_path(), {{"reason", "Verzoek"}}).status, 403);
  EXPECT_EQ(keeper().get("/api/v1/persons/" + subject_).json()["displayName"],
            "Zwaantje Testerveld");
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM erasures"), 0);
  // Refused in front of the route, which names itself in the event.
  for (const char* action : {"route.getPersonSubjectAccess", "route.erasePerson"}) {
    const std::vector<store::AuditRow> events = events_of(action);
    ASSERT_EQ(events.size(), 1u) << action;
    EXPECT_EQ(events[0].outcome, "denied");
    EXPECT_EQ(events[0].username, "hulpverlener");
  }
  api_->forget_session();
  EXPECT_EQ(api_->get(access_path()).status, 401);
}

TEST_P(SubjectRightsApiTest, BadInputIsAProblemAndChangesNothing) {
  struct Case {
    std::string label;
    std::string path;
    std::string body;
    std::string content_type;
    long status;
    std::vector<std::string> invalid;
  };
  const std::string unknown = "/api/v1/persons/00000000-0000-4000-8000-000000000999/erasure";
  const std::vector<Case> cases = {
      {"no_reason", erasure_path(), "{}", "application/json", 400, {"reason"}},
      {"empty_reason", erasure_path(), R"({"reason":"  "})", "application/json", 400, {"reason"}},
      {"long_reason",
       erasure_path(),
       json{{"reason", std::string(501, 'x')}}.dump(),
       "application/json",
       400,
       {"reason"}},
      {"reason_not_text", erasure_path(), R"({"reason":42})", "application/json", 400, {"reason"}},
      {"unknown_field",
       erasure_path(),
       R"({"reason":"x","now":true})",
       "application/json",
       400,
       {"now"}},
      {"not_json", erasure_path(), "{reason", "application/json", 400, {}},
      {"not_a_json_type", erasure_path(), "reason=x", "text/plain", 415, {}},
      {"unknown_person", unknown, R"({"reason":"x"})", "application/json", 404, {}},
      {"not_an_id",
       "/api/v1/persons/zwaantje/erasure",
       R"({"reason":"x"})",
       "application/json",
       404,
       {}},
  };
  for (const Case& c : cases) {
    const auto result = api_->post_raw(c.path, c.body, {"Content-Type: " + c.content_type});
    EXPECT_EQ(result.status, c.status) << c.label << ": " << result.body;
    EXPECT_EQ(result.header("Content-Type"), "application/problem+json") << c.label;
    if (!c.invalid.empty()) {
      EXPECT_EQ(invalid_param_names(result), c.invalid) << c.label;
    }
  }
  EXPECT_EQ(api_->get("/api/v1/persons/00000000-0000-4000-8000-000000000999/subject-access").status,
            404);
  EXPECT_EQ(api_->get("/api/v1/persons/zwaantje/subject-access").status, 404);
  EXPECT_EQ(keeper().get("/api/v1/persons/" + subject_).json()["displayName"],
            "Zwaantje Testerveld");
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM erasures"), 0);
  EXPECT_TRUE(events_of("person.erase").empty());
}

TEST_P(SubjectRightsApiTest, ClosingAHouseholdDatesItAndReopeningClearsTheDate) {
  auto closed_on = [&]() {
    return api_->query_text("SELECT closed_on FROM households WHERE id = '" + own_ + "'");
  };
  const std::string path = "/api/v1/households/" + own_;
  EXPECT_EQ(closed_on(), "NULL");
  json household = keeper().get(path).json();
  household.erase("id");  // read-only, like lastActivityOn: not part of the input
  household.erase("lastActivityOn");
  household["status"] = "closed";
  ASSERT_EQ(keeper().put(path, household, {"If-Match: \"1\""}).status, 200);
  const std::string today = closed_on();
  EXPECT_EQ(today.size(), 10u) << today;
  household["name"] = "Testerveld (afgesloten)";
  ASSERT_EQ(keeper().put(path, household, {"If-Match: \"2\""}).status, 200);
  EXPECT_EQ(closed_on(), today) << "still closed: the date stays";
  household["status"] = "aftercare";
  ASSERT_EQ(keeper().put(path, household, {"If-Match: \"3\""}).status, 200);
  EXPECT_EQ(closed_on(), "NULL");
}

DICHTBIJ_INSTANTIATE_ENGINES(SubjectRightsApiTest);

}  // namespace
}  // namespace dichtbij
