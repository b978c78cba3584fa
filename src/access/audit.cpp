#include "access/audit.hpp"

#include "access/audit_writer.hpp"

#include "store/hashing.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::access {

namespace {

// The previous hash of the first event.
const std::string kGenesis(64, '0');

// Fields joined with the ASCII unit separator; absent ones as a record
// separator alone, so "" and absent differ.
void add_field(std::string& text, const std::optional<std::string>& value) {
  text += value ? *value : std::string("\x1e");
  text += '\x1f';
}

}  // namespace

std::string event_hash(const store::AuditRow& row) {
  std::string text;
  add_field(text, std::to_string(row.seq));
  add_field(text, row.at);
  add_field(text, row.account_id);
  add_field(text, row.username);
  add_field(text, row.role);
  add_field(text, std::string(row.break_glass ? "1" : "0"));
  add_field(text, row.action);
  add_field(text, row.household_id);
  add_field(text, row.record_id);
  add_field(text, row.outcome);
  add_field(text, row.reason);
  add_field(text, row.client_address);
  add_field(text, row.previous_hash);
  return store::blake2b_hex(text);
}

store::AuditRow chained_row(const AuditEvent& event, const store::ChainHead& head) {
  store::AuditRow row;
  row.seq = head.seq + 1;
  row.at = store::utc_now_text();
  if (event.actor) {
    row.account_id = event.actor->account.str();
    row.username = event.actor->username;
    row.role = std::string(to_code(event.actor->role));
  }
  row.break_glass = event.break_glass;
  row.action = event.action;
  row.household_id = event.household_id;
  row.record_id = event.record_id;
  row.outcome = event.allowed ? "allowed" : "denied";
  row.reason = event.reason;
  row.client_address = event.client_address;
  row.previous_hash = head.seq == 0 ? kGenesis : head.hash;
  row.hash = event_hash(row);
  return row;
}

Result<void> record(store::Transaction& transaction, const AuditEvent& event) {
  store::AuditRepository log(transaction);
  Result<store::ChainHead> head = log.lock_head();
  if (!head.ok()) return std::move(head).error();
  return log.insert(chained_row(event, *head));
}

Result<void> record(store::Database& database, const AuditEvent& event) {
  return AuditWriter::of(database).append(event);
}

void record(store::Database& database, AuditEvent event, std::function<void(Result<void>)> then) {
  AuditWriter::of(database).append(std::move(event), std::move(then));
}

Result<ChainReport> verify_chain(store::Database& database,
                                 const std::optional<store::ChainHead>& expected_head) {
  return database.in_transaction<ChainReport>(
      store::TransactionKind::read, [&](store::Transaction& transaction) -> Result<ChainReport> {
        ChainReport report;
        std::int64_t expected_seq = 1;
        std::string previous = kGenesis;
        Result<void> scanned =
            store::AuditRepository(transaction).scan(1, [&](const store::AuditRow& row) {
              if (row.seq != expected_seq) {
                report.broken_at = expected_seq;
                report.problem = "event " + std::to_string(expected_seq) + " is missing";
                return false;
              }
              if (row.previous_hash != previous) {
                report.broken_at = row.seq;
                report.problem =
                    "its previous hash is not the hash of the event "
                    "before it (an event was changed, removed or added)";
                return false;
              }
              if (event_hash(row) != row.hash) {
                report.broken_at = row.seq;
                report.problem = "its fields do not match its hash (it was edited)";
                return false;
              }
              if (expected_head && row.seq == expected_head->seq &&
                  row.hash != expected_head->hash) {
                report.anchor_problem = "event " + std::to_string(row.seq) + " has hash " +
                                        row.hash +
                                        ", not the expected one: the log was rewritten up to it";
              }
              ++report.events;
              ++expected_seq;
              previous = row.hash;
              report.head = {row.seq, row.hash};
              return true;
            });
        if (!scanned.ok()) return std::move(scanned).error();
        if (expected_head && !report.broken_at && expected_head->seq > report.head.seq) {
          report.anchor_problem = "event " + std::to_string(expected_head->seq) +
                                  " is missing: the log ends at event " +
                                  std::to_string(report.head.seq) +
                                  " (its newest events were removed)";
        }
        return report;
      });
}

std::string format_chain_head(const store::ChainHead& head) {
  return std::to_string(head.seq) + ":" + head.hash;
}

std::optional<store::ChainHead> parse_chain_head(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 18) return std::nullopt;
  std::int64_t seq = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    seq = seq * 10 + (c - '0');
  }
  const std::string_view hash = text.substr(colon + 1);
  if (seq == 0 || hash.size() != kGenesis.size()) return std::nullopt;
  for (char c : hash) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  return store::ChainHead{seq, std::string(hash)};
}

}  // namespace dichtbij::access
