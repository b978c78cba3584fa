// Versioned schema migrations, embedded in the binary.
//
// The SQL files live in src/store/migrations/ and are compiled in by
// cmake/EmbedMigrations.cmake. A file is named NNNN_name.sql when the same
// SQL runs on both engines, or NNNN_name.sqlite.sql plus
// NNNN_name.postgresql.sql side by side where an engine needs its own.
// Versions start at 1 and have no gaps. An applied migration is never edited:
// its checksum is recorded and checked at every start.
//
// Each migration runs in its own transaction together with the row that
// records it, so a failed migration leaves the schema at the version before
// it. Concurrent migrators (two servers starting at once) serialise on the
// write lock (SQLite) or an advisory lock (PostgreSQL).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// One SQL file as compiled into the binary.
struct MigrationFile {
  std::string_view file_name;  // e.g. "0001_idempotency_keys.sql"
  std::string_view sql;
};

// The files in src/store/migrations/, in file name order. Static storage.
[[nodiscard]] std::span<const MigrationFile> embedded_migration_files();

struct Migration {
  int version = 0;
  std::string name;  // the file name without version and suffix
  std::string sqlite_sql;
  std::string postgresql_sql;

  [[nodiscard]] const std::string& sql_for(Engine engine) const {
    return engine == Engine::sqlite ? sqlite_sql : postgresql_sql;
  }
};

// Groups files into migrations ordered by version. Fails with invalid_input
// naming the file when a name does not follow the pattern, a version appears
// twice, a version is missing, or an engine variant lacks its twin.
[[nodiscard]] Result<std::vector<Migration>> collect_migrations(
    std::span<const MigrationFile> files);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // "0001_idempotency_keys", in order
};

// Applies every migration newer than the database's version, in order.
// on_apply, when set, is called before each migration runs (for progress).
// Fails, with nothing of the failing migration applied, when a migration's
// SQL fails (internal, naming it), when an applied migration's checksum
// differs from the file (conflict), or when the database is newer than the
// migrations this program knows (conflict).
[[nodiscard]] Result<MigrationReport> migrate(
    Database& database, std::span<const Migration> migrations,
    const std::function<void(const Migration&)>& on_apply = {});

// The highest applied version, 0 for a database never migrated.
[[nodiscard]] Result<int> schema_version(Database& database);

}  // namespace dichtbij::store
