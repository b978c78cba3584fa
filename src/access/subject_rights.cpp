#include "access/subject_rights.hpp"

#include <set>

#include "access/audit.hpp"
#include "store/timestamps.hpp"

namespace dichtbij::access {

namespace {

constexpr std::string_view kFormat = "dichtbij.subject-access.v1";

// Columns that hold a JSON array of strings, and columns that hold a 0/1
// flag: shown as what they mean rather than as stored.
const std::set<std::string_view> kArrayColumns = {
    "languages", "skills",          "support_types", "interests",          "wished_times",
    "kinds",     "preferred_kinds", "availability",  "excluded_households"};
const std::set<std::string_view> kFlagColumns = {"disabled", "agreed_by_household", "break_glass",
                                                 "available"};

std::string camel_case(std::string_view snake) {
  std::string camel;
  bool upper = false;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    camel += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return camel;
}

nlohmann::json value_json(const store::StoredColumn& column) {
  if (std::holds_alternative<std::monostate>(column.value)) return nullptr;
  if (const auto* number = std::get_if<long long>(&column.value)) {
    if (kFlagColumns.contains(column.name)) return *number != 0;
    return *number;
  }
  if (const auto* real = std::get_if<double>(&column.value)) return *real;
  const std::string& text = std::get<std::string>(column.value);
  if (kArrayColumns.contains(column.name)) {
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_array()) return parsed;
  }
  return text;
}

nlohmann::json document(const PersonId& person, const std::vector<store::SubjectTable>& tables) {
  nlohmann::json records = nlohmann::json::object();
  for (const store::SubjectTable& table : tables) {
    nlohmann::json rows = nlohmann::json::array();
    for (const std::vector<store::StoredColumn>& row : table.rows) {
      nlohmann::json object = nlohmann::json::object();
      for (const store::StoredColumn& column : row) {
        object[camel_case(column.name)] = value_json(column);
      }
      rows.push_back(std::move(object));
    }
    records[camel_case(table.table)] = std::move(rows);
  }
  return {{"format", kFormat},
          {"personId", person.str()},
          {"exportedAt", store::utc_now_text()},
          {"records", std::move(records)}};
}

AuditEvent event_for(const Requester& requester, std::string action) {
  AuditEvent event;
  event.actor = requester.actor;
  event.action = std::move(action);
  event.client_address = requester.client_address;
  return event;
}

// Only administrators, over the API; the operator at the command line has
// the database already. A refusal is recorded too.
Result<void> check_allowed(store::Database& database, const Requester& requester,
                           const AuditEvent& attempt) {
  if (!requester.actor || requester.actor->role == AccountRole::admin) return {};
  AuditEvent denied = attempt;
  denied.allowed = false;
  if (Result<void> recorded = record(database, denied); !recorded.ok()) return recorded;
  return make_error(ErrorCode::forbidden, "only an administrator may do this");
}

// The erasure of one person, shared by a request and the retention run.
void anonymise_person(store::SubjectRepository& subjects, const PersonId& person,
                      store::AnonymisedCounts& counts) {
  const std::string placeholder(kAnonymised);
  counts.persons += subjects.anonymise_person_row(person, placeholder);
  subjects.clear_text_involving(person, placeholder, counts);
  for (const HouseholdId& household : subjects.sole_member_households(person)) {
    (void)subjects.anonymise_household(household, placeholder, counts);
    counts.idempotent_answers += subjects.forget_answers_mentioning(household.str());
  }
  counts.accounts_disabled += subjects.disable_accounts_of(person, kAnonymisedUsernamePrefix);
  counts.idempotent_answers += subjects.forget_answers_mentioning(person.str());
}

std::optional<store::ErasureRecord> first_of_kind(const std::vector<store::ErasureRecord>& records,
                                                  std::string_view kind) {
  for (const store::ErasureRecord& record : records) {
    if (record.subject_kind == kind) return record;
  }
  return std::nullopt;
}

// UTF-8 code points: every byte that does not continue a sequence.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

Date years_before(const Date& day, int years) {
  const Date back{day.year() - std::chrono::years(years), day.month(), day.day()};
  if (back.ok()) return back;
  // 29 February in a year that has none.
  return Date{
      std::chrono::year_month_day_last(back.year(), std::chrono::month_day_last(day.month()))};
}

}  // namespace

Requester requester_of(const Actor& actor, std::string client_address) {
  return Requester{actor, actor.username, std::move(client_address)};
}

Result<nlohmann::json> SubjectRights::subject_access(const PersonId& person,
                                                     const Requester& requester) {
  AuditEvent event = event_for(requester, "person.subjectAccess");
  event.record_id = person.str();
  if (Result<void> allowed = check_allowed(database_, requester, event); !allowed.ok()) {
    return std::move(allowed).error();
  }
  Result<std::vector<store::SubjectTable>> tables =
      database_.in_transaction<std::vector<store::SubjectTable>>(
          store::TransactionKind::read,
          [&](store::Transaction& transaction) -> Result<std::vector<store::SubjectTable>> {
            store::SubjectRepository subjects(transaction);
            if (!subjects.person_exists(person)) {
              return make_error(ErrorCode::not_found, "there is no person " + person.str());
            }
            return subjects.records_of(person);
          });
  if (!tables.ok()) return std::move(tables).error();
  if (Result<void> recorded = record(database_, event); !recorded.ok()) {
    return std::move(recorded).error();
  }
  return document(person, *tables);
}

Result<ErasureOutcome> SubjectRights::erase(const PersonId& person, std::string_view reason,
                                            const Requester& requester) {
  AuditEvent event = event_for(requester, "person.erase");
  event.record_id = person.str();
  if (Result<void> allowed = check_allowed(database_, requester, event); !allowed.ok()) {
    return std::move(allowed).error();
  }
  if (reason.find_first_not_of(" \t\n") == std::string_view::npos ||
      characters(reason) > kMaxReasonLength) {
    Error error = make_error(ErrorCode::invalid_input, "an erasure needs a reason");
    error.invalid_params.push_back(
        {"reason", "say why, in at most " + std::to_string(kMaxReasonLength) + " characters"});
    return error;
  }
  return database_.in_transaction<ErasureOutcome>(
      store::TransactionKind::write,
      [&](store::Transaction& transaction) -> Result<ErasureOutcome> {
        store::SubjectRepository subjects(transaction);
        if (!subjects.person_exists(person)) {
          return make_error(ErrorCode::not_found, "there is no person " + person.str());
        }
        ErasureOutcome outcome;
        outcome.person = person;
        anonymise_person(subjects, person, outcome.counts);
        std::optional<store::ErasureRecord> earlier =
            first_of_kind(subjects.erasures_of(person.str()), "person");
        if (earlier) {
          outcome.already_erased = true;
        } else {
          store::ErasureRecord added;
          added.subject_kind = "person";
          added.subject_id = person.str();
          added.basis = "request";
          added.reason = std::string(reason);
          if (requester.actor) added.requested_by_account_id = requester.actor->account.str();
          added.requested_by = requester.description;
          subjects.add_erasure(added);
          earlier = std::move(added);
        }
        outcome.erased_at = earlier->erased_at;
        outcome.erasure_id = earlier->id;
        // The reason stays out of the audit log: the log cannot be changed
        // later, and a reason may well name the person.
        event.reason =
            (outcome.already_erased ? "already erased: erasure " : "erasure ") + outcome.erasure_id;
        if (Result<void> recorded = record(transaction, event); !recorded.ok()) {
          return std::move(recorded).error();
        }
        return outcome;
      });
}

Result<RetentionReport> SubjectRights::run_retention(
    const Date& today, int years, bool dry_run, const Requester& requester,
    const std::function<void(const RetentionItem&, std::size_t, std::size_t)>& on_item) {
  if (years < kMinRetentionYears || years > kMaxRetentionYears) {
    Error error = make_error(ErrorCode::invalid_input, "the retention period is out of range");
    error.invalid_params.push_back(
        {"retention_years", "must be between " + std::to_string(kMinRetentionYears) + " and " +
                                std::to_string(kMaxRetentionYears)});
    return error;
  }
  RetentionReport report;
  report.cutoff = years_before(today, years);
  report.dry_run = dry_run;
  Result<std::vector<store::ClosedHousehold>> due =
      database_.in_transaction<std::vector<store::ClosedHousehold>>(
          store::TransactionKind::read, [&](store::Transaction& transaction) {
            return Result<std::vector<store::ClosedHousehold>>(
                store::SubjectRepository(transaction).closed_households_due(report.cutoff));
          });
  if (!due.ok()) return std::move(due).error();

  const std::string reason_start = "retention: closed on ";
  const std::string reason_end =
      ", more than " + std::to_string(years) + " years before " + format_date(today);
  // In a dry run nothing is recorded, so members shared by two households
  // are counted once here.
  std::set<PersonId> counted;
  std::size_t done = 0;
  for (const store::ClosedHousehold& household : *due) {
    RetentionItem item{household, 0};
    Result<void> handled = database_.in_transaction(
        dry_run ? store::TransactionKind::read : store::TransactionKind::write,
        [&](store::Transaction& transaction) -> Result<void> {
          store::SubjectRepository subjects(transaction);
          const std::string reason = reason_start + household.closed_on + reason_end;
          store::AnonymisedCounts counts;
          if (!dry_run) {
            (void)subjects.anonymise_household(household.id, std::string(kAnonymised), counts);
            counts.idempotent_answers += subjects.forget_answers_mentioning(household.id.str());
          }
          for (const PersonId& member : subjects.members_ever(household.id)) {
            if (subjects.still_needed_after(member, report.cutoff)) continue;
            const bool recorded_before =
                first_of_kind(subjects.erasures_of(member.str()), "person").has_value();
            if (dry_run) {
              if (!recorded_before && counted.insert(member).second) ++item.persons;
              continue;
            }
            anonymise_person(subjects, member, counts);
            if (recorded_before) continue;
            store::ErasureRecord record_of_person{
                "",     "person",     member.str(),          "retention",
                reason, std::nullopt, requester.description, ""};
            subjects.add_erasure(record_of_person);
            AuditEvent person_event = event_for(requester, "person.erase");
            person_event.record_id = member.str();
            person_event.reason = "retention: erasure " + record_of_person.id;
            if (Result<void> audited = record(transaction, person_event); !audited.ok()) {
              return audited;
            }
            ++item.persons;
          }
          if (dry_run) return {};
          store::ErasureRecord record_of_household{
              "",     "household",  household.id.str(),    "retention",
              reason, std::nullopt, requester.description, ""};
          subjects.add_erasure(record_of_household);
          AuditEvent household_event = event_for(requester, "household.retention");
          household_event.household_id = household.id.str();
          household_event.reason = "erasure " + record_of_household.id;
          return record(transaction, household_event);
        });
    if (!handled.ok()) return std::move(handled).error();
    ++report.households;
    report.persons += item.persons;
    ++done;
    if (on_item) on_item(item, done, due->size());
  }
  return report;
}

}  // namespace dichtbij::access
