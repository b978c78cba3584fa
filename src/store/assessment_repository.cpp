#include "store/assessment_repository.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "store/child_rows.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "assessments";
constexpr std::string_view kWhat = "assessment";

struct Columns {
  std::string date, person, assessor, note;
  soci::indicator assessor_indicator = soci::i_null, note_indicator = soci::i_null;

  Columns() = default;
  explicit Columns(const AssessmentFields& fields)
      : date(format_date(fields.date)),
        person(fields.person.str()),
        assessor(fields.assessor ? fields.assessor->str() : ""),
        note(fields.note.value_or("")),
        assessor_indicator(fields.assessor ? soci::i_ok : soci::i_null),
        note_indicator(fields.note ? soci::i_ok : soci::i_null) {}

  AssessmentFields to_fields() const {
    AssessmentFields fields;
    fields.date = read_date(date);
    fields.person = PersonId(person);
    if (assessor_indicator == soci::i_ok) fields.assessor = PersonId(assessor);
    if (note_indicator == soci::i_ok) fields.note = note;
    return fields;
  }
};

#define DICHTBIJ_ASSESSMENT_COLUMNS(c, bind)                                              \
  soci::bind(c.date), soci::bind(c.person), soci::bind(c.assessor, c.assessor_indicator), \
      soci::bind(c.note, c.note_indicator)

constexpr const char* kWhere =
    " WHERE household_id = :household"
    " AND (CAST(:person1 AS TEXT) IS NULL OR person_id = :person2)"
    " AND (CAST(:from1 AS TEXT) IS NULL OR assessed_on >= :from2)"
    " AND (CAST(:to1 AS TEXT) IS NULL OR assessed_on <= :to2)";

// A score's row has no position: one row per domain, put in the matrix's order
// after reading.
constexpr ChildTable kScores{"assessment_scores", "assessment_id", "domain, score, carried_by",
                             "domain"};

}  // namespace

Result<void> AssessmentRepository::check_references(const AssessmentFields& fields) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "persons", fields.person.str())) {
    problems.push_back({"personId", "names no person"});
  }
  if (fields.assessor && !row_exists(transaction_, "persons", fields.assessor->str())) {
    problems.push_back({"assessorId", "names no person"});
  }
  if (problems.empty()) return {};
  Error error =
      make_error(ErrorCode::invalid_input, "the assessment names persons who do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

void AssessmentRepository::write_scores(const std::string& id, const AssessmentFields& fields) {
  soci::session& session = transaction_.session();
  session << "DELETE FROM assessment_scores WHERE assessment_id = :id", soci::use(id);
  for (const DomainScore& score : fields.scores) {
    const std::string domain(to_code(score.domain));
    const std::string carrier = score.carried_by ? std::string(to_code(*score.carried_by)) : "";
    soci::indicator carrier_indicator = score.carried_by ? soci::i_ok : soci::i_null;
    session << "INSERT INTO assessment_scores (assessment_id, domain, score, carried_by) VALUES "
               "(:id, :domain, :score, :carrier)",
        soci::use(id), soci::use(domain), soci::use(score.score),
        soci::use(carrier, carrier_indicator);
  }
}

void AssessmentRepository::load_scores(std::vector<Assessment>& assessments) {
  std::string domain, carrier;
  soci::indicator carrier_indicator = soci::i_null;
  int score = 0;
  for_each_child_row(
      transaction_.session(), kScores, ids_of(assessments),
      [&](soci::statement& statement) {
        statement.exchange(soci::into(domain));
        statement.exchange(soci::into(score));
        statement.exchange(soci::into(carrier, carrier_indicator));
      },
      [&](std::size_t parent) {
        DomainScore entry;
        entry.domain = from_code<ZrmDomain>(domain).value_or(ZrmDomain::finances);
        entry.score = score;
        if (carrier_indicator == soci::i_ok) entry.carried_by = from_code<Carrier>(carrier);
        assessments[parent].fields.scores.push_back(entry);
      });
  // In the matrix's own order, whatever order the database returns.
  for (Assessment& assessment : assessments) {
    std::sort(assessment.fields.scores.begin(), assessment.fields.scores.end(),
              [](const DomainScore& a, const DomainScore& b) { return a.domain < b.domain; });
  }
}

Result<Assessment> AssessmentRepository::create(const AssessmentFields& fields) {
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  Columns columns(fields);
  transaction_.session() << "INSERT INTO assessments (id, version, household_id, assessed_on, "
                            "person_id, assessor_id, note, created_at, updated_at) VALUES (:id, "
                            "1, :household, :date, :person, :assessor, :note, :created_at, "
                            ":updated_at)",
      soci::use(id), soci::use(household_.str()), DICHTBIJ_ASSESSMENT_COLUMNS(columns, use),
      soci::use(now), soci::use(now);
  write_scores(id, fields);
  Assessment created{AssessmentId(id), household_, 1, fields};
  std::sort(created.fields.scores.begin(), created.fields.scores.end(),
            [](const DomainScore& a, const DomainScore& b) { return a.domain < b.domain; });
  return created;
}

Result<Assessment> AssessmentRepository::get(const AssessmentId& id) {
  Columns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, assessed_on, person_id, assessor_id, note FROM assessments WHERE "
             "id = :id AND household_id = :household",
      soci::use(id.str()), soci::use(household_.str()), soci::into(version),
      DICHTBIJ_ASSESSMENT_COLUMNS(columns, into);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found,
                      "there is no assessment " + id.str() + " in household " + household_.str());
  }
  std::vector<Assessment> found{Assessment{id, household_, version, columns.to_fields()}};
  load_scores(found);
  return std::move(found.front());
}

Result<Page<Assessment>> AssessmentRepository::list(const AssessmentFilter& filter,
                                                    const Paging& paging) {
  soci::session& session = transaction_.session();
  const std::string person = filter.person ? filter.person->str() : "";
  soci::indicator person_indicator = filter.person ? soci::i_ok : soci::i_null;
  const std::string from = filter.from ? format_date(*filter.from) : "";
  soci::indicator from_indicator = filter.from ? soci::i_ok : soci::i_null;
  const std::string to = filter.to ? format_date(*filter.to) : "";
  soci::indicator to_indicator = filter.to ? soci::i_ok : soci::i_null;
  Page<Assessment> page;
  session << "SELECT COUNT(*) FROM assessments" << kWhere, soci::use(household_.str()),
      soci::use(person, person_indicator), soci::use(person, person_indicator),
      soci::use(from, from_indicator), soci::use(from, from_indicator), soci::use(to, to_indicator),
      soci::use(to, to_indicator), soci::into(page.total);
  std::string id;
  int version = 0;
  Columns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  std::vector<Assessment> found;
  soci::statement statement =
      (session.prepare << "SELECT id, version, assessed_on, person_id, assessor_id, note FROM "
                          "assessments"
                       << kWhere << " ORDER BY assessed_on, id LIMIT :limit OFFSET :offset",
       soci::use(household_.str()), soci::use(person, person_indicator),
       soci::use(person, person_indicator), soci::use(from, from_indicator),
       soci::use(from, from_indicator), soci::use(to, to_indicator), soci::use(to, to_indicator),
       soci::use(limit), soci::use(offset), soci::into(id), soci::into(version),
       DICHTBIJ_ASSESSMENT_COLUMNS(columns, into));
  statement.execute();
  while (statement.fetch()) {
    found.push_back(Assessment{AssessmentId(id), household_, version, columns.to_fields()});
  }
  load_scores(found);
  page.items = std::move(found);
  return page;
}

Result<Assessment> AssessmentRepository::update(const AssessmentId& id,
                                                std::optional<int> expected_version,
                                                const AssessmentFields& fields) {
  Result<Assessment> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  Columns columns(fields);
  transaction_.session() << "UPDATE assessments SET assessed_on = :date, person_id = :person, "
                            "assessor_id = :assessor, note = :note WHERE id = :id",
      DICHTBIJ_ASSESSMENT_COLUMNS(columns, use), soci::use(id.str());
  write_scores(id.str(), fields);
  return get(id);
}

Result<void> AssessmentRepository::remove(const AssessmentId& id) {
  if (Result<Assessment> current = get(id); !current.ok()) return std::move(current).error();
  return delete_row(transaction_, kTable, kWhat, id.str());
}

}  // namespace dichtbij::store
