#include "store/organisation_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/sql_text.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

// One row as SOCI reads it.
struct Row {
  std::string id;
  int version = 0;
  std::string name;
  std::string kind;
  int formal = 0;

  Organisation to_organisation() const {
    return Organisation{
        OrganisationId(id), version,
        OrganisationFields{name,
                           from_code<OrganisationKind>(kind).value_or(OrganisationKind::other),
                           formal != 0}};
  }
};

constexpr const char* kColumns = "id, version, name, kind, formal";

// The filter as bound parameters: an absent criterion binds NULL and its
// "IS NULL OR" branch lets every row through, so the SQL text is fixed.
struct BoundFilter {
  std::string kind;
  soci::indicator kind_indicator = soci::i_null;
  int formal = 0;
  soci::indicator formal_indicator = soci::i_null;
  std::string name;
  soci::indicator name_indicator = soci::i_null;

  explicit BoundFilter(const OrganisationFilter& filter) {
    if (filter.kind) {
      kind = std::string(to_code(*filter.kind));
      kind_indicator = soci::i_ok;
    }
    if (filter.formal) {
      formal = *filter.formal ? 1 : 0;
      formal_indicator = soci::i_ok;
    }
    if (filter.name_contains) {
      name = contains_pattern(*filter.name_contains);
      name_indicator = soci::i_ok;
    }
  }
};

constexpr const char* kWhere =
    " WHERE (CAST(:kind1 AS TEXT) IS NULL OR kind = :kind2)"
    " AND (CAST(:formal1 AS INTEGER) IS NULL OR formal = :formal2)"
    " AND (CAST(:name1 AS TEXT) IS NULL OR LOWER(name) LIKE :name2 ESCAPE '\\')";

}  // namespace

Result<Organisation> OrganisationRepository::create(const OrganisationFields& fields) {
  soci::session& session = transaction_.session();
  const std::string id = new_uuid();
  const std::string now = utc_now_text();
  const std::string kind(to_code(fields.kind));
  const int formal = fields.formal ? 1 : 0;
  session << "INSERT INTO organisations (id, version, name, kind, formal, created_at, updated_at) "
             "VALUES (:id, 1, :name, :kind, :formal, :created_at, :updated_at)",
      soci::use(id), soci::use(fields.name), soci::use(kind), soci::use(formal), soci::use(now),
      soci::use(now);
  return Organisation{OrganisationId(id), 1, fields};
}

Result<Organisation> OrganisationRepository::get(const OrganisationId& id) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM organisations WHERE id = :id", soci::use(id.str()),
      soci::into(row.id), soci::into(row.version), soci::into(row.name), soci::into(row.kind),
      soci::into(row.formal);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found, "there is no organisation " + id.str());
  }
  return row.to_organisation();
}

Result<Page<Organisation>> OrganisationRepository::list(const OrganisationFilter& filter,
                                                        const Paging& paging) {
  soci::session& session = transaction_.session();
  BoundFilter bound(filter);
  Page<Organisation> page;
  session << "SELECT COUNT(*) FROM organisations" << kWhere,
      soci::use(bound.kind, bound.kind_indicator), soci::use(bound.kind, bound.kind_indicator),
      soci::use(bound.formal, bound.formal_indicator),
      soci::use(bound.formal, bound.formal_indicator), soci::use(bound.name, bound.name_indicator),
      soci::use(bound.name, bound.name_indicator), soci::into(page.total);

  Row row;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT " << kColumns << " FROM organisations" << kWhere
                       << " ORDER BY name, id LIMIT :limit OFFSET :offset",
       soci::use(bound.kind, bound.kind_indicator), soci::use(bound.kind, bound.kind_indicator),
       soci::use(bound.formal, bound.formal_indicator),
       soci::use(bound.formal, bound.formal_indicator), soci::use(bound.name, bound.name_indicator),
       soci::use(bound.name, bound.name_indicator), soci::use(limit), soci::use(offset),
       soci::into(row.id), soci::into(row.version), soci::into(row.name), soci::into(row.kind),
       soci::into(row.formal));
  statement.execute();
  while (statement.fetch()) page.items.push_back(row.to_organisation());
  return page;
}

Result<Organisation> OrganisationRepository::update(const OrganisationId& id,
                                                    std::optional<int> expected_version,
                                                    const OrganisationFields& fields) {
  Result<Organisation> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "organisations", "organisation",
                                              id.str(), current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  const std::string kind(to_code(fields.kind));
  const int formal = fields.formal ? 1 : 0;
  transaction_.session() << "UPDATE organisations SET name = :name, kind = :kind, formal = "
                            ":formal WHERE id = :id",
      soci::use(fields.name), soci::use(kind), soci::use(formal), soci::use(id.str());
  return Organisation{id, current->version + 1, fields};
}

Result<void> OrganisationRepository::remove(const OrganisationId& id) {
  return delete_row(transaction_, "organisations", "organisation", id.str());
}

bool OrganisationRepository::exists(const OrganisationId& id) {
  return row_exists(transaction_, "organisations", id.str());
}

}  // namespace dichtbij::store
