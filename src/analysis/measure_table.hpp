// The measures of a household as one flat row of named values, the same for
// every output: CSV columns (snake_case, for R, SPSS, Stata), JSON properties
// (camelCase, for the API and the CLI's --format json). A value that is not
// defined (docs/measures.md) is empty in CSV and null in JSON.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "analysis/household_analysis.hpp"

namespace dichtbij::analysis {

using MeasureValue = std::variant<std::monostate, long long, double, bool, std::string>;

// The names are static: they stay valid for the life of the program.
struct MeasureCell {
  std::string_view csv_name;   // "effective_size", "emotional_coverage"
  std::string_view json_name;  // "effectiveSize", "emotionalCoverage"
  MeasureValue value;
};

using MeasureRow = std::vector<MeasureCell>;

// The row of analysis: household (as household_label, e.g. a pseudonym),
// date, then every measure and its parts, then per support type its capacity.
// Every row has the same columns in the same order.
[[nodiscard]] MeasureRow measure_row(const HouseholdAnalysis& analysis,
                                     std::string_view household_label);

// The change from `before` to `after` (after - before) of every numeric cell
// both define; booleans and text are left out. REQUIRES: rows of measure_row.
[[nodiscard]] MeasureRow measure_change(const MeasureRow& before, const MeasureRow& after);

// CSV (RFC 4180, CRLF): the header line of row's columns, and one line per row.
void write_csv_header(std::ostream& out, const MeasureRow& row);
void write_csv_row(std::ostream& out, const MeasureRow& row);

// A JSON object of json_name: value.
[[nodiscard]] nlohmann::json to_json(const MeasureRow& row);

}  // namespace dichtbij::analysis
