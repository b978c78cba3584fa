// SqliteStatements: the prepared statements of one SQLite connection, kept
// for reuse. Preparing is parsing and planning, and for the statements the
// writer runs on every commit (BEGIN, SAVEPOINT, the chain head of the audit
// log, its INSERT, COMMIT) it cost more than running them: an eighth of the
// writer's time under the HTTP benchmark (bench/README.md).
//
// Statements are kept by the address of their SQL text, so callers pass
// string literals (or other text that lives as long as the program).
// When the session reconnects (a new sqlite3 handle), the old statements
// are finalized and prepared anew on first use.
//
// Internal to store/. Not thread-safe: used by the one thread that holds the
// session.
#pragma once

#include <memory>
#include <unordered_map>

namespace soci {
class session;
}  // namespace soci
namespace sqlite_api {
struct sqlite3;
struct sqlite3_stmt;
}  // namespace sqlite_api

namespace dichtbij::store {

class SqliteStatements {
 public:
  // REQUIRES: session is an SQLite session and outlives this.
  explicit SqliteStatements(soci::session& session) : session_(session) {}
  ~SqliteStatements();
  SqliteStatements(const SqliteStatements&) = delete;
  SqliteStatements& operator=(const SqliteStatements&) = delete;

  // A statement in use: reset, with its bindings cleared, when it goes.
  class Use {
   public:
    explicit Use(sqlite_api::sqlite3_stmt* statement) : statement_(statement) {}
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    sqlite_api::sqlite3_stmt* get() const noexcept { return statement_; }

   private:
    sqlite_api::sqlite3_stmt* statement_;
  };

  // The statement for sql, prepared on first use. Throws
  // soci::sqlite3_soci_error when SQLite cannot prepare it.
  [[nodiscard]] Use use(const char* sql);
  // Runs sql, which returns no rows (BEGIN, COMMIT…). Throws
  // soci::sqlite3_soci_error naming SQLite's error, as SOCI would.
  void execute(const char* sql);

  // The connection the statements belong to.
  [[nodiscard]] sqlite_api::sqlite3* connection() const;

 private:
  void finalize_all() noexcept;

  soci::session& session_;
  sqlite_api::sqlite3* connection_ = nullptr;  // the statements' connection
  std::unordered_map<const char*, sqlite_api::sqlite3_stmt*> statements_;
};

}  // namespace dichtbij::store
