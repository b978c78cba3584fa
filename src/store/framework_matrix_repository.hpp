// FrameworkMatrixRepository: a research project's framework matrices
// (core/framework_matrix.hpp): their themes, and the cells researchers
// write, each with its own version so that two researchers editing one
// cell never silently overwrite each other.
#pragma once

#include <optional>
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

  // invalid_input naming themeCodeIds[i] when it is no code of the project.
  [[nodiscard]] Result<FrameworkMatrix> create(const FrameworkMatrixFields& fields,
                                               const AccountId& creator);
  // not_found unless the matrix is of this project.
  [[nodiscard]] Result<FrameworkMatrix> get(const FrameworkMatrixId& id);
  // By name, then id.
  [[nodiscard]] Result<std::vector<FrameworkMatrix>> all();
  // Renames it or changes its themes; the cells of a theme left out stay
  // and come back with it. precondition_failed when expected is stale.
  [[nodiscard]] Result<FrameworkMatrix> update(const FrameworkMatrixId& id,
                                               std::optional<int> expected,
                                               const FrameworkMatrixFields& fields);
  // The matrix with its rows, columns and written cells.
  [[nodiscard]] Result<FrameworkTable> table(const FrameworkMatrixId& id);
  // Writes one cell. not_found when practice is not a row or theme not a
  // column of the matrix; precondition_failed when expected is not the
  // cell's version (0 for an unwritten cell); invalid_input naming
  // codingIds[i] when a coding is not of a note of that practice.
  [[nodiscard]] Result<FrameworkCell> put_cell(const FrameworkMatrixId& id,
                                               const PracticeId& practice, const CodeId& theme,
                                               std::optional<int> expected,
                                               const FrameworkCellFields& fields,
                                               const AccountId& author);

 private:
  Result<void> check_themes(const FrameworkMatrixFields& fields);
  void write_themes(const FrameworkMatrixId& id, const FrameworkMatrixFields& fields);
  std::vector<FrameworkCell> cells(const FrameworkMatrixId& id);

  Transaction& transaction_;
  ResearchProjectId project_;
};

}  // namespace dichtbij::store
