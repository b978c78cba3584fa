// The retention run on SQLite and PostgreSQL: only households closed longer
// than the period are anonymised, with the members nobody needs any more;
// a dry run changes nothing.
#include "access/subject_rights.hpp"
#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiClient;
using testing::ApiServer;

const Date kToday{std::chrono::year(2026), std::chrono::June, std::chrono::day(15)};
const access::Requester kOperator{std::nullopt, "command line (test)", std::nullopt};

class RetentionTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<ApiServer>(engine());
    practice_ = api_->practice_id().str();
    gone_ = person("Oud Lid Eenling");
    still_open_ = person("Lid Met Open Huishouden");
    volunteer_ = person("Vrijwilliger Nu");
    recent_member_ = person("Recent Afgesloten Lid");
    old_ = household("Oud Huishouden", "closed", {gone_, still_open_, volunteer_});
    open_ = household("Open Huishouden", "active", {still_open_});
    recent_ = household("Recent Huishouden", "closed", {recent_member_});
    post("/api/v1/support-acts", {{"date", "2009-03-03"},
                                  {"householdId", old_},
                                  {"providerId", volunteer_},
                                  {"receiverId", gone_},
                                  {"supportType", "practical"},
                                  {"mode", "inPerson"},
                                  {"mobilisedBy", "network"},
                                  {"note", "Oud Lid Eenling geholpen met verhuizen"}});
    post("/api/v1/households/" + old_ + "/consents", {{"purpose", "research"},
                                                      {"grantedOn", "2005-02-01"},
                                                      {"note", "Oud Lid Eenling tekende"}});
    // A professional on no team of the practice opened the household once.
    ApiClient& outsider =
        api_->as("buiten", AccountRole::professional, PersonId(person("Buiten Werker")));
    EXPECT_EQ(outsider
                  .post("/api/v1/households/" + old_ + "/break-glass",
                        {{"reason", "Oud Lid Eenling belde de politie"}})
                  .status,
              201);
    // The volunteer has an account still in use: needed, kept.
    (void)api_->add_account("vrijwilliger", AccountRole::volunteer, PersonId(volunteer_));
    api_->execute_sql("UPDATE households SET closed_on = '2010-01-31' WHERE id = '" + old_ + "'");
    api_->execute_sql("UPDATE households SET closed_on = '2020-05-01' WHERE id = '" + recent_ +
                      "'");
  }

  std::string post(const std::string& path, const json& body) {
    const auto result = api_->post(path, body);
    EXPECT_EQ(result.status, 201) << path << ": " << result.body;
    return result.json().value("id", "");
  }
  std::string person(const std::string& name) {
    return post("/api/v1/persons", {{"displayName", name}, {"birthYear", 1960}});
  }
  std::string household(const std::string& name, const std::string& status,
                        const std::vector<std::string>& members) {
    json people = json::array();
    for (const std::string& member : members) {
      people.push_back({{"personId", member}, {"from", "2005-01-01"}});
    }
    return post("/api/v1/households", {{"kind", "household"},
                                       {"name", name},
                                       {"targetGroup", "other"},
                                       {"status", status},
                                       {"practiceIds", {practice_}},
                                       {"members", people}});
  }

  std::string name_of(const std::string& table, const std::string& id) {
    return api_->query_text("SELECT " + std::string(table == "persons" ? "display_name" : "name") +
                            " FROM " + table + " WHERE id = '" + id + "'");
  }
  long long erasures() { return api_->query_number("SELECT COUNT(*) FROM erasures"); }

  Result<access::RetentionReport> run(bool dry_run, int years = 15) {
    return access::SubjectRights(api_->database()).run_retention(kToday, years, dry_run, kOperator);
  }

  std::unique_ptr<ApiServer> api_;
  std::string practice_, gone_, still_open_, volunteer_, recent_member_, old_, open_, recent_;
};

TEST_P(RetentionTest, ADryRunCountsAndChangesNothing) {
  Result<access::RetentionReport> report = run(true);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->dry_run);
  EXPECT_EQ(format_date(report->cutoff), "2011-06-15");
  EXPECT_EQ(report->households, 1);
  EXPECT_EQ(report->persons, 1);
  EXPECT_EQ(name_of("households", old_), "Oud Huishouden");
  EXPECT_EQ(name_of("persons", gone_), "Oud Lid Eenling");
  EXPECT_EQ(api_->query_text("SELECT note FROM consents"), "Oud Lid Eenling tekende");
  EXPECT_EQ(api_->query_text("SELECT reason FROM break_glass_openings"),
            "Oud Lid Eenling belde de politie");
  EXPECT_EQ(erasures(), 0);
  EXPECT_EQ(run(true)->households, 1) << "and so it stays due";
}

TEST_P(RetentionTest, AnonymisesOnlyHouseholdsClosedLongEnoughAndMembersNobodyNeeds) {
  std::vector<std::size_t> progress;
  Result<access::RetentionReport> report =
      access::SubjectRights(api_->database())
          .run_retention(kToday, 15, false, kOperator,
                         [&](const access::RetentionItem& item, std::size_t done, std::size_t) {
                           EXPECT_EQ(item.household.id.str(), old_);
                           progress.push_back(done);
                         });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->households, 1);
  EXPECT_EQ(report->persons, 1);
  EXPECT_EQ(progress, std::vector<std::size_t>{1});

  EXPECT_EQ(name_of("households", old_), "Geanonimiseerd");
  EXPECT_EQ(name_of("persons", gone_), "Geanonimiseerd");
  EXPECT_EQ(name_of("persons", still_open_), "Lid Met Open Huishouden") << "in an open household";
  EXPECT_EQ(name_of("persons", volunteer_), "Vrijwilliger Nu") << "has an account in use";
  EXPECT_EQ(name_of("households", recent_), "Recent Huishouden") << "closed six years ago";
  EXPECT_EQ(name_of("persons", recent_member_), "Recent Afgesloten Lid");
  EXPECT_EQ(name_of("households", open_), "Open Huishouden");
  EXPECT_EQ(api_->query_text("SELECT note FROM support_acts"), "NULL");
  // The consent and the opening stay, their text does not.
  EXPECT_EQ(api_->query_text("SELECT note FROM consents WHERE household_id = '" + old_ + "'"),
            "NULL");
  EXPECT_EQ(api_->query_text("SELECT reason FROM break_glass_openings WHERE household_id = '" +
                             old_ + "'"),
            "Geanonimiseerd");
  EXPECT_EQ(api_->query_text("SELECT reason FROM erasures WHERE subject_kind = 'household'"),
            "retention: closed on 2010-01-31, more than 15 years before 2026-06-15");
  EXPECT_EQ(api_->query_text("SELECT subject_id FROM erasures WHERE subject_kind = 'person'"),
            gone_);
  EXPECT_EQ(api_->query_text("SELECT requested_by FROM erasures WHERE subject_kind = 'person'"),
            "command line (test)");
  EXPECT_EQ(erasures(), 2);

  // Done is done: the next run finds nothing new.
  Result<access::RetentionReport> again = run(false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->households, 0);
  EXPECT_EQ(erasures(), 2);

  // A shorter period reaches the recently closed household too.
  Result<access::RetentionReport> shorter = run(false, 5);
  ASSERT_TRUE(shorter.ok());
  EXPECT_EQ(shorter->households, 1);
  EXPECT_EQ(name_of("persons", recent_member_), "Geanonimiseerd");
}

TEST_P(RetentionTest, APeriodOutOfRangeIsRefused) {
  for (int years : {0, -3, 101}) {
    Result<access::RetentionReport> report = run(false, years);
    ASSERT_FALSE(report.ok()) << years;
    EXPECT_EQ(report.error().code, ErrorCode::invalid_input);
    ASSERT_EQ(report.error().invalid_params.size(), 1u);
    EXPECT_EQ(report.error().invalid_params[0].name, "retention_years");
  }
  EXPECT_EQ(name_of("households", old_), "Oud Huishouden");
  EXPECT_EQ(erasures(), 0);
}

TEST_P(RetentionTest, TheTwentyNinthOfFebruaryCountsBackToTheEndOfFebruary) {
  const Date leap{std::chrono::year(2028), std::chrono::February, std::chrono::day(29)};
  Result<access::RetentionReport> report =
      access::SubjectRights(api_->database()).run_retention(leap, 15, true, kOperator);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(format_date(report->cutoff), "2013-02-28");
}

DICHTBIJ_INSTANTIATE_ENGINES(RetentionTest);

}  // namespace
}  // namespace dichtbij
