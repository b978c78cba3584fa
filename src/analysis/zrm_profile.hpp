// The ZRM profile of a household's members on a day, and how it changed
// between two days. Assessments score only the domains that matter at the
// time (core/assessment.hpp), so a person's profile on a day takes, per
// domain, the latest score recorded on or before that day, with the day it
// was recorded: a domain last scored a year ago is shown as that, not as
// today's. Persons with no assessment up to the day have no profile.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/assessment.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"

namespace dichtbij::analysis {

struct ZrmDomainScore {
  ZrmDomain domain = ZrmDomain::finances;
  int score = 0;
  Date assessed_on;
};

struct ZrmPersonProfile {
  PersonId person;
  std::vector<ZrmDomainScore> domains;  // in the matrix's order
};

// One domain of one person on both days; nullopt where it had no score yet.
struct ZrmDomainChange {
  ZrmDomain domain = ZrmDomain::finances;
  std::optional<ZrmDomainScore> then;
  std::optional<ZrmDomainScore> now;
  // now - then, when both are scored; positive is more self-reliant.
  [[nodiscard]] std::optional<int> change() const;
};

struct ZrmPersonChange {
  PersonId person;
  std::vector<ZrmDomainChange> domains;  // scored on either day, matrix order
};

// The profile of every person assessed on or before `on`, ordered by person
// id. assessments: in any order.
[[nodiscard]] std::vector<ZrmPersonProfile> zrm_profile(std::span<const Assessment> assessments,
                                                        const Date& on);

// Per person and domain, the profile on `then` beside the profile on `now`
// (either day may be the later one), ordered by person id.
[[nodiscard]] std::vector<ZrmPersonChange> zrm_change(std::span<const Assessment> assessments,
                                                      const Date& then, const Date& now);

}  // namespace dichtbij::analysis
