// BulkWriter: loads many whole records, with ids the caller chose, into the
// transaction it borrows — the fast path for generated data (`dichtbij
// demo`), where the repositories' one-statement-at-a-time writes would take
// hours for millions of support acts.
//
// What it does not do: it checks no domain invariant and looks up no
// reference before writing. The caller validates every record with core's
// checks first, exactly as the API does; the database's own foreign keys,
// CHECK and UNIQUE constraints still hold, and a violation fails flush().
//
// How it is fast: records are buffered per table in memory; flush() writes
// the tables parents first, on SQLite through one prepared INSERT per table
// reused for every row (sqlite3 C API), on PostgreSQL with COPY FROM STDIN
// (libpq). Both through the connection of the SOCI session the transaction
// runs on, so the rows commit or roll back with it. See docs/adr/0006.
//
// On PostgreSQL, when the session's role is a superuser, the transaction
// runs with session_replication_role = replica, as pg_restore loads data:
// the per-row foreign-key triggers do not fire (they took half the time of
// a load, each a query and a row lock on the parent). The caller must then
// check every foreign key once the load is done (store/foreign_keys.hpp);
// skips_foreign_key_checks() says whether it must. CHECK, NOT NULL and
// UNIQUE constraints hold either way; without superuser rights every
// foreign key is checked per row, as always.
//
// Timestamps: created_at and updated_at are the writer's `now`, except for
// agreements, whose versions carry the time of each change (so that the plan
// "as it stood on a day" works for generated history) and whose created_at
// is their first version's.
//
// Not thread-safe; borrows the transaction, which must outlive it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/agreement.hpp"
#include "core/assessment.hpp"
#include "core/consent.hpp"
#include "core/household.hpp"
#include "core/organisation.hpp"
#include "core/person.hpp"
#include "core/practice.hpp"
#include "core/result.hpp"
#include "core/support_act.hpp"
#include "core/tie.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

class BulkWriter {
 public:
  // On SQLite the connection's page cache is raised to this (KiB) for the
  // rest of its life: the cost of a fast load is this much memory.
  static constexpr long long kSqliteCacheKiB = 512 * 1024;

  // now: created_at and updated_at of the rows (UTC text, see timestamps.hpp).
  BulkWriter(Transaction& transaction, std::string now);
  ~BulkWriter();
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;

  void add(const Organisation& organisation);
  void add(const Practice& practice);
  void add(const Person& person);
  // closed_on: the day a closed household closed (the retention period runs
  // from it); nullopt unless its status is closed.
  void add(const Household& household, const std::optional<Date>& closed_on);
  void add(const Tie& tie);
  // history: every version, oldest first, numbered from 1; the last is
  // agreement's current one. REQUIRES: !history.empty().
  void add(const Agreement& agreement, const std::vector<AgreementVersion>& history);
  void add(const SupportAct& act);
  void add(const Assessment& assessment);
  // Its recording (and withdrawal recording) name existing accounts.
  void add(const Consent& consent);

  // Writes everything buffered, parents before children, and empties the
  // buffers. conflict when a constraint refuses a row (a foreign key, a
  // duplicate id), unavailable when the database cannot be written; the
  // transaction must then be rolled back (return the error from its work).
  [[nodiscard]] Result<void> flush();

  // Whether rows written by this writer skipped the per-row foreign-key
  // checks (see above): the load must be checked afterwards.
  [[nodiscard]] bool skips_foreign_key_checks() const noexcept { return skips_checks_; }

  // Rows waiting for flush(), over all tables.
  [[nodiscard]] std::size_t buffered_rows() const noexcept { return buffered_; }

  // Defined in bulk_writer.cpp: one table's buffered rows, and how rows
  // reach one engine.
  class Table;
  class Backend;

 private:
  Table& table(std::string_view name);

  Transaction& transaction_;
  std::string now_;
  // In the order flush() writes them: parents first.
  std::vector<std::unique_ptr<Table>> tables_;
  std::unique_ptr<Backend> backend_;
  std::size_t buffered_ = 0;
  bool skips_checks_ = false;
};

}  // namespace dichtbij::store
