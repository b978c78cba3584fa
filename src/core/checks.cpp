#include <string>

#include "core/assessment.hpp"
#include "core/buurt_code.hpp"
#include "core/facility.hpp"
#include "core/household.hpp"
#include "core/person.hpp"
#include "core/practice.hpp"
#include "core/support_act.hpp"
#include "core/tie.hpp"

namespace dichtbij {

namespace {

void check_buurt_code(const std::string& code, const std::string& name,
                      std::vector<InvalidParam>& problems) {
  if (!is_buurt_code(code)) {
    problems.push_back({name, "must be a CBS buurt code: BU and eight digits, e.g. BU03630000"});
  }
}

void check_period(const Period& period, const std::string& name,
                  std::vector<InvalidParam>& problems) {
  if (!period.is_ordered()) problems.push_back({name + ".until", "must not be before from"});
}

}  // namespace

std::vector<InvalidParam> check(const PracticeFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.buurt_codes.size(); ++i) {
    check_buurt_code(fields.buurt_codes[i], "buurtCodes[" + std::to_string(i) + "]", problems);
  }
  return problems;
}

std::vector<InvalidParam> check(const PersonFields& fields, int current_year) {
  std::vector<InvalidParam> problems;
  if (fields.birth_year && *fields.birth_year > current_year) {
    problems.push_back({"birthYear", "must not be in the future"});
  }
  if (fields.buurt_code) check_buurt_code(*fields.buurt_code, "buurtCode", problems);
  for (std::size_t i = 0; i != fields.roles.size(); ++i) {
    check_period(fields.roles[i].period, "roles[" + std::to_string(i) + "]", problems);
  }
  for (std::size_t i = 0; i != fields.memberships.size(); ++i) {
    check_period(fields.memberships[i].period, "memberships[" + std::to_string(i) + "]", problems);
  }
  return problems;
}

std::vector<InvalidParam> check(const HouseholdFields& fields) {
  std::vector<InvalidParam> problems;
  if (fields.buurt_code) check_buurt_code(*fields.buurt_code, "buurtCode", problems);
  for (std::size_t i = 0; i != fields.members.size(); ++i) {
    check_period(fields.members[i].period, "members[" + std::to_string(i) + "]", problems);
  }
  for (std::size_t i = 0; i != fields.team.size(); ++i) {
    check_period(fields.team[i].period, "team[" + std::to_string(i) + "]", problems);
  }
  if (fields.kind == HouseholdKind::person) {
    for (std::size_t i = 0; i != fields.members.size(); ++i) {
      for (std::size_t j = 0; j != i; ++j) {
        const Period& a = fields.members[i].period;
        const Period& b = fields.members[j].period;
        const bool overlap = (!a.until || b.from <= *a.until) && (!b.until || a.from <= *b.until);
        if (overlap) {
          problems.push_back({"members[" + std::to_string(i) + "]",
                              "a single-person household has one member at a time"});
        }
      }
    }
  }
  return problems;
}

std::vector<InvalidParam> check(const TieFields& fields) {
  std::vector<InvalidParam> problems;
  if (fields.person == fields.other) {
    problems.push_back({"otherPersonId", "must be someone other than personId"});
  }
  if (!fields.period.is_ordered()) problems.push_back({"until", "must not be before from"});
  return problems;
}

std::vector<InvalidParam> check(const SupportActFields& fields, const Date& today) {
  std::vector<InvalidParam> problems;
  if (fields.provider == fields.receiver) {
    problems.push_back({"receiverId", "must be someone other than providerId"});
  }
  if (fields.date > today) problems.push_back({"date", "must not be in the future"});
  for (std::size_t i = 0; i != fields.others_involved.size(); ++i) {
    const PersonId& other = fields.others_involved[i];
    if (other == fields.provider || other == fields.receiver) {
      problems.push_back({"othersInvolvedIds[" + std::to_string(i) + "]",
                          "is already the provider or the receiver"});
    }
  }
  return problems;
}

std::vector<InvalidParam> check(const AssessmentFields& fields, const Date& today) {
  std::vector<InvalidParam> problems;
  if (fields.date > today) problems.push_back({"date", "must not be in the future"});
  if (fields.scores.empty()) problems.push_back({"scores", "must score at least one domain"});
  for (std::size_t i = 0; i != fields.scores.size(); ++i) {
    for (std::size_t j = 0; j != i; ++j) {
      if (fields.scores[i].domain == fields.scores[j].domain) {
        problems.push_back({"scores[" + std::to_string(i) + "].domain",
                            "scores " + std::string(to_code(fields.scores[i].domain)) + " twice"});
      }
    }
  }
  return problems;
}

std::vector<InvalidParam> check(const FacilityFields& fields) {
  std::vector<InvalidParam> problems;
  check_buurt_code(fields.buurt_code, "buurtCode", problems);
  return problems;
}

std::vector<InvalidParam> check(const ReferralFields& fields, const Date& today) {
  std::vector<InvalidParam> problems;
  if (fields.date > today) problems.push_back({"date", "must not be in the future"});
  return problems;
}

}  // namespace dichtbij
