#include "store/subject_repository.hpp"

#include <soci/soci.h>

#include <ctime>
#include <map>

#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

// SQL written with named slots ({p} the person, {now}, …), each slot
// becoming its own bound parameter: SOCI's PostgreSQL backend cannot bind
// one name twice.
using Slots = std::map<std::string_view, const std::string*>;

// The households the person was ever a member of.
constexpr std::string_view kMemberHouseholds =
    "SELECT household_id FROM household_people WHERE part = 'member' AND person_id = {p}";
// Support acts the person takes part in, in any capacity.
constexpr std::string_view kActInvolves =
    "(provider_id = {p} OR receiver_id = {p} OR mobilised_by_person_id = {p} OR id IN "
    "(SELECT support_act_id FROM support_act_others WHERE person_id = {p}))";
// Agreements the person was ever responsible for.
constexpr std::string_view kAgreementIds =
    "SELECT id FROM agreements WHERE responsible_person_id = {p} UNION "
    "SELECT agreement_id FROM agreement_versions WHERE responsible_person_id = {p}";
constexpr std::string_view kAccountIds = "SELECT id FROM accounts WHERE person_id = {p}";
// A household whose retention period ran out by {cutoff}.
constexpr std::string_view kDue =
    "(status = 'closed' AND closed_on IS NOT NULL AND closed_on <= {cutoff})";

// Replaces {name} with its slot's text in pattern; the slots' own patterns
// may hold further {name}s (composition), which are expanded too.
std::string compose(std::string_view pattern) {
  static const std::map<std::string_view, std::string_view> kFragments = {
      {"{member_households}", kMemberHouseholds},
      {"{act_involves}", kActInvolves},
      {"{agreement_ids}", kAgreementIds},
      {"{account_ids}", kAccountIds},
      {"{due}", kDue}};
  std::string text(pattern);
  for (bool replaced = true; replaced;) {
    replaced = false;
    for (const auto& [name, fragment] : kFragments) {
      for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name)) {
        text.replace(at, name.size(), fragment);
        replaced = true;
      }
    }
  }
  return text;
}

// A prepared statement over pattern: fragments composed, every {slot}
// turned into :bN and bound to its value, in order of appearance.
class Query {
 public:
  Query(soci::session& session, std::string_view pattern, const Slots& slots)
      : statement_(session) {
    std::string text = compose(pattern);
    std::string sql;
    std::size_t from = 0;
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', from)) {
      const std::size_t close = text.find('}', open);
      const std::string_view name = std::string_view(text).substr(open + 1, close - open - 1);
      sql.append(text, from, open - from);
      sql += ":b" + std::to_string(values_.size());
      values_.push_back(slots.at(name));
      from = close + 1;
    }
    sql.append(text, from);
    sql_ = std::move(sql);
    for (const std::string* value : values_) statement_.exchange(soci::use(*value));
  }

  soci::statement& statement() { return statement_; }

  // Runs it after into() registrations; fetch() then reads row by row.
  void prepare_and_execute() {
    statement_.alloc();
    statement_.prepare(sql_);
    statement_.define_and_bind();
    statement_.execute(false);
  }

  // Runs a statement without results; the number of rows it changed.
  long long execute_change() {
    statement_.alloc();
    statement_.prepare(sql_);
    statement_.define_and_bind();
    statement_.execute(true);
    return statement_.get_affected_rows();
  }

 private:
  soci::statement statement_;
  std::vector<const std::string*> values_;
  std::string sql_;
};

std::vector<std::string> read_texts(soci::session& session, std::string_view pattern,
                                    const Slots& slots) {
  Query query(session, pattern, slots);
  std::string value;
  query.statement().exchange(soci::into(value));
  query.prepare_and_execute();
  std::vector<std::string> values;
  while (query.statement().fetch()) values.push_back(value);
  return values;
}

StoredValue cell(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::monostate();
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer: return static_cast<long long>(row.get<int>(i));
    case soci::dt_long_long: return row.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double: return row.get<double>(i);
    case soci::dt_date: {
      std::tm time = row.get<std::tm>(i);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &time);
      return std::string(text);
    }
    default: return row.get<std::string>(i);
  }
}

struct SubjectQuery {
  std::string_view table;
  std::string_view sql;
};

// Explicit columns: never a password hash, a session token's hash, a CSRF
// token or the audit chain's hashes.
constexpr SubjectQuery kSubjectQueries[] = {
    {"persons",
     "SELECT id, version, display_name, birth_year, buurt_code, languages, skills, created_at, "
     "updated_at FROM persons WHERE id = {p}"},
    {"person_roles",
     "SELECT role, valid_from, valid_until FROM person_roles WHERE person_id = {p} "
     "ORDER BY position"},
    {"person_memberships",
     "SELECT organisation_id, valid_from, valid_until FROM person_memberships "
     "WHERE person_id = {p} ORDER BY position"},
    {"household_people",
     "SELECT household_id, part, valid_from, valid_until FROM household_people "
     "WHERE person_id = {p} ORDER BY household_id, part, position"},
    {"households",
     "SELECT id, version, kind, name, target_group, buurt_code, status, closed_on, created_at, "
     "updated_at FROM households WHERE id IN ({member_households}) ORDER BY id"},
    {"ties",
     "SELECT id, version, household_id, person_id, other_person_id, relation_kind, "
     "support_types, closeness, contact_frequency, direction, quality, valid_from, valid_until, "
     "created_at, updated_at FROM ties WHERE person_id = {p} OR other_person_id = {p} "
     "ORDER BY valid_from, id"},
    {"agreements",
     "SELECT id, version, household_id, goal, action, responsible_person_id, why, due_date, "
     "review_date, status, agreed_by_household, created_at, updated_at FROM agreements "
     "WHERE id IN ({agreement_ids}) ORDER BY created_at, id"},
    {"agreement_versions",
     "SELECT agreement_id, version, goal, action, responsible_person_id, why, due_date, "
     "review_date, status, agreed_by_household, changed_at FROM agreement_versions "
     "WHERE agreement_id IN ({agreement_ids}) ORDER BY agreement_id, version"},
    {"support_acts",
     "SELECT id, version, act_date, household_id, provider_id, receiver_id, support_type, "
     "duration_minutes, mode, mobilised_by, mobilised_by_person_id, agreement_id, note, "
     "created_at, updated_at FROM support_acts WHERE {act_involves} ORDER BY act_date, id"},
    {"support_act_others",
     "SELECT support_act_id, person_id FROM support_act_others WHERE person_id = {p} "
     "ORDER BY support_act_id"},
    {"assessments",
     "SELECT id, version, household_id, person_id, assessor_id, assessed_on, note, created_at, "
     "updated_at FROM assessments WHERE person_id = {p} OR assessor_id = {p} OR household_id IN "
     "({member_households}) ORDER BY assessed_on, id"},
    {"assessment_scores",
     "SELECT assessment_id, domain, score, carried_by FROM assessment_scores WHERE assessment_id "
     "IN (SELECT id FROM assessments WHERE person_id = {p} OR assessor_id = {p} OR household_id "
     "IN ({member_households})) ORDER BY assessment_id, domain"},
    {"referrals",
     "SELECT id, version, referred_on, household_id, facility_id, person_id, referred_by_id, "
     "status, note, created_at, updated_at FROM referrals WHERE person_id = {p} OR "
     "referred_by_id = {p} OR household_id IN ({member_households}) ORDER BY referred_on, id"},
    // Consents of their households, and those their accounts recorded or
    // withdrew elsewhere: there without the note, which is about that
    // household.
    {"consents",
     "SELECT id, version, household_id, purpose, granted_on, withdrawn_on, CASE WHEN household_id "
     "IN ({member_households}) THEN note END AS note, recorded_by, recorded_at, "
     "withdrawal_recorded_by, withdrawal_recorded_at, created_at, updated_at FROM consents "
     "WHERE household_id IN ({member_households}) OR recorded_by IN ({account_ids}) OR "
     "withdrawal_recorded_by IN ({account_ids}) ORDER BY granted_on, id"},
    // Openings of their households by others, and those their accounts
    // made: the reason only where it is about them.
    {"break_glass_openings",
     "SELECT id, account_id, household_id, CASE WHEN household_id IN ({member_households}) THEN "
     "reason END AS reason, opened_at, expires_at FROM break_glass_openings WHERE account_id IN "
     "({account_ids}) OR household_id IN ({member_households}) ORDER BY opened_at, id"},
    {"accounts",
     "SELECT id, username, role, practice_id, disabled, locked_until, created_at, updated_at "
     "FROM accounts WHERE person_id = {p} ORDER BY username"},
    {"sessions",
     "SELECT account_id, created_at, last_seen_at, expires_at, revoked_at, client_address "
     "FROM sessions WHERE account_id IN ({account_ids}) ORDER BY created_at"},
    {"audit_events",
     "SELECT seq, at, account_id, username, role, break_glass, action, household_id, record_id, "
     "outcome, reason, client_address FROM audit_events WHERE record_id = {p} "
     "OR account_id IN ({account_ids}) "
     "OR (household_id IN ({member_households}) AND (record_id IS NULL OR record_id IN "
     "({member_households}))) "
     "OR record_id IN (SELECT id FROM ties WHERE person_id = {p} OR other_person_id = {p}) "
     "OR record_id IN (SELECT id FROM support_acts WHERE {act_involves}) "
     "OR record_id IN ({agreement_ids}) "
     "OR record_id IN (SELECT id FROM assessments WHERE person_id = {p} OR assessor_id = {p}) "
     "OR record_id IN (SELECT id FROM referrals WHERE person_id = {p} OR referred_by_id = {p}) "
     "OR record_id IN (SELECT id FROM consents WHERE household_id IN ({member_households})) "
     "OR record_id IN (SELECT id FROM break_glass_openings WHERE household_id IN "
     "({member_households})) "
     "OR record_id IN (SELECT id FROM help_requests WHERE household_id IN ({member_households}) "
     "OR requested_by_id = {p}) "
     "OR record_id IN (SELECT id FROM volunteer_profiles WHERE person_id = {p}) "
     "OR record_id IN (SELECT id FROM matches WHERE volunteer_id = {p} OR household_id IN "
     "({member_households})) "
     "ORDER BY seq"},
    // Help requests of their households, and those they asked for others:
    // there without the description and interests, which are about that
    // household.
    {"help_requests",
     "SELECT id, version, household_id, practice_id, kind, CASE WHEN household_id IN "
     "({member_households}) THEN description END AS description, buurt_code, languages, CASE "
     "WHEN household_id IN ({member_households}) THEN interests END AS interests, wished_times, "
     "urgency, status, requested_by_id, created_at, updated_at FROM help_requests WHERE "
     "household_id IN ({member_households}) OR requested_by_id = {p} ORDER BY created_at, id"},
    {"volunteer_profiles",
     "SELECT id, version, practice_id, kinds, preferred_kinds, languages, interests, "
     "home_buurt_code, max_distance_m, availability, capacity, excluded_households, available, "
     "created_at, updated_at FROM volunteer_profiles WHERE person_id = {p} ORDER BY practice_id"},
    // Matches of them as the volunteer, and for their households. Not the
    // explanation: its alternatives name other volunteers.
    {"matches",
     "SELECT id, version, practice_id, request_id, household_id, volunteer_id, status, score, "
     "reason, tie_id, proposed_at, updated_at FROM matches WHERE volunteer_id = {p} OR "
     "household_id IN ({member_households}) ORDER BY proposed_at, id"},
    {"erasures",
     "SELECT id, subject_kind, subject_id, basis, reason, requested_by, erased_at FROM erasures "
     "WHERE subject_id = {p} OR subject_id IN ({member_households}) ORDER BY erased_at, id"},
};

}  // namespace

bool SubjectRepository::person_exists(const PersonId& person) {
  int count = 0;
  transaction_.session() << "SELECT COUNT(*) FROM persons WHERE id = :id", soci::use(person.str()),
      soci::into(count);
  return count != 0;
}

Result<std::vector<SubjectTable>> SubjectRepository::records_of(const PersonId& person) {
  const Slots slots{{"p", &person.str()}};
  std::vector<SubjectTable> tables;
  for (const SubjectQuery& subject_query : kSubjectQueries) {
    Query query(transaction_.session(), subject_query.sql, slots);
    soci::row row;
    query.statement().exchange(soci::into(row));
    query.prepare_and_execute();
    SubjectTable table{subject_query.table, {}};
    while (query.statement().fetch()) {
      std::vector<StoredColumn> columns;
      for (std::size_t i = 0; i != row.size(); ++i) {
        columns.push_back({row.get_properties(i).get_name(), cell(row, i)});
      }
      table.rows.push_back(std::move(columns));
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

int SubjectRepository::anonymise_person_row(const PersonId& person,
                                            const std::string& placeholder) {
  const std::string now = utc_now_text();
  return static_cast<int>(
      Query(transaction_.session(),
            "UPDATE persons SET display_name = {name}, birth_year = NULL, buurt_code = NULL, "
            "languages = '[]', skills = '[]', version = version + 1, updated_at = {now} "
            "WHERE id = {p} AND (display_name <> {name} OR birth_year IS NOT NULL OR buurt_code "
            "IS NOT NULL OR languages <> '[]' OR skills <> '[]')",
            {{"p", &person.str()}, {"name", &placeholder}, {"now", &now}})
          .execute_change());
}

namespace {

// Clears the goal, action and why of each agreement chosen by where (over
// agreements, with the given slots) whose text is not cleared yet, in every
// version, and records the cleared text as a new version. Returns how many.
int clear_agreements(soci::session& session, std::string_view where, Slots slots,
                     const std::string& placeholder) {
  const std::string now = utc_now_text();
  slots["text"] = &placeholder;
  slots["now"] = &now;
  const std::string pattern =
      "SELECT id FROM agreements WHERE (" + std::string(where) +
      ") AND (goal <> {text} OR action <> {text} OR why IS NOT NULL OR EXISTS (SELECT 1 FROM "
      "agreement_versions v WHERE v.agreement_id = agreements.id AND (v.goal <> {text} OR "
      "v.action <> {text} OR v.why IS NOT NULL))) ORDER BY id";
  const std::vector<std::string> ids = read_texts(session, pattern, slots);
  for (const std::string& id : ids) {
    const Slots one{{"id", &id}, {"text", &placeholder}, {"now", &now}};
    Query(session,
          "UPDATE agreement_versions SET goal = {text}, action = {text}, why = NULL "
          "WHERE agreement_id = {id}",
          one)
        .execute_change();
    Query(session,
          "UPDATE agreements SET goal = {text}, action = {text}, why = NULL, version = version + "
          "1, updated_at = {now} WHERE id = {id}",
          one)
        .execute_change();
    Query(session,
          "INSERT INTO agreement_versions (agreement_id, version, goal, action, "
          "responsible_person_id, why, due_date, review_date, status, agreed_by_household, "
          "changed_at) SELECT id, version, goal, action, responsible_person_id, why, due_date, "
          "review_date, status, agreed_by_household, {now} FROM agreements WHERE id = {id}",
          one)
        .execute_change();
  }
  return static_cast<int>(ids.size());
}

// Sets column to NULL (with a new version) in the rows of table chosen by
// where that still hold text. Returns how many.
int clear_notes(soci::session& session, std::string_view table, std::string_view where,
                Slots slots) {
  const std::string now = utc_now_text();
  slots["now"] = &now;
  const std::string pattern = "UPDATE " + std::string(table) +
                              " SET note = NULL, version = version + 1, updated_at = {now} "
                              "WHERE note IS NOT NULL AND (" +
                              std::string(where) + ")";
  return static_cast<int>(Query(session, pattern, slots).execute_change());
}

// The description of each help request chosen by where becomes
// placeholder, its interests are cleared (with a new version). Returns how
// many changed.
int clear_help_requests(soci::session& session, std::string_view where, Slots slots,
                        const std::string& placeholder) {
  const std::string now = utc_now_text();
  slots["text"] = &placeholder;
  slots["now"] = &now;
  const std::string pattern =
      "UPDATE help_requests SET description = {text}, interests = '[]', version = version + 1, "
      "updated_at = {now} WHERE (description <> {text} OR interests <> '[]') AND (" +
      std::string(where) + ")";
  return static_cast<int>(Query(session, pattern, slots).execute_change());
}

// The reason and the explanation (which names shared interests and other
// volunteers) of each match chosen by where are cleared. Returns how many.
int clear_matches(soci::session& session, std::string_view where, Slots slots) {
  const std::string now = utc_now_text();
  // Bound, not written: braces in the SQL are slots.
  const std::string empty = "{}";
  slots["now"] = &now;
  slots["empty"] = &empty;
  const std::string pattern =
      "UPDATE matches SET reason = NULL, explanation = {empty}, version = version + 1, "
      "updated_at = {now} WHERE (reason IS NOT NULL OR explanation <> {empty}) AND (" +
      std::string(where) + ")";
  return static_cast<int>(Query(session, pattern, slots).execute_change());
}

// The person's volunteer profiles lose what describes them — interests,
// home buurt, excluded households — and are paused, so that an erased
// person is never matched again. Returns how many changed.
int pause_volunteer_profiles(soci::session& session, Slots slots) {
  const std::string now = utc_now_text();
  slots["now"] = &now;
  return static_cast<int>(
      Query(session,
            "UPDATE volunteer_profiles SET interests = '[]', home_buurt_code = '', "
            "excluded_households = '[]', available = 0, version = version + 1, updated_at = {now} "
            "WHERE person_id = {p} AND (interests <> '[]' OR home_buurt_code <> '' OR "
            "excluded_households <> '[]' OR available <> 0)",
            slots)
          .execute_change());
}

// Replaces the reason of break-glass openings chosen by where with
// placeholder (a reason is required, so it is not cleared). Returns how many.
int clear_break_glass_reasons(soci::session& session, std::string_view where, Slots slots,
                              const std::string& placeholder) {
  slots["text"] = &placeholder;
  const std::string pattern =
      "UPDATE break_glass_openings SET reason = {text} "
      "WHERE reason <> {text} AND (" +
      std::string(where) + ")";
  return static_cast<int>(Query(session, pattern, slots).execute_change());
}

}  // namespace

void SubjectRepository::clear_text_involving(const PersonId& person, const std::string& placeholder,
                                             AnonymisedCounts& counts) {
  soci::session& session = transaction_.session();
  const Slots slots{{"p", &person.str()}};
  counts.support_act_notes += clear_notes(session, "support_acts", kActInvolves, slots);
  counts.agreements += clear_agreements(session, "id IN ({agreement_ids})", slots, placeholder);
  counts.assessment_notes +=
      clear_notes(session, "assessments", "person_id = {p} OR assessor_id = {p}", slots);
  counts.referral_notes +=
      clear_notes(session, "referrals", "person_id = {p} OR referred_by_id = {p}", slots);
  counts.consent_notes +=
      clear_notes(session, "consents", "household_id IN ({member_households})", slots);
  counts.break_glass_reasons += clear_break_glass_reasons(
      session, "household_id IN ({member_households})", slots, placeholder);
  counts.help_requests +=
      clear_help_requests(session, "household_id IN ({member_households})", slots, placeholder);
  counts.matches +=
      clear_matches(session, "volunteer_id = {p} OR household_id IN ({member_households})", slots);
  counts.volunteer_profiles += pause_volunteer_profiles(session, slots);
}

std::vector<HouseholdId> SubjectRepository::sole_member_households(const PersonId& person) {
  const std::vector<std::string> ids = read_texts(
      transaction_.session(),
      "SELECT DISTINCT household_id FROM household_people WHERE part = 'member' AND person_id = "
      "{p} AND NOT EXISTS (SELECT 1 FROM household_people o WHERE o.household_id = "
      "household_people.household_id AND o.part = 'member' AND o.person_id <> {p}) "
      "ORDER BY household_id",
      {{"p", &person.str()}});
  return {ids.begin(), ids.end()};
}

bool SubjectRepository::anonymise_household(const HouseholdId& household,
                                            const std::string& placeholder,
                                            AnonymisedCounts& counts) {
  soci::session& session = transaction_.session();
  const std::string now = utc_now_text();
  const Slots slots{{"h", &household.str()}};
  const int renamed = static_cast<int>(
      Query(session,
            "UPDATE households SET name = {name}, version = version + 1, updated_at = {now} "
            "WHERE id = {h} AND name <> {name}",
            {{"h", &household.str()}, {"name", &placeholder}, {"now", &now}})
          .execute_change());
  counts.households += renamed;
  const int acts = clear_notes(session, "support_acts", "household_id = {h}", slots);
  const int agreements = clear_agreements(session, "household_id = {h}", slots, placeholder);
  const int assessments = clear_notes(session, "assessments", "household_id = {h}", slots);
  const int referrals = clear_notes(session, "referrals", "household_id = {h}", slots);
  const int consents = clear_notes(session, "consents", "household_id = {h}", slots);
  const int openings = clear_break_glass_reasons(session, "household_id = {h}", slots, placeholder);
  counts.support_act_notes += acts;
  counts.agreements += agreements;
  counts.assessment_notes += assessments;
  counts.referral_notes += referrals;
  counts.consent_notes += consents;
  counts.break_glass_reasons += openings;
  const int requests = clear_help_requests(session, "household_id = {h}", slots, placeholder);
  const int matches = clear_matches(session, "household_id = {h}", slots);
  counts.help_requests += requests;
  counts.matches += matches;
  return renamed + acts + agreements + assessments + referrals + consents + openings + requests +
             matches !=
         0;
}

int SubjectRepository::disable_accounts_of(const PersonId& person,
                                           std::string_view username_prefix) {
  soci::session& session = transaction_.session();
  const std::vector<std::string> ids = read_texts(
      session, "SELECT id FROM accounts WHERE person_id = {p} ORDER BY id", {{"p", &person.str()}});
  const std::string now = utc_now_text();
  int changed = 0;
  for (const std::string& id : ids) {
    const std::string username = std::string(username_prefix) + id.substr(0, 8);
    const Slots slots{{"id", &id}, {"username", &username}, {"now", &now}};
    changed += static_cast<int>(
        Query(session,
              "UPDATE accounts SET disabled = 1, username = {username}, version = version + 1, "
              "updated_at = {now} WHERE id = {id} AND (disabled = 0 OR username <> {username})",
              slots)
            .execute_change());
    // Also for an account disabled before: a session must not outlive erasure.
    Query(session,
          "UPDATE sessions SET revoked_at = {now} WHERE account_id = {id} AND revoked_at IS NULL",
          slots)
        .execute_change();
  }
  return changed;
}

int SubjectRepository::forget_answers_mentioning(const std::string& id) {
  const std::string pattern = "%" + id + "%";
  return static_cast<int>(Query(transaction_.session(),
                                "DELETE FROM idempotency_keys WHERE response_body LIKE {pattern}",
                                {{"pattern", &pattern}})
                              .execute_change());
}

void SubjectRepository::add_erasure(ErasureRecord& record) {
  record.id = new_uuid();
  record.erased_at = utc_now_text();
  const std::string account = record.requested_by_account_id.value_or("");
  soci::indicator account_indicator = record.requested_by_account_id ? soci::i_ok : soci::i_null;
  transaction_.session()
      << "INSERT INTO erasures (id, subject_kind, subject_id, basis, reason, "
         "requested_by_account_id, requested_by, erased_at) VALUES (:id, :kind, :subject, "
         ":basis, :reason, :account, :requested_by, :erased_at)",
      soci::use(record.id), soci::use(record.subject_kind), soci::use(record.subject_id),
      soci::use(record.basis), soci::use(record.reason), soci::use(account, account_indicator),
      soci::use(record.requested_by), soci::use(record.erased_at);
}

std::vector<ErasureRecord> SubjectRepository::erasures_of(const std::string& subject_id) {
  ErasureRecord row;
  std::string account;
  soci::indicator account_indicator = soci::i_null;
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT id, subject_kind, subject_id, basis, reason, requested_by_account_id, "
              "requested_by, erased_at FROM erasures WHERE subject_id = :subject "
              "ORDER BY erased_at, id",
       soci::use(subject_id), soci::into(row.id), soci::into(row.subject_kind),
       soci::into(row.subject_id), soci::into(row.basis), soci::into(row.reason),
       soci::into(account, account_indicator), soci::into(row.requested_by),
       soci::into(row.erased_at));
  statement.execute();
  std::vector<ErasureRecord> records;
  while (statement.fetch()) {
    row.requested_by_account_id =
        account_indicator == soci::i_ok ? std::optional<std::string>(account) : std::nullopt;
    records.push_back(row);
  }
  return records;
}

std::vector<ClosedHousehold> SubjectRepository::closed_households_due(const Date& cutoff) {
  const std::string cutoff_text = format_date(cutoff);
  Query query(transaction_.session(),
              "SELECT id, closed_on FROM households WHERE {due} AND NOT EXISTS (SELECT 1 FROM "
              "erasures e WHERE e.subject_id = households.id AND e.basis = 'retention') "
              "ORDER BY closed_on, id",
              {{"cutoff", &cutoff_text}});
  std::string id, closed_on;
  query.statement().exchange(soci::into(id));
  query.statement().exchange(soci::into(closed_on));
  query.prepare_and_execute();
  std::vector<ClosedHousehold> due;
  while (query.statement().fetch()) due.push_back({HouseholdId(id), closed_on});
  return due;
}

std::vector<PersonId> SubjectRepository::members_ever(const HouseholdId& household) {
  const std::vector<std::string> ids =
      read_texts(transaction_.session(),
                 "SELECT DISTINCT person_id FROM household_people WHERE household_id = {h} AND "
                 "part = 'member' ORDER BY person_id",
                 {{"h", &household.str()}});
  return {ids.begin(), ids.end()};
}

bool SubjectRepository::still_needed_after(const PersonId& person, const Date& cutoff) {
  const std::string cutoff_text = format_date(cutoff);
  Query query(transaction_.session(),
              "SELECT (SELECT COUNT(*) FROM ("
              "SELECT household_id FROM household_people WHERE person_id = {p} "
              "UNION ALL SELECT household_id FROM ties WHERE person_id = {p} OR "
              "other_person_id = {p} "
              "UNION ALL SELECT household_id FROM support_acts WHERE {act_involves} "
              "UNION ALL SELECT household_id FROM agreements WHERE id IN ({agreement_ids}) "
              "UNION ALL SELECT household_id FROM assessments WHERE person_id = {p} OR "
              "assessor_id = {p} "
              "UNION ALL SELECT household_id FROM referrals WHERE person_id = {p} OR "
              "referred_by_id = {p}"
              ") involved WHERE household_id IN (SELECT id FROM households WHERE NOT {due})) + "
              "(SELECT COUNT(*) FROM accounts WHERE person_id = {p} AND disabled = 0)",
              {{"p", &person.str()}, {"cutoff", &cutoff_text}});
  long long count = 0;
  query.statement().exchange(soci::into(count));
  query.prepare_and_execute();
  query.statement().fetch();
  return count != 0;
}

}  // namespace dichtbij::store
