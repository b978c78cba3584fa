#include "store/support_act_repository.hpp"

#include <soci/soci.h>

#include "store/act_rollup.hpp"
#include "store/child_rows.hpp"
#include "store/reach.hpp"
#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr std::string_view kTable = "support_acts";
constexpr std::string_view kWhat = "support act";

// The columns of support_acts, bound both ways.
struct Columns {
  std::string date, household, provider, receiver, support_type, mode, mobilised_by;
  int duration = 0;
  soci::indicator duration_indicator = soci::i_null;
  std::string mobiliser, agreement, note;
  soci::indicator mobiliser_indicator = soci::i_null, agreement_indicator = soci::i_null,
                  note_indicator = soci::i_null;

  Columns() = default;
  explicit Columns(const SupportActFields& fields)
      : date(format_date(fields.date)),
        household(fields.household.str()),
        provider(fields.provider.str()),
        receiver(fields.receiver.str()),
        support_type(to_code(fields.support_type)),
        mode(to_code(fields.mode)),
        mobilised_by(to_code(fields.mobilised_by)),
        duration(fields.duration_minutes.value_or(0)),
        duration_indicator(fields.duration_minutes ? soci::i_ok : soci::i_null),
        mobiliser(fields.mobilised_by_person ? fields.mobilised_by_person->str() : ""),
        agreement(fields.agreement ? fields.agreement->str() : ""),
        note(fields.note.value_or("")),
        mobiliser_indicator(fields.mobilised_by_person ? soci::i_ok : soci::i_null),
        agreement_indicator(fields.agreement ? soci::i_ok : soci::i_null),
        note_indicator(fields.note ? soci::i_ok : soci::i_null) {}

  SupportActFields to_fields() const {
    SupportActFields fields;
    fields.date = read_date(date);
    fields.household = HouseholdId(household);
    fields.provider = PersonId(provider);
    fields.receiver = PersonId(receiver);
    fields.support_type = from_code<SupportType>(support_type).value_or(SupportType::practical);
    fields.mode = from_code<SupportMode>(mode).value_or(SupportMode::in_person);
    fields.mobilised_by = from_code<MobilisedBy>(mobilised_by).value_or(MobilisedBy::self);
    if (duration_indicator == soci::i_ok) fields.duration_minutes = duration;
    if (mobiliser_indicator == soci::i_ok) fields.mobilised_by_person = PersonId(mobiliser);
    if (agreement_indicator == soci::i_ok) fields.agreement = AgreementId(agreement);
    if (note_indicator == soci::i_ok) fields.note = note;
    return fields;
  }
};

#define DICHTBIJ_SUPPORT_ACT_COLUMNS(c, bind)                                                  \
  soci::bind(c.date), soci::bind(c.household), soci::bind(c.provider), soci::bind(c.receiver), \
      soci::bind(c.support_type), soci::bind(c.duration, c.duration_indicator),                \
      soci::bind(c.mode), soci::bind(c.mobilised_by),                                          \
      soci::bind(c.mobiliser, c.mobiliser_indicator),                                          \
      soci::bind(c.agreement, c.agreement_indicator), soci::bind(c.note, c.note_indicator)

constexpr const char* kColumns =
    "act_date, household_id, provider_id, receiver_id, support_type, duration_minutes, mode, "
    "mobilised_by, mobilised_by_person_id, agreement_id, note";

constexpr const char* kWhere =
    " WHERE (CAST(:household1 AS TEXT) IS NULL OR household_id = :household2)"
    " AND (CAST(:practice1 AS TEXT) IS NULL OR household_id IN (SELECT hp.household_id FROM"
    " household_practices hp WHERE hp.practice_id = :practice2))"
    " AND (CAST(:provider1 AS TEXT) IS NULL OR provider_id = :provider2)"
    " AND (CAST(:from1 AS TEXT) IS NULL OR act_date >= :from2)"
    " AND (CAST(:to1 AS TEXT) IS NULL OR act_date <= :to2)"
    " AND (CAST(:type1 AS TEXT) IS NULL OR support_type = :type2)"
    " AND (CAST(:mobilised1 AS TEXT) IS NULL OR mobilised_by = :mobilised2)";

// One optional filter value and its NULL indicator.
struct Bound {
  std::string value;
  soci::indicator indicator = soci::i_null;
  void set(std::string text) {
    value = std::move(text);
    indicator = soci::i_ok;
  }
};

struct BoundFilter {
  Bound household, practice, provider, from, to, type, mobilised;
  explicit BoundFilter(const SupportActFilter& filter) {
    if (filter.household) household.set(filter.household->str());
    if (filter.practice) practice.set(filter.practice->str());
    if (filter.provider) provider.set(filter.provider->str());
    if (filter.from) from.set(format_date(*filter.from));
    if (filter.to) to.set(format_date(*filter.to));
    if (filter.support_type) type.set(std::string(to_code(*filter.support_type)));
    if (filter.mobilised_by) mobilised.set(std::string(to_code(*filter.mobilised_by)));
  }
};

constexpr ChildTable kOthers{"support_act_others", "support_act_id", "person_id", "position"};

#define DICHTBIJ_USE_TWICE(b) soci::use(b.value, b.indicator), soci::use(b.value, b.indicator)
#define DICHTBIJ_SUPPORT_ACT_FILTER_USE(f)                                                         \
  DICHTBIJ_USE_TWICE(f.household), DICHTBIJ_USE_TWICE(f.practice), DICHTBIJ_USE_TWICE(f.provider), \
      DICHTBIJ_USE_TWICE(f.from), DICHTBIJ_USE_TWICE(f.to), DICHTBIJ_USE_TWICE(f.type),            \
      DICHTBIJ_USE_TWICE(f.mobilised)

}  // namespace

Result<void> SupportActRepository::check_references(const SupportActFields& fields) {
  std::vector<InvalidParam> problems;
  if (!row_exists(transaction_, "households", fields.household.str())) {
    problems.push_back({"householdId", "names no household"});
  }
  auto check_person = [&](const PersonId& person, std::string name) {
    if (!row_exists(transaction_, "persons", person.str())) {
      problems.push_back({std::move(name), "names no person"});
    }
  };
  check_person(fields.provider, "providerId");
  check_person(fields.receiver, "receiverId");
  if (fields.mobilised_by_person) check_person(*fields.mobilised_by_person, "mobilisedById");
  for (std::size_t i = 0; i != fields.others_involved.size(); ++i) {
    check_person(fields.others_involved[i], "othersInvolvedIds[" + std::to_string(i) + "]");
  }
  if (fields.agreement) {
    int count = 0;
    transaction_.session() << "SELECT COUNT(*) FROM agreements WHERE id = :id AND household_id = "
                              ":household",
        soci::use(fields.agreement->str()), soci::use(fields.household.str()), soci::into(count);
    if (count == 0) problems.push_back({"agreementId", "names no agreement of this household"});
  }
  if (problems.empty()) return {};
  Error error =
      make_error(ErrorCode::invalid_input, "the support act refers to records that do not exist");
  error.invalid_params = std::move(problems);
  return error;
}

void SupportActRepository::write(const std::string& id, const SupportActFields& fields,
                                 bool insert) {
  soci::session& session = transaction_.session();
  Columns columns(fields);
  if (insert) {
    const std::string now = utc_now_text();
    session << "INSERT INTO support_acts (id, version, " << kColumns
            << ", created_at, updated_at) VALUES (:id, 1, :date, :household, :provider, "
               ":receiver, :type, :duration, :mode, :mobilised_by, :mobiliser, :agreement, "
               ":note, :created_at, :updated_at)",
        soci::use(id), DICHTBIJ_SUPPORT_ACT_COLUMNS(columns, use), soci::use(now), soci::use(now);
  } else {
    session << "UPDATE support_acts SET act_date = :date, household_id = :household, "
               "provider_id = :provider, receiver_id = :receiver, support_type = :type, "
               "duration_minutes = :duration, mode = :mode, mobilised_by = :mobilised_by, "
               "mobilised_by_person_id = :mobiliser, agreement_id = :agreement, note = :note "
               "WHERE id = :id",
        DICHTBIJ_SUPPORT_ACT_COLUMNS(columns, use), soci::use(id);
    session << "DELETE FROM support_act_others WHERE support_act_id = :id", soci::use(id);
  }
  for (std::size_t i = 0; i != fields.others_involved.size(); ++i) {
    const int position = static_cast<int>(i);
    session << "INSERT INTO support_act_others (support_act_id, position, person_id) VALUES "
               "(:id, :position, :person)",
        soci::use(id), soci::use(position), soci::use(fields.others_involved[i].str());
  }
}

void SupportActRepository::load_others(std::vector<SupportAct>& acts) {
  std::string person;
  for_each_child_row(
      transaction_.session(), kOthers, ids_of(acts),
      [&](soci::statement& statement) { statement.exchange(soci::into(person)); },
      [&](std::size_t parent) { acts[parent].fields.others_involved.emplace_back(person); });
}

Result<SupportAct> SupportActRepository::create(const SupportActFields& fields) {
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  const std::string id = new_uuid();
  write(id, fields, true);
  roll_up_act(transaction_, id, RollupChange::put_in);
  return SupportAct{SupportActId(id), 1, fields};
}

Result<SupportAct> SupportActRepository::get(const SupportActId& id) {
  Columns columns;
  int version = 0;
  soci::session& session = transaction_.session();
  session << "SELECT version, " << kColumns << " FROM support_acts WHERE id = :id",
      soci::use(id.str()), soci::into(version), DICHTBIJ_SUPPORT_ACT_COLUMNS(columns, into);
  if (!session.got_data())
    return make_error(ErrorCode::not_found, "there is no support act " + id.str());
  std::vector<SupportAct> found{SupportAct{id, version, columns.to_fields()}};
  load_others(found);
  return std::move(found.front());
}

Result<Page<SupportAct>> SupportActRepository::list(const SupportActFilter& filter,
                                                    const Paging& paging) {
  soci::session& session = transaction_.session();
  BoundFilter bound(filter);
  Page<SupportAct> page;
  ReachValues reach(filter.reach.value_or(Reach::all()));
  const std::string where = kWhere + (" AND " + in_reach("household_id"));
  session << reach_cte() << "SELECT COUNT(*) FROM support_acts" << where,
      DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_SUPPORT_ACT_FILTER_USE(bound),
      DICHTBIJ_REACH_ALL_USE(reach), soci::into(page.total);
  std::string id;
  int version = 0;
  Columns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  std::vector<SupportAct> found;
  soci::statement statement =
      (session.prepare << reach_cte() << "SELECT id, version, " << kColumns << " FROM support_acts"
                       << where << " ORDER BY act_date, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_REACH_CTE_USE(reach), DICHTBIJ_SUPPORT_ACT_FILTER_USE(bound),
       DICHTBIJ_REACH_ALL_USE(reach), soci::use(limit), soci::use(offset), soci::into(id),
       soci::into(version), DICHTBIJ_SUPPORT_ACT_COLUMNS(columns, into));
  statement.execute();
  while (statement.fetch())
    found.push_back(SupportAct{SupportActId(id), version, columns.to_fields()});
  load_others(found);
  page.items = std::move(found);
  return page;
}

Result<SupportAct> SupportActRepository::update(const SupportActId& id,
                                                std::optional<int> expected_version,
                                                const SupportActFields& fields) {
  Result<SupportAct> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, kTable, kWhat, id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  if (Result<void> checked = check_references(fields); !checked.ok())
    return std::move(checked).error();
  roll_up_act(transaction_, id.str(), RollupChange::take_out);
  write(id.str(), fields, false);
  roll_up_act(transaction_, id.str(), RollupChange::put_in);
  return SupportAct{id, current->version + 1, fields};
}

Result<void> SupportActRepository::remove(const SupportActId& id) {
  roll_up_act(transaction_, id.str(), RollupChange::take_out);
  return delete_row(transaction_, kTable, kWhat, id.str());
}

}  // namespace dichtbij::store
