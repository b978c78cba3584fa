// AuditWriter: appends the audit events of reads in batches.
//
// A read's event must be committed before the read is answered (an answer
// whose event could still be lost would be an access nobody can account
// for). Committing each event on its own costs a transaction, a read of the
// chain's head and an insert per request, and the single writer of SQLite
// appends them one after another. So events queue here, and one piece of
// write work, queued with the database's group commit
// (store::Database::write_later), takes everything that waits when the
// writer reaches it: it chains the events in memory onto the head it reads
// once, inserts them (store::AuditRepository::insert_all), and only when that
// commit lands wakes every caller with success, or every caller with the
// error. While that commit runs, the next events queue up for the next
// piece of work: batches form by themselves, without waiting to fill up,
// and no thread sits between the callers and the database's writer.
//
// The work takes the chain's lock like every other append
// (store::AuditRepository::lock_head: SQLite's write lock, PostgreSQL's
// advisory lock), so batches interleave correctly with writes that record
// their event in their own transaction and with other instances.
//
// A caller either waits for the commit (append(event)) or hands over what
// to do once it lands (append(event, then)): the HTTP server uses the latter
// so that a worker thread does not sit idle during the commit; the answer is
// sent from `then`.
//
// One per Database (store::Database::attachment); access::record(database,
// event) uses it. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "access/audit.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

class AuditWriter final : public store::Database::Attachment {
 public:
  // Most events in one piece of work: bounds how long a batch holds the
  // chain's lock (and SQLite's write lock).
  static constexpr std::size_t kMaxBatch = 1024;

  // REQUIRES: database outlives this (it does as its attachment).
  explicit AuditWriter(store::Database& database) : database_(database) {}
  // Drains: waits until every queued event is written and its caller
  // answered.
  ~AuditWriter() override;
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // The writer of this database, made on first use.
  [[nodiscard]] static AuditWriter& of(store::Database& database) {
    return database.attachment<AuditWriter>();
  }

  // Queues event and returns once the transaction holding it has committed.
  // Fails with the batch's error (every event of a failed batch gets it), or
  // unavailable once the writer is stopping.
  // REQUIRES: not called from inside a write transaction of this database
  // (use record(transaction, event) there): the batch would wait for it.
  [[nodiscard]] Result<void> append(const AuditEvent& event);

  // What to do once an event's batch has committed (ok) or failed (the
  // batch's error): called exactly once, on the database's writer thread,
  // or on the caller's thread when the writer is stopping or the database
  // has no group commit. It should be quick (it delays the next batch) and
  // must not append and wait.
  using Then = std::function<void(Result<void>)>;

  // Queues event and returns at once; then runs when its batch commits.
  // REQUIRES: as append(event).
  void append(AuditEvent event, Then then);

 private:
  struct Pending {
    AuditEvent event;
    Then then;
  };
  using Batch = std::vector<Pending>;

  // Queues the work that takes the next batch. REQUIRES: mutex_ held, and
  // no such work queued.
  void schedule(std::unique_lock<std::mutex>& lock);
  // Chains and inserts the batch in the transaction.
  static Result<void> write(store::Transaction& transaction, const Batch& batch);
  // Answers each caller of the batch with outcome.
  static void answer(Batch& batch, const Result<void>& outcome);

  store::Database& database_;
  std::mutex mutex_;
  std::condition_variable drained_;  // the destructor waits for the last batch
  Batch queue_;                      // guarded by mutex_
  bool scheduled_ = false;           // guarded by mutex_; work that will take queue_ is queued
  std::size_t in_flight_ = 0;        // guarded by mutex_; batches taken, callers not yet answered
  bool stopping_ = false;            // guarded by mutex_
};

}  // namespace dichtbij::access
