#include "access/audit_writer.hpp"

#include <exception>
#include <iterator>
#include <memory>
#include <utility>

#include <spdlog/spdlog.h>

namespace dichtbij::access {

AuditWriter::~AuditWriter() {
  std::unique_lock lock(mutex_);
  stopping_ = true;
  drained_.wait(lock, [this] { return !scheduled_ && in_flight_ == 0; });
}

Result<void> AuditWriter::append(const AuditEvent& event) {
  // Wakes exactly this caller: one condition variable for all would wake
  // every waiting caller at each commit, most of them for a later batch.
  // Not std::binary_semaphore: libstdc++'s spins and calls sched_yield
  // before it sleeps, and with dozens of callers waiting on one core that
  // was 15 % of the server's time (bench/README.md).
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;     // guarded by mutex
  Result<void> outcome;  // guarded by mutex
  append(event, [&](Result<void> result) {
    // Notified under the lock: once it is released the caller may return
    // and these locals be gone.
    std::lock_guard lock(mutex);
    outcome = std::move(result);
    done = true;
    finished.notify_one();
  });
  std::unique_lock lock(mutex);
  finished.wait(lock, [&] { return done; });
  return outcome;
}

void AuditWriter::append(AuditEvent event, Then then) {
  {
    std::unique_lock lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(event), std::move(then)});
      if (!scheduled_) schedule(lock);
      return;
    }
  }
  then(make_error(ErrorCode::unavailable, "the audit log is closing"));
}

void AuditWriter::schedule(std::unique_lock<std::mutex>& lock) {
  scheduled_ = true;
  // What the work took, shared by the work and what follows its commit.
  struct Taken {
    Batch batch;
    bool ran = false;   // the work ran and took batch
    bool more = false;  // it left events queued: what follows schedules them
  };
  auto taken = std::make_shared<Taken>();
  auto work = [this, taken](store::Transaction& transaction) -> Result<void> {
    {
      std::lock_guard held(mutex_);
      if (queue_.size() <= kMaxBatch) {
        taken->batch.swap(queue_);
        scheduled_ = false;
      } else {
        const auto end = queue_.begin() + static_cast<std::ptrdiff_t>(kMaxBatch);
        taken->batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(end));
        queue_.erase(queue_.begin(), end);
        taken->more = true;
      }
      taken->ran = true;
      ++in_flight_;
    }
    return write(transaction, taken->batch);
  };
  auto committed = [this, taken](Result<void> outcome) {
    Batch untaken;
    if (taken->ran) {
      answer(taken->batch, outcome);
    } else {
      // The work never ran (the database is closing, or the batch failed
      // before it): its callers are still queued, and nothing else will
      // take them.
      std::lock_guard held(mutex_);
      untaken.swap(queue_);
      scheduled_ = false;
    }
    answer(untaken, outcome);
    std::unique_lock held(mutex_);
    if (taken->ran) --in_flight_;
    // Queued after this batch, also when stopping: the destructor drains.
    if (taken->more && !queue_.empty()) {
      schedule(held);
    } else if (taken->more) {
      scheduled_ = false;
    }
    // Under the lock: once it is released the destructor may return.
    drained_.notify_all();
  };
  // Without group commit write_later runs both at once, and they lock.
  lock.unlock();
  database_.write_later(std::move(work), std::move(committed));
  lock.lock();
}

Result<void> AuditWriter::write(store::Transaction& transaction, const Batch& batch) {
  transaction.mark_bookkeeping_only();
  store::AuditRepository log(transaction);
  Result<store::ChainHead> head = log.lock_head();
  if (!head.ok()) return std::move(head).error();
  std::vector<store::AuditRow> rows;
  rows.reserve(batch.size());
  for (const Pending& pending : batch) {
    rows.push_back(chained_row(pending.event, *head));
    head->seq = rows.back().seq;
    head->hash = rows.back().hash;
  }
  return log.insert_all(rows);
}

void AuditWriter::answer(Batch& batch, const Result<void>& outcome) {
  for (Pending& pending : batch) {
    try {
      pending.then(outcome);
    } catch (const std::exception& exception) {
      spdlog::error("audit: a caller's continuation failed: {}", exception.what());
    } catch (...) {
      spdlog::error("audit: a caller's continuation failed");
    }
  }
  batch.clear();
}

}  // namespace dichtbij::access
