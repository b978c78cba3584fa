// Data-subject rights (GDPR art. 15 access, art. 17 erasure) and the
// retention period: what `dichtbij subject …`, `dichtbij retention run` and
// the admin routes under /api/v1/persons/{id}/ do.
//
// Anonymising, not deleting: every id and reference stays, so aggregate
// counts, networks and mobilisation shares stay true, while the person's
// name, descriptive fields and the free text about them go (the columns are
// listed in store/subject_repository.hpp). The audit log is left as it is: it
// holds ids, usernames and actions, no names or notes, and its hash chain is
// the proof that nobody rewrote it. What happened is recorded in the
// erasures table — who asked, when, why, on which basis — never what was
// erased.
//
// Who may: an administrator over the API; at the command line, whoever can
// run `dichtbij` against the database (the operator). Every call is an audit
// event, refusals included.
//
// Thread-safe as the database is; each call is one transaction (retention:
// one per household), so a failure leaves nothing half-anonymised.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"
#include "store/subject_repository.hpp"

namespace dichtbij::access {

// What an anonymised name, household name, agreement goal or action reads.
inline constexpr std::string_view kAnonymised = "Geanonimiseerd";
// An anonymised account's username: this and the first 8 of its id.
inline constexpr std::string_view kAnonymisedUsernamePrefix = "geanonimiseerd-";
// The longest reason an erasure accepts, in characters.
inline constexpr std::size_t kMaxReasonLength = 500;
// The retention period's default and bounds, in years (config retention_years).
inline constexpr int kDefaultRetentionYears = 15;
inline constexpr int kMinRetentionYears = 1;
inline constexpr int kMaxRetentionYears = 100;

// Who asks.
struct Requester {
  // The signed-in account (API); none at the command line.
  std::optional<Actor> actor;
  // Recorded as "requested by": the username, or e.g. "command line (root)".
  std::string description;
  std::optional<std::string> client_address;
};

// The requester for the API's signed-in caller.
[[nodiscard]] Requester requester_of(const Actor& actor, std::string client_address);

struct ErasureOutcome {
  PersonId person;
  // True when the person had been erased before; the clearing ran again all
  // the same (it catches anything added since) and no second record is
  // kept.
  bool already_erased = false;
  std::string erased_at;  // of the first erasure (UTC text)
  std::string erasure_id;
  store::AnonymisedCounts counts;  // what this call changed
};

// One household the retention run anonymises (or would, in a dry run).
struct RetentionItem {
  store::ClosedHousehold household;
  int persons = 0;  // members anonymised with it
};

struct RetentionReport {
  Date cutoff;  // households closed on or before this day were due
  int households = 0;
  int persons = 0;
  bool dry_run = false;
};

class SubjectRights {
 public:
  // REQUIRES: database outlives this.
  explicit SubjectRights(store::Database& database) : database_(database) {}

  // Everything about one person as one JSON document:
  //   {"format": "dichtbij.subject-access.v1", "personId", "exportedAt",
  //    "records": {"persons": [...], "personRoles": [...], ...}}
  // one member of records per table (camelCase), each row an object of its
  // columns (camelCase); JSON-array columns as arrays, 0/1 flags as booleans.
  // Recorded as "person.subjectAccess" before it is returned. forbidden
  // for an actor who is not an administrator; not_found for an unknown
  // person (both recorded, the refusal as denied).
  [[nodiscard]] Result<nlohmann::json> subject_access(const PersonId& person,
                                                      const Requester& requester);

  // Anonymises the person in place (see the top of this file) and records
  // it ("person.erase"). The person's accounts are disabled, renamed and
  // their sessions ended. Households the person was the only member of are
  // anonymised whole. invalid_input naming "reason" when it is empty or
  // longer than kMaxReasonLength; forbidden and not_found as above.
  // Idempotent: a second call says already_erased.
  [[nodiscard]] Result<ErasureOutcome> erase(const PersonId& person, std::string_view reason,
                                             const Requester& requester);

  // Anonymises every household closed on or before today minus years that
  // has not been anonymised yet: its name and free text, and each member who
  // is not still needed (store::SubjectRepository::still_needed_after),
  // like an erasure. One transaction, erasure record and audit event
  // ("household.retention") per household; on_item is called after each
  // (for progress). dry_run: counts what it would do and changes nothing.
  // invalid_input naming "retention_years" outside the bounds above.
  [[nodiscard]] Result<RetentionReport> run_retention(
      const Date& today, int years, bool dry_run, const Requester& requester,
      const std::function<void(const RetentionItem&, std::size_t done, std::size_t total)>&
          on_item = {});

 private:
  store::Database& database_;
};

}  // namespace dichtbij::access
