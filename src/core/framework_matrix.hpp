// The framework matrix (Framework Method: Gale, N. K. et al. (2013). Using
// the framework method for the analysis of qualitative data in
// multi-disciplinary health research. BMC Medical Research Methodology 13,
// 117): per research project, cases as rows (the practices, or the
// households pseudonymised), a chosen list of codes as columns (themes), and
// in each cell a researcher's summary linked to the codings it rests on
// (issue 9, docs/research.md).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/enumeration.hpp"
#include "core/ids.hpp"
#include "core/research.hpp"
#include "core/result.hpp"

namespace dichtbij {

using FrameworkMatrixId = Id<struct FrameworkMatrixTag>;

// What a matrix's rows are, chosen when it is created and never changed:
// the project's practices, or the households linked to the project's notes
// whose research consent is in force (shown only by their pseudonyms).
enum class FrameworkCaseKind { practice, household };
template <>
struct EnumTraits<FrameworkCaseKind> {
  static constexpr std::string_view kName = "frameworkCaseKind";
  static constexpr auto kValues = std::to_array<EnumValue>(
      {{"practice", "Praktijken", "Practices"},
       {"household", "Huishoudens (gepseudonimiseerd)", "Households (pseudonymised)"}});
};

// A row: a practice in a practice matrix, a household in a household matrix.
// A household's id never leaves the server: the API names the row by the
// household's research pseudonym.
using FrameworkCaseId = std::variant<PracticeId, HouseholdId>;

// The row's id as stored.
[[nodiscard]] const std::string& case_id_text(const FrameworkCaseId& id) noexcept;

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
  // Codings of notes of the cell's practice, or of notes linked to the
  // cell's household.
  std::vector<CodingId> codings;
};

// A cell as written; an unwritten cell has version 0 and no summary.
struct FrameworkCell {
  FrameworkCaseId row;
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
  FrameworkCaseKind case_kind = FrameworkCaseKind::practice;
  FrameworkMatrixFields fields;
};

// A row: a practice of the project, or a household linked to its notes.
struct FrameworkCase {
  FrameworkCaseId id;
  std::string name;  // the practice's; empty for a household
};

// A column: a code of the matrix's themes.
struct FrameworkTheme {
  CodeId code;
  std::string name;
};

// The whole matrix as shown and exported: the rows (practices by name,
// households by id), the columns in the matrix's order, and the written
// cells of those rows and columns.
struct FrameworkTable {
  FrameworkMatrix matrix;
  std::vector<FrameworkCase> cases;
  std::vector<FrameworkTheme> themes;
  std::vector<FrameworkCell> cells;
};

[[nodiscard]] std::vector<InvalidParam> check(const FrameworkMatrixFields& fields);
[[nodiscard]] std::vector<InvalidParam> check(const FrameworkCellFields& fields);

}  // namespace dichtbij
