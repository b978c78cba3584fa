// AuditRepository: the rows of the append-only audit log. The chain — which
// hash an event gets — is computed in access/audit.cpp; this stores events,
// serialises appenders and reads the log back.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct AuditRow {
  std::int64_t seq = 0;
  std::string at;  // UTC text
  std::optional<std::string> account_id;
  std::optional<std::string> username;
  std::optional<std::string> role;
  bool break_glass = false;
  std::string action;  // e.g. "household.read"
  std::optional<std::string> household_id;
  std::optional<std::string> record_id;
  std::string outcome;  // "allowed" or "denied"
  std::optional<std::string> reason;
  std::optional<std::string> client_address;
  std::string previous_hash;
  std::string hash;
};

struct ChainHead {
  std::int64_t seq = 0;  // 0 when the log is empty
  std::string hash;      // the last event's hash; empty when the log is empty
};

// Borrows the transaction; create one per transaction.
class AuditRepository {
 public:
  explicit AuditRepository(Transaction& transaction) : transaction_(transaction) {}

  // Takes the log's append lock until the transaction ends, then reads the
  // last event. SQLite's write transaction already excludes other writers;
  // PostgreSQL takes a transaction-level advisory lock, so that concurrent
  // writers (and instances) append one after another.
  [[nodiscard]] Result<ChainHead> lock_head();
  [[nodiscard]] Result<void> insert(const AuditRow& row);
  // Inserts rows in order, cheaply: on SQLite one statement prepared once
  // for all rows, on PostgreSQL many rows to a statement (a batch of events
  // costs a few round trips, not one per event). REQUIRES: lock_head() in this
  // transaction, and rows chained onto its head.
  [[nodiscard]] Result<void> insert_all(const std::vector<AuditRow>& rows);
  // Calls visit for every event from seq `from` on, in order, until it
  // returns false.
  [[nodiscard]] Result<void> scan(std::int64_t from,
                                  const std::function<bool(const AuditRow&)>& visit);
  // The newest events about one household first, at most limit.
  [[nodiscard]] Result<std::vector<AuditRow>> for_household(const std::string& household_id,
                                                            int limit, int offset);
  [[nodiscard]] Result<long long> count_for_household(const std::string& household_id);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
