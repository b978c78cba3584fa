#include "store/database.hpp"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "store/sqlite_statements.hpp"

namespace dichtbij::store {

namespace {

// SQLite extended result codes keep the primary code in the low byte.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteConstraint = 19;

// The database's own words name tables and columns: they go to the log, and
// the caller gets a sentence it can show.
Error conflict_error(const soci::soci_error& error) {
  spdlog::debug("database: constraint violated: {}", error.what());
  return make_error(ErrorCode::conflict,
                    "the change conflicts with stored data: a value that must be unique is "
                    "taken, or other records still refer to this one");
}

Error map_soci_error(const soci::soci_error& error) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    const int primary = sqlite->result() & 0xff;
    if (primary == kSqliteConstraint) return conflict_error(error);
    if (primary == kSqliteBusy || primary == kSqliteLocked) {
      return make_error(ErrorCode::unavailable, error.what());
    }
  }
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    // SQLSTATE class 23: integrity constraint violation; 40: transaction
    // rollback (serialization failure, deadlock).
    const std::string state = postgres->sqlstate();
    if (state.rfind("23", 0) == 0) return conflict_error(error);
    if (state.rfind("40", 0) == 0) return make_error(ErrorCode::unavailable, error.what());
  }
  switch (error.get_error_category()) {
    case soci::soci_error::constraint_violation: return conflict_error(error);
    case soci::soci_error::connection_error:
    case soci::soci_error::system_error:
    case soci::soci_error::unknown_transaction_state:
      return make_error(ErrorCode::unavailable, error.what());
    default: return make_error(ErrorCode::internal, error.what());
  }
}

std::string sqlite_connect_string(const std::string& path) {
  return "db=" + path + " timeout=" +
         std::to_string(
             std::chrono::duration_cast<std::chrono::seconds>(Database::kSqliteBusyTimeout)
                 .count());
}

void execute_script_on(soci::session& session, Engine engine, const std::string& script) {
  if (engine == Engine::sqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    char* message = nullptr;
    const int rc =
        sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message != nullptr ? message : "unknown SQLite error";
      sqlite_api::sqlite3_free(message);
      throw soci::sqlite3_soci_error(text, rc);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string text = PQresultErrorMessage(result);
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    std::string sqlstate = state != nullptr ? state : "XX000";
    PQclear(result);
    throw soci::postgresql_soci_error(text, sqlstate.c_str());
  }
  PQclear(result);
}

void configure_sqlite(soci::session& session) {
  // WAL lets readers run beside the one writer; synchronous=FULL makes every
  // commit durable before COMMIT returns, which is what "acknowledged" means.
  // Reads go through a memory map of the file (up to 1 GiB; address space,
  // not memory): a large read, such as a research project's 200,000
  // codings, then copies no page out of the kernel. Writes still go
  // through the WAL.
  execute_script_on(session, Engine::sqlite,
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA mmap_size=1073741824;"
                    "PRAGMA busy_timeout=" +
                        std::to_string(Database::kSqliteBusyTimeout.count()) + ";");
}

// SOCI's PostgreSQL backend mangles libpq URIs, so the URI is turned into
// libpq's keyword=value form by libpq itself. Returns nullopt with the
// reason in error when libpq cannot parse it.
std::optional<std::string> postgres_keyword_string(const std::string& uri, std::string& error) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &message);
  if (options == nullptr) {
    error = message != nullptr ? message : "libpq cannot parse it";
    PQfreemem(message);
    return std::nullopt;
  }
  std::string keywords;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string value;
    for (const char* c = option->val; *c != '\0'; ++c) {
      if (*c == '\'' || *c == '\\') value += '\\';
      value += *c;
    }
    keywords += std::string(option->keyword) + "='" + value + "' ";
  }
  PQconninfoFree(options);
  return keywords;
}

// Runs sql, which returns no rows, on the session: through its kept
// statements when it has them (SQLite).
void execute(soci::session& session, SqliteStatements* statements, const char* sql) {
  if (statements != nullptr) {
    statements->execute(sql);
  } else {
    session << sql;
  }
}

// Commits the open write transaction. When it changed data (not only
// bookkeeping), moves the data generation, and on PostgreSQL first tells the
// other instances' change watches (the notification is delivered with the
// commit).
void commit_write(soci::session& session, Engine engine, SqliteStatements* statements,
                  ChangeWatch& watch, bool changed_data) {
  if (changed_data && engine == Engine::postgresql) {
    // An id of our own making (a UUID): safe between the quotes.
    session << "NOTIFY " + std::string(kChangeChannel) + ", '" + watch.instance_id() + "'";
  }
  if (changed_data && engine == Engine::sqlite) {
    // One writer at a time holds SQLite's lock anyway: this costs no waiting.
    session << "UPDATE " + std::string(kSqliteChangeCounter) + " SET counter = counter + 1";
  }
  execute(session, statements, "COMMIT");
  if (changed_data) watch.note_commit();
}

const char* begin_statement(Engine engine, TransactionKind kind) {
  if (engine == Engine::sqlite) {
    return kind == TransactionKind::write ? "BEGIN IMMEDIATE" : "BEGIN";
  }
  return kind == TransactionKind::write ? "BEGIN" : "BEGIN READ ONLY";
}

// Returns a leased session to the pool however the lease ends.
class SessionLease {
 public:
  SessionLease(soci::connection_pool& pool, std::size_t position)
      : pool_(pool), position_(position) {}
  ~SessionLease() { pool_.give_back(position_); }
  SessionLease(const SessionLease&) = delete;
  SessionLease& operator=(const SessionLease&) = delete;
  soci::session& session() { return pool_.at(position_); }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
};

void roll_back_quietly(soci::session& session) {
  try {
    session << "ROLLBACK";
  } catch (const soci::soci_error& error) {
    // The connection is likely gone; reconnect so the next lease works.
    spdlog::warn("database: rollback failed ({}), reconnecting", error.what());
    try {
      session.reconnect();
    } catch (const soci::soci_error& reconnect_error) {
      spdlog::warn("database: reconnect failed: {}", reconnect_error.what());
    }
  }
}

}  // namespace

void execute_script(Transaction& transaction, const std::string& script) {
  execute_script_on(transaction.session(), transaction.engine(), script);
}

namespace {

// Connects one session to the database the URL names.
Result<void> connect(soci::session& session, const DatabaseUrl& url) {
  try {
    if (url.engine == Engine::sqlite) {
      session.open(soci::sqlite3, sqlite_connect_string(url.target));
      configure_sqlite(session);
      return {};
    }
    std::string reason;
    const std::optional<std::string> keywords = postgres_keyword_string(url.target, reason);
    if (!keywords) {
      return make_error(ErrorCode::invalid_input,
                        "cannot use the database URL " + url.redacted() + ": " + reason);
    }
    session.open(soci::postgresql, *keywords);
    return {};
  } catch (const soci::soci_error& error) {
    return make_error(ErrorCode::unavailable,
                      "cannot open the database " + url.redacted() + ": " + error.what());
  }
}

}  // namespace

// The writer thread of group commit and its queue.
class Database::GroupCommitter {
 public:
  // One writer thread per session.
  GroupCommitter(std::vector<std::unique_ptr<soci::session>> sessions, Engine engine,
                 std::size_t max_batch, ChangeWatch& watch)
      : engine_(engine), max_batch_(max_batch), watch_(watch) {
    for (std::unique_ptr<soci::session>& session : sessions) {
      auto writer = std::make_unique<Writer>();
      writer->session = std::move(session);
      if (engine == Engine::sqlite) {
        writer->statements = std::make_unique<SqliteStatements>(*writer->session);
      }
      writers_.push_back(std::move(writer));
    }
    for (const std::unique_ptr<Writer>& writer : writers_) {
      threads_.emplace_back([this, &writer = *writer] { run(writer); });
    }
  }

  ~GroupCommitter() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  // Queues work and waits until the batch holding it has committed.
  Result<void> submit(const std::function<Result<void>(Transaction&)>& work) {
    Job job;
    job.work = &work;
    std::future<void> done = job.done.get_future();
    if (!enqueue(&job)) return make_error(ErrorCode::unavailable, "the database is closing");
    done.wait();
    if (job.exception) std::rethrow_exception(job.exception);
    return std::move(job.outcome);
  }

  // Queues work and returns at once; then runs on the writer thread once
  // the batch holding it has committed or failed.
  void submit_later(std::function<Result<void>(Transaction&)> work, Database::Committed then) {
    auto job = std::make_unique<Job>();
    job->owned_work = std::move(work);
    job->work = &job->owned_work;
    job->then = std::move(then);
    if (enqueue(job.get())) {
      (void)job.release();  // finish() deletes it
      return;
    }
    job->then(make_error(ErrorCode::unavailable, "the database is closing"));
  }

 private:
  struct Job {
    const std::function<Result<void>(Transaction&)>* work = nullptr;
    Result<void> outcome;
    std::exception_ptr exception;
    std::promise<void> done;  // submit() waits for it
    // A submit_later() job owns its work and says what follows the commit.
    std::function<Result<void>(Transaction&)> owned_work;
    Database::Committed then;
  };

  // False when stopping: then the job is not queued.
  bool enqueue(Job* job) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return false;
      queue_.push_back(job);
    }
    wake_.notify_one();
    return true;
  }

  // Tells the job's caller its outcome; deletes a submit_later() job.
  static void finish(Job* job) {
    if (!job->then) {
      job->done.set_value();
      return;
    }
    const std::unique_ptr<Job> owned(job);
    if (owned->exception) {
      try {
        std::rethrow_exception(owned->exception);
      } catch (const std::exception& exception) {
        spdlog::error("database: queued write work failed: {}", exception.what());
      } catch (...) {
        spdlog::error("database: queued write work failed");
      }
      owned->outcome = make_error(ErrorCode::internal, "the write could not be done");
    }
    try {
      owned->then(std::move(owned->outcome));
    } catch (const std::exception& exception) {
      spdlog::error("database: what follows a queued write failed: {}", exception.what());
    } catch (...) {
      spdlog::error("database: what follows a queued write failed");
    }
  }

  // A writer thread's session, and on SQLite its kept statements (declared
  // after the session: finalized before it closes).
  struct Writer {
    std::unique_ptr<soci::session> session;
    std::unique_ptr<SqliteStatements> statements;
  };

  void run(Writer& writer) {
    std::vector<Job*> batch;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and nothing left to write
        const std::size_t taken = std::min(queue_.size(), max_batch_);
        batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(taken));
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(taken));
      }
      write(writer, batch);
      for (Job* job : batch) finish(job);
      batch.clear();
    }
  }

  // Runs every job of the batch in one transaction, each in a savepoint.
  void write(Writer& writer, const std::vector<Job*>& batch) {
    soci::session& session = *writer.session;
    SqliteStatements* statements = writer.statements.get();
    try {
      execute(session, statements, begin_statement(engine_, TransactionKind::write));
    } catch (const soci::soci_error& error) {
      fail_all(batch, map_soci_error(error));
      roll_back_quietly(session);
      return;
    }
    Transaction transaction(session, engine_, statements);
    bool changed_data = false;
    for (Job* job : batch) {
      try {
        execute(session, statements, "SAVEPOINT job");
        transaction.bookkeeping_only_ = false;
        Result<void> outcome = (*job->work)(transaction);
        changed_data = changed_data || (outcome.ok() && !transaction.bookkeeping_only_);
        execute(session, statements,
                outcome.ok() ? "RELEASE SAVEPOINT job" : "ROLLBACK TO SAVEPOINT job");
        if (!outcome.ok()) execute(session, statements, "RELEASE SAVEPOINT job");
        job->outcome = std::move(outcome);
      } catch (const soci::soci_error& error) {
        job->outcome = map_soci_error(error);
        if (!undo_job(session)) {
          fail_all(batch, job->outcome.error());
          roll_back_quietly(session);
          return;
        }
      } catch (...) {
        job->exception = std::current_exception();
        if (!undo_job(session)) {
          fail_all(batch, make_error(ErrorCode::unavailable, "the batch could not be rolled back"));
          roll_back_quietly(session);
          return;
        }
      }
    }
    try {
      commit_write(session, engine_, statements, watch_, changed_data);
    } catch (const soci::soci_error& error) {
      // Nothing of the batch is durable: no job may report success.
      fail_all(batch, map_soci_error(error));
      roll_back_quietly(session);
    }
  }

  // Rolls back to the job's savepoint; false when even that failed.
  static bool undo_job(soci::session& session) {
    try {
      session << "ROLLBACK TO SAVEPOINT job";
      session << "RELEASE SAVEPOINT job";
      return true;
    } catch (const soci::soci_error&) {
      return false;
    }
  }

  // Marks every job that would have succeeded as failed: its work was not
  // committed. Jobs that failed already keep their own error.
  static void fail_all(const std::vector<Job*>& batch, const Error& error) {
    for (Job* job : batch) {
      if (!job->exception && job->outcome.ok()) job->outcome = error;
    }
  }

  const Engine engine_;
  const std::size_t max_batch_;
  ChangeWatch& watch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job*> queue_;  // guarded by mutex_; submit()'s jobs live on their callers' stacks
  bool stopping_ = false;   // guarded by mutex_
  std::vector<std::unique_ptr<Writer>> writers_;  // writer i is used by thread i only
  std::vector<std::thread> threads_;              // last: they start once the rest is ready
};

namespace {

// Every SQLite connection of the process is used by one thread at a time:
// the pool lends a session to one transaction, the change watch polls from
// its own thread. So SQLite's multi-thread mode is enough, and its
// serialized default only costs a mutex round trip on every call (a fifth
// of reading a research project's 200,000 codings). Memory statistics off:
// they take a global mutex on every allocation. Must precede the first
// connection; when something opened one before, SQLite refuses and stays as
// it was, which is only slower.
void configure_sqlite_library() {
  static const bool configured = [] {
    const bool multithread = sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK;
    (void)sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return multithread;
  }();
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url, const Options& options) {
  if (url.engine == Engine::sqlite) {
    configure_sqlite_library();
    const std::filesystem::path folder = std::filesystem::path(url.target).parent_path();
    std::error_code ec;
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (ec) {
      return make_error(ErrorCode::unavailable, "cannot create the database folder " +
                                                    folder.string() + ": " + ec.message());
    }
  }
  auto pool = std::make_unique<soci::connection_pool>(options.pool_size);
  for (std::size_t i = 0; i != options.pool_size; ++i) {
    if (Result<void> connected = connect(pool->at(i), url); !connected.ok()) {
      return std::move(connected).error();
    }
  }
  if (url.engine == Engine::sqlite) {
    // The counter SQLite's change watch reads (store/change_watch.hpp).
    try {
      execute_script_on(pool->at(0), Engine::sqlite,
                        "CREATE TABLE IF NOT EXISTS " + std::string(kSqliteChangeCounter) +
                            " (id INTEGER PRIMARY KEY CHECK (id = 1), counter INTEGER NOT NULL);"
                            "INSERT OR IGNORE INTO " +
                            std::string(kSqliteChangeCounter) + " VALUES (1, 0);");
    } catch (const soci::soci_error& error) {
      return map_soci_error(error);
    }
  }
  Result<std::unique_ptr<ChangeWatch>> watch = ChangeWatch::start(url);
  if (!watch.ok()) return std::move(watch).error();
  std::unique_ptr<GroupCommitter> committer;
  if (options.group_commit) {
    // SQLite has one write lock, so one writer; PostgreSQL runs writes in
    // parallel, and one writer would serialise every statement's round trip.
    const std::size_t writers = url.engine == Engine::sqlite ? 1 : kPostgresWriters;
    std::vector<std::unique_ptr<soci::session>> sessions;
    for (std::size_t i = 0; i != writers; ++i) {
      sessions.push_back(std::make_unique<soci::session>());
      if (Result<void> connected = connect(*sessions.back(), url); !connected.ok()) {
        return std::move(connected).error();
      }
    }
    committer = std::make_unique<GroupCommitter>(std::move(sessions), url.engine, options.max_batch,
                                                 **watch);
  }
  return std::unique_ptr<Database>(new Database(url, options.pool_size, std::move(pool),
                                                std::move(*watch), std::move(committer)));
}

Database::Database(DatabaseUrl url, std::size_t pool_size,
                   std::unique_ptr<soci::connection_pool> pool, std::unique_ptr<ChangeWatch> watch,
                   std::unique_ptr<GroupCommitter> committer)
    : url_(std::move(url)),
      pool_size_(pool_size),
      pool_(std::move(pool)),
      watch_(std::move(watch)),
      committer_(std::move(committer)) {
  if (url_.engine == Engine::sqlite) {
    for (std::size_t i = 0; i != pool_size_; ++i) {
      pool_statements_.push_back(std::make_unique<SqliteStatements>(pool_->at(i)));
    }
  }
}

std::uint64_t Database::data_generation() {
  return watch_->generation();
}

Database::~Database() = default;

Result<void> Database::in_transaction(TransactionKind kind,
                                      const std::function<Result<void>(Transaction&)>& work) {
  if (kind == TransactionKind::write && committer_) return committer_->submit(work);
  return in_pooled_transaction(kind, work);
}

void Database::write_later(std::function<Result<void>(Transaction&)> work, Committed then) {
  if (committer_) {
    committer_->submit_later(std::move(work), std::move(then));
    return;
  }
  Result<void> outcome;
  try {
    outcome = in_pooled_transaction(TransactionKind::write, work);
  } catch (const std::exception& exception) {
    spdlog::error("database: write work failed: {}", exception.what());
    outcome = make_error(ErrorCode::internal, "the write could not be done");
  }
  then(std::move(outcome));
}

Result<void> Database::in_pooled_transaction(
    TransactionKind kind, const std::function<Result<void>(Transaction&)>& work) {
  std::size_t position = 0;
  const auto timeout_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(kLeaseTimeout).count());
  if (!pool_->try_lease(position, timeout_ms)) {
    return make_error(ErrorCode::unavailable, "no free database session within " +
                                                  std::to_string(kLeaseTimeout.count()) + " s");
  }
  SessionLease lease(*pool_, position);
  soci::session& session = lease.session();
  try {
    session << begin_statement(url_.engine, kind);
  } catch (const soci::soci_error& error) {
    Error mapped = map_soci_error(error);
    if (mapped.code == ErrorCode::unavailable || mapped.code == ErrorCode::internal) {
      roll_back_quietly(session);
    }
    return mapped;
  }
  try {
    Transaction transaction(session, url_.engine,
                            pool_statements_.empty() ? nullptr : pool_statements_[position].get());
    Result<void> outcome = work(transaction);
    if (!outcome.ok()) {
      roll_back_quietly(session);
      return outcome;
    }
    if (kind == TransactionKind::write) {
      commit_write(session, url_.engine, transaction.sqlite_statements(), *watch_,
                   !transaction.bookkeeping_only_);
    } else {
      session << "COMMIT";
    }
    return {};
  } catch (const soci::soci_error& error) {
    roll_back_quietly(session);
    return map_soci_error(error);
  } catch (...) {
    roll_back_quietly(session);
    throw;
  }
}

}  // namespace dichtbij::store
