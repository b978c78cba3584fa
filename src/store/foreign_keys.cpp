#include "store/foreign_keys.hpp"

#include <soci/soci.h>

#include <map>
#include <utility>

namespace dichtbij::store {

namespace {

std::vector<ForeignKeyViolation> postgres_violations(soci::session& session) {
  // The check of each key as a query, built by the server from its catalog
  // (format's %I and regclass quote the names).
  std::vector<ForeignKeyViolation> keys;
  std::vector<std::string> queries;
  std::string table, column, parent, query;
  soci::statement statement =
      (session.prepare
           << "SELECT c.conrelid::regclass::text, a.attname, "
              "c.confrelid::regclass::text, format('SELECT COUNT(*) FROM %s c WHERE "
              "c.%I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%I = c.%I)',"
              " c.conrelid::regclass, a.attname, c.confrelid::regclass, f.attname, "
              "a.attname) FROM pg_constraint c "
              "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
              "JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1] "
              "WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 "
              "AND c.connamespace = current_schema()::regnamespace "
              "ORDER BY 1, 2",
       soci::into(table), soci::into(column), soci::into(parent), soci::into(query));
  statement.execute();
  while (statement.fetch()) {
    keys.push_back({table, column, parent, 0});
    queries.push_back(query);
  }
  std::vector<ForeignKeyViolation> violated;
  for (std::size_t i = 0; i != keys.size(); ++i) {
    long long rows = 0;
    session << queries[i], soci::into(rows);
    if (rows != 0) {
      keys[i].rows = rows;
      violated.push_back(keys[i]);
    }
  }
  return violated;
}

std::vector<ForeignKeyViolation> sqlite_violations(soci::session& session) {
  std::map<std::pair<std::string, std::string>, long long> counts;
  soci::rowset<soci::row> rows = session.prepare << "PRAGMA foreign_key_check";
  for (const soci::row& row : rows) {
    ++counts[{row.get<std::string>(0), row.get<std::string>(2)}];
  }
  std::vector<ForeignKeyViolation> violated;
  for (const auto& [tables, count] : counts) {
    violated.push_back({tables.first, "", tables.second, count});
  }
  return violated;
}

}  // namespace

Result<std::vector<ForeignKeyViolation>> foreign_key_violations(Transaction& transaction) {
  if (transaction.engine() == Engine::postgresql) {
    return postgres_violations(transaction.session());
  }
  return sqlite_violations(transaction.session());
}

}  // namespace dichtbij::store
