// Database: the one door to the database, for both engines.
//
// Holds a pool of SOCI sessions. Every piece of work runs in a transaction on
// a pooled session through in_transaction(); SOCI exceptions never leave
// store/: they become Result errors (conflict for constraint violations,
// unavailable for everything the database itself refuses).
//
// SQLite sessions run with WAL, synchronous=FULL and foreign keys on, so a
// commit that returned is on disk; PostgreSQL keeps its default
// synchronous_commit=on for the same reason. Callers acknowledge a write to a
// client only after in_transaction() returned ok.
//
// Group commit: fsync per commit is what limits durable writes, so write
// transactions that arrive together share one commit. A writer thread (one
// for SQLite, kPostgresWriters for PostgreSQL) runs them one after another, each inside its own
// SAVEPOINT (so one failing rolls back only itself), commits once, and only then answers each
// caller. Nothing is acknowledged before its commit. write_later() queues work
// the same way without waiting: what follows the commit runs on the writer
// thread (the audit log's batches, access/audit_writer.hpp). On SQLite the
// writer keeps its transaction statements and the audit log's hottest ones
// prepared (store/sqlite_statements.hpp). With group commit off,
// each write is its own transaction on a pooled session (the baseline the
// benchmark compares against).
//
// Thread-safe: any number of threads may call in_transaction() at once.
// Reads each get their own pooled session, waiting up to kLeaseTimeout for a
// free one.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <typeindex>
#include <vector>

#include "core/result.hpp"
#include "store/change_watch.hpp"
#include "store/database_url.hpp"

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace dichtbij::store {

class SqliteStatements;

enum class TransactionKind {
  read,   // may read only; concurrent with other readers and with a writer
  write,  // takes the write lock at BEGIN (SQLite: BEGIN IMMEDIATE) so that
          // two writers never deadlock upgrading a read lock
};

// One open transaction, handed to the work that Database::in_transaction()
// runs. Repositories take it to run their SQL; outside store/ it is an opaque
// token that ties several repository calls into one commit. Valid only
// during that call.
class Transaction {
 public:
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  soci::session& session() noexcept { return session_; }
  Engine engine() const noexcept { return engine_; }
  // On SQLite, the prepared statements kept for this session (for store/'s
  // hottest statements); null on PostgreSQL.
  SqliteStatements* sqlite_statements() noexcept { return statements_; }

  // Says that this work writes only bookkeeping no cached answer depends on
  // (audit events, session activity), so its commit leaves the data
  // generation (data_generation()) where it was.
  void mark_bookkeeping_only() noexcept { bookkeeping_only_ = true; }

 private:
  friend class Database;
  Transaction(soci::session& session, Engine engine, SqliteStatements* statements)
      : session_(session), engine_(engine), statements_(statements) {}

  soci::session& session_;
  Engine engine_;
  SqliteStatements* statements_;
  bool bookkeeping_only_ = false;  // of the work running now
};

class Database {
 public:
  // How long in_transaction() waits for a free pooled session before it
  // answers unavailable.
  static constexpr std::chrono::seconds kLeaseTimeout{10};
  // Writer threads (and sessions) of group commit on PostgreSQL; SQLite has
  // one, since it has one write lock. Each batches what queued up while it
  // was busy.
  static constexpr std::size_t kPostgresWriters = 8;
  // How long an SQLite statement waits for another writer's lock.
  static constexpr std::chrono::milliseconds kSqliteBusyTimeout{5000};

  struct Options {
    // Sessions for reads (and for writes without group commit).
    std::size_t pool_size = 4;
    // Share one commit among concurrent writes; one more session for the
    // writer thread. Default on.
    bool group_commit = true;
    // Most writes in one commit; bounds how long a batch holds the lock.
    std::size_t max_batch = 256;
  };

  // Opens the sessions. For SQLite, creates the file's folder when it does
  // not exist. Fails with unavailable when the database cannot be reached,
  // naming the (password-redacted) URL.
  // REQUIRES: options.pool_size >= 1, options.max_batch >= 1.
  [[nodiscard]] static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url,
                                                              const Options& options);
  [[nodiscard]] static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url,
                                                              std::size_t pool_size) {
    return open(url, Options{pool_size, true, 256});
  }

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const noexcept { return url_.engine; }
  const DatabaseUrl& url() const noexcept { return url_; }
  std::size_t pool_size() const noexcept { return pool_size_; }

  // Runs work inside one transaction (for writes with group commit: one
  // savepoint of a shared transaction). Commits when work returns ok, rolls
  // back when it returns an error or throws (and rethrows). Returns work's
  // error, or the mapped database error; ok only once committed.
  [[nodiscard]] Result<void> in_transaction(TransactionKind kind,
                                            const std::function<Result<void>(Transaction&)>& work);

  // What follows queued write work (write_later): called exactly once with
  // ok once the work has committed, or with its error.
  using Committed = std::function<void(Result<void>)>;

  // Queues write work and returns at once; then runs once its batch has
  // committed or failed, on the writer thread (so it should be quick: it
  // delays the next batch, and it must not wait for another write). Work
  // that throws fails with internal. Without group commit both run now on
  // the caller's thread.
  void write_later(std::function<Result<void>(Transaction&)> work, Committed then);

  // A number that changes whenever committed data may have changed, by this
  // process or any other (see store/change_watch.hpp). Read it before the
  // data a cached answer is built from; the answer stays valid while the
  // number does.
  [[nodiscard]] std::uint64_t data_generation();

  // Per-database state of a layer above store/ (access/'s audit writer):
  // one T per Database, built as T(*this) on first use, destroyed when the
  // Database closes but before its sessions and writers stop, so that it may
  // still finish (drain) its work then. The reference stays valid as long as
  // the Database. Thread-safe.
  // REQUIRES: T derives from Database::Attachment.
  class Attachment {
   public:
    virtual ~Attachment() = default;
  };
  template <typename T>
  [[nodiscard]] T& attachment() {
    std::lock_guard lock(attachments_mutex_);
    std::unique_ptr<Attachment>& slot = attachments_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_unique<T>(*this);
    return static_cast<T&>(*slot);
  }

  // The same for work that yields a value.
  template <typename T>
  [[nodiscard]] Result<T> in_transaction(TransactionKind kind,
                                         const std::function<Result<T>(Transaction&)>& work) {
    std::optional<T> value;
    Result<void> done = in_transaction(kind, [&](Transaction& transaction) -> Result<void> {
      Result<T> produced = work(transaction);
      if (!produced.ok()) return std::move(produced).error();
      value.emplace(std::move(produced).value());
      return {};
    });
    if (!done.ok()) return std::move(done).error();
    return std::move(*value);
  }

 private:
  class GroupCommitter;

  Database(DatabaseUrl url, std::size_t pool_size, std::unique_ptr<soci::connection_pool> pool,
           std::unique_ptr<ChangeWatch> watch, std::unique_ptr<GroupCommitter> committer);
  Result<void> in_pooled_transaction(TransactionKind kind,
                                     const std::function<Result<void>(Transaction&)>& work);

  DatabaseUrl url_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  // On SQLite, one per pooled session (by position); after pool_, so that
  // they are finalized before the sessions close.
  std::vector<std::unique_ptr<SqliteStatements>> pool_statements_;
  std::unique_ptr<ChangeWatch> watch_;
  // Null without group commit. After watch_, so its writers stop first.
  std::unique_ptr<GroupCommitter> committer_;
  std::mutex attachments_mutex_;
  // Guarded by attachments_mutex_. Last, so destroyed first.
  std::map<std::type_index, std::unique_ptr<Attachment>> attachments_;
};

// Runs a script of several SQL statements separated by semicolons on the
// transaction's connection (SOCI prepares one statement at a time). Throws
// soci::soci_error like any SOCI call.
void execute_script(Transaction& transaction, const std::string& script);

}  // namespace dichtbij::store
