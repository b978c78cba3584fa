#include "store/audit_repository.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <string>

#include "store/sqlite_statements.hpp"

namespace dichtbij::store {

namespace {

// The advisory lock key of the audit log's chain (an arbitrary constant:
// NEN 7513).
constexpr long long kChainLock = 7513;

// Rows per multi-row INSERT: 14 parameters each stays well below SQLite's
// (32,766) and PostgreSQL's (65,535) limits on bound parameters.
constexpr std::size_t kRowsPerInsert = 128;

struct Row {
  long long seq = 0;
  std::string at, action, outcome, previous_hash, hash;
  int break_glass = 0;
  std::string account_id, username, role, household_id, record_id, reason, client_address;
  soci::indicator account_i = soci::i_null, username_i = soci::i_null, role_i = soci::i_null,
                  household_i = soci::i_null, record_i = soci::i_null, reason_i = soci::i_null,
                  address_i = soci::i_null;

  AuditRow to_row() const {
    auto optional = [](const std::string& value, soci::indicator indicator) {
      return indicator == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
    };
    return AuditRow{seq,
                    at,
                    optional(account_id, account_i),
                    optional(username, username_i),
                    optional(role, role_i),
                    break_glass != 0,
                    action,
                    optional(household_id, household_i),
                    optional(record_id, record_i),
                    outcome,
                    optional(reason, reason_i),
                    optional(client_address, address_i),
                    previous_hash,
                    hash};
  }
};

#define DICHTBIJ_AUDIT_INTO(row)                                                              \
  soci::into(row.seq), soci::into(row.at), soci::into(row.account_id, row.account_i),         \
      soci::into(row.username, row.username_i), soci::into(row.role, row.role_i),             \
      soci::into(row.break_glass), soci::into(row.action),                                    \
      soci::into(row.household_id, row.household_i), soci::into(row.record_id, row.record_i), \
      soci::into(row.outcome), soci::into(row.reason, row.reason_i),                          \
      soci::into(row.client_address, row.address_i), soci::into(row.previous_hash),           \
      soci::into(row.hash)

// The chain's newest event.
constexpr const char* kHeadQuery = "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1";

constexpr std::size_t kColumnCount = 14;
constexpr const char* kColumns =
    "seq, at, account_id, username, role, break_glass, action, household_id, record_id, "
    "outcome, reason, client_address, previous_hash, hash";

soci::indicator bind(const std::optional<std::string>& value, std::string& out) {
  out = value.value_or("");
  return value ? soci::i_ok : soci::i_null;
}

// Text bound without a copy (SQLITE_STATIC): the caller keeps value alive
// until the statement has run.
int bind_text(sqlite_api::sqlite3_stmt* statement, int column, const std::string& value) {
  return sqlite_api::sqlite3_bind_text(statement, column, value.data(),
                                       static_cast<int>(value.size()), SQLITE_STATIC);
}
int bind_text(sqlite_api::sqlite3_stmt* statement, int column,
              const std::optional<std::string>& value) {
  return value ? bind_text(statement, column, *value)
               : sqlite_api::sqlite3_bind_null(statement, column);
}

// SQLite's insert_all: one kept single-row statement, run for each row with
// its values bound straight from the rows. Through SOCI a batch cost a
// statement text, a parse and fourteen bound objects per row, a quarter of
// the audit writer's time (bench/README.md).
Result<void> insert_all_sqlite(SqliteStatements& statements, const std::vector<AuditRow>& rows) {
  static const std::string sql = std::string("INSERT INTO audit_events (") + kColumns +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  const SqliteStatements::Use statement = statements.use(sql.c_str());
  sqlite_api::sqlite3_stmt* insert = statement.get();
  for (const AuditRow& row : rows) {
    int bound = sqlite_api::sqlite3_bind_int64(insert, 1, row.seq);
    bound |= bind_text(insert, 2, row.at);
    bound |= bind_text(insert, 3, row.account_id);
    bound |= bind_text(insert, 4, row.username);
    bound |= bind_text(insert, 5, row.role);
    bound |= sqlite_api::sqlite3_bind_int(insert, 6, row.break_glass ? 1 : 0);
    bound |= bind_text(insert, 7, row.action);
    bound |= bind_text(insert, 8, row.household_id);
    bound |= bind_text(insert, 9, row.record_id);
    bound |= bind_text(insert, 10, row.outcome);
    bound |= bind_text(insert, 11, row.reason);
    bound |= bind_text(insert, 12, row.client_address);
    bound |= bind_text(insert, 13, row.previous_hash);
    bound |= bind_text(insert, 14, row.hash);
    const int stepped = bound == SQLITE_OK ? sqlite_api::sqlite3_step(insert) : bound;
    if (stepped != SQLITE_DONE) {
      sqlite_api::sqlite3* connection = statements.connection();
      const int primary = sqlite_api::sqlite3_extended_errcode(connection) & 0xff;
      return make_error(primary == SQLITE_CONSTRAINT ? ErrorCode::conflict : ErrorCode::unavailable,
                        "cannot append audit event " + std::to_string(row.seq) + ": " +
                            sqlite_api::sqlite3_errmsg(connection));
    }
    sqlite_api::sqlite3_reset(insert);
  }
  return {};
}

}  // namespace

Result<ChainHead> AuditRepository::lock_head() {
  soci::session& session = transaction_.session();
  if (transaction_.engine() == Engine::postgresql) {
    session << "SELECT pg_advisory_xact_lock(:key)", soci::use(kChainLock);
  }
  ChainHead head;
  if (SqliteStatements* statements = transaction_.sqlite_statements()) {
    const SqliteStatements::Use last = statements->use(kHeadQuery);
    const int stepped = sqlite_api::sqlite3_step(last.get());
    if (stepped == SQLITE_DONE) return ChainHead{};
    if (stepped != SQLITE_ROW) {
      return make_error(ErrorCode::unavailable,
                        std::string("cannot read the audit log's head: ") +
                            sqlite_api::sqlite3_errmsg(statements->connection()));
    }
    head.seq = sqlite_api::sqlite3_column_int64(last.get(), 0);
    head.hash = reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(last.get(), 1));
    return head;
  }
  long long seq = 0;
  session << kHeadQuery, soci::into(seq), soci::into(head.hash);
  if (!session.got_data()) return ChainHead{};
  head.seq = seq;
  return head;
}

Result<void> AuditRepository::insert(const AuditRow& row) {
  std::string account_id, username, role, household_id, record_id, reason, client_address;
  soci::indicator account_i = bind(row.account_id, account_id);
  soci::indicator username_i = bind(row.username, username);
  soci::indicator role_i = bind(row.role, role);
  soci::indicator household_i = bind(row.household_id, household_id);
  soci::indicator record_i = bind(row.record_id, record_id);
  soci::indicator reason_i = bind(row.reason, reason);
  soci::indicator address_i = bind(row.client_address, client_address);
  const long long seq = row.seq;
  const int break_glass = row.break_glass ? 1 : 0;
  transaction_.session()
      << "INSERT INTO audit_events (" << kColumns
      << ") VALUES (:seq, :at, :account, :username, :role, :glass, :action, :household, "
         ":record, :outcome, :reason, :address, :previous, :hash)",
      soci::use(seq), soci::use(row.at), soci::use(account_id, account_i),
      soci::use(username, username_i), soci::use(role, role_i), soci::use(break_glass),
      soci::use(row.action), soci::use(household_id, household_i), soci::use(record_id, record_i),
      soci::use(row.outcome), soci::use(reason, reason_i), soci::use(client_address, address_i),
      soci::use(row.previous_hash), soci::use(row.hash);
  return {};
}

Result<void> AuditRepository::insert_all(const std::vector<AuditRow>& rows) {
  if (SqliteStatements* statements = transaction_.sqlite_statements()) {
    return insert_all_sqlite(*statements, rows);
  }
  // PostgreSQL: multi-row statements, each a single round trip. Bound
  // values must stay put while the statement runs: one slot per row, sized
  // up front.
  struct Bound {
    long long seq = 0;
    int break_glass = 0;
    std::string account_id, username, role, household_id, record_id, reason, client_address;
    soci::indicator account_i{}, username_i{}, role_i{}, household_i{}, record_i{}, reason_i{},
        address_i{};
  };
  std::vector<Bound> bound(std::min(rows.size(), kRowsPerInsert));
  // SOCI numbers PostgreSQL's parameters by their names, so those differ.
  auto placeholders = [&](std::size_t row) {
    std::string text = "(";
    for (std::size_t column = 0; column != kColumnCount; ++column) {
      if (column != 0) text += ", ";
      text += ":v" + std::to_string(row * kColumnCount + column);
    }
    return text + ")";
  };
  for (std::size_t first = 0; first < rows.size(); first += kRowsPerInsert) {
    const std::size_t count = std::min(rows.size() - first, kRowsPerInsert);
    soci::statement statement(transaction_.session());
    std::string sql = std::string("INSERT INTO audit_events (") + kColumns + ") VALUES ";
    for (std::size_t i = 0; i != count; ++i) {
      const AuditRow& row = rows[first + i];
      Bound& slot = bound[i];
      slot.seq = row.seq;
      slot.break_glass = row.break_glass ? 1 : 0;
      slot.account_i = bind(row.account_id, slot.account_id);
      slot.username_i = bind(row.username, slot.username);
      slot.role_i = bind(row.role, slot.role);
      slot.household_i = bind(row.household_id, slot.household_id);
      slot.record_i = bind(row.record_id, slot.record_id);
      slot.reason_i = bind(row.reason, slot.reason);
      slot.address_i = bind(row.client_address, slot.client_address);
      statement.exchange(soci::use(slot.seq));
      statement.exchange(soci::use(row.at));
      statement.exchange(soci::use(slot.account_id, slot.account_i));
      statement.exchange(soci::use(slot.username, slot.username_i));
      statement.exchange(soci::use(slot.role, slot.role_i));
      statement.exchange(soci::use(slot.break_glass));
      statement.exchange(soci::use(row.action));
      statement.exchange(soci::use(slot.household_id, slot.household_i));
      statement.exchange(soci::use(slot.record_id, slot.record_i));
      statement.exchange(soci::use(row.outcome));
      statement.exchange(soci::use(slot.reason, slot.reason_i));
      statement.exchange(soci::use(slot.client_address, slot.address_i));
      statement.exchange(soci::use(row.previous_hash));
      statement.exchange(soci::use(row.hash));
      if (i != 0) sql += ", ";
      sql += placeholders(i);
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute(true);
  }
  return {};
}

Result<void> AuditRepository::scan(std::int64_t from,
                                   const std::function<bool(const AuditRow&)>& visit) {
  Row row;
  const long long first = from;
  soci::statement statement =
      (transaction_.session().prepare << "SELECT " << kColumns
                                      << " FROM audit_events WHERE seq >= :from ORDER BY seq",
       soci::use(first), DICHTBIJ_AUDIT_INTO(row));
  statement.execute();
  while (statement.fetch()) {
    if (!visit(row.to_row())) break;
  }
  return {};
}

Result<std::vector<AuditRow>> AuditRepository::for_household(const std::string& household_id,
                                                             int limit, int offset) {
  Row row;
  std::vector<AuditRow> rows;
  // A break-glass opening's reason is in its row, where erasure can clear
  // it; events from before that kept it themselves.
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT e.seq, e.at, e.account_id, e.username, e.role, e.break_glass, e.action, "
              "e.household_id, e.record_id, e.outcome, COALESCE(e.reason, b.reason), "
              "e.client_address, e.previous_hash, e.hash FROM audit_events e "
              "LEFT JOIN break_glass_openings b "
              "ON e.action = 'household.breakGlass' AND b.id = e.record_id "
              "WHERE e.household_id = :household ORDER BY e.seq DESC LIMIT :limit "
              "OFFSET :offset",
       soci::use(household_id), soci::use(limit), soci::use(offset), DICHTBIJ_AUDIT_INTO(row));
  statement.execute();
  while (statement.fetch()) rows.push_back(row.to_row());
  return rows;
}

Result<long long> AuditRepository::count_for_household(const std::string& household_id) {
  long long total = 0;
  transaction_.session() << "SELECT COUNT(*) FROM audit_events WHERE household_id = :household",
      soci::use(household_id), soci::into(total);
  return total;
}

}  // namespace dichtbij::store
