#include "store/tie_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "ties";
constexpr std::string_view kWhat = "tie";

struct Row {
  std::string id;
  std::string household;
  int version = 0;
  std::string person, other, relation_kind, support_types;
  int closeness = 2;
  std::string contact_frequency;
  soci::indicator contact_frequency_indicator = soci::i_null;
  std::string direction, quality, from, until;
  soci::indicator until_indicator = soci::i_null;

  Tie to_tie() const {
    Tie tie{TieId(id), HouseholdId(household), version, {}};
    TieFields& fields = tie.fields;
    fields.person = PersonId(person);
    fields.other = PersonId(other);
    fields.relation_kind = from_code<RelationKind>(relation_kind).value_or(RelationKind::other);
    for (const std::string& code : from_json_array(support_types)) {
      if (auto type = from_code<SupportType>(code)) fields.support_types.push_back(*type);
    }
    fields.closeness = closeness;
    if (contact_frequency_indicator == soci::i_ok) {
      fields.contact_frequency = from_code<ContactFrequency>(contact_frequency);
    }
    fields.direction = from_code<HelpDirection>(direction).value_or(HelpDirection::both);
    fields.quality = from_code<TieQuality>(quality).value_or(TieQuality::ordinary);
    fields.period.from = read_date(from);
    if (until_indicator == soci::i_ok) fields.period.until = read_date(until);
    return tie;
  }
};

#define DICHTBIJ_TIE_INTO(row)                                                                    \
  soci::into(row.id), soci::into(row.household), soci::into(row.version), soci::into(row.person), \
      soci::into(row.other), soci::into(row.relation_kind), soci::into(row.support_types),        \
      soci::into(row.closeness),                                                                  \
      soci::into(row.contact_frequency, row.contact_frequency_indicator),                         \
      soci::into(row.direction), soci::into(row.quality), soci::into(row.from),                   \
      soci::into(row.until, row.until_indicator)

constexpr const char* kColumns =
    "id, household_id, version, person_id, other_person_id, relation_kind, support_types, "
    "closeness, contact_frequency, direction, quality, valid_from, valid_until";

constexpr const char* kWhere =
    " WHERE household_id = :household"
    " AND (CAST(:on1 AS TEXT) IS NULL OR (valid_from <= :on2"
    " AND (valid_until IS NULL OR valid_until >= :on3)))"
    " AND (CAST(:person1 AS TEXT) IS NULL OR person_id = :person2 OR other_person_id = :person3)";

}  // namespace

Result<void> TieRepository::check_references(const TieFields& fields) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "persons", fields.person.str())) {
    problems.push_back({"personId", "names no person"});
  }
  if (!row_exists(transaction_, "persons", fields.other.str())) {
    problems.push_back({"otherPersonId", "names no person"});
  }
  if (problems.empty()) return {};
  Error error = make_error(ErrorCode::invalid_input, "the tie refers to persons that do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

Result<void> TieRepository::write(const std::string& id, const TieFields& fields, bool insert) {
  if (Result<void> checked = check_references(fields); !checked.ok()) return checked;
  const std::string relation(to_code(fields.relation_kind));
  std::vector<std::string> codes;
  for (SupportType type : fields.support_types) codes.emplace_back(to_code(type));
  const std::string support_types = to_json_array(codes);
  const std::string frequency =
      fields.contact_frequency ? std::string(to_code(*fields.contact_frequency)) : "";
  soci::indicator frequency_indicator = fields.contact_frequency ? soci::i_ok : soci::i_null;
  const std::string direction(to_code(fields.direction));
  const std::string quality(to_code(fields.quality));
  const std::string from = format_date(fields.period.from);
  const std::string until = fields.period.until ? format_date(*fields.period.until) : "";
  soci::indicator until_indicator = fields.period.until ? soci::i_ok : soci::i_null;
  const std::string now = utc_now_text();
  soci::session& session = transaction_.session();
  if (insert) {
    session << "INSERT INTO ties (id, version, household_id, person_id, other_person_id, "
               "relation_kind, support_types, closeness, contact_frequency, direction, quality, "
               "valid_from, valid_until, created_at, updated_at) VALUES (:id, 1, :household, "
               ":person, :other, :relation, :support_types, :closeness, :frequency, :direction, "
               ":quality, :from, :until, :created_at, :updated_at)",
        soci::use(id), soci::use(household_.str()), soci::use(fields.person.str()),
        soci::use(fields.other.str()), soci::use(relation), soci::use(support_types),
        soci::use(fields.closeness), soci::use(frequency, frequency_indicator),
        soci::use(direction), soci::use(quality), soci::use(from),
        soci::use(until, until_indicator), soci::use(now), soci::use(now);
  } else {
    session << "UPDATE ties SET person_id = :person, other_person_id = :other, relation_kind = "
               ":relation, support_types = :support_types, closeness = :closeness, "
               "contact_frequency = :frequency, direction = :direction, quality = :quality, "
               "valid_from = :from, valid_until = :until WHERE id = :id",
        soci::use(fields.person.str()), soci::use(fields.other.str()), soci::use(relation),
        soci::use(support_types), soci::use(fields.closeness),
        soci::use(frequency, frequency_indicator), soci::use(direction), soci::use(quality),
        soci::use(from), soci::use(until, until_indicator), soci::use(id);
  }
  return {};
}

Result<Tie> TieRepository::create(const TieFields& fields) {
  const std::string id = new_uuid();
  if (Result<void> written = write(id, fields, true); !written.ok())
    return std::move(written).error();
  return Tie{TieId(id), household_, 1, fields};
}

Result<Tie> TieRepository::get(const TieId& id) {
  Row row;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM ties WHERE id = :id AND household_id = :household",
      soci::use(id.str()), soci::use(household_.str()), DICHTBIJ_TIE_INTO(row);
  if (!session.got_data()) {
    return make_error(ErrorCode::not_found,
                      "there is no tie " + id.str() + " in household " + household_.str());
  }
  return row.to_tie();
}

Result<Page<Tie>> TieRepository::list(const TieFilter& filter, const Paging& paging) {
  soci::session& session = transaction_.session();
  const std::string on = filter.on ? format_date(*filter.on) : "";
  soci::indicator on_indicator = filter.on ? soci::i_ok : soci::i_null;
  const std::string person = filter.person ? filter.person->str() : "";
  soci::indicator person_indicator = filter.person ? soci::i_ok : soci::i_null;
  Page<Tie> page;
  session << "SELECT COUNT(*) FROM ties" << kWhere, soci::use(household_.str()),
      soci::use(on, on_indicator), soci::use(on, on_indicator), soci::use(on, on_indicator),
      soci::use(person, person_indicator), soci::use(person, person_indicator),
      soci::use(person, person_indicator), soci::into(page.total);
  Row row;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT " << kColumns << " FROM ties" << kWhere
                       << " ORDER BY valid_from, id LIMIT :limit OFFSET :offset",
       soci::use(household_.str()), soci::use(on, on_indicator), soci::use(on, on_indicator),
       soci::use(on, on_indicator), soci::use(person, person_indicator),
       soci::use(person, person_indicator), soci::use(person, person_indicator), soci::use(limit),
       soci::use(offset), DICHTBIJ_TIE_INTO(row));
  statement.execute();
  while (statement.fetch()) page.items.push_back(row.to_tie());
  return page;
}

Result<Tie> TieRepository::update(const TieId& id, std::optional<int> expected_version,
                                  const TieFields& fields) {
  Result<Tie> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> written = write(id.str(), fields, false); !written.ok()) {
    return std::move(written).error();
  }
  return Tie{id, household_, current->version + 1, fields};
}

Result<void> TieRepository::remove(const TieId& id) {
  if (Result<Tie> current = get(id); !current.ok()) return std::move(current).error();
  return delete_row(transaction_, kTable, kWhat, id.str());
}

Result<std::vector<Tie>> ties_holding_on(Transaction& transaction, const Date& day) {
  const std::string on = format_date(day);
  Row row;
  soci::statement statement =
      (transaction.session().prepare
           << "SELECT " << kColumns
           << " FROM ties WHERE valid_from <= :on1 AND (valid_until IS NULL OR valid_until >= "
              ":on2)",
       soci::use(on), soci::use(on), DICHTBIJ_TIE_INTO(row));
  statement.execute();
  std::vector<Tie> ties;
  while (statement.fetch()) ties.push_back(row.to_tie());
  return ties;
}

Result<std::vector<Tie>> ties_holding_on(Transaction& transaction, const Date& day,
                                         const HouseholdId& first, const HouseholdId& last) {
  const std::string on = format_date(day);
  Row row;
  soci::statement statement =
      (transaction.session().prepare
           << "SELECT " << kColumns
           << " FROM ties WHERE household_id BETWEEN :first AND :last AND valid_from <= :on1 AND "
              "(valid_until IS NULL OR valid_until >= :on2)",
       soci::use(first.str()), soci::use(last.str()), soci::use(on), soci::use(on),
       DICHTBIJ_TIE_INTO(row));
  statement.execute();
  std::vector<Tie> ties;
  while (statement.fetch()) ties.push_back(row.to_tie());
  return ties;
}

}  // namespace dichtbij::store
