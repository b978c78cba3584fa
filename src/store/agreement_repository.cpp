#include "store/agreement_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "agreements";
constexpr std::string_view kWhat = "agreement";
// A cut-off later than any timestamp: "as it stands now".
constexpr const char* kNow = "9999-12-31T23:59:59Z";

// The columns agreements and agreement_versions share, bound both ways.
struct FieldColumns {
  std::string goal, action, responsible, why, due, review, status;
  soci::indicator why_indicator = soci::i_null, due_indicator = soci::i_null,
                  review_indicator = soci::i_null;
  int agreed = 0;

  FieldColumns() = default;
  explicit FieldColumns(const AgreementFields& fields)
      : goal(fields.goal),
        action(fields.action),
        responsible(fields.responsible.str()),
        why(fields.why.value_or("")),
        due(fields.due ? format_date(*fields.due) : ""),
        review(fields.review ? format_date(*fields.review) : ""),
        status(to_code(fields.status)),
        why_indicator(fields.why ? soci::i_ok : soci::i_null),
        due_indicator(fields.due ? soci::i_ok : soci::i_null),
        review_indicator(fields.review ? soci::i_ok : soci::i_null),
        agreed(fields.agreed_by_household ? 1 : 0) {}

  AgreementFields to_fields() const {
    AgreementFields fields;
    fields.goal = goal;
    fields.action = action;
    fields.responsible = PersonId(responsible);
    if (why_indicator == soci::i_ok) fields.why = why;
    if (due_indicator == soci::i_ok) fields.due = read_date(due);
    if (review_indicator == soci::i_ok) fields.review = read_date(review);
    fields.status = from_code<AgreementStatus>(status).value_or(AgreementStatus::planned);
    fields.agreed_by_household = agreed != 0;
    return fields;
  }
};

#define DICHTBIJ_AGREEMENT_FIELDS(c, bind)                                    \
  soci::bind(c.goal), soci::bind(c.action), soci::bind(c.responsible),        \
      soci::bind(c.why, c.why_indicator), soci::bind(c.due, c.due_indicator), \
      soci::bind(c.review, c.review_indicator), soci::bind(c.status), soci::bind(c.agreed)

constexpr const char* kFieldColumns =
    "goal, action, responsible_person_id, why, due_date, review_date, status, "
    "agreed_by_household";

// The version of each of the household's agreements that held at :cutoff.
constexpr const char* kAsOf =
    " FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id"
    " WHERE a.household_id = :household AND v.version = (SELECT MAX(w.version)"
    " FROM agreement_versions w WHERE w.agreement_id = v.agreement_id"
    " AND w.changed_at <= :cutoff)"
    " AND (CAST(:status1 AS TEXT) IS NULL OR v.status = :status2)"
    " AND (CAST(:responsible1 AS TEXT) IS NULL OR v.responsible_person_id = :responsible2)";

}  // namespace

Result<void> AgreementRepository::check_references(const AgreementFields& fields) {
  if (row_exists(transaction_, "persons", fields.responsible.str())) return {};
  Error error =
      make_error(ErrorCode::invalid_input, "the agreement names a person who does not exist");
  error.invalid_params.push_back({"responsiblePersonId", "names no person"});
  return error;
}

void AgreementRepository::record_version(const std::string& id, int version,
                                         const AgreementFields& fields,
                                         const std::string& changed_at) {
  FieldColumns columns(fields);
  transaction_.session() << "INSERT INTO agreement_versions (agreement_id, version, "
                         << kFieldColumns
                         << ", changed_at) VALUES (:id, :version, :goal, :action, :responsible, "
                            ":why, :due, :review, :status, :agreed, :changed_at)",
      soci::use(id), soci::use(version), DICHTBIJ_AGREEMENT_FIELDS(columns, use),
      soci::use(changed_at);
}

Result<Agreement> AgreementRepository::create(const AgreementFields& fields) {
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  FieldColumns columns(fields);
  transaction_.session() << "INSERT INTO agreements (id, version, household_id, " << kFieldColumns
                         << ", created_at, updated_at) VALUES (:id, 1, :household, :goal, "
                            ":action, :responsible, :why, :due, :review, :status, :agreed, "
                            ":created_at, :updated_at)",
      soci::use(id), soci::use(household_.str()), DICHTBIJ_AGREEMENT_FIELDS(columns, use),
      soci::use(now), soci::use(now);
  record_version(id, 1, fields, now);
  return Agreement{AgreementId(id), household_, 1, fields};
}

Result<Agreement> AgreementRepository::get(const AgreementId& id) {
  FieldColumns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, " << kFieldColumns
          << " FROM agreements WHERE id = :id AND household_id = :household",
      soci::use(id.str()), soci::use(household_.str()), soci::into(version),
      DICHTBIJ_AGREEMENT_FIELDS(columns, into);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found,
                      "there is no agreement " + id.str() + " in household " + household_.str());
  }
  return Agreement{id, household_, version, columns.to_fields()};
}

Result<Page<Agreement>> AgreementRepository::list(const AgreementFilter& filter,
                                                  const Paging& paging) {
  soci::session& session = transaction_.session();
  const std::string cutoff = filter.on ? format_date(*filter.on) + "T23:59:59Z" : kNow;
  const std::string status = filter.status ? std::string(to_code(*filter.status)) : "";
  soci::indicator status_indicator = filter.status ? soci::i_ok : soci::i_null;
  const std::string responsible = filter.responsible ? filter.responsible->str() : "";
  soci::indicator responsible_indicator = filter.responsible ? soci::i_ok : soci::i_null;
  Page<Agreement> page;
  session << "SELECT COUNT(*)" << kAsOf, soci::use(household_.str()), soci::use(cutoff),
      soci::use(status, status_indicator), soci::use(status, status_indicator),
      soci::use(responsible, responsible_indicator), soci::use(responsible, responsible_indicator),
      soci::into(page.total);
  std::string id;
  int version = 0;
  FieldColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT v.agreement_id, v.version, v.goal, v.action, "
                          "v.responsible_person_id, v.why, v.due_date, v.review_date, v.status, "
                          "v.agreed_by_household"
                       << kAsOf << " ORDER BY a.created_at, a.id LIMIT :limit OFFSET :offset",
       soci::use(household_.str()), soci::use(cutoff), soci::use(status, status_indicator),
       soci::use(status, status_indicator), soci::use(responsible, responsible_indicator),
       soci::use(responsible, responsible_indicator), soci::use(limit), soci::use(offset),
       soci::into(id), soci::into(version), DICHTBIJ_AGREEMENT_FIELDS(columns, into));
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(Agreement{AgreementId(id), household_, version, columns.to_fields()});
  }
  return page;
}

Result<Agreement> AgreementRepository::update(const AgreementId& id,
                                              std::optional<int> expected_version,
                                              const AgreementFields& fields) {
  Result<Agreement> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  FieldColumns columns(fields);
  transaction_.session() << "UPDATE agreements SET goal = :goal, action = :action, "
                            "responsible_person_id = :responsible, why = :why, due_date = :due, "
                            "review_date = :review, status = :status, agreed_by_household = "
                            ":agreed WHERE id = :id",
      DICHTBIJ_AGREEMENT_FIELDS(columns, use), soci::use(id.str());
  const int version = current->version + 1;
  record_version(id.str(), version, fields, utc_now_text());
  return Agreement{id, household_, version, fields};
}

Result<void> AgreementRepository::remove(const AgreementId& id) {
  if (Result<Agreement> current = get(id); !current.ok()) return std::move(current).error();
  return delete_row(transaction_, kTable, kWhat, id.str());
}

Result<std::vector<AgreementVersion>> AgreementRepository::history(const AgreementId& id) {
  if (Result<Agreement> current = get(id); !current.ok()) return std::move(current).error();
  std::vector<AgreementVersion> versions;
  int version = 0;
  std::string changed_at;
  FieldColumns columns;
  soci::statement statement =
      (transaction_.session().prepare << "SELECT version, changed_at, " << kFieldColumns
                                      << " FROM agreement_versions WHERE agreement_id = :id "
                                         "ORDER BY version",
       soci::use(id.str()), soci::into(version), soci::into(changed_at),
       DICHTBIJ_AGREEMENT_FIELDS(columns, into));
  statement.execute();
  while (statement.fetch()) versions.push_back({version, changed_at, columns.to_fields()});
  return versions;
}

}  // namespace dichtbij::store
