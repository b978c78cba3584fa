#include "store/match_repository.hpp"

#include <soci/soci.h>

#include "store/record_helpers.hpp"
#include "store/timestamps.hpp"
#include "store/uuid.hpp"

namespace dichtbij::store {

namespace {

constexpr const char* kColumns =
    "version, practice_id, request_id, household_id, volunteer_id, status, score, explanation, "
    "reason, tie_id, proposed_at";

struct MatchColumns {
  int version = 1, score = 0;
  std::string practice, request, household, volunteer, status, explanation, reason, tie,
      proposed_at;
  soci::indicator reason_set = soci::i_null, tie_set = soci::i_null;

  Match to_match(const std::string& id) const {
    Match match;
    match.id = MatchId(id);
    match.version = version;
    match.practice = PracticeId(practice);
    match.request = HelpRequestId(request);
    match.household = HouseholdId(household);
    match.volunteer = PersonId(volunteer);
    match.status = from_code<MatchStatus>(status).value_or(MatchStatus::proposed);
    match.score = score;
    match.explanation = explanation;
    if (reason_set == soci::i_ok) match.reason = reason;
    if (tie_set == soci::i_ok) match.tie = TieId(tie);
    match.proposed_at = proposed_at;
    return match;
  }
};

#define DICHTBIJ_MATCH_INTO(c)                                                                     \
  soci::into(c.version), soci::into(c.practice), soci::into(c.request), soci::into(c.household),   \
      soci::into(c.volunteer), soci::into(c.status), soci::into(c.score),                          \
      soci::into(c.explanation), soci::into(c.reason, c.reason_set), soci::into(c.tie, c.tie_set), \
      soci::into(c.proposed_at)

// The rows of sql, which names the practice once.
std::vector<IdPair> pairs(Transaction& transaction, const std::string& sql,
                          const std::string& practice) {
  std::vector<IdPair> found;
  IdPair row;
  std::string id = practice;
  soci::statement statement = (transaction.session().prepare << sql, soci::use(id),
                               soci::into(row.first), soci::into(row.second));
  statement.execute();
  while (statement.fetch()) found.push_back(row);
  return found;
}

}  // namespace

Result<Match> MatchRepository::create(Match match) {
  match.id = MatchId(new_uuid());
  match.version = 1;
  match.proposed_at = utc_now_text();
  std::string status(to_code(match.status));
  std::string reason = match.reason.value_or("");
  soci::indicator reason_set = match.reason ? soci::i_ok : soci::i_null;
  std::string tie = match.tie ? match.tie->str() : "";
  soci::indicator tie_set = match.tie ? soci::i_ok : soci::i_null;
  transaction_.session()
      << "INSERT INTO matches (id, " << kColumns
      << ", updated_at) VALUES (:id, 1, :practice, :request, :household, :volunteer, :status, "
         ":score, :explanation, :reason, :tie, :proposed_at, :updated_at)",
      soci::use(match.id.str()), soci::use(match.practice.str()), soci::use(match.request.str()),
      soci::use(match.household.str()), soci::use(match.volunteer.str()), soci::use(status),
      soci::use(match.score), soci::use(match.explanation), soci::use(reason, reason_set),
      soci::use(tie, tie_set), soci::use(match.proposed_at), soci::use(match.proposed_at);
  return match;
}

Result<Match> MatchRepository::get(const MatchId& id) {
  MatchColumns columns;
  soci::session& session = transaction_.session();
  session << "SELECT " << kColumns << " FROM matches WHERE id = :id", soci::use(id.str()),
      DICHTBIJ_MATCH_INTO(columns);
  if (!session.got_data()) return make_error(ErrorCode::not_found, "there is no match " + id.str());
  return columns.to_match(id.str());
}

Result<Page<Match>> MatchRepository::list(const MatchFilter& filter, const Paging& paging) {
  constexpr const char* kWhere =
      " WHERE (CAST(:practice1 AS TEXT) IS NULL OR practice_id = :practice2)"
      " AND (CAST(:request1 AS TEXT) IS NULL OR request_id = :request2)"
      " AND (CAST(:volunteer1 AS TEXT) IS NULL OR volunteer_id = :volunteer2)"
      " AND (CAST(:status1 AS TEXT) IS NULL OR status = :status2)"
      " AND (CAST(:approved_only AS INTEGER) = 0 OR status NOT IN ('proposed', 'rejected'))";
  int approved_only = filter.approved_only ? 1 : 0;
  struct Bound {
    std::string value;
    soci::indicator set = soci::i_null;
  };
  Bound practice, request, volunteer, status;
  if (filter.practice) practice = {filter.practice->str(), soci::i_ok};
  if (filter.request) request = {filter.request->str(), soci::i_ok};
  if (filter.volunteer) volunteer = {filter.volunteer->str(), soci::i_ok};
  if (filter.status) status = {std::string(to_code(*filter.status)), soci::i_ok};
#define DICHTBIJ_FILTER_USE                                                                 \
  soci::use(practice.value, practice.set), soci::use(practice.value, practice.set),         \
      soci::use(request.value, request.set), soci::use(request.value, request.set),         \
      soci::use(volunteer.value, volunteer.set), soci::use(volunteer.value, volunteer.set), \
      soci::use(status.value, status.set), soci::use(status.value, status.set),             \
      soci::use(approved_only)
  soci::session& session = transaction_.session();
  Page<Match> page;
  session << "SELECT COUNT(*) FROM matches" << kWhere, DICHTBIJ_FILTER_USE, soci::into(page.total);
  std::string id;
  MatchColumns columns;
  long long limit = paging.limit;
  long long offset = paging.offset;
  soci::statement statement =
      (session.prepare << "SELECT id, " << kColumns << " FROM matches" << kWhere
                       << " ORDER BY proposed_at, id LIMIT :limit OFFSET :offset",
       DICHTBIJ_FILTER_USE, soci::use(limit), soci::use(offset), soci::into(id),
       DICHTBIJ_MATCH_INTO(columns));
#undef DICHTBIJ_FILTER_USE
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back(columns.to_match(id));
    columns.reason_set = columns.tie_set = soci::i_null;
  }
  return page;
}

Result<Match> MatchRepository::set_status(const MatchId& id, std::optional<int> expected_version,
                                          MatchStatus status, std::optional<std::string> reason,
                                          std::optional<TieId> tie) {
  Result<Match> current = get(id);
  if (!current.ok()) return current;
  if (Result<void> advanced = advance_version(transaction_, "matches", "match", id.str(),
                                              current->version, expected_version);
      !advanced.ok()) {
    return std::move(advanced).error();
  }
  std::string code(to_code(status));
  std::string reason_text = reason.value_or("");
  soci::indicator reason_set = reason ? soci::i_ok : soci::i_null;
  std::string tie_id = tie ? tie->str() : "";
  soci::indicator tie_set = tie ? soci::i_ok : soci::i_null;
  transaction_.session()
      << "UPDATE matches SET status = :status, reason = :reason, tie_id = :tie WHERE id = :id",
      soci::use(code), soci::use(reason_text, reason_set), soci::use(tie_id, tie_set),
      soci::use(id.str());
  return get(id);
}

Result<long long> MatchRepository::remove_proposals(const PracticeId& practice) {
  soci::statement statement =
      (transaction_.session().prepare
           << "DELETE FROM matches WHERE practice_id = :practice AND status = 'proposed'",
       soci::use(practice.str()));
  statement.execute(true);
  return statement.get_affected_rows();
}

Result<std::map<std::string, int>> MatchRepository::places_held(const PracticeId& practice) {
  std::map<std::string, int> held;
  std::string volunteer;
  int count = 0;
  std::string id = practice.str();
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT volunteer_id, COUNT(*) FROM matches WHERE practice_id = :practice AND "
              "status IN ('approved', 'accepted', 'active') GROUP BY volunteer_id",
       soci::use(id), soci::into(volunteer), soci::into(count));
  statement.execute();
  while (statement.fetch()) held[volunteer] = count;
  return held;
}

Result<std::vector<IdPair>> MatchRepository::turned_down(const PracticeId& practice) {
  return pairs(transaction_,
               "SELECT request_id, volunteer_id FROM matches WHERE practice_id = :practice AND "
               "status IN ('declined', 'rejected') ORDER BY request_id, volunteer_id",
               practice.str());
}

Result<std::vector<IdPair>> MatchRepository::earlier_helpers(const PracticeId& practice) {
  std::vector<IdPair> found;
  IdPair row;
  std::string id = practice.str();
  soci::statement statement =
      (transaction_.session().prepare
           << "SELECT household_id, volunteer_id FROM matches WHERE practice_id = :practice1 AND "
              "status IN ('accepted', 'active', 'ended') AND tie_id IS NOT NULL"
              " UNION SELECT t.household_id, t.person_id FROM ties t JOIN household_practices hp"
              " ON hp.household_id = t.household_id WHERE hp.practice_id = :practice2",
       soci::use(id), soci::use(id), soci::into(row.first), soci::into(row.second));
  statement.execute();
  while (statement.fetch()) found.push_back(row);
  return found;
}

}  // namespace dichtbij::store
