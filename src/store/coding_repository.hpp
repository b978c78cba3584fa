// CodingRepository: codes applied to text ranges of a research project's
// field notes (core/research.hpp). A coding is never changed, only removed
// and made again: who coded what is what agreement is computed from.
#pragma once

#include <optional>

#include "core/page.hpp"
#include "core/research.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct CodingFilter {
  std::optional<FieldNoteId> note;
  std::optional<CodeId> code;
  std::optional<AccountId> coder;
};

// Borrows the transaction; create one per transaction.
class CodingRepository {
 public:
  CodingRepository(Transaction& transaction, ResearchProjectId project)
      : transaction_(transaction), project_(std::move(project)) {}

  // invalid_input naming noteId or codeId when they are not of the
  // project, start or end when the range does not fit the note
  // (core/research.hpp check_range).
  [[nodiscard]] Result<Coding> create(const CodingFields& fields, const AccountId& coder);
  // not_found unless the coding is of this project.
  [[nodiscard]] Result<Coding> get(const CodingId& id);
  // By note, start, end, then id.
  [[nodiscard]] Result<Page<Coding>> list(const CodingFilter& filter, const Paging& paging);
  [[nodiscard]] Result<void> remove(const CodingId& id);

 private:
  Transaction& transaction_;
  ResearchProjectId project_;
};

}  // namespace dichtbij::store
