#include "store/migrations.hpp"

#include <soci/soci.h>

#include <thread>

#include "support/engine_test.hpp"

namespace dichtbij::store {
namespace {

using testing::TestDatabase;

// collect_migrations: one row per way a set of files can be wrong.
struct CollectCase {
  std::string label;
  std::vector<MigrationFile> files;
  std::string error_part;  // empty: must succeed
};

void PrintTo(const CollectCase& c, std::ostream* out) {
  *out << c.label;
}

class CollectMigrationsTest : public ::testing::TestWithParam<CollectCase> {};

TEST_P(CollectMigrationsTest, ChecksNamesAndOrder) {
  const CollectCase& c = GetParam();
  Result<std::vector<Migration>> collected = collect_migrations(c.files);
  if (c.error_part.empty()) {
    ASSERT_TRUE(collected.ok()) << collected.error().message;
    return;
  }
  ASSERT_FALSE(collected.ok());
  EXPECT_EQ(collected.error().code, ErrorCode::invalid_input);
  EXPECT_NE(collected.error().message.find(c.error_part), std::string::npos)
      << collected.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CollectMigrationsTest,
    ::testing::Values(
        CollectCase{
            "common_and_variants",
            {{"0001_a.sql", "x"}, {"0002_b.sqlite.sql", "y"}, {"0002_b.postgresql.sql", "z"}},
            ""},
        CollectCase{"bad_name", {{"1_a.sql", "x"}}, "1_a.sql is not named"},
        CollectCase{"upper_case", {{"0001_Add.sql", "x"}}, "0001_Add.sql is not named"},
        CollectCase{
            "gap", {{"0001_a.sql", "x"}, {"0003_c.sql", "x"}}, "0002 is missing before 0003_c"},
        CollectCase{"starts_at_two", {{"0002_b.sql", "x"}}, "0001 is missing"},
        CollectCase{"two_names", {{"0001_a.sql", "x"}, {"0001_b.sql", "y"}}, "used by two names"},
        CollectCase{"twice", {{"0001_a.sql", "x"}, {"0001_a.sql", "y"}}, "appears twice"},
        CollectCase{"one_variant", {{"0001_a.sqlite.sql", "x"}}, "one engine only"},
        CollectCase{"common_and_variant",
                    {{"0001_a.sql", "x"}, {"0001_a.postgresql.sql", "y"}},
                    "both a common file"}),
    [](const auto& info) { return info.param.label; });

TEST(EmbeddedMigrations, AreWellFormed) {
  Result<std::vector<Migration>> migrations = collect_migrations(embedded_migration_files());
  ASSERT_TRUE(migrations.ok()) << migrations.error().message;
  EXPECT_FALSE(migrations->empty());
  EXPECT_EQ(migrations->front().name, "idempotency_keys");
}

class MigrationsTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    test_database_.emplace(engine());
    database_ = test_database_->open(2);
  }

  static std::vector<Migration> collect(std::vector<MigrationFile> files) {
    Result<std::vector<Migration>> migrations = collect_migrations(files);
    EXPECT_TRUE(migrations.ok());
    return migrations.ok() ? *migrations : std::vector<Migration>{};
  }

  bool table_exists(const std::string& table) {
    Result<void> probe =
        database_->in_transaction(TransactionKind::read, [&](Transaction& transaction) {
          soci::session& session = transaction.session();
          int rows = 0;
          session << "SELECT COUNT(*) FROM " + table, soci::into(rows);
          return Result<void>();
        });
    return probe.ok();
  }

  std::optional<TestDatabase> test_database_;
  std::unique_ptr<Database> database_;
};

TEST_P(MigrationsTest, AppliesEmbeddedMigrationsOnceAndRecordsTheVersion) {
  Result<std::vector<Migration>> migrations = collect_migrations(embedded_migration_files());
  ASSERT_TRUE(migrations.ok());
  std::vector<int> announced;
  Result<MigrationReport> first =
      migrate(*database_, *migrations, [&](const Migration& m) { announced.push_back(m.version); });
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, static_cast<int>(migrations->size()));
  EXPECT_EQ(first->applied.size(), migrations->size());
  EXPECT_EQ(first->applied.front(), "0001_idempotency_keys");
  EXPECT_EQ(announced.size(), migrations->size());
  EXPECT_TRUE(table_exists("idempotency_keys"));

  Result<MigrationReport> second = migrate(*database_, *migrations);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->from_version, first->to_version);
  EXPECT_EQ(*schema_version(*database_), first->to_version);
}

TEST_P(MigrationsTest, AFailingMigrationIsRolledBackWhole) {
  const std::vector<Migration> migrations = collect({
      {"0001_first.sql", "CREATE TABLE first_table (id INTEGER PRIMARY KEY);"},
      {"0002_broken.sql", "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;"},
  });
  Result<MigrationReport> report = migrate(*database_, migrations);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("0002_broken failed and was rolled back"),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(*schema_version(*database_), 1);
  EXPECT_TRUE(table_exists("first_table"));
  EXPECT_FALSE(table_exists("half_done"));
}

TEST_P(MigrationsTest, RunsTheVariantOfItsEngine) {
  const std::vector<Migration> migrations = collect({
      {"0001_variant.sqlite.sql", "CREATE TABLE made_for_sqlite (id INTEGER);"},
      {"0001_variant.postgresql.sql", "CREATE TABLE made_for_postgresql (id INTEGER);"},
  });
  ASSERT_TRUE(migrate(*database_, migrations).ok());
  EXPECT_EQ(table_exists("made_for_sqlite"), engine() == Engine::sqlite);
  EXPECT_EQ(table_exists("made_for_postgresql"), engine() == Engine::postgresql);
}

TEST_P(MigrationsTest, RefusesAnAppliedMigrationThatWasEdited) {
  ASSERT_TRUE(migrate(*database_, collect({{"0001_a.sql", "CREATE TABLE a (id INTEGER);"}})).ok());
  Result<MigrationReport> edited =
      migrate(*database_, collect({{"0001_a.sql", "CREATE TABLE a (id INTEGER, x TEXT);"}}));
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().code, ErrorCode::conflict);
  EXPECT_NE(edited.error().message.find("0001_a was changed after it was applied"),
            std::string::npos);
}

TEST_P(MigrationsTest, RefusesADatabaseNewerThanTheProgram) {
  ASSERT_TRUE(migrate(*database_, collect({{"0001_a.sql", "CREATE TABLE a (id INTEGER);"},
                                           {"0002_b.sql", "CREATE TABLE b (id INTEGER);"}}))
                  .ok());
  Result<MigrationReport> older =
      migrate(*database_, collect({{"0001_a.sql", "CREATE TABLE a (id INTEGER);"}}));
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.error().code, ErrorCode::conflict);
  EXPECT_NE(older.error().message.find("schema version 2, newer than this program knows (1)"),
            std::string::npos)
      << older.error().message;
}

TEST_P(MigrationsTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  const std::vector<Migration> migrations = collect({
      {"0001_a.sql", "CREATE TABLE a (id INTEGER);"},
      {"0002_b.sql", "CREATE TABLE b (id INTEGER);"},
      {"0003_c.sql", "CREATE TABLE c (id INTEGER);"},
  });
  std::unique_ptr<Database> other = test_database_->open(1);
  Result<MigrationReport> first = make_error(ErrorCode::internal, "not run");
  Result<MigrationReport> second = make_error(ErrorCode::internal, "not run");
  std::thread racer([&] { first = migrate(*database_, migrations); });
  second = migrate(*other, migrations);
  racer.join();
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(first->applied.size() + second->applied.size(), 3u);
  EXPECT_EQ(*schema_version(*database_), 3);
}

DICHTBIJ_INSTANTIATE_ENGINES(MigrationsTest);

}  // namespace
}  // namespace dichtbij::store
