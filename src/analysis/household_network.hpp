// HouseholdNetwork: a household's support network on one day, as the network
// measures see it — the household as one ego (its members on the day taken
// together), its network persons ("alters"), and the ties among those.
// Built from the ecomap (core/ecomap.hpp), so the analyses and the picture the
// web app draws always agree on who is in the network.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/domain_enums.hpp"
#include "core/ecomap.hpp"

namespace dichtbij::analysis {

// Support types in the order of SupportType.
inline constexpr std::size_t kSupportTypes = EnumTraits<SupportType>::kValues.size();

// One network person: anyone the ecomap shows who is not a member on the day
// (tied persons and the team's professionals).
struct Alter {
  std::string id;                  // the PersonId's text
  std::optional<PersonRole> role;  // the role held on the day, if any
  bool formal = false;             // on the team, or a professional on the day
  bool kin = false;                // a kin relation (core is_kin) with a member
  // Adjacent to the household: a tie with a member, or on the team. Only
  // these count in Burt's measures (ego's neighbours).
  bool adjacent = false;
  // A tie (not only a team place) with a member: the ties multiplexity and
  // reciprocity are measured over.
  bool support_tie = false;
  std::array<bool, kSupportTypes> support_types{};  // over its ties with members
  bool gives = false;     // helps the household (along some tie with a member)
  bool receives = false;  // is helped by the household
};

struct HouseholdNetwork {
  std::vector<Alter> alters;  // in the ecomap's order
  // Ties among alters, each pair once as indices into alters, first < second,
  // sorted.
  std::vector<std::pair<int, int>> alter_ties;
};

// The network on map.on. Ties between two members are not part of it (they
// are inside the ego); a tie's direction is read from its person towards its
// other end (core/tie.hpp), so "gives" on a tie whose person is a member means
// the household gives.
[[nodiscard]] HouseholdNetwork household_network(const Ecomap& map);

}  // namespace dichtbij::analysis
