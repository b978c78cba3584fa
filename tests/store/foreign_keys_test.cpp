// store::foreign_key_violations finds rows that name nothing, on both
// engines, and nothing in a consistent database.
#include "store/foreign_keys.hpp"

#include <soci/soci.h>

#include "store/migrations.hpp"
#include "support/engine_test.hpp"

namespace dichtbij::store {
namespace {

class ForeignKeysTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    test_database_.emplace(engine());
    database_ = test_database_->open(1);
    Result<std::vector<Migration>> migrations = collect_migrations(embedded_migration_files());
    ASSERT_TRUE(migrations.ok());
    ASSERT_TRUE(migrate(*database_, *migrations).ok());
  }

  std::optional<testing::TestDatabase> test_database_;
  std::unique_ptr<Database> database_;
};

TEST_P(ForeignKeysTest, AConsistentDatabaseHasNone) {
  Result<std::vector<ForeignKeyViolation>> found =
      database_->in_transaction<std::vector<ForeignKeyViolation>>(
          TransactionKind::read,
          [](Transaction& transaction) { return foreign_key_violations(transaction); });
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_TRUE(found->empty());
}

// A row written past the per-row checks (deferred on SQLite, replica role
// on PostgreSQL, as a bulk load does) is found; the transaction then rolls
// back.
TEST_P(ForeignKeysTest, FindsARowThatNamesNoParent) {
  std::vector<ForeignKeyViolation> found;
  Result<void> done = database_->in_transaction(
      TransactionKind::write, [&](Transaction& transaction) -> Result<void> {
        soci::session& session = transaction.session();
        session << (transaction.engine() == Engine::sqlite
                        ? "PRAGMA defer_foreign_keys = ON"
                        : "SET LOCAL session_replication_role = replica");
        session << "INSERT INTO organisations (id, version, name, kind, formal, created_at, "
                   "updated_at) VALUES ('o', 1, 'Buurtteam', 'welfare', 1, 'now', 'now')";
        session << "INSERT INTO person_memberships (person_id, position, organisation_id, "
                   "valid_from) VALUES ('nobody', 0, 'o', '2025-01-01')";
        Result<std::vector<ForeignKeyViolation>> violations = foreign_key_violations(transaction);
        if (!violations.ok()) return std::move(violations).error();
        found = *violations;
        return make_error(ErrorCode::conflict, "roll back");
      });
  EXPECT_FALSE(done.ok());
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found.front().table, "person_memberships");
  EXPECT_EQ(found.front().references, "persons");
  EXPECT_EQ(found.front().rows, 1);
  if (engine() == Engine::postgresql) {
    EXPECT_EQ(found.front().column, "person_id");
  }
}

DICHTBIJ_INSTANTIATE_ENGINES(ForeignKeysTest);

}  // namespace
}  // namespace dichtbij::store
