#include "store/break_glass_repository.hpp"

#include <soci/soci.h>

#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

Result<BreakGlassOpening> BreakGlassRepository::open(const AccountId& account,
                                                     const HouseholdId& household,
                                                     const std::string& reason,
                                                     std::chrono::seconds lasting) {
  BreakGlassOpening opening{new_uuid(),          account, {}, household, reason, utc_now_text(),
                            utc_text_in(lasting)};
  transaction_.session()
      << "INSERT INTO break_glass_openings (id, account_id, household_id, reason, opened_at, "
         "expires_at) VALUES (:id, :account, :household, :reason, :opened, :expires)",
      soci::use(opening.id), soci::use(account.str()), soci::use(household.str()),
      soci::use(opening.reason), soci::use(opening.opened_at), soci::use(opening.expires_at);
  return opening;
}

Result<Page<BreakGlassOpening>> BreakGlassRepository::list(const BreakGlassFilter& filter,
                                                           const Paging& paging) {
  constexpr const char* kWhere =
      " FROM break_glass_openings b JOIN accounts a ON a.id = b.account_id"
      " WHERE (CAST(:account1 AS TEXT) IS NULL OR b.account_id = :account2)"
      " AND (CAST(:practice1 AS TEXT) IS NULL OR b.household_id IN (SELECT household_id FROM"
      " household_practices WHERE practice_id = :practice2))";
  std::string account = filter.account ? filter.account->str() : std::string();
  std::string practice = filter.practice ? filter.practice->str() : std::string();
  soci::indicator account_indicator = filter.account ? soci::i_ok : soci::i_null;
  soci::indicator practice_indicator = filter.practice ? soci::i_ok : soci::i_null;
  soci::session& session = transaction_.session();
  Page<BreakGlassOpening> page;
  session << "SELECT COUNT(*)" << kWhere, soci::use(account, account_indicator),
      soci::use(account, account_indicator), soci::use(practice, practice_indicator),
      soci::use(practice, practice_indicator), soci::into(page.total);
  long long limit = paging.limit;
  long long offset = paging.offset;
  std::string id, account_id, username, household, reason, opened, expires;
  soci::statement statement =
      (session.prepare << "SELECT b.id, b.account_id, a.username, b.household_id, b.reason, "
                          "b.opened_at, b.expires_at"
                       << kWhere << " ORDER BY b.opened_at DESC, b.id LIMIT :limit OFFSET :offset",
       soci::use(account, account_indicator), soci::use(account, account_indicator),
       soci::use(practice, practice_indicator), soci::use(practice, practice_indicator),
       soci::use(limit), soci::use(offset), soci::into(id), soci::into(account_id),
       soci::into(username), soci::into(household), soci::into(reason), soci::into(opened),
       soci::into(expires));
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(BreakGlassOpening{id, AccountId(account_id), username,
                                           HouseholdId(household), reason, opened, expires});
  }
  return page;
}

}  // namespace dichtbij::store
