// /api/v1/analyses/… over real HTTP, on SQLite and PostgreSQL: the measures
// of real households against networkx, their parts, change, mobilisation,
// collaboration, the comparison and the organisation network; researchers
// see only consenting households, pseudonymised; bad input is refused, and
// every answer is audited.
#include <fstream>
#include <regex>

#include "analysis/household_analysis.hpp"
#include "analysis/measure_table.hpp"
#include "api/today.hpp"
#include "store/act_rollup.hpp"
#include "store/analysis_query.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"
#include "support/networkx_check.hpp"
#include "support/test_database.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::HttpResult;

constexpr const char* kDay = "2026-03-31";

class AnalysesApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    welfare_ =
        id(api_->admin().post("/api/v1/organisations",
                              {{"name", "Buurtteam Oost"}, {"kind", "welfare"}, {"formal", true}}));
    volunteers_ = id(api_->admin().post(
        "/api/v1/organisations",
        {{"name", "Maatjes & Co"}, {"kind", "volunteerOrganisation"}, {"formal", false}}));
    smit_ = person({{"displayName", "Mevrouw Smit"}, {"birthYear", 1948}});
    worker_ = person({{"displayName", "Anouk (welzijn)"},
                      {"roles", {{{"role", "professional"}, {"from", "2020-01-01"}}}},
                      {"memberships", {{{"organisationId", welfare_}, {"from", "2020-01-01"}}}}});
    mentor_ =
        person({{"displayName", "Maatje Hans"},
                {"roles", {{{"role", "mentor"}, {"from", "2020-01-01"}}}},
                {"memberships", {{{"organisationId", volunteers_}, {"from", "2020-01-01"}}}}});
    neighbour_ = person({{"displayName", "Buurvrouw Ria"},
                         {"roles", {{{"role", "neighbour"}, {"from", "2020-01-01"}}}}});
    sister_ = person(
        {{"displayName", "Zus Els"}, {"roles", {{{"role", "family"}, {"from", "2020-01-01"}}}}});
    household_ = household("Smit", smit_, worker_);
    tie(mentor_, smit_, "friend", {"emotional", "practical"}, "gives");
    tie(neighbour_, smit_, "neighbour", {"practical"}, "both");
    tie(smit_, sister_, "sibling", {"emotional"}, "receives");
    tie(mentor_, neighbour_, "friend", {}, "both");
    act(mentor_, "practical", "professional", {worker_});
    act(mentor_, "practical", "network", {});
    act(neighbour_, "practical", "self", {});
    act(worker_, "emotional", "professional", {});
  }

  static std::string id(const HttpResult& result) {
    EXPECT_EQ(result.status / 100, 2) << result.body;
    return result.json().value("id", "");
  }
  std::string person(const json& body) { return id(api_->post("/api/v1/persons", body)); }
  std::string household(const std::string& name, const std::string& member,
                        const std::string& team) {
    json body{{"kind", "person"},
              {"name", name},
              {"targetGroup", "severeLoneliness"},
              {"buurtCode", "BU03630000"},
              {"status", "active"},
              {"practiceIds", {api_->practice_id().str()}},
              {"members", {{{"personId", member}, {"from", "2024-01-01"}}}}};
    if (!team.empty()) body["team"] = {{{"personId", team}, {"from", "2024-01-01"}}};
    return id(api_->post("/api/v1/households", body));
  }
  void tie(const std::string& person, const std::string& other, const std::string& kind,
           const std::vector<std::string>& types, const std::string& direction,
           const std::string& household = {}) {
    id(api_->post("/api/v1/households/" + (household.empty() ? household_ : household) + "/ties",
                  {{"personId", person},
                   {"otherPersonId", other},
                   {"relationKind", kind},
                   {"supportTypes", types},
                   {"closeness", 2},
                   {"direction", direction},
                   {"quality", "ordinary"},
                   {"from", "2025-01-01"}}));
  }
  void act(const std::string& provider, const std::string& type, const std::string& mobilised_by,
           const std::vector<std::string>& others, const std::string& date = "2026-03-03") {
    id(api_->post("/api/v1/support-acts", {{"date", date},
                                           {"householdId", household_},
                                           {"providerId", provider},
                                           {"receiverId", smit_},
                                           {"supportType", type},
                                           {"mode", "inPerson"},
                                           {"mobilisedBy", mobilised_by},
                                           {"othersInvolvedIds", others},
                                           {"note", "Samen naar de markt"}}));
  }
  void consent(const std::string& household) {
    id(api_->post("/api/v1/households/" + household + "/consents",
                  {{"purpose", "research"}, {"grantedOn", "2025-01-10"}}));
  }
  std::string analysis_path(const std::string& household) const {
    return "/api/v1/analyses/households/" + household;
  }
  std::string practice_path(const std::string& what) const {
    return "/api/v1/analyses/practices/" + api_->practice_id().str() + "/" + what;
  }

  std::unique_ptr<ApiServer> api_;
  std::string welfare_, volunteers_, smit_, worker_, mentor_, neighbour_, sister_, household_;
};

TEST_P(AnalysesApiTest, MeasuresOfRealHouseholdsAgreeWithNetworkx) {
  // The edge cases beside the rich household: nobody around, and only a
  // professional around.
  const std::string alone = household("Alleen", person({{"displayName", "Kees"}}), "");
  const std::string formal_only = household("Formeel", person({{"displayName", "Piet"}}), worker_);
  testing::TempDir folder;
  const HttpResult table =
      api_->get(std::string("/api/v1/analyses/households?format=csv&date=") + kDay);
  ASSERT_EQ(table.status, 200) << table.body;
  EXPECT_EQ(table.header("Content-Type").value_or("").rfind("text/csv", 0), 0u);
  const auto csv = folder.path() / "measures.csv";
  std::ofstream(csv, std::ios::binary) << table.body;
  std::vector<std::filesystem::path> graphs;
  for (const std::string& household : {household_, alone, formal_only}) {
    const HttpResult graph = api_->get(analysis_path(household) + "/graphml?date=" + kDay);
    ASSERT_EQ(graph.status, 200) << graph.body;
    graphs.push_back(folder.path() / (household + ".graphml"));
    std::ofstream(graphs.back(), std::ios::binary) << graph.body;
  }
  const testing::NetworkxCheck check = testing::run_networkx_check(csv, graphs);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("3 graphs"), std::string::npos) << check.output;
  EXPECT_NE(check.output.find(" 0 differences"), std::string::npos) << check.output;
}

TEST_P(AnalysesApiTest, AHouseholdsMeasuresComeWithTheirParts) {
  const HttpResult answer = api_->get(analysis_path(household_) + "?date=" + kDay);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json m = answer.json()["measures"];
  EXPECT_EQ(answer.json()["household"], household_);
  EXPECT_EQ(m["size"], 4);  // mentor, neighbour, sister, the worker on the team
  EXPECT_EQ(m["kin"], 1);
  EXPECT_EQ(m["professional"], 1);
  EXPECT_DOUBLE_EQ(m["informalShare"].get<double>(), 0.75);
  EXPECT_EQ(m["alterTies"], 1);
  EXPECT_DOUBLE_EQ(m["density"].get<double>(), 1.0 / 6);
  EXPECT_EQ(m["components"], 3);
  EXPECT_EQ(m["isolates"], 2);
  EXPECT_EQ(m["supportTies"], 3);
  EXPECT_EQ(m["multiplex"], 1);   // the mentor: emotional and practical
  EXPECT_EQ(m["reciprocal"], 1);  // the neighbour, both ways
  // Practical help in the 90 days: the mentor twice, the neighbour once.
  EXPECT_EQ(m["practicalInformalProviders"], 2);
  EXPECT_EQ(m["practicalRedundancy"], true);
  EXPECT_DOUBLE_EQ(m["practicalConcentration"].get<double>(), 4.0 / 9 + 1.0 / 9);
  EXPECT_EQ(m["emotionalInformalProviders"], 0);
  EXPECT_EQ(m["emotionalFormalActs"], 1);
  EXPECT_TRUE(m["emotionalConcentration"].is_null());

  const auto events = api_->audit_events("analysis.household");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].household_id.value_or(""), household_);
}

TEST_P(AnalysesApiTest, ChangeBetweenTwoDates) {
  // Before the ties began only the worker was around.
  const HttpResult answer =
      api_->get(analysis_path(household_) + "?date=" + kDay + "&compareWith=2024-06-01");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["measuresThen"]["size"], 1);
  EXPECT_EQ(answer.json()["change"]["size"], 3);
  EXPECT_TRUE(answer.json()["change"]["density"].is_null()) << "undefined in 2024";
}

TEST_P(AnalysesApiTest, ZrmProfileAndItsChangeBetweenTwoDates) {
  const std::string assessments = "/api/v1/households/" + household_ + "/assessments";
  id(api_->post(assessments, {{"date", "2025-09-01"},
                              {"personId", smit_},
                              {"scores",
                               {{{"domain", "finances"}, {"score", 2}},
                                {{"domain", "socialNetwork"}, {"score", 1}}}}}));
  id(api_->post(assessments, {{"date", "2026-03-01"},
                              {"personId", smit_},
                              {"scores", {{{"domain", "socialNetwork"}, {"score", 3}}}}}));
  const HttpResult answer =
      api_->get(analysis_path(household_) + "?date=" + kDay + "&compareWith=2025-10-01");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json zrm = answer.json()["zrm"];
  ASSERT_EQ(zrm.size(), 1u);
  EXPECT_EQ(zrm[0]["person"], smit_);
  // Finances was not scored again: September's score, dated September.
  EXPECT_EQ(zrm[0]["domains"],
            json::parse(R"([{"domain":"finances","score":2,"assessedOn":"2025-09-01"},
                            {"domain":"socialNetwork","score":3,"assessedOn":"2026-03-01"}])"));
  const json change = answer.json()["zrmChange"][0]["domains"];
  ASSERT_EQ(change.size(), 2u);
  EXPECT_EQ(change[0]["change"], 0);
  EXPECT_EQ(change[1]["domain"], "socialNetwork");
  EXPECT_EQ(change[1]["then"]["score"], 1);
  EXPECT_EQ(change[1]["now"]["score"], 3);
  EXPECT_EQ(change[1]["change"], 2);
  // Before any assessment there is no profile, and nothing to compare with.
  const HttpResult early = api_->get(analysis_path(household_) + "?date=2025-01-01");
  EXPECT_EQ(early.json()["zrm"], json::array());
  EXPECT_FALSE(early.json().contains("zrmChange"));

  // Researchers see the members by pseudonym only.
  consent(household_);
  testing::ApiClient& researcher = api_->as("onderzoeker", AccountRole::researcher);
  const HttpResult pseudonymised =
      researcher.get(analysis_path(household_) + "?date=" + kDay + "&compareWith=2025-10-01");
  ASSERT_EQ(pseudonymised.status, 200) << pseudonymised.body;
  const std::string member = pseudonymised.json()["zrm"][0]["person"];
  EXPECT_TRUE(std::regex_match(member, std::regex("[0-9a-f]{32}"))) << member;
  EXPECT_EQ(pseudonymised.json()["zrmChange"][0]["person"], member);
  EXPECT_EQ(pseudonymised.body.find(smit_), std::string::npos);
}

TEST_P(AnalysesApiTest, BadInputIsNamed) {
  auto names = [&](const std::string& path) {
    const HttpResult answer = api_->get(path);
    EXPECT_EQ(answer.status, 400) << path << " " << answer.body;
    return testing::invalid_param_names(answer);
  };
  EXPECT_EQ(names(analysis_path(household_) + "?date=31-03-2026"),
            std::vector<std::string>{"date"});
  EXPECT_EQ(names(analysis_path(household_) + "?compareWith=gisteren"),
            std::vector<std::string>{"compareWith"});
  EXPECT_EQ(names(analysis_path(household_) + "?datum=2026-01-01"),
            std::vector<std::string>{"datum"});
  EXPECT_EQ(names("/api/v1/analyses/households?format=xlsx"), std::vector<std::string>{"format"});
  EXPECT_EQ(names(practice_path("mobilisation") + "?from=2026-05-01&to=2026-04-01"),
            std::vector<std::string>{"from"});
  EXPECT_EQ(names("/api/v1/analyses/organisation-network?format=dot"),
            std::vector<std::string>{"format"});
  EXPECT_EQ(api_->get(analysis_path("8d3f1c2e-0000-4000-8000-000000000000")).status, 404);
  EXPECT_EQ(api_->get("/api/v1/analyses/practices/niet-een-id/mobilisation").status, 404);
}

TEST_P(AnalysesApiTest, MobilisationCountsWhoSetSupportInMotion) {
  const HttpResult answer =
      api_->get(practice_path("mobilisation") + "?from=2026-01-01&to=2026-03-31");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json total = answer.json()["total"];
  EXPECT_EQ(total["acts"], 4);
  EXPECT_EQ(total["professional"], 2);
  EXPECT_EQ(total["network"], 1);
  EXPECT_EQ(total["self"], 1);
  EXPECT_DOUBLE_EQ(total["professionalShare"].get<double>(), 0.5);
  ASSERT_EQ(answer.json()["byMonth"].size(), 1u);
  EXPECT_EQ(answer.json()["byMonth"][0]["month"], "2026-03");
  ASSERT_EQ(answer.json()["bySupportType"].size(), 2u);
  EXPECT_EQ(answer.json()["bySupportType"][0]["supportType"], "emotional");
  EXPECT_EQ(answer.json()["bySupportType"][1]["acts"], 3);
  // Outside the period: nothing.
  EXPECT_EQ(api_->get(practice_path("mobilisation") + "?from=2025-01-01&to=2025-12-31")
                .json()["total"]["acts"],
            0);
}

TEST_P(AnalysesApiTest, CollaborationCountsJointActsActivationsAndHandovers) {
  // A task handed from the worker to the mentor, today.
  const std::string agreements = "/api/v1/households/" + household_ + "/agreements";
  json agreement{{"goal", "Boodschappen"},
                 {"action", "Samen boodschappen doen"},
                 {"responsiblePersonId", worker_},
                 {"status", "inProgress"},
                 {"agreedByHousehold", true}};
  const std::string agreement_id = id(api_->post(agreements, agreement));
  agreement["responsiblePersonId"] = mentor_;
  ASSERT_EQ(api_->put(agreements + "/" + agreement_id, agreement, {"If-Match: \"1\""}).status, 200);

  const HttpResult answer = api_->get(practice_path("collaboration") + "?from=2026-01-01");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json total = answer.json()["total"];
  EXPECT_EQ(total["acts"], 4);
  EXPECT_EQ(total["jointActs"], 1);    // the mentor with the worker
  EXPECT_EQ(total["activations"], 1);  // mobilised by a professional, given by the mentor
  EXPECT_EQ(total["handovers"], 1);
  EXPECT_DOUBLE_EQ(total["jointShare"].get<double>(), 0.25);
}

// The rollup the practice analyses read (store/act_rollup.hpp) against a
// count over every act, with and without the research-consent filter.
void expect_rollup_agrees(store::Database& database, const std::string& step) {
  SCOPED_TRACE(step);
  Result<void> checked = database.in_transaction(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<void> {
        EXPECT_EQ(store::rollup_differences(transaction), std::vector<std::string>{});
        for (const std::optional<Date>& consent :
             {std::optional<Date>(), std::optional(api::today())}) {
          const store::AnalysisScope scope{*parse_date("2020-01-01"), api::today(), {}, consent};
          auto text = [](const auto& counts) {
            std::vector<std::string> lines;
            for (const auto& count : counts.value()) {
              if constexpr (requires { count.mobilised_by; }) {
                lines.push_back(
                    count.practice.str() + " " + std::string(to_code(count.target_group)) + " " +
                    std::string(to_code(count.support_type)) + " " + count.month + " " +
                    std::string(to_code(count.mobilised_by)) + " " + std::to_string(count.acts));
              } else {
                lines.push_back(
                    count.practice.str() + " " + count.month + " " + std::to_string(count.acts) +
                    " " + std::to_string(count.joint_acts) + " " +
                    std::to_string(count.activations) + " " + std::to_string(count.handovers));
              }
            }
            return lines;
          };
          EXPECT_EQ(text(store::mobilisation_counts(transaction, scope)),
                    text(store::mobilisation_counts_from_acts(transaction, scope)));
          EXPECT_EQ(text(store::collaboration_counts(transaction, scope)),
                    text(store::collaboration_counts_from_acts(transaction, scope)));
        }
        return {};
      });
  ASSERT_TRUE(checked.ok()) << checked.error().message;
}

TEST_P(AnalysesApiTest, TheRollupFollowsEveryChangeToWhatItCounts) {
  store::Database& database = api_->database();
  expect_rollup_agrees(database, "four acts");
  const std::string other_practice = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"youthGroup"}}}));
  const std::string today = format_date(api::today());

  // An act changed (type, mobiliser, others, day), and one removed.
  json act{{"date", "2026-02-10"},  {"householdId", household_},         {"providerId", neighbour_},
           {"receiverId", smit_},   {"supportType", "practical"},        {"mode", "inPerson"},
           {"mobilisedBy", "self"}, {"othersInvolvedIds", json::array()}};
  const std::string act_id = id(api_->post("/api/v1/support-acts", act));
  expect_rollup_agrees(database, "an act added");
  act["supportType"] = "emotional";
  act["mobilisedBy"] = "professional";
  act["othersInvolvedIds"] = {worker_, mentor_};
  act["date"] = "2026-01-05";
  ASSERT_EQ(api_->put("/api/v1/support-acts/" + act_id, act, {"If-Match: \"1\""}).status, 200);
  expect_rollup_agrees(database, "an act changed");
  EXPECT_EQ(api_->get(practice_path("collaboration") + "?from=2026-01-01&to=2026-03-31")
                .json()["total"]["jointActs"],
            2);

  // The household's target group and practices.
  const HttpResult household = api_->get("/api/v1/households/" + household_);
  json changed = household.json();
  changed.erase("id");  // read-only
  changed.erase("lastActivityOn");
  changed["targetGroup"] = "youthGroup";
  changed["practiceIds"] = {api_->practice_id().str(), other_practice};
  ASSERT_EQ(api_->put("/api/v1/households/" + household_, changed, {"If-Match: \"1\""}).status,
            200);
  expect_rollup_agrees(database, "the household moved");
  Result<std::vector<store::MobilisationCount>> moved =
      database.in_transaction<std::vector<store::MobilisationCount>>(
          store::TransactionKind::read, [&](auto& transaction) {
            return store::mobilisation_counts(transaction,
                                              {*parse_date("2026-01-01"), *parse_date("2026-03-31"),
                                               PracticeId(other_practice), std::nullopt});
          });
  ASSERT_TRUE(moved.ok());
  long long moved_acts = 0;
  for (const store::MobilisationCount& count : *moved) {
    EXPECT_EQ(count.target_group, TargetGroup::youth_group);
    moved_acts += count.acts;
  }
  EXPECT_EQ(moved_acts, 5);

  // Research consent given and withdrawn today.
  const std::string consent_id =
      id(api_->post("/api/v1/households/" + household_ + "/consents",
                    {{"purpose", "research"}, {"grantedOn", "2025-01-10"}}));
  expect_rollup_agrees(database, "consent given");
  ASSERT_EQ(
      api_->put("/api/v1/households/" + household_ + "/consents/" + consent_id,
                {{"purpose", "research"}, {"grantedOn", "2025-01-10"}, {"withdrawnOn", today}},
                {"If-Match: \"1\""})
          .status,
      200);
  expect_rollup_agrees(database, "consent withdrawn");

  // The mentor becomes a professional: the acts they gave count otherwise.
  EXPECT_EQ(api_->get(practice_path("collaboration") + "?from=2026-01-01&to=2026-03-31")
                .json()["total"]["activations"],
            2);
  const HttpResult mentor = api_->get("/api/v1/persons/" + mentor_);
  json promoted = mentor.json();
  promoted.erase("id");
  promoted["roles"] = {{{"role", "professional"}, {"from", "2026-01-01"}}};
  ASSERT_EQ(api_->put("/api/v1/persons/" + mentor_, promoted, {"If-Match: \"1\""}).status, 200);
  expect_rollup_agrees(database, "a helper became a professional");
  EXPECT_EQ(api_->get(practice_path("collaboration") + "?from=2026-01-01&to=2026-03-31")
                .json()["total"]["activations"],
            1);

  ASSERT_EQ(api_->del("/api/v1/support-acts/" + act_id).status, 204);
  expect_rollup_agrees(database, "an act removed");
  ASSERT_EQ(api_->del("/api/v1/households/" + household_).status, 204);
  expect_rollup_agrees(database, "the household removed");
  EXPECT_EQ(api_->get(practice_path("mobilisation")).json()["total"]["acts"], 0);
}

TEST_P(AnalysesApiTest, PracticesSideBySide) {
  const HttpResult answer = api_->get("/api/v1/analyses/practices?from=2026-01-01&to=2026-03-31");
  ASSERT_EQ(answer.status, 200) << answer.body;
  ASSERT_EQ(answer.json()["items"].size(), 1u);
  const json practice = answer.json()["items"][0];
  EXPECT_EQ(practice["practiceId"], api_->practice_id().str());
  EXPECT_EQ(practice["mobilisation"]["total"]["acts"], 4);
  EXPECT_EQ(practice["collaboration"]["total"]["jointActs"], 1);
}

TEST_P(AnalysesApiTest, OrganisationNetworkOfSharedHouseholds) {
  const HttpResult answer =
      api_->get("/api/v1/analyses/organisation-network?from=2026-01-01&to=2026-03-31");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json network = answer.json();
  EXPECT_EQ(network["nodes"], 2);
  EXPECT_EQ(network["edges"], 1);
  EXPECT_DOUBLE_EQ(network["density"].get<double>(), 1.0);
  ASSERT_EQ(network["links"].size(), 1u);
  EXPECT_EQ(network["links"][0]["households"], 1);
  EXPECT_EQ(network["links"][0]["jointActs"], 1);
  EXPECT_EQ(network["organisations"][0]["partners"], 1);

  const HttpResult graphml =
      api_->get("/api/v1/analyses/organisation-network?format=graphml&from=2026-01-01");
  ASSERT_EQ(graphml.status, 200) << graphml.body;
  EXPECT_NE(graphml.body.find("Maatjes &amp; Co"), std::string::npos);
  EXPECT_EQ(api_->audit_events("analysis.organisationNetwork").size(), 2u);
}

TEST_P(AnalysesApiTest, ResearchersSeeOnlyConsentingHouseholdsPseudonymised) {
  testing::ApiClient& researcher = api_->as("onderzoeker", AccountRole::researcher);
  EXPECT_EQ(researcher.get(analysis_path(household_)).status, 404) << "no consent yet";
  EXPECT_EQ(
      researcher.get(practice_path("mobilisation") + "?from=2026-01-01").json()["total"]["acts"],
      0);
  EXPECT_EQ(researcher.get("/api/v1/analyses/households").json()["items"].size(), 0u);

  consent(household_);
  const HttpResult answer = researcher.get(analysis_path(household_) + "?date=" + kDay);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const std::string pseudonym = answer.json()["household"];
  EXPECT_TRUE(std::regex_match(pseudonym, std::regex("[0-9a-f]{32}"))) << pseudonym;
  EXPECT_EQ(answer.json()["measures"]["size"], 4);
  const HttpResult graphml = researcher.get(analysis_path(household_) + "/graphml?date=" + kDay);
  ASSERT_EQ(graphml.status, 200);
  const HttpResult list = researcher.get("/api/v1/analyses/households?format=csv");
  for (const std::string& secret :
       {household_, smit_, mentor_, neighbour_, sister_, worker_, std::string("Smit"),
        std::string("Hans"), std::string("BU03630000"), std::string("1948")}) {
    EXPECT_EQ(answer.body.find(secret), std::string::npos) << secret;
    EXPECT_EQ(graphml.body.find(secret), std::string::npos) << secret;
    EXPECT_EQ(list.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(list.body.find(pseudonym), std::string::npos);
  EXPECT_EQ(
      researcher.get(practice_path("mobilisation") + "?from=2026-01-01").json()["total"]["acts"],
      4);
}

TEST_P(AnalysesApiTest, ACoordinatorAnalysesOnlyTheirOwnPractice) {
  const std::string other = id(api_->admin().post(
      "/api/v1/practices", {{"name", "Elders"}, {"targetGroups", {"youthGroup"}}}));
  EXPECT_EQ(api_->get("/api/v1/analyses/practices/" + other + "/mobilisation").status, 403);
  EXPECT_EQ(api_->get("/api/v1/analyses/households?practiceId=" + other).status, 403);
  const auto refused = api_->audit_events("analysis.mobilisation");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].outcome, "denied");
}

TEST_P(AnalysesApiTest, TheBatchReadGivesWhatEachHouseholdsReadGives) {
  (void)household("Alleen", person({{"displayName", "Kees"}}), "");
  (void)household("Formeel", person({{"displayName", "Piet"}}), worker_);
  // A member who also gives: her act counts as given, not as informal.
  id(api_->post("/api/v1/support-acts", {{"date", "2026-03-10"},
                                         {"householdId", household_},
                                         {"providerId", smit_},
                                         {"receiverId", neighbour_},
                                         {"supportType", "companionship"},
                                         {"mode", "inPerson"},
                                         {"mobilisedBy", "self"}}));
  for (const char* day : {kDay, "2025-02-01", "2024-06-01"}) {
    SCOPED_TRACE(day);
    const Date on = *parse_date(day);
    std::vector<analysis::MeasureRow> batch, single;
    ASSERT_TRUE(api_->database()
                    .in_transaction(store::TransactionKind::read,
                                    [&](store::Transaction& transaction) -> Result<void> {
                                      return analysis::analyse_all_households(
                                          transaction, on,
                                          [&](const analysis::HouseholdAnalysis& a, std::size_t,
                                              std::size_t) -> Result<void> {
                                            batch.push_back(analysis::measure_row(a, ""));
                                            Result<analysis::HouseholdAnalysis> one =
                                                analysis::analyse_household(transaction,
                                                                            a.household, on);
                                            if (!one.ok()) return std::move(one).error();
                                            single.push_back(analysis::measure_row(*one, ""));
                                            return {};
                                          });
                                    })
                    .ok());
    ASSERT_EQ(batch.size(), 3u);
    for (std::size_t i = 0; i != batch.size(); ++i) {
      ASSERT_EQ(batch[i].size(), single[i].size());
      for (std::size_t c = 0; c != batch[i].size(); ++c) {
        EXPECT_TRUE(batch[i][c].value == single[i][c].value) << batch[i][c].csv_name;
      }
    }
    // In slices on two threads: the same rows, in the same order, one call
    // at a time, with the count done rising by one.
    for (const std::size_t slice : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
      SCOPED_TRACE("slice " + std::to_string(slice));
      std::vector<analysis::MeasureRow> sliced;
      std::vector<std::size_t> counted;
      ASSERT_TRUE(analysis::analyse_all_households(
                      api_->database(), on,
                      [&](const analysis::HouseholdAnalysis& a, std::size_t done,
                          std::size_t total) -> Result<void> {
                        EXPECT_EQ(total, 3u);
                        counted.push_back(done);
                        sliced.push_back(analysis::measure_row(a, ""));
                        return {};
                      },
                      {.slice = slice, .threads = 2})
                      .ok());
      EXPECT_EQ(counted, (std::vector<std::size_t>{1, 2, 3}));
      ASSERT_EQ(sliced.size(), batch.size());
      for (std::size_t i = 0; i != batch.size(); ++i) {
        ASSERT_EQ(sliced[i].size(), batch[i].size());
        for (std::size_t c = 0; c != batch[i].size(); ++c) {
          EXPECT_TRUE(sliced[i][c].value == batch[i][c].value) << batch[i][c].csv_name;
        }
      }
    }
  }
}

TEST_P(AnalysesApiTest, AnAnalysisOfEveryHouseholdStopsAtTheFirstRefusal) {
  (void)household("Alleen", person({{"displayName", "Kees"}}), "");
  (void)household("Formeel", person({{"displayName", "Piet"}}), worker_);
  const Date on = *parse_date(kDay);
  std::size_t calls = 0;
  const Result<void> stopped = analysis::analyse_all_households(
      api_->database(), on,
      [&](const analysis::HouseholdAnalysis&, std::size_t done, std::size_t) -> Result<void> {
        ++calls;
        if (done == 2) return make_error(ErrorCode::unavailable, "the disk is full");
        return {};
      },
      {.slice = 1, .threads = 2});
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().message, "the disk is full");
  EXPECT_EQ(calls, 2u);
}

DICHTBIJ_INSTANTIATE_ENGINES(AnalysesApiTest);

}  // namespace
}  // namespace dichtbij
