// Seeding demo data into a real database, on SQLite and PostgreSQL: the
// digest, what reads back through the repositories, refusal of a database
// that holds data, and the one audit event.
#include "demo/seeding.hpp"

#include <algorithm>
#include <set>

#include "store/assessment_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/content_digest.hpp"
#include "store/household_repository.hpp"
#include "store/migrations.hpp"
#include "store/person_repository.hpp"
#include "store/practice_repository.hpp"
#include "store/support_act_repository.hpp"
#include "store/tie_repository.hpp"
#include "support/engine_test.hpp"

namespace dichtbij::demo {
namespace {

using store::Transaction;
using store::TransactionKind;
using testing::TestDatabase;

const Date kToday{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(27)};
constexpr int kHouseholds = 18;

void migrate(store::Database& database) {
  Result<std::vector<store::Migration>> migrations =
      store::collect_migrations(store::embedded_migration_files());
  ASSERT_TRUE(migrations.ok());
  ASSERT_TRUE(store::migrate(database, *migrations).ok());
}

// A seeded database of the engine, kept with the test database it lives in.
struct Seeded {
  std::unique_ptr<TestDatabase> test_database;
  std::unique_ptr<store::Database> database;
  Result<SeedReport> report = make_error(ErrorCode::internal, "not seeded");
};

// Small cohorts, so that several load at once (and, on PostgreSQL, the
// foreign keys are checked at the end).
constexpr int kCohort = 5;

Seeded seeded(store::Engine engine, std::uint64_t seed, int households = kHouseholds) {
  Seeded result;
  result.test_database = std::make_unique<TestDatabase>(engine);
  result.database = result.test_database->open(2);
  migrate(*result.database);
  result.report = demo::seed(*result.database, {households, seed, kToday, "test", kCohort},
                             [](const SeedProgress&) {});
  return result;
}

std::string digest(store::Database& database) {
  Result<std::string> digest = database.in_transaction<std::string>(
      TransactionKind::read,
      [](Transaction& transaction) { return store::content_digest(transaction); });
  EXPECT_TRUE(digest.ok());
  return digest.ok() ? *digest : "";
}

template <typename T>
std::vector<T> all(const std::function<Result<Page<T>>(const Paging&)>& list) {
  std::vector<T> items;
  for (Paging paging{0, 200};; paging.offset += paging.limit) {
    Result<Page<T>> page = list(paging);
    EXPECT_TRUE(page.ok());
    if (!page.ok() || page->items.empty()) break;
    for (T& item : page->items) items.push_back(std::move(item));
  }
  return items;
}

class SeedingTest : public testing::EngineTest {};

TEST_P(SeedingTest, TheSameSeedGivesTheSameDigestAnotherSeedAnother) {
  Seeded first = seeded(engine(), 7);
  Seeded again = seeded(engine(), 7);
  Seeded other = seeded(engine(), 8);
  ASSERT_TRUE(first.report.ok()) << first.report.error().message;
  ASSERT_TRUE(again.report.ok() && other.report.ok());
  EXPECT_EQ(first.report->households, kHouseholds);
  EXPECT_GT(first.report->support_acts, 0);
  const std::string digest_first = digest(*first.database);
  EXPECT_EQ(digest_first.size(), 64U);
  EXPECT_EQ(digest_first, digest(*again.database));
  EXPECT_NE(digest_first, digest(*other.database));
}

// What the report counted is what the database holds, and every record
// read back through the repositories passes core's checks again.
TEST_P(SeedingTest, RecordsReadBackPassTheDomainChecks) {
  Seeded demo = seeded(engine(), 21);
  ASSERT_TRUE(demo.report.ok()) << demo.report.error().message;
  Result<void> checked = demo.database->in_transaction(
      TransactionKind::read, [&](Transaction& transaction) -> Result<void> {
        std::vector<Household> households = all<Household>([&](const Paging& paging) {
          return store::HouseholdRepository(transaction).list({}, paging);
        });
        EXPECT_EQ(static_cast<long long>(households.size()), demo.report->households);
        long long ties = 0;
        for (const Household& household : households) {
          EXPECT_TRUE(check(household.fields).empty()) << household.id.str();
          for (const Tie& tie : all<Tie>([&](const Paging& paging) {
                 return store::TieRepository(transaction, household.id).list({}, paging);
               })) {
            EXPECT_TRUE(check(tie.fields).empty()) << tie.id.str();
            ++ties;
          }
          for (const Assessment& assessment : all<Assessment>([&](const Paging& paging) {
                 return store::AssessmentRepository(transaction, household.id).list({}, paging);
               })) {
            EXPECT_TRUE(check(assessment.fields, kToday).empty()) << assessment.id.str();
          }
        }
        EXPECT_EQ(ties, demo.report->ties);
        std::vector<SupportAct> acts = all<SupportAct>([&](const Paging& paging) {
          return store::SupportActRepository(transaction).list({}, paging);
        });
        EXPECT_EQ(static_cast<long long>(acts.size()), demo.report->support_acts);
        for (const SupportAct& act : acts) {
          EXPECT_TRUE(check(act.fields, kToday).empty()) << act.id.str();
        }
        return {};
      });
  EXPECT_TRUE(checked.ok());
}

// Each practice: households, helpers from more than one organisation, acts
// mobilised in each of the three ways, ZRM assessments — as stored.
TEST_P(SeedingTest, EveryPracticeHasHouseholdsHelpersActsAndAssessments) {
  Seeded demo = seeded(engine(), 5, 24);
  ASSERT_TRUE(demo.report.ok()) << demo.report.error().message;
  Result<void> checked = demo.database->in_transaction(
      TransactionKind::read, [&](Transaction& transaction) -> Result<void> {
        Result<Page<Practice>> practices =
            store::PracticeRepository(transaction).list({}, Paging{0, 50});
        EXPECT_TRUE(practices.ok());
        EXPECT_EQ(practices->items.size(), 6U);
        for (const Practice& practice : practices->items) {
          SCOPED_TRACE(practice.fields.name);
          HouseholdFilter of_practice;
          of_practice.practice = practice.id;
          std::vector<Household> households = all<Household>([&](const Paging& paging) {
            return store::HouseholdRepository(transaction).list(of_practice, paging);
          });
          EXPECT_FALSE(households.empty());
          long long assessments = 0;
          for (const Household& household : households) {
            Result<Page<Assessment>> page =
                store::AssessmentRepository(transaction, household.id).list({}, Paging{0, 1});
            assessments += page.ok() ? page->total : 0;
          }
          EXPECT_GT(assessments, 0);
          for (MobilisedBy way :
               {MobilisedBy::self, MobilisedBy::network, MobilisedBy::professional}) {
            SupportActFilter filter;
            filter.practice = practice.id;
            filter.mobilised_by = way;
            Result<Page<SupportAct>> page =
                store::SupportActRepository(transaction).list(filter, Paging{0, 1});
            EXPECT_GT(page.ok() ? page->total : 0, 0) << to_code(way);
          }
          SupportActFilter of_acts;
          of_acts.practice = practice.id;
          std::set<std::string> providers;
          for (const SupportAct& act : all<SupportAct>([&](const Paging& paging) {
                 return store::SupportActRepository(transaction).list(of_acts, paging);
               })) {
            providers.insert(act.fields.provider.str());
          }
          std::set<OrganisationId> organisations;
          store::PersonRepository persons(transaction);
          for (const std::string& provider : providers) {
            Result<Person> person = persons.get(PersonId(provider));
            EXPECT_TRUE(person.ok());
            for (const Membership& membership : person->fields.memberships) {
              organisations.insert(membership.organisation);
            }
          }
          EXPECT_GE(organisations.size(), 2U);
        }
        return {};
      });
  EXPECT_TRUE(checked.ok());
}

TEST_P(SeedingTest, RefusesADatabaseThatHoldsHouseholdsAndRecordsOneAuditEvent) {
  Seeded demo = seeded(engine(), 3, 6);
  ASSERT_TRUE(demo.report.ok()) << demo.report.error().message;
  EXPECT_EQ(demo.report->accounts.size(), 11U);
  Result<SeedReport> again =
      demo::seed(*demo.database, {6, 4, kToday, "test"}, [](const SeedProgress&) {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  Result<bool> holds = holds_households(*demo.database);
  ASSERT_TRUE(holds.ok());
  EXPECT_TRUE(*holds);
  Result<std::vector<DemoAccount>> accounts = existing_demo_accounts(*demo.database);
  ASSERT_TRUE(accounts.ok());
  EXPECT_EQ(accounts->size(), 11U);

  std::vector<store::AuditRow> events;
  ASSERT_TRUE(
      demo.database
          ->in_transaction(
              TransactionKind::read,
              [&](Transaction& transaction) {
                return store::AuditRepository(transaction).scan(1, [&](const store::AuditRow& row) {
                  events.push_back(row);
                  return true;
                });
              })
          .ok());
  // One event for the data, not one per row; each account is an event of
  // its own, as every account created through access/ is.
  ASSERT_EQ(events.size(), 12U);
  EXPECT_EQ(std::ranges::count_if(
                events, [](const store::AuditRow& row) { return row.action == "account.create"; }),
            11);
  const auto generated = std::ranges::find_if(
      events, [](const store::AuditRow& row) { return row.action == "demo.generate"; });
  ASSERT_NE(generated, events.end());
  EXPECT_EQ(generated->reason, "dichtbij demo --households 6 --seed 3 by test");
}

TEST_P(SeedingTest, AnEmptyDatabaseHoldsNoHouseholdsAndNoDemoAccounts) {
  TestDatabase test_database(engine());
  std::unique_ptr<store::Database> database = test_database.open(1);
  migrate(*database);
  Result<bool> holds = holds_households(*database);
  ASSERT_TRUE(holds.ok());
  EXPECT_FALSE(*holds);
  Result<std::vector<DemoAccount>> accounts = existing_demo_accounts(*database);
  ASSERT_TRUE(accounts.ok());
  EXPECT_TRUE(accounts->empty());
  Result<SeedReport> none =
      demo::seed(*database, {0, 1, kToday, "test"}, [](const SeedProgress&) {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::invalid_input);
}

DICHTBIJ_INSTANTIATE_ENGINES(SeedingTest);

// The digest does not depend on the engine: both hold the same records.
TEST(SeedingAcrossEnginesTest, SqliteAndPostgresqlHoldTheSameData) {
  if (!testing::postgres_server_url()) GTEST_SKIP() << "TEST_POSTGRES_URL is not set";
  Seeded on_sqlite = seeded(store::Engine::sqlite, 11, 12);
  Seeded on_postgres = seeded(store::Engine::postgresql, 11, 12);
  ASSERT_TRUE(on_sqlite.report.ok() && on_postgres.report.ok());
  EXPECT_EQ(digest(*on_sqlite.database), digest(*on_postgres.database));
}

}  // namespace
}  // namespace dichtbij::demo
