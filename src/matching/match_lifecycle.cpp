#include "matching/match_lifecycle.hpp"

#include "store/help_request_repository.hpp"
#include "store/household_repository.hpp"
#include "store/match_repository.hpp"
#include "store/tie_repository.hpp"

namespace dichtbij::matching {

namespace {

SupportType support_type_of(HelpKind kind) {
  switch (kind) {
    case HelpKind::companionship: return SupportType::companionship;
    case HelpKind::administration:
    case HelpKind::language: return SupportType::informational;
    case HelpKind::practical:
    case HelpKind::transport:
    case HelpKind::other: return SupportType::practical;
  }
  return SupportType::practical;
}

// The tie that makes the volunteer a network person of the household.
Result<TieId> tie_volunteer(store::Transaction& transaction, const Match& match,
                            const HelpRequest& request, const Date& today) {
  Result<Household> household = store::HouseholdRepository(transaction).get(match.household);
  if (!household.ok()) return std::move(household).error();
  std::optional<PersonId> member;
  // The person who asked, when a member; otherwise the first current member.
  for (const PersonPeriod& spell : household->fields.members) {
    if (!spell.period.contains(today)) continue;
    if (!member || (request.fields.requested_by && spell.person == *request.fields.requested_by)) {
      member = spell.person;
    }
  }
  if (!member) {
    return make_error(ErrorCode::conflict,
                      "the household has no current member to tie the volunteer to");
  }
  TieFields tie;
  tie.person = match.volunteer;
  tie.other = *member;
  tie.relation_kind = request.fields.kind == HelpKind::companionship ? RelationKind::mentor
                                                                     : RelationKind::volunteer;
  tie.support_types = {support_type_of(request.fields.kind)};
  tie.closeness = TieFields::kFarthest;  // a new acquaintance starts in the outer ring
  tie.direction = HelpDirection::gives;
  tie.quality = TieQuality::ordinary;
  tie.period.from = today;
  Result<Tie> created = store::TieRepository(transaction, match.household).create(tie);
  if (!created.ok()) return std::move(created).error();
  return created->id;
}

Result<void> end_tie(store::Transaction& transaction, const Match& match, const Date& today) {
  if (!match.tie) return {};
  store::TieRepository ties(transaction, match.household);
  Result<Tie> tie = ties.get(*match.tie);
  if (!tie.ok()) return {};  // removed by hand since: nothing left to end
  if (tie->fields.period.until) return {};
  TieFields ended = tie->fields;
  ended.period.until = today < ended.period.from ? ended.period.from : today;
  Result<Tie> updated = ties.update(*match.tie, std::nullopt, ended);
  if (!updated.ok()) return std::move(updated).error();
  return {};
}

Error invalid_reason(std::string message) {
  Error error = make_error(ErrorCode::invalid_input, "the change is not valid");
  error.invalid_params.push_back({"reason", std::move(message)});
  return error;
}

}  // namespace

Result<MatchChange> change_match(store::Transaction& transaction, const MatchId& id,
                                 std::optional<int> expected_version, MatchStatus to,
                                 std::optional<std::string> reason, const Date& today) {
  store::MatchRepository matches(transaction);
  store::HelpRequestRepository requests(transaction);
  Result<Match> current = matches.get(id);
  if (!current.ok()) return std::move(current).error();
  if (!may_follow(current->status, to)) {
    return make_error(ErrorCode::conflict, "a match that is " +
                                               std::string(to_code(current->status)) +
                                               " cannot become " + std::string(to_code(to)));
  }
  if ((to == MatchStatus::ended || to == MatchStatus::rejected) && !reason) {
    return invalid_reason("say why the match " +
                          std::string(to == MatchStatus::ended ? "ended" : "was rejected"));
  }
  Result<HelpRequest> request = requests.get(current->request);
  if (!request.ok()) return std::move(request).error();

  std::optional<TieId> tie = current->tie;
  MatchChange change;
  switch (to) {
    case MatchStatus::approved: {
      if (request->fields.status != HelpRequestStatus::open) {
        return make_error(ErrorCode::conflict, "the request is no longer open");
      }
      if (Result<void> set = requests.set_status(request->id, HelpRequestStatus::matched);
          !set.ok()) {
        return std::move(set).error();
      }
      break;
    }
    case MatchStatus::accepted: {
      Result<TieId> made = tie_volunteer(transaction, *current, *request, today);
      if (!made.ok()) return std::move(made).error();
      tie = *made;
      break;
    }
    case MatchStatus::declined:
    case MatchStatus::ended: {
      if (Result<void> ended = end_tie(transaction, *current, today); !ended.ok()) {
        return std::move(ended).error();
      }
      const bool helped =
          current->status == MatchStatus::accepted || current->status == MatchStatus::active;
      const HelpRequestStatus next = helped ? HelpRequestStatus::closed : HelpRequestStatus::open;
      if (request->fields.status == HelpRequestStatus::matched) {
        if (Result<void> set = requests.set_status(request->id, next); !set.ok()) {
          return std::move(set).error();
        }
      }
      break;
    }
    case MatchStatus::proposed:
    case MatchStatus::rejected:
    case MatchStatus::active: break;
  }
  Result<Match> changed = matches.set_status(id, expected_version, to, std::move(reason), tie);
  if (!changed.ok()) return std::move(changed).error();
  change.match = std::move(*changed);
  if (to == MatchStatus::declined) {
    Result<RunResult> rerun = run_matching(transaction, change.match.practice);
    if (!rerun.ok()) return std::move(rerun).error();
    change.rerun = std::move(*rerun);
  }
  return change;
}

}  // namespace dichtbij::matching
