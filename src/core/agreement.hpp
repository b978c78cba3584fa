// Agreement (afspraak) in a household's support plan: who does what, and
// why. Every change keeps the earlier version, so a task handed from a
// professional to an informal helper stays visible over time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"

namespace dichtbij {

struct AgreementFields {
  static constexpr std::size_t kMaxGoalLength = 500;
  static constexpr std::size_t kMaxTextLength = 2000;

  std::string goal;
  std::string action;
  PersonId responsible;  // formal or informal
  std::optional<std::string> why;
  std::optional<Date> due;
  std::optional<Date> review;
  AgreementStatus status = AgreementStatus::planned;
  bool agreed_by_household = false;
};

struct Agreement {
  AgreementId id;
  HouseholdId household;
  int version = 1;
  AgreementFields fields;
};

// One version in an agreement's history.
struct AgreementVersion {
  int version = 1;
  std::string changed_at;  // UTC timestamp of the change
  AgreementFields fields;
};

struct AgreementFilter {
  std::optional<AgreementStatus> status;
  std::optional<PersonId> responsible;
  // As the plan stood at the end of this day: each agreement in the version
  // it had then; agreements made later are left out.
  std::optional<Date> on;
};

}  // namespace dichtbij
