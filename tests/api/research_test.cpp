// Research projects, field notes, the codebook, codings, memos and the
// analyses over real HTTP, on SQLite and PostgreSQL (issue 9): offsets that
// survive multi-byte text and Windows line ends, pseudonymisation, the
// codebook's change log, who sees notes, withdrawn consent, and bad input
// refused with nothing changed.
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

std::set<std::string> names_of(const HttpResult& result) {
  const std::vector<std::string> names = testing::invalid_param_names(result);
  return {names.begin(), names.end()};
}

// é is one code point, 😀 (outside the BMP) one, "\r\n" two.
const std::string kText =
    "Caf\xC3\xA9 De Boom, \xF0\x9F\x98\x80 dinsdag.\r\nJan de Vries helpt Fatima met de "
    "formulieren.\r\nZe lachen.";

class ResearchApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    ann_ = &api_->as("ann", AccountRole::researcher);
    bob_ = &api_->as("bob", AccountRole::researcher);
    other_ = &api_->as("olga", AccountRole::researcher);
    project_ =
        id(ann_->post("/api/v1/research/projects", {{"name", "Mobilisatie in zes praktijken"},
                                                    {"practiceIds", {api_->practice_id().str()}}}));
    ASSERT_EQ(ann_->post(path("/members"), {{"accountId", account("bob")}, {"role", "researcher"}})
                  .status,
              201);
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string account(const std::string& username) {
    return api_->query_text("SELECT id FROM accounts WHERE username = '" + username + "'");
  }
  std::string path(const std::string& rest = "") const {
    return "/api/v1/research/projects/" + project_ + rest;
  }
  json note_body(const std::string& text = kText) const {
    return {{"practiceId", api_->practice_id().str()},
            {"site", "Buurthuis De Boom"},
            {"observedOn", "2026-03-03"},
            {"perspective", "volunteer"},
            {"text", text}};
  }
  std::string note(const std::string& text = kText) {
    return id(ann_->post(path("/field-notes"), note_body(text)));
  }
  std::string code(const std::string& name, ApiClient* as = nullptr) {
    return id((as ? as : ann_)->post(path("/codes"), {{"name", name}, {"colour", "#aa3300"}}));
  }
  HttpResult coding(ApiClient& as, const std::string& note, const std::string& code, int start,
                    int end) {
    return as.post(path("/codings"),
                   {{"noteId", note}, {"codeId", code}, {"start", start}, {"end", end}});
  }
  long long count(const std::string& table) {
    return api_->query_number("SELECT COUNT(*) FROM " + table);
  }
  // A household of the practice with research consent from 2025.
  std::string consented_household() {
    const std::string household =
        id(api_->post("/api/v1/households", {{"kind", "person"},
                                             {"name", "Jansen"},
                                             {"targetGroup", "severeLoneliness"},
                                             {"status", "active"},
                                             {"practiceIds", {api_->practice_id().str()}}}));
    consent_ = api_->grant_research_consent(household);
    return household;
  }

  std::unique_ptr<ApiServer> api_;
  ApiClient* ann_ = nullptr;
  ApiClient* bob_ = nullptr;
  ApiClient* other_ = nullptr;
  std::string project_, consent_;
};

TEST_P(ResearchApiTest, OffsetsPointAtTheSameTextAfterARoundTrip) {
  const std::string note_id = note();
  const HttpResult read = ann_->get(path("/field-notes/" + note_id));
  ASSERT_EQ(read.status, 200) << read.body;
  const std::string text = read.json()["text"];
  EXPECT_EQ(text, kText);  // verbatim, \r\n kept
  EXPECT_EQ(read.json()["length"], *utf8_code_points(kText));
  // "é" is code point 3; "😀" 15; "Jan de Vries" starts after the first "\r\n".
  const std::size_t jan = std::string_view("Café De Boom, 😀 dinsdag.\r\n").size() - 4;
  ASSERT_EQ(code_point_slice(kText, 3, 4), "\xC3\xA9");
  ASSERT_EQ(code_point_slice(kText, 14, 15), "\xF0\x9F\x98\x80");
  ASSERT_EQ(code_point_slice(kText, jan, jan + 12), "Jan de Vries");
  const std::string helper = code("Informele hulp");
  const std::string emoji = code("Sfeer");
  ASSERT_EQ(
      coding(*ann_, note_id, helper, static_cast<int>(jan), static_cast<int>(jan) + 12).status,
      201);
  ASSERT_EQ(coding(*ann_, note_id, emoji, 3, 15).status, 201);
  const HttpResult fragments = ann_->get(path("/analyses/fragments?codeId=" + helper));
  ASSERT_EQ(fragments.status, 200) << fragments.body;
  ASSERT_EQ(fragments.json()["items"].size(), 1u);
  EXPECT_EQ(fragments.json()["items"][0]["excerpt"], "Jan de Vries");
  const HttpResult emoji_fragment = ann_->get(path("/analyses/fragments?codeId=" + emoji));
  EXPECT_EQ(emoji_fragment.json()["items"][0]["excerpt"], "\xC3\xA9 De Boom, \xF0\x9F\x98\x80");
  // The last code point is the final "." of "lachen.": end = length is
  // fine, one past is not.
  const int length = read.json()["length"];
  EXPECT_EQ(coding(*ann_, note_id, helper, length - 1, length).status, 201);
  const long long codings = count("research_codings");
  const HttpResult past = coding(*ann_, note_id, helper, length - 1, length + 1);
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(names_of(past), std::set<std::string>{"end"});
  const HttpResult backwards = coding(*ann_, note_id, helper, 5, 5);
  EXPECT_EQ(backwards.status, 400);
  EXPECT_EQ(names_of(backwards), std::set<std::string>{"start"});
  EXPECT_EQ(count("research_codings"), codings);
}

TEST_P(ResearchApiTest, BadInputNamesEveryFieldAndChangesNothing) {
  const long long notes = count("field_notes");
  const HttpResult bad = ann_->post(path("/field-notes"), {{"practiceId", "nope"},
                                                           {"site", ""},
                                                           {"observedOn", "2026-13-01"},
                                                           {"perspective", "mayor"},
                                                           {"text", "a\x01"},
                                                           {"extra", 1}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(names_of(bad), (std::set<std::string>{"practiceId", "site", "observedOn", "perspective",
                                                  "text", "extra"}));
  // Invalid UTF-8 cannot be sent as JSON text: the body is refused whole.
  const HttpResult raw = ann_->post_raw(path("/field-notes"), "{\"text\": \"caf\xC3\"}",
                                        {"Content-Type: application/json"});
  EXPECT_EQ(raw.status, 400);
  json elsewhere = note_body();
  elsewhere["practiceId"] = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"severeLoneliness"}}}));
  const HttpResult outside = ann_->post(path("/field-notes"), elsewhere);
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(names_of(outside), std::set<std::string>{"practiceId"});
  json pseudonym = note_body();
  pseudonym["householdPseudonyms"] = {"0123456789abcdef0123456789abcdef"};
  const HttpResult unknown = ann_->post(path("/field-notes"), pseudonym);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(names_of(unknown), std::set<std::string>{"householdPseudonyms[0]"});
  EXPECT_EQ(count("field_notes"), notes);
  const HttpResult colour = ann_->post(path("/codes"), {{"name", "X"}, {"colour", "red"}});
  EXPECT_EQ(colour.status, 400);
  EXPECT_EQ(names_of(colour), std::set<std::string>{"colour"});
  EXPECT_EQ(count("research_codes"), 0);
  EXPECT_EQ(count("research_codebook_changes"), 0);
}

TEST_P(ResearchApiTest, PseudonymisationIsConsistentAndRefusedOnceCoded) {
  const std::string first = note();
  const std::string second = note("Fatima belde. Jan de Vries niet.");
  const HttpResult done = ann_->post(path("/field-notes/" + first + "/pseudonymisations"),
                                     {{"names", {"Jan de Vries", "Fatima"}}});
  ASSERT_EQ(done.status, 200) << done.body;
  const std::string text = done.json()["text"];
  EXPECT_EQ(text.find("Fatima"), std::string::npos);
  EXPECT_EQ(text.find("Jan de Vries"), std::string::npos);
  EXPECT_NE(text.find("Persoon 1 helpt Persoon 2"), std::string::npos) << text;
  EXPECT_EQ(done.json()["length"], *utf8_code_points(text));
  const HttpResult again = ann_->post(path("/field-notes/" + second + "/pseudonymisations"),
                                      {{"names", {"Fatima", "Jan de Vries"}}});
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["text"], "Persoon 2 belde. Persoon 1 niet.");
  // The names themselves are nowhere in the database.
  EXPECT_EQ(api_->query_number(
                "SELECT COUNT(*) FROM research_name_pseudonyms WHERE name_digest LIKE '%Fatima%'"),
            0);
  ASSERT_EQ(coding(*ann_, first, code("Hulp"), 0, 4).status, 201);
  const HttpResult refused =
      ann_->post(path("/field-notes/" + first + "/pseudonymisations"), {{"names", {"Persoon"}}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["code"], "noteHasCodings");
  json changed = note_body("Andere tekst");
  const HttpResult edit = ann_->put(path("/field-notes/" + first), changed);
  EXPECT_EQ(edit.status, 409);
}

TEST_P(ResearchApiTest, CodebookKeepsEveryChangeAndAnalysesNameTheVersion) {
  const std::string parent = code("Mobilisatie");
  const HttpResult child =
      ann_->post(path("/codes"), {{"name", "Door netwerk"}, {"parentId", parent}});
  ASSERT_EQ(child.status, 201);
  const std::string child_id = child.json()["id"];
  const HttpResult renamed =
      ann_->put(path("/codes/" + child_id), {{"name", "Door het netwerk"}, {"parentId", parent}},
                {"If-Match: \"1\""});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["codebookVersion"], 3);
  const HttpResult stale =
      ann_->put(path("/codes/" + child_id), {{"name", "Weer anders"}}, {"If-Match: \"1\""});
  EXPECT_EQ(stale.status, 412);
  const HttpResult cycle =
      ann_->put(path("/codes/" + parent), {{"name", "Mobilisatie"}, {"parentId", child_id}});
  EXPECT_EQ(cycle.status, 400);
  EXPECT_EQ(names_of(cycle), std::set<std::string>{"parentId"});
  EXPECT_EQ(ann_->del(path("/codes/" + parent)).status, 409);  // a code below it
  EXPECT_EQ(ann_->del(path("/codes/" + child_id)).status, 204);
  const HttpResult changes = ann_->get(path("/codebook-changes"));
  ASSERT_EQ(changes.status, 200);
  const json items = changes.json()["items"];
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["change"], "created");
  EXPECT_EQ(items[2]["change"], "updated");
  EXPECT_EQ(items[2]["before"]["name"], "Door netwerk");
  EXPECT_EQ(items[2]["after"]["name"], "Door het netwerk");
  EXPECT_EQ(items[3]["change"], "removed");
  EXPECT_EQ(items[3]["codebookVersion"], 4);
  EXPECT_EQ(items[3]["accountId"], account("ann"));
  const HttpResult matrix = ann_->get(path("/analyses/code-practice-matrix"));
  ASSERT_EQ(matrix.status, 200);
  EXPECT_EQ(matrix.json()["codebookVersion"], 4);
}

TEST_P(ResearchApiTest, MatricesCooccurrenceAndAgreement) {
  const std::string a = code("Samenwerking");
  const std::string b = code("Eenzaamheid");
  const std::string n0 = note("0123456789abcdefghij");
  const std::string n1 = note("0123456789");
  ASSERT_EQ(coding(*ann_, n0, a, 0, 10).status, 201);
  ASSERT_EQ(coding(*ann_, n0, b, 5, 15).status, 201);
  ASSERT_EQ(coding(*bob_, n0, a, 0, 10).status, 201);
  ASSERT_EQ(coding(*ann_, n1, a, 4, 8).status, 201);
  ASSERT_EQ(coding(*bob_, n1, b, 0, 4).status, 201);
  const HttpResult matrix = ann_->get(path("/analyses/code-perspective-matrix"));
  ASSERT_EQ(matrix.status, 200) << matrix.body;
  EXPECT_EQ(matrix.json()["columns"], json::parse(R"([{"column":"volunteer","notes":2}])"));
  const HttpResult cooccurrence = ann_->get(path("/analyses/code-co-occurrence"));
  ASSERT_EQ(cooccurrence.status, 200);
  ASSERT_EQ(cooccurrence.json()["cells"].size(), 1u);
  EXPECT_EQ(cooccurrence.json()["cells"][0]["overlaps"], 2);
  const std::string first = cooccurrence.json()["cells"][0]["codeId"];
  const std::string second = cooccurrence.json()["cells"][0]["otherCodeId"];
  const HttpResult drill =
      ann_->get(path("/analyses/fragments?codeId=" + first + "&otherCodeId=" + second));
  ASSERT_EQ(drill.status, 200);
  EXPECT_FALSE(drill.json()["items"].empty());
  const HttpResult agreement = ann_->get(path("/analyses/coder-agreement"));
  ASSERT_EQ(agreement.status, 200) << agreement.body;
  EXPECT_EQ(agreement.json()["coderIds"].size(), 2u);
  // Held in a variable: a range over a member of a temporary is a use after
  // free once the temporary is gone (ASan found it).
  const json codes = agreement.json()["codes"];
  for (const json& row : codes) {
    EXPECT_EQ(row["units"], 2);
    // Both codes: one coder has it on both notes… or they disagree fully.
    EXPECT_TRUE(row["kappa"].is_number()) << row;
  }
  EXPECT_EQ(ann_->get(path("/analyses/fragments")).status, 400);
}

TEST_P(ResearchApiTest, OnlyTheProjectsResearchersAndTheAuthorSeeNotes) {
  const std::string note_id = note();
  const std::string code_id = code("Hulp");
  ASSERT_EQ(coding(*ann_, note_id, code_id, 0, 4).status, 201);
  EXPECT_EQ(bob_->get(path("/field-notes/" + note_id)).status, 200);
  // A researcher of another project sees nothing of this one.
  EXPECT_EQ(other_->get(path("/field-notes/" + note_id)).status, 403);
  EXPECT_EQ(other_->get(path("/field-notes")).status, 200);
  EXPECT_TRUE(other_->get(path("/field-notes")).json()["items"].empty());
  EXPECT_EQ(other_->get(path("/codes")).status, 403);
  EXPECT_EQ(other_->get(path("/codings")).status, 403);
  EXPECT_EQ(other_->get(path("/analyses/code-practice-matrix")).status, 403);
  EXPECT_TRUE(other_->get("/api/v1/research/projects").json()["items"].empty());
  // Every other role, the administrator too, is refused at the door.
  for (ApiClient* caller : {&api_->admin(), static_cast<ApiClient*>(api_.get())}) {
    EXPECT_EQ(caller->get(path("/field-notes/" + note_id)).status, 403);
    EXPECT_EQ(caller->get(path("/field-notes")).status, 403);
  }
  // A stakeholder member sees no notes but their own (they write none).
  ApiClient& stakeholder = api_->as("sam", AccountRole::researcher);
  ASSERT_EQ(ann_->post(path("/members"), {{"accountId", account("sam")},
                                          {"role", "stakeholder"},
                                          {"practiceId", api_->practice_id().str()}})
                .status,
            201);
  EXPECT_EQ(stakeholder.get(path()).status, 200);
  EXPECT_TRUE(stakeholder.get(path("/field-notes")).json()["items"].empty());
  EXPECT_EQ(stakeholder.get(path("/field-notes/" + note_id)).status, 403);
  EXPECT_EQ(stakeholder.post(path("/field-notes"), note_body()).status, 403);
  // Bob leaves: he no longer sees Ann's note, but Ann still sees hers after
  // handing the project over and leaving too.
  ASSERT_EQ(ann_->del(path("/members/" + account("bob"))).status, 204);
  EXPECT_EQ(bob_->get(path("/field-notes/" + note_id)).status, 403);
  ASSERT_EQ(
      ann_->post(path("/members"), {{"accountId", account("olga")}, {"role", "researcher"}}).status,
      201);
  ASSERT_EQ(ann_->del(path("/members/" + account("ann"))).status, 204);
  EXPECT_EQ(ann_->get(path("/field-notes/" + note_id)).status, 200);
  EXPECT_EQ(ann_->get(path("/field-notes")).json()["items"].size(), 1u);
  EXPECT_EQ(ann_->get(path("/codes")).status, 403);
  // Refusals are in the audit log like every access.
  bool refused = false;
  for (const store::AuditRow& row : api_->audit_events("fieldNote.read")) {
    refused = refused || row.outcome == "denied";
  }
  EXPECT_TRUE(refused);
  EXPECT_FALSE(api_->audit_events("researchAnalysis.read").empty());
}

TEST_P(ResearchApiTest, WithdrawnConsentTakesLinkedNotesOutOfAnalyses) {
  const std::string household = consented_household();
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  json body = note_body("Mevrouw belt de buurvrouw.");
  body["householdPseudonyms"] = {pseudonyms->of(HouseholdId(household))};
  const HttpResult created = ann_->post(path("/field-notes"), body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["householdPseudonyms"], body["householdPseudonyms"]);
  const std::string code_id = code("Buren");
  ASSERT_EQ(coding(*ann_, created.json()["id"], code_id, 0, 7).status, 201);
  EXPECT_EQ(ann_->get(path("/analyses/code-practice-matrix")).json()["cells"].size(), 1u);
  const std::string consent = "/api/v1/households/" + household + "/consents/" + consent_;
  ASSERT_EQ(api_->put(consent,
                      {{"purpose", "research"},
                       {"grantedOn", "2025-01-10"},
                       {"withdrawnOn", format_date(api::today())}},
                      {"If-Match: \"1\""})
                .status,
            200);
  EXPECT_TRUE(ann_->get(path("/analyses/code-practice-matrix")).json()["cells"].empty());
  EXPECT_TRUE(ann_->get(path("/analyses/fragments?codeId=" + code_id)).json()["items"].empty());
}

// The note list and the note page follow the analyses: a note linked to a
// household that withdrew its research consent is still listed, marked
// withheld, but its text and links are not shown; it can be deleted, not
// changed, pseudonymised or coded.
TEST_P(ResearchApiTest, ANoteOfAHouseholdThatWithdrewIsWithheldFromTheListAndItsPage) {
  const std::string household = consented_household();
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  const std::string pseudonym = pseudonyms->of(HouseholdId(household));
  json body = note_body("Mevrouw belt de buurvrouw.");
  body["householdPseudonyms"] = {pseudonym};
  const std::string linked = id(ann_->post(path("/field-notes"), body));
  const std::string unlinked = note("Op de markt.");
  const std::string code_id = code("Buren");
  ASSERT_EQ(coding(*ann_, linked, code_id, 0, 7).status, 201);
  const json listed = ann_->get(path("/field-notes")).json();
  ASSERT_EQ(listed["items"].size(), 2u);
  for (const json& item : listed["items"]) EXPECT_EQ(item["withheld"], false);

  api_->withdraw_research_consent(household, consent_);
  for (ApiClient* reader : {ann_, bob_}) {
    const HttpResult list = reader->get(path("/field-notes"));
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.body.find("buurvrouw"), std::string::npos) << list.body;
    EXPECT_EQ(list.body.find(pseudonym), std::string::npos);
    ASSERT_EQ(list.json()["items"].size(), 2u) << "still listed, so the researcher knows";
    EXPECT_EQ(list.json()["total"], 2);
    // Bound first: a range-for over a temporary's member reads freed memory.
    const json items = list.json()["items"];
    for (const json& item : items) {
      if (item["id"] != linked) {
        EXPECT_EQ(item["withheld"], false);
        EXPECT_EQ(item["text"], "Op de markt.");
        continue;
      }
      EXPECT_EQ(item["withheld"], true);
      EXPECT_EQ(item["text"], "");
      EXPECT_EQ(item["length"], 0);
      EXPECT_TRUE(item["householdPseudonyms"].empty());
      EXPECT_TRUE(item["supportActIds"].empty());
      EXPECT_EQ(item["site"], "Buurthuis De Boom");
    }
    const HttpResult page = reader->get(path("/field-notes/" + linked));
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json()["withheld"], true);
    EXPECT_EQ(page.body.find("buurvrouw"), std::string::npos);
    EXPECT_EQ(page.body.find(pseudonym), std::string::npos);
  }
  EXPECT_EQ(ann_->get(path("/field-notes/" + unlinked)).json()["withheld"], false);

  // Not changed, pseudonymised or coded blind; nothing changes.
  body["text"] = "Iets anders.";
  body["householdPseudonyms"] = json::array();
  const HttpResult changed = ann_->put(path("/field-notes/" + linked), body);
  EXPECT_EQ(changed.status, 409) << changed.body;
  EXPECT_EQ(changed.json().value("code", ""), "researchConsentWithdrawn");
  EXPECT_EQ(
      ann_->post(path("/field-notes/" + linked + "/pseudonymisations"), {{"names", {"Mevrouw"}}})
          .status,
      409);
  const HttpResult coded = coding(*ann_, linked, code_id, 8, 12);
  EXPECT_EQ(coded.status, 409) << coded.body;
  EXPECT_EQ(api_->query_text("SELECT body FROM field_notes WHERE id = '" + linked + "'"),
            "Mevrouw belt de buurvrouw.");
  EXPECT_EQ(api_->query_number("SELECT COUNT(*) FROM field_note_households"), 1);
  EXPECT_EQ(count("research_codings"), 1);
  // Deleting it is what a withdrawal may well call for.
  EXPECT_EQ(ann_->del(path("/field-notes/" + linked)).status, 204);
  EXPECT_EQ(ann_->get(path("/field-notes")).json()["items"].size(), 1u);
}

TEST_P(ResearchApiTest, MemosOnAWithheldNoteAreWithheldWithIt) {
  const std::string household = consented_household();
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  json body = note_body("Mevrouw belt de buurvrouw.");
  body["householdPseudonyms"] = {pseudonyms->of(HouseholdId(household))};
  const std::string linked = id(ann_->post(path("/field-notes"), body));
  const std::string code_id = code("Buren");
  const std::string coding_id = coding(*ann_, linked, code_id, 0, 7).json()["id"];
  const std::string on_note =
      id(ann_->post(path("/memos"), {{"noteId", linked}, {"text", "Mevrouw Smit lacht veel."}}));
  const std::string on_coding = id(
      ann_->post(path("/memos"), {{"codingId", coding_id}, {"text", "Smit, weer de buurvrouw."}}));
  const std::string on_code =
      id(ann_->post(path("/memos"), {{"codeId", code_id}, {"text", "Buren, breed opgevat."}}));
  EXPECT_EQ(ann_->get(path("/memos/" + on_note)).json()["withheld"], false);

  api_->withdraw_research_consent(household, consent_);
  for (const std::string& memo : {on_note, on_coding}) {
    const HttpResult read = ann_->get(path("/memos/" + memo));
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.json()["withheld"], true);
    EXPECT_EQ(read.json()["text"], "");
  }
  for (const std::string& filter : {"?noteId=" + linked, "?codingId=" + coding_id, std::string()}) {
    const HttpResult list = ann_->get(path("/memos" + filter));
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.body.find("Smit"), std::string::npos) << filter << ": " << list.body;
  }
  const json code_memo = ann_->get(path("/memos/" + on_code)).json();
  EXPECT_EQ(code_memo["withheld"], false) << "a code is about no household";
  EXPECT_EQ(code_memo["text"], "Buren, breed opgevat.");
}

TEST_P(ResearchApiTest, ANoteOfTwoHouseholdsIsInTheAccessLogOfEach) {
  const std::string first = consented_household();
  const std::string second = consented_household();
  Result<research::Pseudonyms> pseudonyms = research::Pseudonyms::open(api_->database());
  ASSERT_TRUE(pseudonyms.ok());
  json body = note_body("Twee buren helpen elkaar.");
  body["householdPseudonyms"] = {pseudonyms->of(HouseholdId(first)),
                                 pseudonyms->of(HouseholdId(second))};
  const std::string note_id = id(ann_->post(path("/field-notes"), body));
  ASSERT_EQ(bob_->get(path("/field-notes/" + note_id)).status, 200);
  for (const char* action : {"fieldNote.create", "fieldNote.read"}) {
    std::set<std::string> households;
    for (const store::AuditRow& row : api_->audit_events(action)) {
      if (row.record_id == note_id && row.household_id) households.insert(*row.household_id);
    }
    EXPECT_EQ(households, (std::set<std::string>{first, second})) << action;
  }
}

TEST_P(ResearchApiTest, MemosOnNotesCodesAndCodings) {
  const std::string note_id = note();
  const std::string code_id = code("Hulp");
  const HttpResult memo = ann_->post(path("/memos"), {{"codeId", code_id}, {"text", "Breed."}});
  ASSERT_EQ(memo.status, 201) << memo.body;
  const HttpResult two =
      ann_->post(path("/memos"), {{"codeId", code_id}, {"noteId", note_id}, {"text", "x"}});
  EXPECT_EQ(two.status, 400);
  const std::string memo_id = memo.json()["id"];
  const HttpResult updated = ann_->put(
      path("/memos/" + memo_id), {{"codeId", code_id}, {"text", "Smal."}}, {"If-Match: \"1\""});
  ASSERT_EQ(updated.status, 200);
  EXPECT_EQ(updated.json()["text"], "Smal.");
  EXPECT_EQ(ann_->get(path("/memos?codeId=" + code_id)).json()["total"], 1);
  EXPECT_EQ(ann_->del(path("/field-notes/" + note_id)).status, 204);
  EXPECT_EQ(ann_->del(path("/memos/" + memo_id)).status, 204);
}

TEST_P(ResearchApiTest, EnumerationsLabelPerspectivesAndProjectRoles) {
  // The screens take their Dutch labels from here, as for every other enum.
  const json all = api_->get("/api/v1/enumerations").json();
  const json perspectives = all["perspective"];
  ASSERT_EQ(perspectives.size(), 7U) << all.dump();
  EXPECT_EQ(perspectives[2]["code"], "civilServant");
  EXPECT_EQ(perspectives[2]["labels"]["nl"], "Ambtenaar");
  EXPECT_EQ(perspectives[5]["labels"]["nl"], "Burger of cli\xC3\xABnt");
  const json roles = all["projectRole"];
  ASSERT_EQ(roles.size(), 2U) << all.dump();
  EXPECT_EQ(roles[1]["code"], "stakeholder");
  EXPECT_EQ(roles[1]["labels"]["nl"], "Belanghebbende");
  EXPECT_EQ(roles[1]["labels"]["en"], "Stakeholder");
}

DICHTBIJ_INSTANTIATE_ENGINES(ResearchApiTest);

}  // namespace
}  // namespace dichtbij
