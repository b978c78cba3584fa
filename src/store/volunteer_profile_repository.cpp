#include "store/volunteer_profile_repository.hpp"

#include <cmath>

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr const char* kColumns =
    "person_id, practice_id, kinds, preferred_kinds, languages, interests, home_buurt_code, "
    "max_distance_m, availability, capacity, excluded_households, available";

std::vector<std::string> kind_codes(const std::vector<HelpKind>& kinds) {
  std::vector<std::string> codes;
  for (HelpKind kind : kinds) codes.emplace_back(to_code(kind));
  return codes;
}

std::vector<HelpKind> read_kinds(const std::string& text) {
  std::vector<HelpKind> kinds;
  for (const std::string& code : from_json_array(text)) {
    if (std::optional<HelpKind> kind = from_code<HelpKind>(code)) kinds.push_back(*kind);
  }
  return kinds;
}

struct ProfileColumns {
  std::string person, practice, kinds, preferred_kinds, languages, interests, home_buurt_code,
      availability, excluded;
  int max_distance_m = 0, capacity = 1, available = 1;

  ProfileColumns() = default;
  explicit ProfileColumns(const VolunteerProfileFields& fields)
      : person(fields.person.str()),
        practice(fields.practice.str()),
        kinds(to_json_array(kind_codes(fields.kinds))),
        preferred_kinds(to_json_array(kind_codes(fields.preferred_kinds))),
        languages(to_json_array(fields.languages)),
        interests(to_json_array(fields.interests)),
        home_buurt_code(fields.home_buurt_code),
        availability(to_json_array(fields.availability.codes())),
        max_distance_m(static_cast<int>(std::lround(fields.max_distance_km * 1000))),
        capacity(fields.capacity),
        available(fields.available ? 1 : 0) {
    std::vector<std::string> households;
    for (const HouseholdId& household : fields.excluded_households) {
      households.push_back(household.str());
    }
    excluded = to_json_array(households);
  }

  VolunteerProfileFields to_fields() const {
    VolunteerProfileFields fields;
    fields.person = PersonId(person);
    fields.practice = PracticeId(practice);
    fields.kinds = read_kinds(kinds);
    fields.preferred_kinds = read_kinds(preferred_kinds);
    fields.languages = from_json_array(languages);
    fields.interests = from_json_array(interests);
    fields.home_buurt_code = home_buurt_code;
    fields.max_distance_km = max_distance_m / 1000.0;
    for (const std::string& code : from_json_array(availability)) {
      if (std::optional<int> slot = WeeklyTimes::parse_slot(code)) fields.availability.add(*slot);
    }
    fields.capacity = capacity;
    for (const std::string& id : from_json_array(excluded)) {
      fields.excluded_households.emplace_back(id);
    }
    fields.available = available != 0;
    return fields;
  }
};

#define DICHTBIJ_PROFILE_COLUMNS(c, bind)                                                      \
  soci::bind(c.person), soci::bind(c.practice), soci::bind(c.kinds),                           \
      soci::bind(c.preferred_kinds), soci::bind(c.languages), soci::bind(c.interests),         \
      soci::bind(c.home_buurt_code), soci::bind(c.max_distance_m), soci::bind(c.availability), \
      soci::bind(c.capacity), soci::bind(c.excluded), soci::bind(c.available)

}  // namespace

Result<void> VolunteerProfileRepository::write(const std::string& id,
                                               const VolunteerProfileFields& fields, bool insert) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "persons", fields.person.str())) {
    problems.push_back({"personId", "names no person"});
  }
  if (!row_exists(transaction_, "practices", fields.practice.str())) {
    problems.push_back({"practiceId", "names no practice"});
  }
  for (std::size_t i = 0; i != fields.excluded_households.size(); ++i) {
    if (!row_exists(transaction_, "households", fields.excluded_households[i].str())) {
      problems.push_back({"excludedHouseholdIds[" + std::to_string(i) + "]", "names no household"});
    }
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "it refers to records that do not exist");
    error.invalid_params = std::move(problems);
    return error;
  }
  ProfileColumns columns(fields);
  soci::session& session = transaction_.session();
  if (insert) {
    const std::string now = utc_now_text();
    session << "INSERT INTO volunteer_profiles (id, version, " << kColumns
            << ", created_at, updated_at) VALUES (:id, 1, :person, :practice, :kinds, "
               ":preferred_kinds, :languages, :interests, :home, :distance, :availability, "
               ":capacity, :excluded, :available, :created_at, :updated_at)",
        soci::use(id), DICHTBIJ_PROFILE_COLUMNS(columns, use), soci::use(now), soci::use(now);
  } else {
    session << "UPDATE volunteer_profiles SET person_id = :person, practice_id = :practice, "
               "kinds = :kinds, preferred_kinds = :preferred_kinds, languages = :languages, "
               "interests = :interests, home_buurt_code = :home, max_distance_m = :distance, "
               "availability = :availability, capacity = :capacity, excluded_households = "
               ":excluded, available = :available WHERE id = :id",
        DICHTBIJ_PROFILE_COLUMNS(columns, use), soci::use(id);
  }
  return {};
}

Result<VolunteerProfile> VolunteerProfileRepository::create(const VolunteerProfileFields& fields) {
  const std::string id = new_uuid();
  if (Result<void> written = write(id, fields, true); !written.ok()) {
    return std::move(written).error();
  }
  return get(VolunteerProfileId(id));
}

Result<VolunteerProfile> VolunteerProfileRepository::get(const VolunteerProfileId& id) {
  ProfileColumns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, " << kColumns << " FROM volunteer_profiles WHERE id = :id",
      soci::use(id.str()), soci::into(version), DICHTBIJ_PROFILE_COLUMNS(columns, into);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no volunteer profile " + id.str());
  }
  return VolunteerProfile{id, version, columns.to_fields()};
}

Result<Page<VolunteerProfile>> VolunteerProfileRepository::select(
    const VolunteerProfileFilter& filter, const std::optional<Paging>& paging) {
  constexpr const char* kWhere =
      " WHERE (CAST(:practice1 AS TEXT) IS NULL OR practice_id = :practice2)"
      " AND (CAST(:person1 AS TEXT) IS NULL OR person_id = :person2)";
  std::string practice = filter.practice ? filter.practice->str() : "";
  std::string person = filter.person ? filter.person->str() : "";
  soci::indicator practice_set = filter.practice ? soci::i_ok : soci::i_null;
  soci::indicator person_set = filter.person ? soci::i_ok : soci::i_null;
#define DICHTBIJ_FILTER_USE                                             \
  soci::use(practice, practice_set), soci::use(practice, practice_set), \
      soci::use(person, person_set), soci::use(person, person_set)
  soci::session& session = transaction_.session();
  Page<VolunteerProfile> page;
  session << "SELECT COUNT(*) FROM volunteer_profiles" << kWhere, DICHTBIJ_FILTER_USE,
      soci::into(page.total);
  std::string id;
  int version = 0;
  ProfileColumns columns;
  long long limit = paging ? paging->limit : page.total;
  long long offset = paging ? paging->offset : 0;
  soci::statement statement =
      (session.prepare << "SELECT id, version, " << kColumns << " FROM volunteer_profiles" << kWhere
                       << " ORDER BY created_at, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_FILTER_USE, soci::use(limit), soci::use(offset), soci::into(id),
       soci::into(version), DICHTBIJ_PROFILE_COLUMNS(columns, into));
#undef DICHTBIJ_FILTER_USE
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(VolunteerProfile{VolunteerProfileId(id), version, columns.to_fields()});
  }
  return page;
}

Result<Page<VolunteerProfile>> VolunteerProfileRepository::list(
    const VolunteerProfileFilter& filter, const Paging& paging) {
  return select(filter, paging);
}

Result<std::vector<VolunteerProfile>> VolunteerProfileRepository::all(
    const VolunteerProfileFilter& filter) {
  Result<Page<VolunteerProfile>> page = select(filter, std::nullopt);
  if (!page.ok()) return std::move(page).error();
  return std::move(page->items);
}

Result<VolunteerProfile> VolunteerProfileRepository::update(const VolunteerProfileId& id,
                                                            std::optional<int> expected_version,
                                                            const VolunteerProfileFields& fields) {
  Result<VolunteerProfile> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced =
          advance_version(transaction_, "volunteer_profiles", "volunteer profile", id.str(),
                          current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write(id.str(), fields, false); !written.ok()) {
    return std::move(written).error();
  }
  return get(id);
}

Result<void> VolunteerProfileRepository::remove(const VolunteerProfileId& id) {
  return delete_row(transaction_, "volunteer_profiles", "volunteer profile", id.str());
}

}  // namespace dichtbij::store
