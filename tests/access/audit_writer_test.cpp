// AuditWriter: events appended without waiting are committed, in one chain,
// before their continuation runs; a batch that cannot be written tells every
// caller. That reads are answered only after their event (over HTTP) is
// tested in tests/api/audit_test.cpp.
#include "access/audit_writer.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/migrations.hpp"
#include "support/engine_test.hpp"
#include "support/test_database.hpp"

namespace dichtbij::access {
namespace {

class AuditWriterTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    test_database_.emplace(engine());
    database_ = test_database_->open(4);
    Result<std::vector<store::Migration>> migrations =
        store::collect_migrations(store::embedded_migration_files());
    ASSERT_TRUE(migrations.ok());
    ASSERT_TRUE(store::migrate(*database_, *migrations).ok());
  }

  static AuditEvent event(int n) {
    AuditEvent event;
    event.action = "household.read";
    event.record_id = "record " + std::to_string(n);
    event.client_address = "127.0.0.1";
    return event;
  }

  // The events in the log whose record_id is that of event(n).
  std::int64_t logged(int n) {
    Result<std::int64_t> count = database_->in_transaction<std::int64_t>(
        store::TransactionKind::read, [n](store::Transaction& transaction) {
          std::int64_t found = 0;
          const std::string record = "record " + std::to_string(n);
          transaction.session() << "SELECT COUNT(*) FROM audit_events WHERE record_id = :record",
              soci::use(record), soci::into(found);
          return Result<std::int64_t>(found);
        });
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  // Waits until count continuations have run.
  struct Tally {
    std::mutex mutex;
    std::condition_variable changed;
    int ok = 0;
    int failed = 0;
    std::vector<std::string> errors;

    void add(const Result<void>& outcome) {
      std::lock_guard lock(mutex);
      if (outcome.ok()) {
        ++ok;
      } else {
        ++failed;
        errors.push_back(outcome.error().message);
      }
      changed.notify_all();
    }
    void wait_for(int count) {
      std::unique_lock lock(mutex);
      ASSERT_TRUE(
          changed.wait_for(lock, std::chrono::seconds(30), [&] { return ok + failed >= count; }));
    }
  };

  std::optional<testing::TestDatabase> test_database_;
  std::unique_ptr<store::Database> database_;
};

TEST_P(AuditWriterTest, AContinuationRunsOnceItsEventIsCommitted) {
  constexpr int kThreads = 4;
  constexpr int kEach = 50;
  AuditWriter& writer = AuditWriter::of(*database_);
  Tally tally;
  std::atomic<int> seen_before_commit{0};
  std::vector<std::thread> threads;
  for (int t = 0; t != kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i != kEach; ++i) {
        const int n = t * kEach + i;
        writer.append(event(n), [&, n](Result<void> outcome) {
          // Another connection must already see it: committed, not pending.
          if (logged(n) != 1) ++seen_before_commit;
          tally.add(outcome);
        });
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  tally.wait_for(kThreads * kEach);
  EXPECT_EQ(tally.ok, kThreads * kEach);
  EXPECT_EQ(tally.failed, 0);
  EXPECT_EQ(seen_before_commit, 0);
  const Result<ChainReport> report = verify_chain(*database_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->events, kThreads * kEach);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

TEST_P(AuditWriterTest, WaitingAndNotWaitingCallersShareOneChain) {
  AuditWriter& writer = AuditWriter::of(*database_);
  Tally tally;
  std::thread waiting([&] {
    for (int n = 0; n != 40; ++n) EXPECT_TRUE(writer.append(event(n)).ok());
  });
  for (int n = 40; n != 80; ++n) writer.append(event(n), [&](Result<void> o) { tally.add(o); });
  waiting.join();
  tally.wait_for(40);
  EXPECT_EQ(tally.ok, 40);
  const Result<ChainReport> report = verify_chain(*database_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->events, 80);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

TEST_P(AuditWriterTest, EveryCallerOfAFailedBatchHearsOfIt) {
  // Without its table the batch cannot be written.
  ASSERT_TRUE(database_
                  ->in_transaction(store::TransactionKind::write,
                                   [](store::Transaction& transaction) {
                                     transaction.session()
                                         << "ALTER TABLE audit_events RENAME TO audit_gone";
                                     return Result<void>();
                                   })
                  .ok());
  AuditWriter& writer = AuditWriter::of(*database_);
  Tally tally;
  for (int n = 0; n != 10; ++n) writer.append(event(n), [&](Result<void> o) { tally.add(o); });
  tally.wait_for(10);
  EXPECT_EQ(tally.ok, 0);
  EXPECT_EQ(tally.failed, 10);
  EXPECT_FALSE(writer.append(event(10)).ok()) << "the waiting caller hears of it too";
}

TEST_P(AuditWriterTest, MoreEventsThanOneBatchHoldsAllGetWritten) {
  // Queued from the writer's own continuation, while the first batch's
  // commit holds the writer: more than one batch may take waits behind it.
  constexpr int kEvents = static_cast<int>(AuditWriter::kMaxBatch) * 2 + 10;
  AuditWriter& writer = AuditWriter::of(*database_);
  Tally tally;
  writer.append(event(0), [&](Result<void> first) {
    tally.add(first);
    for (int n = 1; n != kEvents; ++n) {
      writer.append(event(n), [&](Result<void> o) { tally.add(o); });
    }
  });
  tally.wait_for(kEvents);
  EXPECT_EQ(tally.ok, kEvents);
  const Result<ChainReport> report = verify_chain(*database_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->events, kEvents);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

TEST_P(AuditWriterTest, ClosingTheDatabaseWritesWhatIsQueuedFirst) {
  constexpr int kEvents = 300;
  Tally tally;
  for (int n = 0; n != kEvents; ++n) {
    AuditWriter::of(*database_).append(event(n), [&](Result<void> o) { tally.add(o); });
  }
  database_.reset();  // the writer drains before the database closes
  EXPECT_EQ(tally.ok, kEvents);
  database_ = test_database_->open(2);
  const Result<ChainReport> report = verify_chain(*database_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->events, kEvents);
}

TEST_P(AuditWriterTest, WithoutGroupCommitEachCallerStillGetsItsCommit) {
  Result<std::unique_ptr<store::Database>> plain =
      store::Database::open(test_database_->parsed_url(), store::Database::Options{4, false, 1});
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  AuditWriter& writer = AuditWriter::of(**plain);
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t != 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i != 10; ++i) {
        if (!writer.append(event(t * 10 + i)).ok()) ++failed;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failed.load(), 0);
  const Result<ChainReport> report = verify_chain(**plain);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->events, 40);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

DICHTBIJ_INSTANTIATE_ENGINES(AuditWriterTest);

}  // namespace
}  // namespace dichtbij::access
