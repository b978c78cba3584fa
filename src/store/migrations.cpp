#include "store/migrations.hpp"

#include "store/hashing.hpp"
#include "store/timestamps.hpp"

#include <soci/soci.h>
#include <sodium.h>

#include <chrono>
#include <map>
#include <regex>

#include <fmt/format.h>

namespace dichtbij::store {

namespace {

// Any constant works as long as nothing else in the database uses it.
constexpr long long kPostgresMigrationLock = 0x64696368746269;  // "dichtbi"

struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
};

std::string label(int version, const std::string& name) {
  return fmt::format("{:04}_{}", version, name);
}

// Serialises migrators on PostgreSQL for the rest of the transaction. SQLite
// needs nothing: the write transaction already holds the database's one
// write lock.
void lock_for_migration(soci::session& session, Engine engine) {
  if (engine == Engine::postgresql) {
    session << "SELECT pg_advisory_xact_lock(" << kPostgresMigrationLock << ")";
  }
}

std::vector<AppliedMigration> read_applied(Transaction& transaction) {
  soci::session& session = transaction.session();
  std::vector<AppliedMigration> applied;
  AppliedMigration row;
  soci::statement statement =
      (session.prepare << "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
       soci::into(row.version), soci::into(row.name), soci::into(row.checksum));
  statement.execute();
  while (statement.fetch()) applied.push_back(row);
  return applied;
}

Result<void> check_applied(const std::vector<AppliedMigration>& applied,
                           std::span<const Migration> migrations, Engine engine) {
  for (const AppliedMigration& row : applied) {
    if (row.version > static_cast<int>(migrations.size())) {
      return make_error(ErrorCode::conflict,
                        fmt::format("the database is at schema version {}, newer than this "
                                    "program knows ({}); run a newer dichtbij",
                                    applied.back().version, migrations.size()));
    }
    const Migration& known = migrations[static_cast<std::size_t>(row.version - 1)];
    if (blake2b_hex(known.sql_for(engine)) != row.checksum) {
      return make_error(ErrorCode::conflict,
                        fmt::format("migration {} was changed after it was applied to this "
                                    "database (checksum differs); restore the original file",
                                    label(row.version, row.name)));
    }
  }
  return {};
}

}  // namespace

Result<std::vector<Migration>> collect_migrations(std::span<const MigrationFile> files) {
  static const std::regex kName(R"(^(\d{4})_([a-z0-9_]+?)(\.(sqlite|postgresql))?\.sql$)");
  struct Variants {
    std::string name;
    std::string common, sqlite, postgresql;
    bool has_common = false, has_sqlite = false, has_postgresql = false;
  };
  std::map<int, Variants> by_version;
  for (const MigrationFile& file : files) {
    const std::string file_name(file.file_name);
    std::smatch match;
    if (!std::regex_match(file_name, match, kName)) {
      return make_error(ErrorCode::invalid_input,
                        "migration file " + file_name +
                            " is not named NNNN_name.sql or NNNN_name.(sqlite|postgresql).sql");
    }
    const int version = std::stoi(match[1].str());
    Variants& variants = by_version[version];
    if (!variants.name.empty() && variants.name != match[2].str()) {
      return make_error(ErrorCode::invalid_input,
                        fmt::format("migration version {:04} is used by two names: {} and {}",
                                    version, variants.name, match[2].str()));
    }
    variants.name = match[2].str();
    const std::string engine = match[4].str();
    bool& seen = engine.empty()       ? variants.has_common
                 : engine == "sqlite" ? variants.has_sqlite
                                      : variants.has_postgresql;
    std::string& sql = engine.empty()       ? variants.common
                       : engine == "sqlite" ? variants.sqlite
                                            : variants.postgresql;
    if (seen) {
      return make_error(ErrorCode::invalid_input, "migration file " + file_name + " appears twice");
    }
    seen = true;
    sql = std::string(file.sql);
  }

  std::vector<Migration> migrations;
  int expected = 1;
  for (auto& [version, variants] : by_version) {
    const std::string name = label(version, variants.name);
    if (version != expected) {
      return make_error(ErrorCode::invalid_input,
                        fmt::format("migration {:04} is missing before {}", expected, name));
    }
    ++expected;
    if (variants.has_common && (variants.has_sqlite || variants.has_postgresql)) {
      return make_error(ErrorCode::invalid_input,
                        "migration " + name + " has both a common file and an engine variant");
    }
    if (!variants.has_common && variants.has_sqlite != variants.has_postgresql) {
      return make_error(ErrorCode::invalid_input,
                        "migration " + name + " has an engine variant for one engine only");
    }
    Migration migration{version, variants.name,
                        variants.has_common ? variants.common : variants.sqlite,
                        variants.has_common ? variants.common : variants.postgresql};
    migrations.push_back(std::move(migration));
  }
  return migrations;
}

Result<MigrationReport> migrate(Database& database, std::span<const Migration> migrations,
                                const std::function<void(const Migration&)>& on_apply) {
  if (sodium_init() < 0) return make_error(ErrorCode::internal, "libsodium failed to initialise");
  const Engine engine = database.engine();

  Result<std::vector<AppliedMigration>> applied =
      database.in_transaction<std::vector<AppliedMigration>>(
          TransactionKind::write,
          [&](Transaction& transaction) -> Result<std::vector<AppliedMigration>> {
            soci::session& session = transaction.session();
            lock_for_migration(session, engine);
            session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)";
            return read_applied(transaction);
          });
  if (!applied.ok()) return std::move(applied).error();
  if (Result<void> checked = check_applied(*applied, migrations, engine); !checked.ok()) {
    return std::move(checked).error();
  }

  MigrationReport report;
  report.from_version = applied->empty() ? 0 : applied->back().version;
  report.to_version = report.from_version;
  for (const Migration& migration : migrations) {
    if (migration.version <= report.to_version) continue;
    if (on_apply) on_apply(migration);
    bool applied_here = false;
    Result<void> step = database.in_transaction(
        TransactionKind::write, [&](Transaction& transaction) -> Result<void> {
          soci::session& session = transaction.session();
          lock_for_migration(session, engine);
          int already = 0;
          session << "SELECT COUNT(*) FROM schema_migrations WHERE version = :version",
              soci::use(migration.version), soci::into(already);
          if (already != 0) return {};  // another migrator was first
          execute_script(transaction, migration.sql_for(engine));
          const std::string checksum = blake2b_hex(migration.sql_for(engine));
          const std::string now = utc_now_text();
          session << "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                     "VALUES (:version, :name, :checksum, :applied_at)",
              soci::use(migration.version), soci::use(migration.name), soci::use(checksum),
              soci::use(now);
          applied_here = true;
          return {};
        });
    if (!step.ok()) {
      Error error = std::move(step).error();
      error.message = "migration " + label(migration.version, migration.name) +
                      " failed and was rolled back: " + error.message;
      return error;
    }
    if (applied_here) report.applied.push_back(label(migration.version, migration.name));
    report.to_version = migration.version;
  }
  return report;
}

Result<int> schema_version(Database& database) {
  return database.in_transaction<int>(
      TransactionKind::read, [](Transaction& transaction) -> Result<int> {
        soci::session& session = transaction.session();
        int version = 0;
        soci::indicator indicator = soci::i_ok;
        session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
        return indicator == soci::i_null ? 0 : version;
      });
}

}  // namespace dichtbij::store
