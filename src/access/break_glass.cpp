#include "access/break_glass.hpp"

#include "access/audit.hpp"
#include "access/policy.hpp"

namespace dichtbij::access {

Result<store::BreakGlassOpening> break_glass(store::Transaction& transaction, const Actor& actor,
                                             const HouseholdId& household,
                                             const std::string& reason,
                                             const std::string& client_address) {
  return [&]() -> Result<store::BreakGlassOpening> {
    Result<HouseholdAccess> access = household_access(transaction, actor, household);
    if (!access.ok()) return std::move(access).error();
    if (access->full()) {
      return make_error(ErrorCode::conflict,
                        "you can already see household " + household.str() +
                            (access->break_glass() ? " (opened earlier)" : ""));
    }
    Result<store::BreakGlassOpening> opened =
        store::BreakGlassRepository(transaction)
            .open(actor.account, household, reason, kBreakGlassLasts);
    if (!opened.ok()) return opened;
    opened->username = actor.username;
    AuditEvent event;
    event.actor = actor;
    event.break_glass = true;
    event.action = "household.breakGlass";
    event.household_id = household.str();
    event.record_id = opened->id;
    // The reason stays in the opening, not in the hash-chained log, so that
    // erasure can clear it (ADR 0004); the access log shows it from there.
    event.client_address = client_address;
    if (Result<void> audited = record(transaction, event); !audited.ok()) {
      return std::move(audited).error();
    }
    return opened;
  }();
}

Result<Page<store::BreakGlassOpening>> break_glass_openings(store::Database& database,
                                                            const Actor& actor,
                                                            const Paging& paging) {
  store::BreakGlassFilter filter;
  if (actor.role == AccountRole::coordinator && actor.practice) {
    filter.practice = actor.practice;
  } else {
    filter.account = actor.account;
  }
  return database.in_transaction<Page<store::BreakGlassOpening>>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return store::BreakGlassRepository(transaction).list(filter, paging);
      });
}

}  // namespace dichtbij::access
