// The framework matrix (Framework Method: Gale, N. K. et al. (2013). Using
// the framework method for the analysis of qualitative data in
// multi-disciplinary health research. BMC Medical Research Methodology 13,
// 117): per research project, the practices as rows (cases), a chosen list
// of codes as columns (themes), and in each cell a researcher's summary
// linked to the codings it rests on (issue 9, docs/research.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/research.hpp"
#include "core/result.hpp"

namespace dichtbij {

using FrameworkMatrixId = Id<struct FrameworkMatrixTag>;

struct FrameworkMatrixFields {
  static constexpr std::size_t kMaxNameLength = 200;
  static constexpr std::size_t kMaxThemes = 100;

  std::string name;
  // The columns, in order: codes of the project's codebook.
  std::vector<CodeId> themes;
};

struct FrameworkCellFields {
  static constexpr std::size_t kMaxSummaryLength = 20000;
  static constexpr std::size_t kMaxCodings = 100;

  std::string summary;
  // Codings of notes of the cell's practice.
  std::vector<CodingId> codings;
};

// A cell as written; an unwritten cell has version 0 and no summary.
struct FrameworkCell {
  PracticeId practice;
  CodeId theme;
  int version = 0;
  FrameworkCellFields fields;
  std::optional<AccountId> updated_by;
  std::string updated_at;  // UTC timestamp; empty when unwritten
  // The codings of fields.codings, with their note and range.
  std::vector<Coding> fragments;
};

struct FrameworkMatrix {
  FrameworkMatrixId id;
  int version = 1;
  ResearchProjectId project;
  FrameworkMatrixFields fields;
};

// A row: a practice of the project.
struct FrameworkCase {
  PracticeId practice;
  std::string name;
};

// A column: a code of the matrix's themes.
struct FrameworkTheme {
  CodeId code;
  std::string name;
};

// The whole matrix as shown and exported: rows by practice name, columns in
// the matrix's order, and the written cells.
struct FrameworkTable {
  FrameworkMatrix matrix;
  std::vector<FrameworkCase> cases;
  std::vector<FrameworkTheme> themes;
  std::vector<FrameworkCell> cells;
};

[[nodiscard]] std::vector<InvalidParam> check(const FrameworkMatrixFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const FrameworkCellFields& fields);

}  // namespace dichtbij
