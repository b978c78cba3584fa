#include "store/consent_repository.hpp"

#include <soci/soci.h>

#include "store/act_rollup.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "consents";
constexpr std::string_view kWhat = "consent";
// The end of an open period, for comparing periods as text.
constexpr const char* kOpenEnd = "9999-12-31";

constexpr const char* kSelect =
    "SELECT c.id, c.version, c.purpose, c.granted_on, c.withdrawn_on, c.note, c.recorded_by, "
    "r.username, c.recorded_at, c.withdrawal_recorded_by, w.username, c.withdrawal_recorded_at "
    "FROM consents c JOIN accounts r ON r.id = c.recorded_by "
    "LEFT JOIN accounts w ON w.id = c.withdrawal_recorded_by ";

// One row of kSelect.
struct Row {
  std::string id, purpose, granted_on, withdrawn_on, note;
  std::string recorded_by, recorded_by_name, recorded_at;
  std::string withdrawal_by, withdrawal_by_name, withdrawal_at;
  int version = 0;
  soci::indicator withdrawn_indicator = soci::i_null, note_indicator = soci::i_null,
                  withdrawal_by_indicator = soci::i_null, withdrawal_name_indicator = soci::i_null,
                  withdrawal_at_indicator = soci::i_null;

  void bind(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(version));
    statement.exchange(soci::into(purpose));
    statement.exchange(soci::into(granted_on));
    statement.exchange(soci::into(withdrawn_on, withdrawn_indicator));
    statement.exchange(soci::into(note, note_indicator));
    statement.exchange(soci::into(recorded_by));
    statement.exchange(soci::into(recorded_by_name));
    statement.exchange(soci::into(recorded_at));
    statement.exchange(soci::into(withdrawal_by, withdrawal_by_indicator));
    statement.exchange(soci::into(withdrawal_by_name, withdrawal_name_indicator));
    statement.exchange(soci::into(withdrawal_at, withdrawal_at_indicator));
  }

  Consent to_consent(const HouseholdId& household) const {
    Consent consent;
    consent.id = ConsentId(id);
    consent.household = household;
    consent.version = version;
    consent.fields.purpose = from_code<ConsentPurpose>(purpose).value_or(ConsentPurpose::research);
    consent.fields.granted_on = read_date(granted_on);
    if (withdrawn_indicator == soci::i_ok) consent.fields.withdrawn_on = read_date(withdrawn_on);
    if (note_indicator == soci::i_ok) consent.fields.note = note;
    consent.recorded = {AccountId(recorded_by), recorded_by_name, recorded_at};
    if (withdrawal_by_indicator == soci::i_ok) {
      consent.withdrawal_recorded = ConsentRecording{
          AccountId(withdrawal_by),
          withdrawal_name_indicator == soci::i_ok ? withdrawal_by_name : std::string(),
          withdrawal_at_indicator == soci::i_ok ? withdrawal_at : std::string()};
    }
    return consent;
  }
};

// Runs sql (kSelect and its conditions), binding uses, and collects the rows.
template <typename... Uses>
std::vector<Consent> select(soci::session& session, const HouseholdId& household,
                            const std::string& sql, Uses&&... uses) {
  Row row;
  soci::statement statement(session);
  (statement.exchange(std::forward<Uses>(uses)), ...);
  row.bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute(false);
  std::vector<Consent> found;
  while (statement.fetch()) found.push_back(row.to_consent(household));
  return found;
}

Error conflict(std::vector<InvalidParam> problems) {
  Error error = make_error(ErrorCode::conflict, "the consent cannot be recorded so");
  error.invalid_params = std::move(problems);
  return error;
}

}  // namespace

Result<void> ConsentRepository::check_overlap(const ConsentFields& fields, const std::string& id) {
  const std::string purpose(to_code(fields.purpose));
  const std::string start = format_date(fields.granted_on);
  const std::string end = fields.withdrawn_on ? format_date(*fields.withdrawn_on) : kOpenEnd;
  std::string other;
  soci::indicator other_indicator = soci::i_null;
  soci::session& session = transaction_.session();
  session << "SELECT MIN(granted_on) FROM consents WHERE household_id = :household AND purpose = "
             ":purpose AND id <> :id AND granted_on < :end AND COALESCE(withdrawn_on, '"
          << kOpenEnd << "') > :start",
      soci::use(household_.str()), soci::use(purpose), soci::use(id), soci::use(end),
      soci::use(start), soci::into(other, other_indicator);
  if (other_indicator != soci::i_ok) return {};
  return conflict({{"purpose", "the household already has a " + purpose +
                                   " consent in force then (granted on " + other +
                                   "); withdraw that one first"}});
}

Result<Consent> ConsentRepository::create(const ConsentFields& fields, const AccountId& account) {
  const std::string id = new_uuid();
  if (Result<void> free = check_overlap(fields, id); !free.ok()) return std::move(free).error();
  const std::string now = utc_now_text();
  const std::string purpose(to_code(fields.purpose));
  const std::string granted_on = format_date(fields.granted_on);
  const std::string withdrawn_on = fields.withdrawn_on ? format_date(*fields.withdrawn_on) : "";
  soci::indicator withdrawn_indicator = fields.withdrawn_on ? soci::i_ok : soci::i_null;
  const std::string note = fields.note.value_or("");
  soci::indicator note_indicator = fields.note ? soci::i_ok : soci::i_null;
  // A consent recorded as already withdrawn (a paper form filed late) has
  // both steps recorded now, by the same account.
  const std::string withdrawal_by = fields.withdrawn_on ? account.str() : "";
  const std::string withdrawal_at = fields.withdrawn_on ? now : "";
  // Whether the household's acts count as consented may change: out of the
  // rollup before, back in after (store/act_rollup.hpp).
  const bool research = fields.purpose == ConsentPurpose::research;
  if (research) roll_up_household(transaction_, household_.str(), RollupChange::take_out);
  transaction_.session()
      << "INSERT INTO consents (id, version, household_id, purpose, granted_on, withdrawn_on, "
         "note, recorded_by, recorded_at, withdrawal_recorded_by, withdrawal_recorded_at, "
         "created_at, updated_at) VALUES (:id, 1, :household, :purpose, :granted_on, "
         ":withdrawn_on, :note, :recorded_by, :recorded_at, :withdrawal_by, :withdrawal_at, "
         ":created_at, :updated_at)",
      soci::use(id), soci::use(household_.str()), soci::use(purpose), soci::use(granted_on),
      soci::use(withdrawn_on, withdrawn_indicator), soci::use(note, note_indicator),
      soci::use(account.str()), soci::use(now), soci::use(withdrawal_by, withdrawn_indicator),
      soci::use(withdrawal_at, withdrawn_indicator), soci::use(now), soci::use(now);
  if (research) roll_up_household(transaction_, household_.str(), RollupChange::put_in);
  return get(ConsentId(id));
}

Result<Consent> ConsentRepository::get(const ConsentId& id) {
  std::vector<Consent> found =
      select(transaction_.session(), household_,
             std::string(kSelect) + "WHERE c.id = :id AND c.household_id = :household",
             soci::use(id.str()), soci::use(household_.str()));
  if (found.empty()) {
    return make_error(ErrorCode::not_found,
                      "there is no consent " + id.str() + " in household " + household_.str());
  }
  return std::move(found.front());
}

Result<Page<Consent>> ConsentRepository::list(const ConsentFilter& filter, const Paging& paging) {
  soci::session& session = transaction_.session();
  const std::string purpose = filter.purpose ? std::string(to_code(*filter.purpose)) : "";
  soci::indicator purpose_indicator = filter.purpose ? soci::i_ok : soci::i_null;
  constexpr const char* kWhere =
      "WHERE c.household_id = :household AND (CAST(:purpose1 AS TEXT) IS NULL OR c.purpose = "
      ":purpose2) ";
  Page<Consent> page;
  session << "SELECT COUNT(*) FROM consents c " << kWhere, soci::use(household_.str()),
      soci::use(purpose, purpose_indicator), soci::use(purpose, purpose_indicator),
      soci::into(page.total);
  long long limit = paging.limit;
  long long offset = paging.offset;
  page.items = select(session, household_,
                      std::string(kSelect) + kWhere +
                          "ORDER BY c.purpose, c.granted_on, c.id LIMIT :limit OFFSET :offset",
                      soci::use(household_.str()), soci::use(purpose, purpose_indicator),
                      soci::use(purpose, purpose_indicator), soci::use(limit), soci::use(offset));
  return page;
}

Result<Consent> ConsentRepository::update(const ConsentId& id, std::optional<int> expected_version,
                                          const ConsentFields& fields, const AccountId& account) {
  Result<Consent> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (std::vector<InvalidParam> refused = check_change(current->fields, fields); !refused.empty()) {
    return conflict(std::move(refused));
  }
  if (Result<void> free = check_overlap(fields, id.str()); !free.ok()) {
    return std::move(free).error();
  }
  const std::string granted_on = format_date(fields.granted_on);
  const std::string withdrawn_on = fields.withdrawn_on ? format_date(*fields.withdrawn_on) : "";
  soci::indicator withdrawn_indicator = fields.withdrawn_on ? soci::i_ok : soci::i_null;
  const std::string note = fields.note.value_or("");
  soci::indicator note_indicator = fields.note ? soci::i_ok : soci::i_null;
  soci::session& session = transaction_.session();
  const bool research = current->fields.purpose == ConsentPurpose::research;
  if (research) roll_up_household(transaction_, household_.str(), RollupChange::take_out);
  session << "UPDATE consents SET granted_on = :granted_on, withdrawn_on = :withdrawn_on, note = "
             ":note WHERE id = :id",
      soci::use(granted_on), soci::use(withdrawn_on, withdrawn_indicator),
      soci::use(note, note_indicator), soci::use(id.str());
  if (fields.withdrawn_on && !current->fields.withdrawn_on) {
    const std::string now = utc_now_text();
    session << "UPDATE consents SET withdrawal_recorded_by = :account, withdrawal_recorded_at = "
               ":now WHERE id = :id",
        soci::use(account.str()), soci::use(now), soci::use(id.str());
  }
  if (research) roll_up_household(transaction_, household_.str(), RollupChange::put_in);
  return get(id);
}

Result<void> ConsentRepository::remove(const ConsentId& id) {
  return make_error(ErrorCode::conflict,
                    "consent " + id.str() + " cannot be deleted; withdraw it instead");
}

Result<std::vector<HouseholdId>> households_consenting(Transaction& transaction,
                                                       ConsentPurpose purpose, const Date& day) {
  const std::string code(to_code(purpose));
  const std::string on = format_date(day);
  std::string household;
  soci::statement statement =
      (transaction.session().prepare << "SELECT DISTINCT household_id FROM ("
                                     << kHouseholdsConsentingSql
                                     << ") consenting ORDER BY household_id",
       soci::use(code), soci::use(on), soci::use(on), soci::into(household));
  statement.execute();
  std::vector<HouseholdId> households;
  while (statement.fetch()) households.emplace_back(household);
  return households;
}

}  // namespace dichtbij::store
