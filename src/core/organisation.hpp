// Organisation: a municipality, a welfare organisation, the police, a housing
// corporation, a self-organisation… Professionals and volunteers belong to
// organisations; "formal" separates mandated or paid help from civil society.
#pragma once

#include <optional>
#include <string>

#include "core/domain_enums.hpp"
#include "core/ids.hpp"

namespace dichtbij {

struct OrganisationFields {
  static constexpr std::size_t kMaxNameLength = 200;

  std::string name;
  OrganisationKind kind = OrganisationKind::other;
  bool formal = true;
};

struct Organisation {
  OrganisationId id;
  int version = 1;  // increases with every change; the ETag
  OrganisationFields fields;
};

struct OrganisationFilter {
  std::optional<OrganisationKind> kind;
  std::optional<bool> formal;
  std::optional<std::string> name_contains;  // case-insensitive
};

}  // namespace dichtbij
