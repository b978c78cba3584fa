// FrameworkMatrixRepository: a research project's framework matrices
// (core/framework_matrix.hpp): their themes, and the cells researchers
// write, each with its own version so that two researchers editing one
// cell never silently overwrite each other.
//
// Consent: table() and put_cell() take `consented`, the households whose
// research consent is in force today (access::research_households, read in
// the same transaction), in id order. A note linked to a household outside
// it is left out as the analyses leave it out: its codings are in no cell,
// and in a household matrix a household outside it is no row.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/framework_matrix.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class FrameworkMatrixRepository {
 public:
  FrameworkMatrixRepository(Transaction& transaction, ResearchProjectId project)
      : transaction_(transaction), project_(std::move(project)) {}

  // A matrix whose rows are of case_kind, for good. invalid_input naming
  // themeCodeIds[i] when it is no code of the project.
  [[nodiscard]] Result<FrameworkMatrix> create(const FrameworkMatrixFields& fields,
                                               FrameworkCaseKind case_kind,
                                               const AccountId& creator);
  // not_found unless the matrix is of this project.
  [[nodiscard]] Result<FrameworkMatrix> get(const FrameworkMatrixId& id);
  // By name, then id.
  [[nodiscard]] Result<std::vector<FrameworkMatrix>> all();
  // Renames it or changes its themes; the cells of a theme left out stay
  // and come back with it. precondition_failed when expected is stale;
  // invalid_input naming caseKind when case_kind is given and is not the
  // matrix's (it is chosen once, at creation).
  [[nodiscard]] Result<FrameworkMatrix> update(const FrameworkMatrixId& id,
                                               std::optional<int> expected,
                                               const FrameworkMatrixFields& fields,
                                               std::optional<FrameworkCaseKind> case_kind);
  // The matrix with its rows, columns and written cells: in a practice
  // matrix the project's practices by name; in a household matrix the
  // households in consented that the project's notes are linked to, by id.
  // Cells of other rows (a household whose consent was withdrawn) are left
  // out, and so are fragments of notes outside consent.
  [[nodiscard]] Result<FrameworkTable> table(const FrameworkMatrixId& id,
                                             const std::vector<HouseholdId>& consented);
  // Writes one cell. not_found when row is not a row or theme not a column
  // of the matrix (a row of the other kind is none); precondition_failed
  // when expected is not the cell's version (0 for an unwritten cell);
  // invalid_input naming codingIds[i] when a coding is not of a note of
  // the row's practice, or of a note linked to the row's household, or is
  // of a note outside consent.
  [[nodiscard]] Result<FrameworkCell> put_cell(const FrameworkMatrixId& id,
                                               const FrameworkCaseId& row, const CodeId& theme,
                                               std::optional<int> expected,
                                               const FrameworkCellFields& fields,
                                               const AccountId& author,
                                               const std::vector<HouseholdId>& consented);

 private:
  // The households each of the project's notes is linked to, by note id.
  using NoteHouseholds = std::map<std::string, std::vector<HouseholdId>>;

  Result<void> check_themes(const FrameworkMatrixFields& fields);
  void write_themes(const FrameworkMatrixId& id, const FrameworkMatrixFields& fields);
  NoteHouseholds note_households();
  std::vector<FrameworkCell> cells(const FrameworkMatrix& matrix, const NoteHouseholds& links,
                                   const std::vector<HouseholdId>& consented);
  Result<FrameworkTable> table(const FrameworkMatrixId& id, const NoteHouseholds& links,
                               const std::vector<HouseholdId>& consented);

  Transaction& transaction_;
  ResearchProjectId project_;
};

}  // namespace dichtbij::store
