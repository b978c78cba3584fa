// The structural measures of one household's network on one day: size,
// composition, diversity, density, Burt's brokerage measures, multiplexity,
// reciprocity, components and isolates. Each comes with the counts it is
// made of, so nothing is a black box. Formulas, references and edge cases:
// docs/measures.md.
#pragma once

#include <optional>
#include <vector>

#include "analysis/household_network.hpp"
#include "core/result.hpp"

namespace dichtbij::analysis {

// How many alters hold one role on the day; role unset: none.
struct RoleCount {
  std::optional<PersonRole> role;
  int count = 0;
  double share = 0;  // count / size
};

// Roles (10) plus "no role": the categories Blau and IQV are taken over.
inline constexpr int kRoleCategories = static_cast<int>(EnumTraits<PersonRole>::kValues.size()) + 1;

// A share or index is nullopt where its formula divides by zero (see
// docs/measures.md: e.g. density needs two alters).
struct NetworkMeasures {
  int size = 0;          // alters
  int informal = 0;      // alters not formal
  int kin = 0;           // alters with a kin tie to a member
  int professional = 0;  // alters who are formal (team or professional role)
  std::optional<double> informal_share, kin_share, professional_share;
  std::vector<RoleCount> roles;  // categories held by at least one alter, in enum order, none last
  std::optional<double> blau;    // 1 - Σ p_k² over role categories
  std::optional<double> iqv;     // blau / (1 - 1/kRoleCategories)

  int alter_ties = 0;             // ties among alters
  std::optional<double> density;  // alter_ties / (size·(size-1)/2)
  int components = 0;             // connected components of the alters' graph
  int isolates = 0;               // alters without a tie to another alter

  int ego_degree = 0;                    // alters adjacent to the household
  int ego_alter_ties = 0;                // ties among those
  std::optional<double> effective_size;  // ego_degree - 2·ego_alter_ties / ego_degree
  std::optional<double> efficiency;      // effective_size / ego_degree
  std::optional<double> constraint;      // Burt's aggregate constraint of the household (igraph)

  int support_ties = 0;  // alters with a tie (not only a team place) to a member
  int multiplex = 0;     // of those, carrying two or more support types
  int reciprocal = 0;    // of those, with help in both directions
  std::optional<double> multiplexity, reciprocity;  // multiplex, reciprocal / support_ties
};

// The measures of network. internal when igraph fails (out of memory). Takes
// the process-wide igraph lock for the duration (analysis/igraph_graph.hpp).
[[nodiscard]] Result<NetworkMeasures> measure_network(const HouseholdNetwork& network);

}  // namespace dichtbij::analysis
