#include "store/help_request_repository.hpp"

#include <soci/soci.h>

#include "store/reach.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr const char* kColumns =
    "household_id, practice_id, kind, description, buurt_code, languages, interests, "
    "wished_times, urgency, status, requested_by_id";

WeeklyTimes read_times(const std::string& text) {
  WeeklyTimes times;
  for (const std::string& code : from_json_array(text)) {
    if (std::optional<int> slot = WeeklyTimes::parse_slot(code)) times.add(*slot);
  }
  return times;
}

struct HelpRequestColumns {
  std::string household, practice, kind, description, buurt_code, languages, interests,
      wished_times, urgency, status, requested_by;
  soci::indicator requested_by_indicator = soci::i_null;

  HelpRequestColumns() = default;
  explicit HelpRequestColumns(const HelpRequestFields& fields)
      : household(fields.household.str()),
        practice(fields.practice.str()),
        kind(to_code(fields.kind)),
        description(fields.description),
        buurt_code(fields.buurt_code),
        languages(to_json_array(fields.languages)),
        interests(to_json_array(fields.interests)),
        wished_times(to_json_array(fields.wished_times.codes())),
        urgency(to_code(fields.urgency)),
        status(to_code(fields.status)),
        requested_by(fields.requested_by ? fields.requested_by->str() : ""),
        requested_by_indicator(fields.requested_by ? soci::i_ok : soci::i_null) {}

  HelpRequestFields to_fields() const {
    HelpRequestFields fields;
    fields.household = HouseholdId(household);
    fields.practice = PracticeId(practice);
    fields.kind = from_code<HelpKind>(kind).value_or(HelpKind::other);
    fields.description = description;
    fields.buurt_code = buurt_code;
    fields.languages = from_json_array(languages);
    fields.interests = from_json_array(interests);
    fields.wished_times = read_times(wished_times);
    fields.urgency = from_code<Urgency>(urgency).value_or(Urgency::normal);
    fields.status = from_code<HelpRequestStatus>(status).value_or(HelpRequestStatus::open);
    if (requested_by_indicator == soci::i_ok) fields.requested_by = PersonId(requested_by);
    return fields;
  }
};

#define DICHTBIJ_HELP_REQUEST_COLUMNS(c, bind)                                                    \
  soci::bind(c.household), soci::bind(c.practice), soci::bind(c.kind), soci::bind(c.description), \
      soci::bind(c.buurt_code), soci::bind(c.languages), soci::bind(c.interests),                 \
      soci::bind(c.wished_times), soci::bind(c.urgency), soci::bind(c.status),                    \
      soci::bind(c.requested_by, c.requested_by_indicator)

struct Optional {
  std::string value;
  soci::indicator indicator = soci::i_null;
  void set(std::string text) { value = std::move(text), indicator = soci::i_ok; }
};

}  // namespace

Result<void> HelpRequestRepository::write(const std::string& id, const HelpRequestFields& fields,
                                          bool insert) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "households", fields.household.str())) {
    problems.push_back({"householdId", "names no household"});
  }
  if (!row_exists(transaction_, "practices", fields.practice.str())) {
    problems.push_back({"practiceId", "names no practice"});
  } else if (problems.empty()) {
    int linked = 0;
    transaction_.session() << "SELECT COUNT(*) FROM household_practices WHERE household_id = "
                              ":household AND practice_id = :practice",
        soci::use(fields.household.str()), soci::use(fields.practice.str()), soci::into(linked);
    if (linked == 0) problems.push_back({"practiceId", "the household is not of this practice"});
  }
  if (fields.requested_by && !row_exists(transaction_, "persons", fields.requested_by->str())) {
    problems.push_back({"requestedById", "names no person"});
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "it refers to records that do not fit");
    error.invalid_params = std::move(problems);
    return error;
  }
  HelpRequestColumns columns(fields);
  soci::session& session = transaction_.session();
  if (insert) {
    const std::string now = utc_now_text();
    session << "INSERT INTO help_requests (id, version, " << kColumns
            << ", created_at, updated_at) VALUES (:id, 1, :household, :practice, :kind, "
               ":description, :buurt_code, :languages, :interests, :wished_times, :urgency, "
               ":status, :requested_by, :created_at, :updated_at)",
        soci::use(id), DICHTBIJ_HELP_REQUEST_COLUMNS(columns, use), soci::use(now), soci::use(now);
  } else {
    session << "UPDATE help_requests SET household_id = :household, practice_id = :practice, "
               "kind = :kind, description = :description, buurt_code = :buurt_code, languages = "
               ":languages, interests = :interests, wished_times = :wished_times, urgency = "
               ":urgency, status = :status, requested_by_id = :requested_by WHERE id = :id",
        DICHTBIJ_HELP_REQUEST_COLUMNS(columns, use), soci::use(id);
  }
  return {};
}

Result<HelpRequest> HelpRequestRepository::create(const HelpRequestFields& fields) {
  const std::string id = new_uuid();
  if (Result<void> written = write(id, fields, true); !written.ok()) {
    return std::move(written).error();
  }
  return HelpRequest{HelpRequestId(id), 1, fields};
}

Result<HelpRequest> HelpRequestRepository::get(const HelpRequestId& id) {
  HelpRequestColumns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, " << kColumns << " FROM help_requests WHERE id = :id",
      soci::use(id.str()), soci::into(version), DICHTBIJ_HELP_REQUEST_COLUMNS(columns, into);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no help request " + id.str());
  return HelpRequest{id, version, columns.to_fields()};
}

Result<Page<HelpRequest>> HelpRequestRepository::select(const HelpRequestFilter& filter,
                                                        const std::optional<Paging>& paging) {
  constexpr const char* kWhere =
      " WHERE (CAST(:practice1 AS TEXT) IS NULL OR practice_id = :practice2)"
      " AND (CAST(:household1 AS TEXT) IS NULL OR household_id = :household2)"
      " AND (CAST(:status1 AS TEXT) IS NULL OR status = :status2)"
      " AND (CAST(:kind1 AS TEXT) IS NULL OR kind = :kind2)";
  const std::string where = kWhere + (" AND " + in_reach("household_id"));
  ReachValues reach(filter.reach.value_or(Reach::all()));
  Optional practice, household, status, kind;
  if (filter.practice) practice.set(filter.practice->str());
  if (filter.household) household.set(filter.household->str());
  if (filter.status) status.set(std::string(to_code(*filter.status)));
  if (filter.kind) kind.set(std::string(to_code(*filter.kind)));
#define DICHTBIJ_FILTER_USE                                                                       \
  soci::use(practice.value, practice.indicator), soci::use(practice.value, practice.indicator),   \
      soci::use(household.value, household.indicator),                                            \
      soci::use(household.value, household.indicator), soci::use(status.value, status.indicator), \
      soci::use(status.value, status.indicator), soci::use(kind.value, kind.indicator),           \
      soci::use(kind.value, kind.indicator)
  soci::session& session = transaction_.session();
  Page<HelpRequest> page;
  session << reach_cte() << "SELECT COUNT(*) FROM help_requests" << where,
      DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_FILTER_USE, DICHTBIJ_REACH_ALL_USE(reach),
      soci::into(page.total);
  std::string id;
  int version = 0;
  HelpRequestColumns columns;
  long long limit = paging ? paging->limit : page.total;
  long long offset = paging ? paging->offset : 0;
  soci::statement statement =
      (session.prepare << reach_cte() << "SELECT id, version, " << kColumns << " FROM help_requests"
                       << where << " ORDER BY created_at, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_FILTER_USE, DICHTBIJ_REACH_ALL_USE(reach),
       soci::use(limit), soci::use(offset), soci::into(id), soci::into(version),
       DICHTBIJ_HELP_REQUEST_COLUMNS(columns, into));
#undef DICHTBIJ_FILTER_USE
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(HelpRequest{HelpRequestId(id), version, columns.to_fields()});
    columns.requested_by_indicator = soci::i_null;
  }
  return page;
}

Result<Page<HelpRequest>> HelpRequestRepository::list(const HelpRequestFilter& filter,
                                                      const Paging& paging) {
  return select(filter, paging);
}

Result<std::vector<HelpRequest>> HelpRequestRepository::all(const HelpRequestFilter& filter) {
  Result<Page<HelpRequest>> page = select(filter, std::nullopt);
  if (!page.ok()) return std::move(page).error();
  return std::move(page->items);
}

Result<HelpRequest> HelpRequestRepository::update(const HelpRequestId& id,
                                                  std::optional<int> expected_version,
                                                  const HelpRequestFields& fields) {
  Result<HelpRequest> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "help_requests", "help request",
                                              id.str(), current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write(id.str(), fields, false); !written.ok()) {
    return std::move(written).error();
  }
  return HelpRequest{id, current->version + 1, fields};
}

Result<void> HelpRequestRepository::set_status(const HelpRequestId& id, HelpRequestStatus status) {
  Result<HelpRequest> current = get(id);
  if (!current.ok()) return std::move(current).error();
  if (Result<void> advanced = advance_version(transaction_, "help_requests", "help request",
                                              id.str(), current->version, std::nullopt);
      !advanced.ok()) {
    return advanced;
  }
  const std::string code(to_code(status));
  transaction_.session() << "UPDATE help_requests SET status = :status WHERE id = :id",
      soci::use(code), soci::use(id.str());
  return {};
}

Result<void> HelpRequestRepository::remove(const HelpRequestId& id) {
  return delete_row(transaction_, "help_requests", "help request", id.str());
}

}  // namespace dichtbij::store
