// Assessment: a Zelfredzaamheid-Matrix (ZRM 2017) profile of one person on
// one day. Only the domains relevant to the request are recorded — the Dutch
// DPA ruled in 2018 that requiring all thirteen collects too much — so every
// domain is optional, but an assessment scores at least one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace dichtbij {

struct DomainScore {
  static constexpr int kLowest = 1;   // acute problematiek
  static constexpr int kHighest = 5;  // volledig zelfredzaam

  ZrmDomain domain = ZrmDomain::finances;
  int score = 3;
  std::optional<Carrier> carried_by;  // who carries the domain
};

struct AssessmentFields {
  static constexpr std::size_t kMaxNoteLength = 2000;

  Date date;
  PersonId person;                   // who was assessed
  std::optional<PersonId> assessor;  // who assessed
  std::vector<DomainScore> scores;   // at least one, each domain once
  std::optional<std::string> note;
};

struct Assessment {
  AssessmentId id;
  HouseholdId household;
  int version = 1;
  AssessmentFields fields;
};

struct AssessmentFilter {
  std::optional<PersonId> person;
  std::optional<Date> from;
  std::optional<Date> to;
};

// At least one domain, none twice, and not dated in the future.
[[nodiscard]] std::vector<InvalidParam> check(const AssessmentFields& fields, const Date& today);

}  // namespace dichtbij
