// Practice (praktijk): a programme with its target groups, neighbourhoods and
// organisations. Households, helpers and professionals are grouped by
// practice, and every analysis can be compared across practices.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace dichtbij {

struct PracticeFields {
  static constexpr std::size_t kMaxNameLength = 200;
  static constexpr std::size_t kMaxDescriptionLength = 4000;
  static constexpr std::size_t kMaxBuurtCodes = 500;
  static constexpr std::size_t kMaxOrganisations = 100;

  std::string name;
  std::optional<std::string> description;
  std::vector<TargetGroup> target_groups;  // at least one
  std::vector<std::string> buurt_codes;    // CBS buurt codes
  std::vector<OrganisationId> organisations;
};

struct Practice {
  PracticeId id;
  int version = 1;
  PracticeFields fields;
};

// Invariants beyond each field's type, named as the API names the fields.
[[nodiscard]] std::vector<InvalidParam> check(const PracticeFields& fields);

}  // namespace dichtbij
