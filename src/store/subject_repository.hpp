// SubjectRepository: the SQL behind data-subject rights and retention —
// finding every row about one person, and the steps that anonymise a person
// or a household in place. Which steps run, and with which placeholder text,
// is decided in access/subject_rights.hpp; this only runs them.
//
// Anonymising keeps every id and reference, so counts, networks and
// mobilisation shares stay as they were; only names, descriptive fields and
// free text go. Every row it changes gets a new version (and agreements a
// new version row), so a client holding an old ETag cannot write the erased
// text back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// One column's value as stored: NULL, a whole number, a real or text.
using StoredValue = std::variant<std::monostate, long long, double, std::string>;

struct StoredColumn {
  std::string name;  // the column's name, e.g. "display_name"
  StoredValue value;
};

// The rows of one table that are about the subject, in a stable order.
struct SubjectTable {
  std::string_view table;  // e.g. "support_acts"; static storage
  std::vector<std::vector<StoredColumn>> rows;
};

// What the person-wide anonymising steps changed; zero everywhere when it
// had been done before and nothing new came in since.
struct AnonymisedCounts {
  int persons = 0;
  int support_act_notes = 0;
  int agreements = 0;
  int assessment_notes = 0;
  int referral_notes = 0;
  int consent_notes = 0;
  int break_glass_reasons = 0;  // replaced by the placeholder (a reason is required)
  int households = 0;
  int help_requests = 0;       // description replaced by the placeholder, interests cleared
  int matches = 0;             // reason and explanation cleared
  int volunteer_profiles = 0;  // interests, home buurt and exclusions cleared; paused
  int accounts_disabled = 0;
  int idempotent_answers = 0;
};

// A record that a person or household was anonymised. Never the erased
// content.
struct ErasureRecord {
  std::string id;            // filled in by add_erasure
  std::string subject_kind;  // "person" or "household"
  std::string subject_id;
  std::string basis;  // "request" or "retention"
  std::string reason;
  std::optional<std::string> requested_by_account_id;
  std::string requested_by;  // a username, or "command line (…)"
  std::string erased_at;     // UTC text; filled in by add_erasure
};

// A household whose retention period has run out.
struct ClosedHousehold {
  HouseholdId id;
  std::string closed_on;  // YYYY-MM-DD
};

// Borrows the transaction; create one per transaction. Every method throws
// soci::soci_error like any SOCI call (in_transaction() turns it into an
// error).
class SubjectRepository {
 public:
  explicit SubjectRepository(Transaction& transaction) : transaction_(transaction) {}

  [[nodiscard]] bool person_exists(const PersonId& person);

  // Every row about the person, table by table, in a fixed table order:
  // the person with roles and memberships; household memberships and team
  // spells, and the households they were a member of; ties with the person
  // at either end; agreements they were ever responsible for, with every
  // version; support acts where they are provider, receiver, mobiliser or
  // otherwise involved; assessments and referrals of them, by them, or of a
  // household they were a member of (with scores); the consents of their
  // member households and those their accounts recorded or withdrew (the
  // note only of their own households'); the break-glass openings of their
  // member households and those their accounts made (the reason only of
  // their own households'); their accounts (never password hashes) and
  // sessions (never token hashes); the audit events about them, by their
  // accounts, about their member households as a whole, their consents and
  // openings (not about other members' records in them) and about the
  // records above and below; the help requests of their member households
  // and those they asked for others (the description and interests only of
  // their own households'); their volunteer profiles; the matches of them
  // as the volunteer and of their member households (never the explanation,
  // which names other volunteers); and the erasure records about them and
  // their member households.
  [[nodiscard]] Result<std::vector<SubjectTable>> records_of(const PersonId& person);

  // The person's own name and descriptive fields: display name becomes
  // placeholder; birth year, buurt code, languages and skills are cleared.
  // Roles and memberships stay: they are structure, not description.
  // Returns 1 when the row changed, 0 when it already held nothing more.
  [[nodiscard]] int anonymise_person_row(const PersonId& person, const std::string& placeholder);

  // The free text of records the person takes part in: notes of support
  // acts where they are provider, receiver, mobiliser or involved; goal,
  // action (both become placeholder) and why of agreements they were ever
  // responsible for, in every version; notes of assessments and referrals
  // of them or by them; consent notes and break-glass reasons (which become
  // placeholder) of every household they were ever a member of, since those
  // describe the household's members and cannot be told apart by person;
  // for the same reason the description (placeholder) and interests of
  // those households' help requests, and the reason and explanation of
  // their matches and of the person's own matches as a volunteer. The
  // person's volunteer profiles lose interests, home buurt and exclusions
  // and are paused. The consents, openings, requests and matches stay.
  void clear_text_involving(const PersonId& person, const std::string& placeholder,
                            AnonymisedCounts& counts);

  // Households the person is the only one ever to have been a member of:
  // their name and all their free text describe this person alone.
  [[nodiscard]] std::vector<HouseholdId> sole_member_households(const PersonId& person);

  // A household's name becomes placeholder; every note (of acts,
  // assessments, referrals and consents), agreement goal, action and why
  // (every version) in it is cleared, and the reasons of break-glass
  // openings of it become placeholder, as do its help requests'
  // descriptions (interests cleared); its matches lose reason and
  // explanation. The buurt code, kind, target group and status stay
  // (aggregates). Returns whether anything changed.
  [[nodiscard]] bool anonymise_household(const HouseholdId& household,
                                         const std::string& placeholder, AnonymisedCounts& counts);

  // Disables the person's accounts, ends their sessions and replaces each
  // username (often built from a name) with "<username_prefix><first 8 of
  // the account id>". Returns how many accounts it changed.
  [[nodiscard]] int disable_accounts_of(const PersonId& person, std::string_view username_prefix);

  // Forgets stored answers to retried creates (idempotency_keys) whose body
  // mentions the id: they are copies of the records. Returns how many.
  [[nodiscard]] int forget_answers_mentioning(const std::string& id);

  // Appends a record; fills in its id and erased_at.
  void add_erasure(ErasureRecord& record);
  // The records about a person or household, oldest first.
  [[nodiscard]] std::vector<ErasureRecord> erasures_of(const std::string& subject_id);

  // Closed households whose closed_on is on or before cutoff and that the
  // retention run has not anonymised yet, oldest first.
  [[nodiscard]] std::vector<ClosedHousehold> closed_households_due(const Date& cutoff);
  // Everyone who was ever a member of the household.
  [[nodiscard]] std::vector<PersonId> members_ever(const HouseholdId& household);
  // Whether the person is still needed after the households due by cutoff
  // are gone: they take part (as member, on the team, in a tie, a support
  // act, an agreement, an assessment or a referral) in a household that is
  // not closed or closed after cutoff, or they have an enabled account (a
  // client who became a volunteer, say).
  [[nodiscard]] bool still_needed_after(const PersonId& person, const Date& cutoff);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
