// What research exports read: support acts with the standing of the people
// in them, and nothing that names anyone. The caller decides which
// households (access/consent.hpp); this only reads them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Where a person stood on the day of an act: a professional (their role that
// day), otherwise a member of the act's household that day, otherwise
// someone from the informal network.
enum class ResearchRole { formal, household, informal };

// One support act as research sees it: ids, codes and counts only — no
// names, notes, birth years or buurt codes.
struct ResearchSupportAct {
  std::string date;  // YYYY-MM-DD
  HouseholdId household;
  std::vector<PracticeId> practices;  // the household's, in its order
  PersonId provider;
  ResearchRole provider_role = ResearchRole::informal;
  PersonId receiver;
  ResearchRole receiver_role = ResearchRole::household;
  SupportType support_type = SupportType::practical;
  SupportMode mode = SupportMode::in_person;
  std::optional<int> duration_minutes;
  MobilisedBy mobilised_by = MobilisedBy::self;
  std::optional<PersonId> mobilised_by_person;
  long long others_formal = 0;    // others involved who were professionals that day
  long long others_informal = 0;  // the rest of the others involved
};

// The support acts of households, by household, then date, then act id.
// One query per kMaxParentsPerQuery households (store/child_rows.hpp).
[[nodiscard]] Result<std::vector<ResearchSupportAct>> research_support_acts(
    Transaction& transaction, const std::vector<HouseholdId>& households);

}  // namespace dichtbij::store
