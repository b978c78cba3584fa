#include "store/sqlite_statements.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

namespace dichtbij::store {

namespace {

[[noreturn]] void fail(sqlite_api::sqlite3* connection, int result, const char* sql) {
  throw soci::sqlite3_soci_error(std::string("sqlite3 error running \"") + sql +
                                     "\": " + sqlite_api::sqlite3_errmsg(connection),
                                 result);
}

}  // namespace

SqliteStatements::~SqliteStatements() {
  finalize_all();
}

SqliteStatements::Use::~Use() {
  sqlite_api::sqlite3_reset(statement_);
  sqlite_api::sqlite3_clear_bindings(statement_);
}

sqlite_api::sqlite3* SqliteStatements::connection() const {
  return static_cast<soci::sqlite3_session_backend*>(session_.get_backend())->conn_;
}

SqliteStatements::Use SqliteStatements::use(const char* sql) {
  sqlite_api::sqlite3* current = connection();
  if (current != connection_) {
    finalize_all();
    connection_ = current;
  }
  sqlite_api::sqlite3_stmt*& statement = statements_[sql];
  if (statement == nullptr) {
    const int prepared = sqlite_api::sqlite3_prepare_v3(
        connection_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (prepared != SQLITE_OK) {
      statements_.erase(sql);
      fail(connection_, prepared, sql);
    }
  }
  return Use(statement);
}

void SqliteStatements::execute(const char* sql) {
  const Use statement = use(sql);
  int stepped = SQLITE_ROW;
  while (stepped == SQLITE_ROW) stepped = sqlite_api::sqlite3_step(statement.get());
  if (stepped != SQLITE_DONE) fail(connection_, stepped, sql);
}

void SqliteStatements::finalize_all() noexcept {
  for (const auto& [sql, statement] : statements_) sqlite_api::sqlite3_finalize(statement);
  statements_.clear();
}

}  // namespace dichtbij::store
