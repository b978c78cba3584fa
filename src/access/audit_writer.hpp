// AuditWriter: appends the audit events of reads in batches.
//
// A read's event must be committed before the read is answered (an answer
// whose event could still be lost would be an access nobody can account
// for). Committing each event on its own costs a transaction, a read of the
// chain's head and an insert per request, and the single writer of SQLite
// appends them one after another. So events queue here, and one writer
// thread takes everything that waits, chains it in memory onto the head it
// reads once, inserts it with a few multi-row statements in ONE
// bookkeeping-only write transaction, and only when that commits wakes every
// caller with success, or every caller with the batch's error.
//
// The batch transaction takes the chain's lock like every other append
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

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "access/audit.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

class AuditWriter final : public store::Database::Attachment {
 public:
  // Most events in one transaction: bounds how long a batch holds the
  // chain's lock (and SQLite's write lock).
  static constexpr std::size_t kMaxBatch = 1024;
  // Longest a batch waits to fill up (see run()): what a lone request may
  // lose, against a commit (an fsync, milliseconds) for every few events.
  static constexpr std::chrono::microseconds kGatherLimit{1000};

  // Starts the writer thread. REQUIRES: database outlives this (it does as
  // its attachment).
  explicit AuditWriter(store::Database& database);
  // Drains: writes every event still queued, answers its caller, then stops.
  ~AuditWriter() override;
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // The writer of this database, started on first use.
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
  // batch's error): called exactly once, on the writer thread, or on the
  // caller's thread when the writer is already stopping. It should be
  // quick (it delays the next batch) and must not append and wait.
  using Then = std::function<void(Result<void>)>;

  // Queues event and returns at once; then runs when its batch commits.
  // REQUIRES: as append(event).
  void append(AuditEvent event, Then then);

 private:
  struct Pending {
    AuditEvent event;
    Then then;
  };

  void run();
  // Chains and inserts the batch in one transaction; its outcome.
  Result<void> write(const std::vector<Pending>& batch);

  store::Database& database_;
  std::mutex mutex_;
  std::condition_variable queued_;  // the writer waits for events
  std::deque<Pending> queue_;       // guarded by mutex_
  bool stopping_ = false;           // guarded by mutex_
  std::size_t wave_ = 1;            // guarded by mutex_; the last batch's size
  std::thread writer_;              // last: starts once the rest is ready
};

}  // namespace dichtbij::access
