// MemoRepository: memos of a research project, each on one note, code or
// coding (core/research.hpp).
#pragma once

#include <optional>

#include "core/page.hpp"
#include "core/research.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class MemoRepository {
 public:
  MemoRepository(Transaction& transaction, ResearchProjectId project)
      : transaction_(transaction), project_(std::move(project)) {}

  // invalid_input naming noteId, codeId or codingId when it is not of the
  // project.
  [[nodiscard]] Result<Memo> create(const MemoFields& fields, const AccountId& author);
  // not_found unless the memo is of this project.
  [[nodiscard]] Result<Memo> get(const MemoId& id);
  // The memos on what filter names (all when it names nothing), oldest first.
  [[nodiscard]] Result<Page<Memo>> list(const MemoFields& filter, const Paging& paging);
  // Only the text changes: a memo stays on what it was written on.
  [[nodiscard]] Result<Memo> update(const MemoId& id, std::optional<int> expected_version,
                                    const std::string& text);
  [[nodiscard]] Result<void> remove(const MemoId& id);

 private:
  Transaction& transaction_;
  ResearchProjectId project_;
};

}  // namespace dichtbij::store
