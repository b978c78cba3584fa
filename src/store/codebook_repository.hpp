// CodebookRepository: a research project's hierarchical codebook and its
// append-only change log (core/research.hpp). Every create, update and
// removal of a code advances the project's codebook version by one and
// records who, when and what (the code before and after), so an analysis
// can name the version it used and the codebook of any version can be told.
#pragma once

#include <optional>
#include <vector>

#include "core/page.hpp"
#include "core/research.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class CodebookRepository {
 public:
  CodebookRepository(Transaction& transaction, ResearchProjectId project)
      : transaction_(transaction), project_(std::move(project)) {}

  // invalid_input naming parentId when it is no code of the project.
  [[nodiscard]] Result<Code> create(const CodeFields& fields, const AccountId& account);
  // not_found unless the code is of this project.
  [[nodiscard]] Result<Code> get(const CodeId& id);
  // Every code of the project, by name then id.
  [[nodiscard]] Result<std::vector<Code>> all();
  // invalid_input naming parentId when it is no code of the project, or the
  // code itself or one below it (a cycle).
  [[nodiscard]] Result<Code> update(const CodeId& id, std::optional<int> expected_version,
                                    const CodeFields& fields, const AccountId& account);
  // conflict while codings use it or codes sit below it.
  [[nodiscard]] Result<void> remove(const CodeId& id, std::optional<int> expected_version,
                                    const AccountId& account);
  // The change log, oldest first.
  [[nodiscard]] Result<Page<CodebookChange>> changes(const Paging& paging);

 private:
  Result<void> check_parent(const std::optional<CodeId>& parent, const std::optional<CodeId>& self);
  Result<void> log(CodebookChangeKind kind, const CodeId& code, const AccountId& account,
                   const std::optional<CodeFields>& before, const std::optional<CodeFields>& after);
  Transaction& transaction_;
  ResearchProjectId project_;
};

}  // namespace dichtbij::store
