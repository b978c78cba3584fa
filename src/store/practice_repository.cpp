#include "store/practice_repository.hpp"

#include <soci/soci.h>

#include "store/child_rows.hpp"
#include "store/record_helpers.hpp"
#include "store/sql_text.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "practices";
constexpr std::string_view kWhat = "practice";

struct Row {
  std::string id;
  int version = 0;
  std::string name;
  std::string description;
  soci::indicator description_indicator = soci::i_null;
  std::string target_groups;
  std::string buurt_codes;

  Practice to_practice() const {
    Practice practice{PracticeId(id), version, {}};
    practice.fields.name = name;
    if (description_indicator == soci::i_ok) practice.fields.description = description;
    for (const std::string& code : from_json_array(target_groups)) {
      if (auto group = from_code<TargetGroup>(code))
        practice.fields.target_groups.push_back(*group);
    }
    practice.fields.buurt_codes = from_json_array(buurt_codes);
    return practice;
  }
};

#define DICHTBIJ_PRACTICE_INTO(row)                                                          \
  soci::into(row.id), soci::into(row.version), soci::into(row.name),                         \
      soci::into(row.description, row.description_indicator), soci::into(row.target_groups), \
      soci::into(row.buurt_codes)

constexpr const char* kColumns = "id, version, name, description, target_groups, buurt_codes";

// Target groups are stored as a JSON array of codes; each code is quoted in
// it, so matching '%"code"%' finds exactly that code.
constexpr const char* kWhere =
    " WHERE (CAST(:group1 AS TEXT) IS NULL OR target_groups LIKE :group2)"
    " AND (CAST(:name1 AS TEXT) IS NULL OR LOWER(name) LIKE :name2 ESCAPE '\\')";

constexpr ChildTable kOrganisations{"practice_organisations", "practice_id", "organisation_id",
                                    "position"};

std::string target_group_codes(const PracticeFields& fields) {
  std::vector<std::string> codes;
  for (TargetGroup group : fields.target_groups) codes.emplace_back(to_code(group));
  return to_json_array(codes);
}

}  // namespace

Result<void> PracticeRepository::check_references(const PracticeFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.organisations.size(); ++i) {
    if (!row_exists(transaction_, "organisations", fields.organisations[i].str())) {
      problems.push_back({"organisationIds[" + std::to_string(i) + "]", "names no organisation"});
    }
  }
  if (problems.empty()) return {};
  Error error =
      make_error(ErrorCode::invalid_input, "the practice refers to records that do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

void PracticeRepository::write_organisations(const std::string& id, const PracticeFields& fields) {
  soci::session& session = transaction_.session();
  session << "DELETE FROM practice_organisations WHERE practice_id = :id", soci::use(id);
  for (std::size_t i = 0; i != fields.organisations.size(); ++i) {
    const int position = static_cast<int>(i);
    session << "INSERT INTO practice_organisations (practice_id, position, organisation_id) "
               "VALUES (:id, :position, :organisation)",
        soci::use(id), soci::use(position), soci::use(fields.organisations[i].str());
  }
}

void PracticeRepository::load_organisations(std::vector<Practice>& practices) {
  std::string organisation;
  for_each_child_row(
      transaction_.session(), kOrganisations, ids_of(practices),
      [&](soci::statement& statement) { statement.exchange(soci::into(organisation)); },
      [&](std::size_t parent) {
        practices[parent].fields.organisations.emplace_back(organisation);
      });
}

Result<Practice> PracticeRepository::create(const PracticeFields& fields) {
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  const std::string description = fields.description.value_or("");
  soci::indicator description_indicator = fields.description ? soci::i_ok : soci::i_null;
  const std::string groups = target_group_codes(fields);
  const std::string buurt_codes = to_json_array(fields.buurt_codes);
  transaction_.session()
      << "INSERT INTO practices (id, version, name, description, target_groups, buurt_codes, "
         "created_at, updated_at) VALUES (:id, 1, :name, :description, :groups, :buurt_codes, "
         ":created_at, :updated_at)",
      soci::use(id), soci::use(fields.name), soci::use(description, description_indicator),
      soci::use(groups), soci::use(buurt_codes), soci::use(now), soci::use(now);
  write_organisations(id, fields);
  return Practice{PracticeId(id), 1, fields};
}

Result<Practice> PracticeRepository::get(const PracticeId& id) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM practices WHERE id = :id", soci::use(id.str()),
      DICHTBIJ_PRACTICE_INTO(row);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no practice " + id.str());
  std::vector<Practice> found{row.to_practice()};
  load_organisations(found);
  return std::move(found.front());
}

Result<Page<Practice>> PracticeRepository::list(const PracticeFilter& filter,
                                                const Paging& paging) {
  soci::session& session = transaction_.session();
  std::string group, name;
  soci::indicator group_indicator = soci::i_null, name_indicator = soci::i_null;
  if (filter.target_group) {
    group = "%\"" + std::string(to_code(*filter.target_group)) + "\"%";
    group_indicator = soci::i_ok;
  }
  if (filter.name_contains) {
    name = contains_pattern(*filter.name_contains);
    name_indicator = soci::i_ok;
  }
  Page<Practice> page;
  session << "SELECT COUNT(*) FROM practices" << kWhere, soci::use(group, group_indicator),
      soci::use(group, group_indicator), soci::use(name, name_indicator),
      soci::use(name, name_indicator), soci::into(page.total);
  Row row;
  long long limit = paging.limit;
  long long offset = paging.offset;
  std::vector<Practice> found;
  soci::statement statement =
      (session.prepare << "SELECT " << kColumns << " FROM practices" << kWhere
                       << " ORDER BY name, id LIMIT :limit OFFSET :offset",
       soci::use(group, group_indicator), soci::use(group, group_indicator),
       soci::use(name, name_indicator), soci::use(name, name_indicator), soci::use(limit),
       soci::use(offset), DICHTBIJ_PRACTICE_INTO(row));
  statement.execute();
  while (statement.fetch()) found.push_back(row.to_practice());
  load_organisations(found);
  page.items = std::move(found);
  return page;
}

Result<Practice> PracticeRepository::update(const PracticeId& id,
                                            std::optional<int> expected_version,
                                            const PracticeFields& fields) {
  Result<Practice> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string description = fields.description.value_or("");
  soci::indicator description_indicator = fields.description ? soci::i_ok : soci::i_null;
  const std::string groups = target_group_codes(fields);
  const std::string buurt_codes = to_json_array(fields.buurt_codes);
  transaction_.session() << "UPDATE practices SET name = :name, description = :description, "
                            "target_groups = :groups, buurt_codes = :buurt_codes WHERE id = :id",
      soci::use(fields.name), soci::use(description, description_indicator), soci::use(groups),
      soci::use(buurt_codes), soci::use(id.str());
  write_organisations(id.str(), fields);
  return Practice{id, current->version + 1, fields};
}

Result<void> PracticeRepository::remove(const PracticeId& id) {
  return delete_row(transaction_, kTable, kWhat, id.str());
}

}  // namespace dichtbij::store
