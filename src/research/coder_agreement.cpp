#include "research/coder_agreement.hpp"

#include <cassert>
#include <map>

namespace dichtbij::research {

std::optional<double> cohens_kappa(const std::vector<int>& first, const std::vector<int>& second) {
  assert(first.size() == second.size());
  if (first.empty()) return std::nullopt;
  const double n = static_cast<double>(first.size());
  std::map<int, double> first_counts, second_counts;
  double agreed = 0;
  for (std::size_t i = 0; i != first.size(); ++i) {
    agreed += first[i] == second[i];
    first_counts[first[i]] += 1;
    second_counts[second[i]] += 1;
  }
  double expected = 0;
  for (const auto& [value, count] : first_counts) {
    if (auto other = second_counts.find(value); other != second_counts.end()) {
      expected += (count / n) * (other->second / n);
    }
  }
  if (expected >= 1.0) return std::nullopt;
  return (agreed / n - expected) / (1.0 - expected);
}

std::optional<double> krippendorffs_alpha_nominal(
    const std::vector<std::vector<std::optional<int>>>& units) {
  // The coincidence matrix o[c][k]: each unit with m >= 2 values adds, for
  // each ordered pair of values from different coders, 1 / (m - 1).
  std::map<int, std::map<int, double>> coincidences;
  for (const std::vector<std::optional<int>>& unit : units) {
    std::map<int, double> counts;
    double m = 0;
    for (const std::optional<int>& value : unit) {
      if (value) counts[*value] += 1, m += 1;
    }
    if (m < 2) continue;
    for (const auto& [c, n_c] : counts) {
      for (const auto& [k, n_k] : counts) {
        const double pairs = c == k ? n_c * (n_c - 1) : n_c * n_k;
        coincidences[c][k] += pairs / (m - 1);
      }
    }
  }
  std::map<int, double> marginals;
  double n = 0;
  double disagreeing = 0;
  for (const auto& [c, row] : coincidences) {
    for (const auto& [k, o] : row) {
      marginals[c] += o;
      n += o;
      if (c != k) disagreeing += o;
    }
  }
  if (n < 2) return std::nullopt;
  double expected_disagreeing = 0;
  for (const auto& [c, n_c] : marginals) {
    for (const auto& [k, n_k] : marginals) {
      if (c != k) expected_disagreeing += n_c * n_k;
    }
  }
  if (expected_disagreeing == 0) return std::nullopt;
  return 1.0 - (n - 1) * disagreeing / expected_disagreeing;
}

}  // namespace dichtbij::research
