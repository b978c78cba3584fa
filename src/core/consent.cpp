#include "core/consent.hpp"

#include <algorithm>

namespace dichtbij {

bool lacks_research_consent(const std::vector<HouseholdId>& linked,
                            const std::vector<HouseholdId>& consented) {
  return std::any_of(linked.begin(), linked.end(), [&](const HouseholdId& household) {
    return !std::binary_search(consented.begin(), consented.end(), household);
  });
}

std::vector<InvalidParam> check(const ConsentFields& fields, const Date& today) {
  std::vector<InvalidParam> problems;
  if (fields.granted_on > today) problems.push_back({"grantedOn", "must not be in the future"});
  if (fields.withdrawn_on) {
    if (*fields.withdrawn_on > today) {
      problems.push_back({"withdrawnOn", "must not be in the future"});
    } else if (*fields.withdrawn_on < fields.granted_on) {
      problems.push_back({"withdrawnOn", "must not be before grantedOn"});
    }
  }
  return problems;
}

std::vector<InvalidParam> check_change(const ConsentFields& before, const ConsentFields& after) {
  std::vector<InvalidParam> problems;
  if (before.withdrawn_on) {
    const bool same = after.purpose == before.purpose && after.granted_on == before.granted_on &&
                      after.withdrawn_on == before.withdrawn_on && after.note == before.note;
    if (!same) {
      problems.push_back(
          {"withdrawnOn", "the consent was withdrawn and stays as it is; record a new consent"});
    }
    return problems;
  }
  if (after.purpose != before.purpose) {
    problems.push_back({"purpose", "cannot change; record a consent for the other purpose"});
  }
  return problems;
}

}  // namespace dichtbij
