#include "demo/seeding.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

#include "access/accounts.hpp"
#include "access/audit.hpp"
#include "demo/amsterdam.hpp"
#include "demo/generator.hpp"
#include "demo/research_project.hpp"
#include "demo/rollup_counts.hpp"
#include "store/account_repository.hpp"
#include "store/act_rollup.hpp"
#include "store/bulk_writer.hpp"
#include "store/foreign_keys.hpp"
#include "store/household_repository.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::demo {

namespace {

// One demo account: who it is and whom it is linked to.
struct PlannedAccount {
  DemoAccount account;
  std::optional<PersonId> person;
  std::optional<PracticeId> practice;
};

// Every demo account, in the order they are printed; the client last, as
// it is added after the households.
std::vector<DemoAccount> demo_accounts() {
  const std::span<const PracticeSpec> specs = practices();
  const std::string first(specs[0].name);
  std::vector<DemoAccount> accounts{
      {"beheerder", AccountRole::admin, "beheer: organisaties, praktijken, accounts"}};
  for (const PracticeSpec& spec : specs) {
    accounts.push_back({"coordinator." + std::string(spec.slug), AccountRole::coordinator,
                        "coördinator van " + std::string(spec.name)});
  }
  accounts.push_back({"professional", AccountRole::professional,
                      "professional in het team van huishoudens van " + first});
  accounts.push_back(
      {"vrijwilliger", AccountRole::volunteer, "maatje bij huishoudens van " + first});
  accounts.push_back(
      {"onderzoeker", AccountRole::researcher, "onderzoeker: gepseudonimiseerde exports"});
  accounts.push_back(
      {"client", AccountRole::client, "cliënt in het eerste huishouden van " + first});
  return accounts;
}

// The accounts but the client, linked to the base's people.
std::vector<PlannedAccount> planned_accounts(const Base& base) {
  std::vector<PlannedAccount> planned;
  std::size_t coordinator = 0;
  for (DemoAccount& account : demo_accounts()) {
    PlannedAccount plan{account, std::nullopt, std::nullopt};
    switch (account.role) {
      case AccountRole::coordinator:
        plan.person = base.staff_of[coordinator].coordinator;
        plan.practice = base.practices[coordinator].id;
        ++coordinator;
        break;
      case AccountRole::professional: plan.person = base.staff_of[0].professionals.front(); break;
      case AccountRole::volunteer: plan.person = base.staff_of[0].volunteers.front(); break;
      case AccountRole::client: continue;
      case AccountRole::admin:
      case AccountRole::researcher: break;
    }
    planned.push_back(std::move(plan));
  }
  return planned;
}

Error generator_bug(std::vector<InvalidParam> problems) {
  Error error =
      make_error(ErrorCode::internal, "the demo generator made a record that fails a check");
  error.invalid_params = std::move(problems);
  return error;
}

// Generates households [from, to) and checks them.
Result<std::vector<HouseholdRecords>> generate_chunk(const Generator& generator, int from, int to,
                                                     const Date& today) {
  std::vector<HouseholdRecords> chunk;
  chunk.reserve(static_cast<std::size_t>(to - from));
  for (int index = from; index != to; ++index) {
    HouseholdRecords records = generator.household(index);
    if (std::vector<InvalidParam> problems = check(records, today); !problems.empty()) {
      return generator_bug(std::move(problems));
    }
    chunk.push_back(std::move(records));
  }
  return chunk;
}

}  // namespace

Result<bool> holds_households(store::Database& database) {
  return database.in_transaction<bool>(store::TransactionKind::read,
                                       [](store::Transaction& transaction) -> Result<bool> {
                                         return store::HouseholdRepository(transaction).any();
                                       });
}

Result<std::vector<DemoAccount>> existing_demo_accounts(store::Database& database) {
  return database.in_transaction<std::vector<DemoAccount>>(
      store::TransactionKind::read,
      [](store::Transaction& transaction) -> Result<std::vector<DemoAccount>> {
        std::vector<DemoAccount> found;
        store::AccountRepository accounts(transaction);
        for (DemoAccount& account : demo_accounts()) {
          if (accounts.find_by_username(account.username).ok()) found.push_back(std::move(account));
        }
        return found;
      });
}

Result<SeedReport> seed(store::Database& database, const SeedOptions& options,
                        const std::function<void(const SeedProgress&)>& progress) {
  if (options.households < 1) {
    Error error = make_error(ErrorCode::invalid_input, "the demo needs at least one household");
    error.invalid_params.push_back({"households", "must be at least 1"});
    return error;
  }
  Result<bool> occupied = holds_households(database);
  if (!occupied.ok()) return std::move(occupied).error();
  if (*occupied) {
    return make_error(ErrorCode::conflict,
                      "the database already holds households; demo data goes into an empty "
                      "database only");
  }

  const int cohort = std::max(1, options.cohort);
  const Generator generator({options.households, options.seed, options.today, cohort});
  const Base& base = generator.base();
  if (std::vector<InvalidParam> problems = check(base, options.today); !problems.empty()) {
    return generator_bug(std::move(problems));
  }
  SeedReport report;
  const std::string now = store::utc_now_text();
  Result<void> written = database.in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        store::BulkWriter writer(transaction, now);
        for (const Organisation& organisation : base.organisations) writer.add(organisation);
        for (const Practice& practice : base.practices) writer.add(practice);
        for (const Person& person : base.staff) writer.add(person);
        if (Result<void> flushed = writer.flush(); !flushed.ok()) return flushed;
        access::AuditEvent event;
        event.action = "demo.generate";
        event.reason = "dichtbij demo --households " + std::to_string(options.households) +
                       " --seed " + std::to_string(options.seed) + " by " + options.performed_by;
        return access::record(transaction, event);
      });
  if (!written.ok()) return std::move(written).error();
  report.organisations = static_cast<long long>(base.organisations.size());
  report.practices = static_cast<long long>(base.practices.size());
  report.persons = static_cast<long long>(base.staff.size());

  // Accounts before households: a coordinator's account records the
  // consents of its practice's households.
  access::Accounts accounts(database);
  std::vector<AccountId> recorders(base.practices.size());
  std::optional<AccountId> researcher;
  for (const PlannedAccount& planned : planned_accounts(base)) {
    Result<Account> added =
        accounts.add(AccountFields{planned.account.username, planned.account.role, planned.person,
                                   planned.practice},
                     kDemoPassword);
    if (!added.ok()) return std::move(added).error();
    if (planned.account.role == AccountRole::researcher) researcher = added->id;
    if (planned.practice) {
      for (std::size_t p = 0; p != base.practices.size(); ++p) {
        if (base.practices[p].id == *planned.practice) recorders[p] = added->id;
      }
    }
    report.accounts.push_back(planned.account);
  }

  // Cohorts of kChunk households, generated and written by two workers:
  // on PostgreSQL both write at once (each on its own connection, each
  // using a core of the server); on SQLite, which has one writer, one
  // generates while the other writes. Cohorts refer only to the base and
  // to themselves, so they may commit in any order.
  const int total = options.households;
  // The rollup counts consent as in force on the database's local day.
  RollupCounter rollup(base, parse_date(store::local_today_text()).value_or(options.today));
  const bool serial_writes = database.engine() == store::Engine::sqlite;
  std::atomic<int> next_cohort{0};
  std::mutex write_mutex;
  std::mutex report_mutex;  // guards report, step, failure and progress calls
  SeedProgress step{0, total, 0};
  std::optional<Error> failure;
  bool unchecked_foreign_keys = false;
  progress(step);
  const auto fail = [&](Error error) {
    std::lock_guard lock(report_mutex);
    if (!failure) failure = std::move(error);
  };
  const auto work = [&]() {
    for (;;) {
      {
        std::lock_guard lock(report_mutex);
        if (failure) return;
      }
      const int from = next_cohort.fetch_add(1) * cohort;
      if (from >= total) return;
      Result<std::vector<HouseholdRecords>> chunk =
          generate_chunk(generator, from, std::min(from + cohort, total), options.today);
      if (!chunk.ok()) return fail(std::move(chunk).error());
      bool unchecked = false;
      std::unique_lock serial(write_mutex, std::defer_lock);
      if (serial_writes) serial.lock();
      Result<void> stored = database.in_transaction(
          store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
            store::BulkWriter writer(transaction, now);
            for (HouseholdRecords& records : *chunk) {
              for (const Person& person : records.persons) writer.add(person);
              writer.add(records.household, records.closed_on);
              for (const Tie& tie : records.ties) writer.add(tie);
              for (const PlannedAgreement& planned : records.agreements) {
                writer.add(planned.agreement, planned.history);
              }
              for (const SupportAct& act : records.acts) writer.add(act);
              for (const Assessment& assessment : records.assessments) writer.add(assessment);
              const AccountId& recorder = recorders[static_cast<std::size_t>(records.practice)];
              for (Consent& consent : records.consents) {
                consent.recorded.account = recorder;
                if (consent.withdrawal_recorded) consent.withdrawal_recorded->account = recorder;
                writer.add(consent);
              }
            }
            unchecked = writer.skips_foreign_key_checks();
            return writer.flush();
          });
      if (serial.owns_lock()) serial.unlock();
      if (!stored.ok()) return fail(std::move(stored).error());
      std::lock_guard lock(report_mutex);
      unchecked_foreign_keys = unchecked_foreign_keys || unchecked;
      rollup.count(*chunk);
      for (const HouseholdRecords& records : *chunk) {
        ++report.households;
        report.persons += static_cast<long long>(records.persons.size());
        report.ties += static_cast<long long>(records.ties.size());
        report.agreements += static_cast<long long>(records.agreements.size());
        report.support_acts += static_cast<long long>(records.acts.size());
        report.assessments += static_cast<long long>(records.assessments.size());
        report.consents += static_cast<long long>(records.consents.size());
      }
      step.households_done = static_cast<int>(report.households);
      step.support_acts = report.support_acts;
      progress(step);
    }
  };
  std::thread helper(work);
  work();
  helper.join();
  if (failure) return std::move(*failure);

  // The bulk writer went around the repositories that keep the rollup:
  // every cohort's counts, added once (a few hundred thousand groups for a
  // city, where adding them per cohort would write most groups fifty times).
  // A load that fails before this leaves acts uncounted: `dichtbij analyze
  // rollup --rebuild` counts them, though a failed demo is best started again.
  if (Result<void> rolled_up =
          database.in_transaction(store::TransactionKind::write,
                                  [&](store::Transaction& transaction) -> Result<void> {
                                    store::add_to_rollup(transaction, rollup.groups());
                                    return {};
                                  });
      !rolled_up.ok()) {
    return std::move(rolled_up).error();
  }

  // Rows written without the per-row foreign-key checks are checked now,
  // every key in one pass (store/bulk_writer.hpp).
  if (unchecked_foreign_keys) {
    Result<std::vector<store::ForeignKeyViolation>> violations =
        database.in_transaction<std::vector<store::ForeignKeyViolation>>(
            store::TransactionKind::read, [](store::Transaction& transaction) {
              return store::foreign_key_violations(transaction);
            });
    if (!violations.ok()) return std::move(violations).error();
    if (!violations->empty()) {
      std::vector<InvalidParam> problems;
      for (const store::ForeignKeyViolation& violation : *violations) {
        problems.push_back(
            {violation.table + "." + violation.column,
             std::to_string(violation.rows) + " rows name no " + violation.references});
      }
      return generator_bug(std::move(problems));
    }
  }

  // The client: the member of the first household, whose network, plan and
  // acts the demo shows in full.
  const HouseholdRecords first = generator.household(0);
  Result<Account> client =
      accounts.add(AccountFields{"client", AccountRole::client,
                                 first.household.fields.members.front().person, std::nullopt},
                   kDemoPassword);
  if (!client.ok()) return std::move(client).error();
  report.accounts.push_back(demo_accounts().back());

  // Research under way for the researcher, with the first practice's
  // coordinator as a stakeholder of its member checks.
  if (researcher && !recorders.empty()) {
    if (Result<void> research = seed_research_project(
            database, {base.practices, *researcher, recorders.front(), options.today});
        !research.ok()) {
      return std::move(research).error();
    }
  }
  return report;
}

}  // namespace dichtbij::demo
