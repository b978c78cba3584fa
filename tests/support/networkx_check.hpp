// Runs tests/analysis/networkx_measures.py: networkx recomputes the measures
// of households from their GraphML files and compares them with Dichtbij's
// CSV of the same households.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dichtbij::testing {

struct NetworkxCheck {
  int exit_code = -1;  // 0: every value agreed to 1e-9
  std::string output;  // the differences, and the summary line
};

[[nodiscard]] NetworkxCheck run_networkx_check(const std::filesystem::path& csv,
                                               const std::vector<std::filesystem::path>& graphs);

}  // namespace dichtbij::testing
