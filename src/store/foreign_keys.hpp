// Checking every foreign key of the database at once: after a load that ran
// without the per-row checks (store/bulk_writer.hpp), one query per key
// finds the rows that name nothing.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Rows of table whose column names no row of references.
struct ForeignKeyViolation {
  std::string table;
  std::string column;      // empty on SQLite, which does not say
  std::string references;  // the parent table
  long long rows = 0;
};

// Every foreign key violated, with how many rows violate it; empty when
// all hold. PostgreSQL: one anti-join per single-column foreign key of the
// current schema (a sequential scan of each child table). SQLite:
// PRAGMA foreign_key_check. Reads only.
[[nodiscard]] Result<std::vector<ForeignKeyViolation>> foreign_key_violations(
    Transaction& transaction);

}  // namespace dichtbij::store
