// FieldNoteRepository: the field notes of research projects, their links to
// support acts and households, and the pseudonyms of names replaced in them
// (core/research.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/research.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

struct FieldNoteFilter {
  std::optional<PracticeId> practice;
  std::optional<Perspective> perspective;
  // Only this author's notes: what a member who is no researcher sees.
  std::optional<AccountId> author;
};

// Borrows the transaction; create one per transaction.
class FieldNoteRepository {
 public:
  FieldNoteRepository(Transaction& transaction, ResearchProjectId project)
      : transaction_(transaction), project_(std::move(project)) {}

  // invalid_input naming practiceId (not the project's), supportActIds[i]
  // or householdIds[i] (naming nothing). REQUIRES: length is the text's
  // length in code points.
  [[nodiscard]] Result<FieldNote> create(const FieldNoteFields& fields, std::size_t length,
                                         const AccountId& author);
  // not_found unless the note is of this project.
  [[nodiscard]] Result<FieldNote> get(const FieldNoteId& id);
  // By observation date, then id.
  [[nodiscard]] Result<Page<FieldNote>> list(const FieldNoteFilter& filter, const Paging& paging);
  // conflict when the text changes while the note has codings: their
  // offsets would no longer point at what was coded.
  [[nodiscard]] Result<FieldNote> update(const FieldNoteId& id, std::optional<int> expected_version,
                                         const FieldNoteFields& fields, std::size_t length);
  // The note's codings and memos go with it.
  [[nodiscard]] Result<void> remove(const FieldNoteId& id);
  [[nodiscard]] Result<long long> coding_count(const FieldNoteId& id);

  // The pseudonym of each name digest in the project ("Persoon 1", …),
  // giving new digests the next free numbers. In digests' order.
  [[nodiscard]] Result<std::vector<std::string>> pseudonyms(
      const std::vector<std::string>& digests);

 private:
  Result<void> write(const FieldNoteId& id, const FieldNoteFields& fields, std::size_t length,
                     const std::optional<AccountId>& author);
  void read_links(std::vector<FieldNote>& notes);
  Transaction& transaction_;
  ResearchProjectId project_;
};

}  // namespace dichtbij::store
