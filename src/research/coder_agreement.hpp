// Agreement between coders (issue 9; formulas and the unit of analysis in
// docs/research.md). Pure computations over values coders assigned to
// units; which units and values a codebook's codings give is decided in
// research/code_analyses.hpp.
#pragma once

#include <optional>
#include <vector>

namespace dichtbij::research {

// Cohen's kappa of two coders who each gave every unit one value:
// (p_o - p_e) / (1 - p_e), p_o the share of units they agree on, p_e the
// agreement expected from each coder's own value shares. nullopt when it is
// undefined: no units, or p_e = 1 (both always gave the one same value).
// REQUIRES: first.size() == second.size().
[[nodiscard]] std::optional<double> cohens_kappa(const std::vector<int>& first,
                                                 const std::vector<int>& second);

// Krippendorff's alpha for nominal values, any number of coders, missing
// values allowed: units[u][c] is coder c's value for unit u, nullopt when c
// gave none. 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011);
// units with fewer than two values do not count. nullopt when it is
// undefined: fewer than two pairable values, or one value only (D_e = 0).
[[nodiscard]] std::optional<double> krippendorffs_alpha_nominal(
    const std::vector<std::vector<std::optional<int>>>& units);

}  // namespace dichtbij::research
