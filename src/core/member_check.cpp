#include "core/member_check.hpp"

#include <map>
#include <set>

namespace dichtbij {

std::vector<InvalidParam> check(const FindingFields& fields) {
  std::vector<InvalidParam> problems;
  std::set<CodingId> seen;
  for (std::size_t i = 0; i != fields.codings.size(); ++i) {
    if (!seen.insert(fields.codings[i]).second) {
      problems.push_back({"codingIds[" + std::to_string(i) + "]", "is listed twice"});
    }
  }
  return problems;
}

std::vector<InvalidParam> check(const FindingAnswerFields& fields) {
  if (fields.version >= 1) return {};
  return {{"version", "must be the version answered, from 1"}};
}

AnswerTally tally(const std::vector<FindingAnswer>& answers, int version,
                  const std::vector<AccountId>& stakeholders) {
  std::map<AccountId, const FindingAnswer*> newest;
  for (const FindingAnswer& answer : answers) {
    if (answer.version != version) continue;
    const FindingAnswer*& kept = newest[answer.account];
    if (kept == nullptr || kept->number < answer.number) kept = &answer;
  }
  AnswerTally result;
  for (const auto& [account, answer] : newest) {
    switch (answer->answer) {
      case MemberCheckAnswer::agree: ++result.agree; break;
      case MemberCheckAnswer::partly: ++result.partly; break;
      case MemberCheckAnswer::disagree: ++result.disagree; break;
    }
  }
  for (const AccountId& stakeholder : stakeholders) {
    if (newest.count(stakeholder) == 0) ++result.open;
  }
  return result;
}

std::optional<FindingAnswer> newest_answer(const std::vector<FindingAnswer>& answers, int version,
                                           const AccountId& account) {
  std::optional<FindingAnswer> newest;
  for (const FindingAnswer& answer : answers) {
    if (answer.version != version || answer.account != account) continue;
    if (!newest || newest->number < answer.number) newest = answer;
  }
  return newest;
}

}  // namespace dichtbij
