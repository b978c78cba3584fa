// Seeding: writes the demo data of demo/generator.hpp into an empty
// database, with demo accounts for every role — what `dichtbij demo` and
// `make run` do.
//
// Every record passes core's checks and the API's limits before it is
// written (a record that does not is a generator bug, reported as
// internal); the records go in through store::BulkWriter, households in
// cohorts of kChunk, each cohort one transaction, two cohorts at a time
// (see seed()). Where the load skipped per-row foreign-key checks
// (PostgreSQL as a superuser), every key is checked once at the end.
//
// The demo accounts share one password, printed by the command. They exist
// only because someone ran `dichtbij demo`: nothing else ever creates an
// account with a known password, and seeding refuses a database that holds
// households already, so it cannot add them to a real installation's data.
//
// Audit: the generator reads no one's data on anyone's behalf; it records
// one event, "demo.generate", naming who ran it, the size and the seed,
// rather than one per row (docs/adr/0006-demo-data.md).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/account.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::demo {

// Households per transaction.
inline constexpr int kChunk = 1000;

// The password of every demo account.
inline constexpr std::string_view kDemoPassword = "dichtbij-demo";

struct SeedOptions {
  int households = 300;
  std::uint64_t seed = 1;
  Date today;                // the last day of the history
  std::string performed_by;  // for the audit event, e.g. "command line (alice)"
  // Households per cohort (transaction); tests use small ones to load
  // several cohorts at once. Part of what the seed determines: records
  // refer only within their cohort.
  int cohort = kChunk;
};

struct DemoAccount {
  std::string username;
  AccountRole role = AccountRole::client;
  std::string what;  // who they are, in Dutch, for the sign-in list
};

// How far seeding got: after the base, and after each chunk.
struct SeedProgress {
  int households_done = 0;
  int households_total = 0;
  long long support_acts = 0;
};

struct SeedReport {
  long long organisations = 0, practices = 0, persons = 0, households = 0, ties = 0, agreements = 0,
            support_acts = 0, assessments = 0, consents = 0;
  std::vector<DemoAccount> accounts;
};

// Fills database with options.households households of demo data.
// conflict when the database already holds a household or a demo
// username is taken; invalid_input when households < 1; internal when a
// generated record fails a check. A failure after some chunks committed
// leaves those: run again on an empty database.
// progress is called after the base and after each cohort, from one of the
// two seeding threads at a time. Uses two of the database's sessions at
// once (pool_size >= 2 lets two PostgreSQL cohorts load in parallel).
// REQUIRES: migrated database.
[[nodiscard]] Result<SeedReport> seed(store::Database& database, const SeedOptions& options,
                                      const std::function<void(const SeedProgress&)>& progress);

// The demo accounts of a database seeded earlier (found by username), for
// printing the sign-ins again; empty when it was not seeded.
[[nodiscard]] Result<std::vector<DemoAccount>> existing_demo_accounts(store::Database& database);

// Whether the database holds any household (one indexed row is read).
[[nodiscard]] Result<bool> holds_households(store::Database& database);

}  // namespace dichtbij::demo
