#include "store/change_watch.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>

#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

// SQLite: a thread polls the change counter on a connection of its own; it
// moves when any process commits a change of data through store::Database.
// Commits of this process count at once through note_commit(); those of
// other processes within kPollInterval. (Not PRAGMA data_version: that moves
// with audit events too, which under load retired every cached answer every
// poll.) Polling off the request path keeps generation() a plain atomic
// read.
class SqliteWatch final : public ChangeWatch {
 public:
  static constexpr std::chrono::milliseconds kPollInterval{20};

  SqliteWatch(sqlite3* connection, sqlite3_stmt* statement)
      : connection_(connection), statement_(statement) {
    (void)poll();  // takes the first count
    poller_ = std::thread([this] { run(); });
  }

  ~SqliteWatch() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    poller_.join();
    sqlite3_finalize(statement_);
    sqlite3_close(connection_);
  }

  static Result<std::unique_ptr<ChangeWatch>> open(const std::string& path) {
    sqlite3* connection = nullptr;
    // Read-only and without creating: Database opened (and created) the file.
    const int opened = sqlite3_open_v2(path.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    if (opened != SQLITE_OK ||
        sqlite3_prepare_v2(
            connection,
            ("SELECT counter FROM " + std::string(kSqliteChangeCounter) + " WHERE id = 1").c_str(),
            -1, &statement, nullptr) != SQLITE_OK) {
      std::string reason = connection != nullptr ? sqlite3_errmsg(connection) : "out of memory";
      sqlite3_close(connection);
      return make_error(ErrorCode::unavailable,
                        "cannot watch the database " + path + " for changes: " + reason);
    }
    return std::unique_ptr<ChangeWatch>(std::make_unique<SqliteWatch>(connection, statement));
  }

  std::uint64_t generation() override { return current(); }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, kPollInterval, [this] { return stopping_; })) {
      lock.unlock();
      (void)poll();
      lock.lock();
    }
  }

  // Reads the counter; moves the generation when it changed or cannot be
  // read (then nothing may be taken as unchanged). Only one thread at a time:
  // the constructor, then the poller.
  bool poll() {
    const int stepped = sqlite3_step(statement_);
    const bool read = stepped == SQLITE_ROW;
    const sqlite3_int64 version = read ? sqlite3_column_int64(statement_, 0) : 0;
    sqlite3_reset(statement_);
    if (!read || version != last_version_) {
      last_version_ = version;
      bump();
      return true;
    }
    return false;
  }

  sqlite3* connection_;      // used by one thread at a time (see poll)
  sqlite3_stmt* statement_;  // likewise
  sqlite3_int64 last_version_ = -1;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread poller_;
};

// PostgreSQL: a listener thread on a connection of its own counts the
// notifications every write transaction sends.
class PostgresWatch final : public ChangeWatch {
 public:
  explicit PostgresWatch(std::string uri) : uri_(std::move(uri)) {
    listener_ = std::thread([this] { run(); });
  }

  ~PostgresWatch() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    listener_.join();
  }

  // Waits until the first LISTEN is in place, so that a server that starts
  // caches with a working watch; fails when the database cannot be reached.
  Result<void> wait_until_listening() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return first_attempt_done_; });
    if (!listening_.load()) {
      return make_error(ErrorCode::unavailable,
                        "cannot listen for database changes: " + first_error_);
    }
    return {};
  }

  std::uint64_t generation() override { return listening_.load() ? current() : bump(); }

 private:
  static constexpr std::chrono::milliseconds kPollInterval{200};
  static constexpr std::chrono::seconds kRetryInterval{1};

  void run() {
    while (!stopping()) {
      PGconn* connection = PQconnectdb(uri_.c_str());
      std::string error;
      if (PQstatus(connection) == CONNECTION_OK) {
        const std::string listen = "LISTEN " + std::string(kChangeChannel);
        PGresult* result = PQexec(connection, listen.c_str());
        if (PQresultStatus(result) == PGRES_COMMAND_OK) {
          listening_.store(true);
          bump();  // whatever happened while not listening
          report_first_attempt("");
          listen_until_broken(connection);
          listening_.store(false);
          bump();
        } else {
          error = PQresultErrorMessage(result);
        }
        PQclear(result);
      } else {
        error = PQerrorMessage(connection);
      }
      PQfinish(connection);
      if (!error.empty()) {
        spdlog::warn("database: cannot listen for changes ({}); cached answers are off", error);
        report_first_attempt(error);
      }
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, kRetryInterval, [this] { return stopping_; });
    }
  }

  void listen_until_broken(PGconn* connection) {
    const int socket = PQsocket(connection);
    while (!stopping()) {
      pollfd descriptor{socket, POLLIN, 0};
      const int ready = poll(&descriptor, 1, static_cast<int>(kPollInterval.count()));
      if (ready < 0) return;
      if (ready == 0) continue;
      if (PQconsumeInput(connection) == 0) {
        spdlog::warn("database: the change listener lost its connection: {}",
                     PQerrorMessage(connection));
        return;
      }
      while (PGnotify* notification = PQnotifies(connection)) {
        if (instance_id() != notification->extra) bump();
        PQfreemem(notification);
      }
    }
  }

  bool stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  void report_first_attempt(const std::string& error) {
    {
      std::lock_guard lock(mutex_);
      if (first_attempt_done_) return;
      first_attempt_done_ = true;
      first_error_ = error;
    }
    wake_.notify_all();
  }

  const std::string uri_;
  std::atomic<bool> listening_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;            // guarded by mutex_
  bool first_attempt_done_ = false;  // guarded by mutex_
  std::string first_error_;          // guarded by mutex_
  std::thread listener_;
};

}  // namespace

ChangeWatch::ChangeWatch() : instance_id_(new_uuid()) {}

Result<std::unique_ptr<ChangeWatch>> ChangeWatch::start(const DatabaseUrl& url) {
  if (url.engine == Engine::sqlite) return SqliteWatch::open(url.target);
  auto watch = std::make_unique<PostgresWatch>(url.target);
  if (Result<void> listening = watch->wait_until_listening(); !listening.ok()) {
    return std::move(listening).error();
  }
  return std::unique_ptr<ChangeWatch>(std::move(watch));
}

}  // namespace dichtbij::store
