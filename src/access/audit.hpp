// The audit log: who did what to which household's data, when, and whether
// it was allowed (in the spirit of NEN 7513).
//
// Append-only and chained: each event's hash is BLAKE2b-256 over its own
// fields and the previous event's hash, so editing, inserting or deleting an
// event breaks the chain from there on, and verify_chain() names the first
// event that no longer fits. Removing the newest events leaves a shorter
// chain that still fits; only a head kept elsewhere shows that (see
// ChainReport::head). Appending takes the log's lock (see
// store/audit_repository.hpp), so events chain in one order even with
// several writers.
//
// An event is recorded in the same transaction as the write it accounts for,
// or, for a read, committed before the answer leaves (record() waits for the
// commit, or runs what sends the answer after it;
// access/audit_writer.hpp commits all the events waiting at once).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/account.hpp"
#include "core/result.hpp"
#include "store/audit_repository.hpp"
#include "store/database.hpp"

namespace dichtbij::access {

struct AuditEvent {
  std::optional<Actor> actor;  // none for an anonymous attempt
  bool break_glass = false;
  std::string action;  // "<resource>.<operation>", e.g. "household.read", "tie.create"
  std::optional<std::string> household_id;
  std::optional<std::string> record_id;
  bool allowed = true;
  std::optional<std::string> reason;  // e.g. the reason given for break-the-glass
  std::optional<std::string> client_address;
};

// Appends event inside an open write transaction.
[[nodiscard]] Result<void> record(store::Transaction& transaction, const AuditEvent& event);
// Appends event in a write transaction shared with the other events waiting
// (access/audit_writer.hpp) and returns once it is committed; on failure
// the event is not in the log. REQUIRES: not inside a write transaction of
// database (use the overload above there).
[[nodiscard]] Result<void> record(store::Database& database, const AuditEvent& event);
// The same without waiting: returns at once, and then(outcome) runs once
// the event is committed or has failed (see AuditWriter::append). An answer
// sent from then is never sent before its event is safe.
void record(store::Database& database, AuditEvent event, std::function<void(Result<void>)> then);

struct ChainReport {
  std::int64_t events = 0;                // checked
  std::optional<std::int64_t> broken_at;  // the first event that does not fit
  std::string problem;                    // what is wrong with it
  // The newest event checked (seq 0 and no hash for an empty log). The
  // chain cannot show that its newest events were removed: kept outside
  // the database (format_chain_head()), the head is the anchor a later
  // verification checks against.
  store::ChainHead head;
  // Set when an expected head was given and the log does not hold that
  // event as it was: missing (the log was cut short) or with another hash
  // (rewritten up to it). Empty otherwise.
  std::string anchor_problem;
};

// Checks the whole chain: sequence numbers without gaps from 1, each
// previous_hash the hash before it, each hash matching the event's fields;
// and, given expected_head, that event expected_head.seq is there with
// expected_head.hash.
[[nodiscard]] Result<ChainReport> verify_chain(
    store::Database& database, const std::optional<store::ChainHead>& expected_head = std::nullopt);

// A head as "SEQ:HASH", e.g. "1204:3fa9…" (64 hex digits): what
// `dichtbij audit verify` prints and `--expect-head` takes.
[[nodiscard]] std::string format_chain_head(const store::ChainHead& head);
// The head in text as format_chain_head() writes it; nullopt unless it is a
// positive seq, a colon and 64 lower-case hex digits.
[[nodiscard]] std::optional<store::ChainHead> parse_chain_head(std::string_view text);

// The row event becomes when appended after head: the next seq, the time
// now, the previous hash and its own hash.
[[nodiscard]] store::AuditRow chained_row(const AuditEvent& event, const store::ChainHead& head);

// The hash an event row should carry (hex BLAKE2b-256).
[[nodiscard]] std::string event_hash(const store::AuditRow& row);

}  // namespace dichtbij::access
