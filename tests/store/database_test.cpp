#include "store/database.hpp"

#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/engine_test.hpp"

namespace dichtbij::store {
namespace {

using testing::TestDatabase;

class DatabaseTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    test_database_.emplace(engine());
    database_ = test_database_->open(4);
    ASSERT_TRUE(
        database_
            ->in_transaction(
                TransactionKind::write,
                [](Transaction& transaction) {
                  soci::session& session = transaction.session();
                  session
                      << "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)";
                  return Result<void>();
                })
            .ok());
  }

  int count_notes() {
    Result<int> count =
        database_->in_transaction<int>(TransactionKind::read, [](Transaction& transaction) {
          soci::session& session = transaction.session();
          int n = 0;
          session << "SELECT COUNT(*) FROM notes", soci::into(n);
          return Result<int>(n);
        });
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  Result<void> insert_note(int id, const std::string& text) {
    return database_->in_transaction(TransactionKind::write, [&](Transaction& transaction) {
      soci::session& session = transaction.session();
      session << "INSERT INTO notes (id, text) VALUES (:id, :text)", soci::use(id), soci::use(text);
      return Result<void>();
    });
  }

  std::optional<TestDatabase> test_database_;
  std::unique_ptr<Database> database_;
};

TEST_P(DatabaseTest, CommitsWhenWorkSucceeds) {
  ASSERT_TRUE(insert_note(1, "eerste").ok());
  EXPECT_EQ(count_notes(), 1);
}

TEST_P(DatabaseTest, RollsBackWhenWorkReturnsAnError) {
  Result<void> outcome =
      database_->in_transaction(TransactionKind::write, [](Transaction& transaction) {
        soci::session& session = transaction.session();
        session << "INSERT INTO notes (id, text) VALUES (1, 'weg')";
        return Result<void>(make_error(ErrorCode::invalid_input, "changed my mind"));
      });
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(outcome.error().message, "changed my mind");
  EXPECT_EQ(count_notes(), 0);
}

TEST_P(DatabaseTest, RollsBackAndRethrowsWhenWorkThrows) {
  EXPECT_THROW(
      (void)database_->in_transaction(TransactionKind::write,
                                      [](Transaction& transaction) -> Result<void> {
                                        soci::session& session = transaction.session();
                                        session << "INSERT INTO notes (id, text) VALUES (1, 'weg')";
                                        throw std::runtime_error("bug");
                                      }),
      std::runtime_error);
  EXPECT_EQ(count_notes(), 0);
  // The session went back to the pool in a usable state.
  EXPECT_TRUE(insert_note(2, "daarna").ok());
  EXPECT_EQ(count_notes(), 1);
}

TEST_P(DatabaseTest, ConstraintViolationIsAConflict) {
  ASSERT_TRUE(insert_note(1, "dubbel").ok());
  Result<void> duplicate = insert_note(2, "dubbel");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::conflict) << duplicate.error().message;
  EXPECT_EQ(count_notes(), 1);
}

TEST_P(DatabaseTest, BadSqlIsAnInternalError) {
  Result<void> outcome =
      database_->in_transaction(TransactionKind::read, [](Transaction& transaction) {
        soci::session& session = transaction.session();
        session << "SELECT no_such_column FROM notes";
        return Result<void>();
      });
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::internal);
  EXPECT_TRUE(insert_note(1, "werkt nog").ok());
}

TEST_P(DatabaseTest, ConcurrentWritersAllCommit) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int t = 0; t != kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i != kPerThread; ++i) {
        const int id = t * kPerThread + i;
        if (!insert_note(id, "note " + std::to_string(id)).ok()) ++failures;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count_notes(), kThreads * kPerThread);
}

TEST_P(DatabaseTest, AFailingWriteInABatchLeavesTheOthersCommitted) {
  ASSERT_TRUE(insert_note(0, "bezet").ok());
  constexpr int kWriters = 8;
  std::vector<Result<void>> outcomes(kWriters, Result<void>());
  std::vector<std::thread> writers;
  for (int i = 0; i != kWriters; ++i) {
    // Writer 3 reuses a taken text; the rest are unique.
    writers.emplace_back([&, i] {
      outcomes[i] = insert_note(i + 1, i == 3 ? "bezet" : "vrij " + std::to_string(i));
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (int i = 0; i != kWriters; ++i) {
    EXPECT_EQ(outcomes[i].ok(), i != 3) << i;
  }
  EXPECT_EQ(outcomes[3].error().code, ErrorCode::conflict);
  EXPECT_EQ(count_notes(), kWriters);  // the first note and seven of eight
}

TEST_P(DatabaseTest, WithoutGroupCommitEachWriteIsItsOwnTransaction) {
  Result<std::unique_ptr<Database>> plain =
      Database::open(test_database_->parsed_url(), Database::Options{2, false, 1});
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  std::vector<std::thread> writers;
  for (int i = 0; i != 4; ++i) {
    writers.emplace_back([&, i] {
      const std::string text = "los " + std::to_string(i);
      EXPECT_TRUE((*plain)
                      ->in_transaction(TransactionKind::write,
                                       [&](Transaction& transaction) {
                                         transaction.session()
                                             << "INSERT INTO notes (id, text) VALUES (:id, :text)",
                                             soci::use(i), soci::use(text);
                                         return Result<void>();
                                       })
                      .ok());
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(count_notes(), 4);
}

// What write_later's callers are told, collected across threads.
struct Outcomes {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Result<void>> results;

  Database::Committed collect() {
    return [this](Result<void> outcome) {
      std::lock_guard lock(mutex);
      results.push_back(std::move(outcome));
      changed.notify_all();
    };
  }
  // The outcomes once count have arrived (fails the test after 30 s).
  std::vector<Result<void>> wait_for(std::size_t count) {
    std::unique_lock lock(mutex);
    EXPECT_TRUE(
        changed.wait_for(lock, std::chrono::seconds(30), [&] { return results.size() >= count; }));
    return results;
  }
};

TEST_P(DatabaseTest, QueuedWorkIsCommittedBeforeItsCallerHears) {
  Outcomes outcomes;
  std::atomic<int> unseen{0};
  constexpr int kWrites = 40;
  for (int i = 0; i != kWrites; ++i) {
    database_->write_later(
        [i](Transaction& transaction) {
          const std::string text = "later " + std::to_string(i);
          transaction.session() << "INSERT INTO notes (id, text) VALUES (:id, :text)", soci::use(i),
              soci::use(text);
          return Result<void>();
        },
        [&, i, tell = outcomes.collect()](Result<void> outcome) {
          // Another session must see the note already: committed, not pending.
          int found = 0;
          EXPECT_TRUE(database_
                          ->in_transaction(TransactionKind::read,
                                           [&](Transaction& transaction) {
                                             transaction.session()
                                                 << "SELECT COUNT(*) FROM notes WHERE id = :id",
                                                 soci::use(i), soci::into(found);
                                             return Result<void>();
                                           })
                          .ok());
          if (found != 1) ++unseen;
          tell(std::move(outcome));
        });
  }
  for (const Result<void>& outcome : outcomes.wait_for(kWrites)) EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(unseen.load(), 0);
  EXPECT_EQ(count_notes(), kWrites);
}

TEST_P(DatabaseTest, QueuedWorkThatFailsOrThrowsIsUndoneAndSaysSo) {
  Outcomes outcomes;
  database_->write_later(
      [](Transaction& transaction) {
        transaction.session() << "INSERT INTO notes (id, text) VALUES (1, 'weg')";
        return Result<void>(make_error(ErrorCode::invalid_input, "changed my mind"));
      },
      outcomes.collect());
  database_->write_later(
      [](Transaction& transaction) -> Result<void> {
        transaction.session() << "INSERT INTO notes (id, text) VALUES (2, 'ook weg')";
        throw std::runtime_error("out of coffee");
      },
      outcomes.collect());
  const std::vector<Result<void>> results = outcomes.wait_for(2);
  ASSERT_EQ(results.size(), 2u);
  int invalid = 0;
  int internal = 0;
  for (const Result<void>& result : results) {
    ASSERT_FALSE(result.ok());
    invalid += result.error().code == ErrorCode::invalid_input ? 1 : 0;
    internal += result.error().code == ErrorCode::internal ? 1 : 0;
  }
  EXPECT_EQ(invalid, 1);
  EXPECT_EQ(internal, 1);
  EXPECT_EQ(count_notes(), 0);
}

TEST_P(DatabaseTest, WithoutGroupCommitQueuedWorkRunsAtOnce) {
  Result<std::unique_ptr<Database>> plain =
      Database::open(test_database_->parsed_url(), Database::Options{2, false, 1});
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  bool told = false;
  (*plain)->write_later(
      [](Transaction& transaction) {
        transaction.session() << "INSERT INTO notes (id, text) VALUES (7, 'meteen')";
        return Result<void>();
      },
      [&](Result<void> outcome) {
        EXPECT_TRUE(outcome.ok());
        told = true;
      });
  EXPECT_TRUE(told) << "then ran before write_later returned";
  EXPECT_EQ(count_notes(), 1);
}

// Polls until the generation moves away from `from`; another instance's
// change reaches a PostgreSQL watch by notification, a little later.
bool generation_moves(Database& database, std::uint64_t from) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (database.data_generation() != from) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// The generation once the watch has seen every commit so far: SQLite's
// poller counts this process's commits a second time, up to 20 ms later.
std::uint64_t settled_generation(Database& database) {
  std::uint64_t seen = database.data_generation();
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    const std::uint64_t now = database.data_generation();
    if (now == seen) return now;
    seen = now;
  }
}

TEST_P(DatabaseTest, TheDataGenerationHoldsUntilAWriteCommits) {
  const std::uint64_t before = settled_generation(*database_);
  (void)count_notes();
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  EXPECT_EQ(database_->data_generation(), before) << "a read is not a change";

  ASSERT_TRUE(insert_note(1, "a").ok());
  // At once, not only when the poller or a notification comes round.
  EXPECT_NE(database_->data_generation(), before);
}

TEST_P(DatabaseTest, AWriteByAnotherConnectionChangesTheDataGeneration) {
  // Another process on the SQLite file, or another instance on PostgreSQL.
  std::unique_ptr<Database> other = test_database_->open(1);
  const std::uint64_t before = database_->data_generation();
  ASSERT_TRUE(other
                  ->in_transaction(TransactionKind::write,
                                   [](Transaction& transaction) {
                                     transaction.session()
                                         << "INSERT INTO notes (id, text) VALUES (7, 'elders')";
                                     return Result<void>();
                                   })
                  .ok());
  EXPECT_TRUE(generation_moves(*database_, before));
}

TEST_P(DatabaseTest, CommittedWritesSurviveReopening) {
  ASSERT_TRUE(insert_note(1, "blijft").ok());
  database_.reset();
  database_ = test_database_->open(1);
  EXPECT_EQ(count_notes(), 1);
}

DICHTBIJ_INSTANTIATE_ENGINES(DatabaseTest);

// Engine-specific behaviour: one engine each, not parameterised.

TEST(SqliteDatabase, RunsDurableWithForeignKeysAndWal) {
  TestDatabase test_database(Engine::sqlite);
  std::unique_ptr<Database> database = test_database.open(1);
  Result<void> checked =
      database->in_transaction(TransactionKind::read, [](Transaction& transaction) {
        soci::session& session = transaction.session();
        std::string journal;
        int synchronous = 0, foreign_keys = 0;
        session << "PRAGMA journal_mode", soci::into(journal);
        session << "PRAGMA synchronous", soci::into(synchronous);
        session << "PRAGMA foreign_keys", soci::into(foreign_keys);
        EXPECT_EQ(journal, "wal");
        EXPECT_EQ(synchronous, 2);  // FULL
        EXPECT_EQ(foreign_keys, 1);
        return Result<void>();
      });
  EXPECT_TRUE(checked.ok());
}

TEST(PostgresqlDatabase, ReadTransactionsCannotWrite) {
  if (!testing::postgres_server_url()) GTEST_SKIP() << "TEST_POSTGRES_URL is not set";
  TestDatabase test_database(Engine::postgresql);
  std::unique_ptr<Database> database = test_database.open(1);
  ASSERT_TRUE(database
                  ->in_transaction(TransactionKind::write,
                                   [](Transaction& transaction) {
                                     soci::session& session = transaction.session();
                                     session << "CREATE TABLE notes (id INTEGER PRIMARY KEY)";
                                     return Result<void>();
                                   })
                  .ok());
  Result<void> outcome =
      database->in_transaction(TransactionKind::read, [](Transaction& transaction) {
        soci::session& session = transaction.session();
        session << "INSERT INTO notes (id) VALUES (1)";
        return Result<void>();
      });
  EXPECT_FALSE(outcome.ok());
}

TEST(DatabaseOpen, UnreachablePostgresqlIsUnavailableWithoutThePassword) {
  Result<std::unique_ptr<Database>> database = Database::open(
      *DatabaseUrl::parse("postgresql://ann:geheim@127.0.0.1:1/nothing?connect_timeout=2"), 1);
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().code, ErrorCode::unavailable);
  EXPECT_NE(database.error().message.find("ann:***@127.0.0.1:1"), std::string::npos)
      << database.error().message;
  EXPECT_EQ(database.error().message.find("geheim"), std::string::npos);
}

TEST(DatabaseOpen, SqliteCreatesTheFolder) {
  testing::TempDir folder;
  const auto path = folder.path() / "nested" / "deeper" / "d.db";
  Result<std::unique_ptr<Database>> database =
      Database::open(*DatabaseUrl::parse("sqlite:" + path.string()), 1);
  ASSERT_TRUE(database.ok()) << database.error().message;
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(DatabaseOpen, SqliteInAnUnwritablePlaceIsUnavailable) {
  Result<std::unique_ptr<Database>> database =
      Database::open(*DatabaseUrl::parse("sqlite:/proc/dichtbij/d.db"), 1);
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().code, ErrorCode::unavailable);
}

}  // namespace
}  // namespace dichtbij::store
