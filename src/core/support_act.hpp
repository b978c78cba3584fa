// Support act (steunmoment): the micro-level record the research asks for —
// who gave what support to whom, on which day, and who set it in motion:
// the household itself, someone from its network, or a professional.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/reach.hpp"
#include "core/result.hpp"

namespace dichtbij {

struct SupportActFields {
  static constexpr std::size_t kMaxNoteLength = 500;
  static constexpr std::size_t kMaxOthersInvolved = 20;
  static constexpr int kMaxDurationMinutes = 24 * 60;

  Date date;
  HouseholdId household;
  PersonId provider;
  PersonId receiver;
  SupportType support_type = SupportType::practical;
  std::optional<int> duration_minutes;
  SupportMode mode = SupportMode::in_person;
  MobilisedBy mobilised_by = MobilisedBy::self;
  std::optional<PersonId> mobilised_by_person;  // who, when known
  std::vector<PersonId> others_involved;        // collaboration
  std::optional<AgreementId> agreement;         // the plan agreement it serves
  std::optional<std::string> note;
};

struct SupportAct {
  SupportActId id;
  int version = 1;
  SupportActFields fields;
};

struct SupportActFilter {
  std::optional<HouseholdId> household;
  std::optional<PracticeId> practice;
  std::optional<PersonId> provider;
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // inclusive
  std::optional<SupportType> support_type;
  std::optional<MobilisedBy> mobilised_by;
  // Only what lies within this reach (access/policy.hpp); everything when unset.
  std::optional<Reach> reach;
};

// Provider and receiver differ, the act is not in the future, and nobody is
// listed as involved twice or as both provider and other.
[[nodiscard]] std::vector<InvalidParam> check(const SupportActFields& fields, const Date& today);

}  // namespace dichtbij
