#include "store/facility_repository.hpp"

#include <soci/soci.h>

#include "store/reach.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

// An optional text column and its NULL indicator.
struct OptionalText {
  std::string value;
  soci::indicator indicator = soci::i_null;

  OptionalText() = default;
  explicit OptionalText(const std::optional<std::string>& text)
      : value(text.value_or("")), indicator(text ? soci::i_ok : soci::i_null) {}
  std::optional<std::string> get() const {
    return indicator == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
  }
};

#define DICHTBIJ_OPTIONAL(bind, column) soci::bind(column.value, column.indicator)

struct FacilityColumns {
  std::string name, kind, buurt_code;
  OptionalText address, description, organisation;

  FacilityColumns() = default;
  explicit FacilityColumns(const FacilityFields& fields)
      : name(fields.name),
        kind(to_code(fields.kind)),
        buurt_code(fields.buurt_code),
        address(fields.address),
        description(fields.description),
        organisation(fields.organisation ? std::optional<std::string>(fields.organisation->str())
                                         : std::nullopt) {}

  FacilityFields to_fields() const {
    FacilityFields fields;
    fields.name = name;
    fields.kind = from_code<FacilityKind>(kind).value_or(FacilityKind::other);
    fields.buurt_code = buurt_code;
    fields.address = address.get();
    fields.description = description.get();
    if (auto id = organisation.get()) fields.organisation = OrganisationId(*id);
    return fields;
  }
};

#define DICHTBIJ_FACILITY_COLUMNS(c, bind)                                        \
  soci::bind(c.name), soci::bind(c.kind), soci::bind(c.buurt_code),               \
      DICHTBIJ_OPTIONAL(bind, c.address), DICHTBIJ_OPTIONAL(bind, c.description), \
      DICHTBIJ_OPTIONAL(bind, c.organisation)

struct ReferralColumns {
  std::string date, household, facility, status;
  OptionalText person, referred_by, note;

  ReferralColumns() = default;
  explicit ReferralColumns(const ReferralFields& fields)
      : date(format_date(fields.date)),
        household(fields.household.str()),
        facility(fields.facility.str()),
        status(to_code(fields.status)),
        person(fields.person ? std::optional<std::string>(fields.person->str()) : std::nullopt),
        referred_by(fields.referred_by ? std::optional<std::string>(fields.referred_by->str())
                                       : std::nullopt),
        note(fields.note) {}

  ReferralFields to_fields() const {
    ReferralFields fields;
    fields.date = read_date(date);
    fields.household = HouseholdId(household);
    fields.facility = FacilityId(facility);
    fields.status = from_code<ReferralStatus>(status).value_or(ReferralStatus::proposed);
    if (auto id = person.get()) fields.person = PersonId(*id);
    if (auto id = referred_by.get()) fields.referred_by = PersonId(*id);
    fields.note = note.get();
    return fields;
  }
};

#define DICHTBIJ_REFERRAL_COLUMNS(c, bind)                                                   \
  soci::bind(c.date), soci::bind(c.household), soci::bind(c.facility), soci::bind(c.status), \
      DICHTBIJ_OPTIONAL(bind, c.person), DICHTBIJ_OPTIONAL(bind, c.referred_by),             \
      DICHTBIJ_OPTIONAL(bind, c.note)

Error missing_references(std::vector<InvalidParam> problems) {
  Error error = make_error(ErrorCode::invalid_input, "it refers to records that do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

}  // namespace

Result<void> FacilityRepository::write(const std::string& id, const FacilityFields& fields,
                                       bool insert) {
  if (fields.organisation &&
      !row_exists(transaction_, "organisations", fields.organisation->str())) {
    return missing_references({{"organisationId", "names no organisation"}});
  }
  FacilityColumns columns(fields);
  soci::session& session = transaction_.session();
  if (insert) {
    const std::string now = utc_now_text();
    session << "INSERT INTO facilities (id, version, name, kind, buurt_code, address, "
               "description, organisation_id, created_at, updated_at) VALUES (:id, 1, :name, "
               ":kind, :buurt_code, :address, :description, :organisation, :created_at, "
               ":updated_at)",
        soci::use(id), DICHTBIJ_FACILITY_COLUMNS(columns, use), soci::use(now), soci::use(now);
  } else {
    session << "UPDATE facilities SET name = :name, kind = :kind, buurt_code = :buurt_code, "
               "address = :address, description = :description, organisation_id = "
               ":organisation WHERE id = :id",
        DICHTBIJ_FACILITY_COLUMNS(columns, use), soci::use(id);
  }
  return {};
}

Result<Facility> FacilityRepository::create(const FacilityFields& fields) {
  const std::string id = new_uuid();
  if (Result<void> written = write(id, fields, true); !written.ok())
    return std::move(written).error();
  return Facility{FacilityId(id), 1, fields};
}

Result<Facility> FacilityRepository::get(const FacilityId& id) {
  FacilityColumns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, name, kind, buurt_code, address, description, organisation_id "
             "FROM facilities WHERE id = :id",
      soci::use(id.str()), soci::into(version), DICHTBIJ_FACILITY_COLUMNS(columns, into);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no facility " + id.str());
  return Facility{id, version, columns.to_fields()};
}

Result<Page<Facility>> FacilityRepository::list(const FacilityFilter& filter,
                                                const Paging& paging) {
  constexpr const char* kWhere =
      " WHERE (CAST(:kind1 AS TEXT) IS NULL OR kind = :kind2)"
      " AND (CAST(:buurt1 AS TEXT) IS NULL OR buurt_code = :buurt2)";
  soci::session& session = transaction_.session();
  OptionalText kind(filter.kind ? std::optional<std::string>(to_code(*filter.kind)) : std::nullopt);
  OptionalText buurt(filter.buurt_code);
  Page<Facility> page;
  session << "SELECT COUNT(*) FROM facilities" << kWhere, DICHTBIJ_OPTIONAL(use, kind),
      DICHTBIJ_OPTIONAL(use, kind), DICHTBIJ_OPTIONAL(use, buurt), DICHTBIJ_OPTIONAL(use, buurt),
      soci::into(page.total);
  std::string id;
  int version = 0;
  FacilityColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT id, version, name, kind, buurt_code, address, description, "
                          "organisation_id FROM facilities"
                       << kWhere << " ORDER BY name, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_OPTIONAL(use, kind), DICHTBIJ_OPTIONAL(use, kind), DICHTBIJ_OPTIONAL(use, buurt),
       DICHTBIJ_OPTIONAL(use, buurt), soci::use(limit), soci::use(offset), soci::into(id),
       soci::into(version), DICHTBIJ_FACILITY_COLUMNS(columns, into));
  statement.execute();
  while (statement.fetch())
    page.items.push_back(Facility{FacilityId(id), version, columns.to_fields()});
  return page;
}

Result<Facility> FacilityRepository::update(const FacilityId& id,
                                            std::optional<int> expected_version,
                                            const FacilityFields& fields) {
  Result<Facility> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "facilities", "facility", id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write(id.str(), fields, false); !written.ok()) {
    return std::move(written).error();
  }
  return Facility{id, current->version + 1, fields};
}

Result<void> FacilityRepository::remove(const FacilityId& id) {
  return delete_row(transaction_, "facilities", "facility", id.str());
}

Result<void> ReferralRepository::write(const std::string& id, const ReferralFields& fields,
                                       bool insert) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "households", fields.household.str())) {
    problems.push_back({"householdId", "names no household"});
  }
  if (!row_exists(transaction_, "facilities", fields.facility.str())) {
    problems.push_back({"facilityId", "names no facility"});
  }
  if (fields.person && !row_exists(transaction_, "persons", fields.person->str())) {
    problems.push_back({"personId", "names no person"});
  }
  if (fields.referred_by && !row_exists(transaction_, "persons", fields.referred_by->str())) {
    problems.push_back({"referredById", "names no person"});
  }
  if (!problems.empty()) return missing_references(std::move(problems));
  ReferralColumns columns(fields);
  soci::session& session = transaction_.session();
  if (insert) {
    const std::string now = utc_now_text();
    session << "INSERT INTO referrals (id, version, referred_on, household_id, facility_id, "
               "status, person_id, referred_by_id, note, created_at, updated_at) VALUES (:id, 1, "
               ":date, :household, :facility, :status, :person, :referred_by, :note, "
               ":created_at, :updated_at)",
        soci::use(id), DICHTBIJ_REFERRAL_COLUMNS(columns, use), soci::use(now), soci::use(now);
  } else {
    session << "UPDATE referrals SET referred_on = :date, household_id = :household, "
               "facility_id = :facility, status = :status, person_id = :person, referred_by_id "
               "= :referred_by, note = :note WHERE id = :id",
        DICHTBIJ_REFERRAL_COLUMNS(columns, use), soci::use(id);
  }
  return {};
}

Result<Referral> ReferralRepository::create(const ReferralFields& fields) {
  const std::string id = new_uuid();
  if (Result<void> written = write(id, fields, true); !written.ok())
    return std::move(written).error();
  return Referral{ReferralId(id), 1, fields};
}

Result<Referral> ReferralRepository::get(const ReferralId& id) {
  ReferralColumns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, referred_on, household_id, facility_id, status, person_id, "
             "referred_by_id, note FROM referrals WHERE id = :id",
      soci::use(id.str()), soci::into(version), DICHTBIJ_REFERRAL_COLUMNS(columns, into);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no referral " + id.str());
  return Referral{id, version, columns.to_fields()};
}

Result<Page<Referral>> ReferralRepository::list(const ReferralFilter& filter,
                                                const Paging& paging) {
  constexpr const char* kWhere =
      " WHERE (CAST(:household1 AS TEXT) IS NULL OR household_id = :household2)"
      " AND (CAST(:facility1 AS TEXT) IS NULL OR facility_id = :facility2)"
      " AND (CAST(:status1 AS TEXT) IS NULL OR status = :status2)";
  const std::string where = kWhere + (" AND " + in_reach("household_id"));
  ReachValues reach(filter.reach.value_or(Reach::all()));
  soci::session& session = transaction_.session();
  OptionalText household(filter.household ? std::optional<std::string>(filter.household->str())
                                          : std::nullopt);
  OptionalText facility(filter.facility ? std::optional<std::string>(filter.facility->str())
                                        : std::nullopt);
  OptionalText status(filter.status ? std::optional<std::string>(to_code(*filter.status))
                                    : std::nullopt);
  Page<Referral> page;
  session << reach_cte() << "SELECT COUNT(*) FROM referrals" << where,
      DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_OPTIONAL(use, household),
      DICHTBIJ_OPTIONAL(use, household), DICHTBIJ_OPTIONAL(use, facility),
      DICHTBIJ_OPTIONAL(use, facility), DICHTBIJ_OPTIONAL(use, status),
      DICHTBIJ_OPTIONAL(use, status), DICHTBIJ_REACH_ALL_USE(reach), soci::into(page.total);
  std::string id;
  int version = 0;
  ReferralColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << reach_cte()
                       << "SELECT id, version, referred_on, household_id, facility_id, status, "
                          "person_id, referred_by_id, note FROM referrals"
                       << where << " ORDER BY referred_on, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_OPTIONAL(use, household),
       DICHTBIJ_OPTIONAL(use, household), DICHTBIJ_OPTIONAL(use, facility),
       DICHTBIJ_OPTIONAL(use, facility), DICHTBIJ_OPTIONAL(use, status),
       DICHTBIJ_OPTIONAL(use, status), DICHTBIJ_REACH_ALL_USE(reach), soci::use(limit),
       soci::use(offset), soci::into(id), soci::into(version),
       DICHTBIJ_REFERRAL_COLUMNS(columns, into));
  statement.execute();
  while (statement.fetch())
    page.items.push_back(Referral{ReferralId(id), version, columns.to_fields()});
  return page;
}

Result<Referral> ReferralRepository::update(const ReferralId& id,
                                            std::optional<int> expected_version,
                                            const ReferralFields& fields) {
  Result<Referral> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "referrals", "referral", id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write(id.str(), fields, false); !written.ok()) {
    return std::move(written).error();
  }
  return Referral{id, current->version + 1, fields};
}

Result<void> ReferralRepository::remove(const ReferralId& id) {
  return delete_row(transaction_, "referrals", "referral", id.str());
}

}  // namespace dichtbij::store
