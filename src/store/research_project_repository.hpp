// ResearchProjectRepository: research projects, the practices they span and
// their members (core/research.hpp).
#pragma once

#include <optional>

#include "core/page.hpp"
#include "core/research.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class ResearchProjectRepository {
 public:
  explicit ResearchProjectRepository(Transaction& transaction) : transaction_(transaction) {}

  // The creator becomes its first researcher. invalid_input naming
  // practiceIds[i] when it names no practice.
  [[nodiscard]] Result<ResearchProject> create(const ResearchProjectFields& fields,
                                               const AccountId& creator);
  [[nodiscard]] Result<ResearchProject> get(const ResearchProjectId& id);
  // The projects account is a member of, by name then id.
  [[nodiscard]] Result<Page<ResearchProject>> list_for(const AccountId& account,
                                                       const Paging& paging);
  [[nodiscard]] Result<ResearchProject> update(const ResearchProjectId& id,
                                               std::optional<int> expected_version,
                                               const ResearchProjectFields& fields);

  // account's role in the project; nullopt when not a member.
  [[nodiscard]] Result<std::optional<ProjectRole>> role_of(const ResearchProjectId& project,
                                                           const AccountId& account);
  // By account id.
  [[nodiscard]] Result<std::vector<ProjectMember>> members(const ResearchProjectId& project);
  // Adds the member or changes their role. invalid_input naming accountId
  // or practiceId when they name nothing, or the practice is not the
  // project's.
  [[nodiscard]] Result<void> put_member(const ResearchProjectId& project,
                                        const ProjectMember& member);
  // not_found when account is no member; conflict when it is the last
  // researcher (a project always has one).
  [[nodiscard]] Result<void> remove_member(const ResearchProjectId& project,
                                           const AccountId& account);

  // Advances the codebook's version by one and returns the new number.
  [[nodiscard]] Result<int> next_codebook_version(const ResearchProjectId& project);

 private:
  Result<void> write_practices(const ResearchProjectId& id, const ResearchProjectFields& fields);
  std::vector<PracticeId> practices_of(const ResearchProjectId& id);
  Transaction& transaction_;
};

}  // namespace dichtbij::store
