#include "access/audit_writer.hpp"

#include <algorithm>
#include <exception>
#include <iterator>

#include <spdlog/spdlog.h>

namespace dichtbij::access {

AuditWriter::AuditWriter(store::Database& database)
    : database_(database), writer_([this] { run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_all();
  writer_.join();
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
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(event), std::move(then)});
      // The writer waits for the first event, or for the batch to fill up.
      if (queue_.size() == 1 || queue_.size() == wave_) queued_.notify_one();
      return;
    }
  }
  then(make_error(ErrorCode::unavailable, "the audit log is closing"));
}

void AuditWriter::run() {
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every caller answered
      // Requests come in waves: those a commit answers send their next
      // requests together. Taking only the first few of a wave would make
      // the rest wait for a second commit (and fsync), so wait briefly for
      // as many as the last batch held. A smaller wave waits once and then
      // sets the size; one caller at a time never waits.
      if (queue_.size() < wave_) {
        queued_.wait_for(lock, kGatherLimit,
                         [this] { return stopping_ || queue_.size() >= wave_; });
      }
      const std::size_t taken = std::min(queue_.size(), kMaxBatch);
      wave_ = taken;
      batch.assign(std::make_move_iterator(queue_.begin()),
                   std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(taken)));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(taken));
    }
    Result<void> outcome = [&]() -> Result<void> {
      try {
        return write(batch);
      } catch (const std::exception& exception) {
        // store/ turns database errors into values; anything else (out of
        // memory) must still answer the callers, or they would wait forever.
        spdlog::error("audit: a batch of {} events failed: {}", batch.size(), exception.what());
        return make_error(ErrorCode::internal, "the audit events could not be written");
      } catch (...) {
        spdlog::error("audit: a batch of {} events failed", batch.size());
        return make_error(ErrorCode::internal, "the audit events could not be written");
      }
    }();
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
}

Result<void> AuditWriter::write(const std::vector<Pending>& batch) {
  return database_.in_transaction(store::TransactionKind::write,
                                  [&](store::Transaction& transaction) -> Result<void> {
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
                                  });
}

}  // namespace dichtbij::access
