// FindingRepository: member checking (core/member_check.hpp): findings
// published to the stakeholders of a practice, every version of them with
// the fragments it rests on, and every answer given. Nothing is ever
// overwritten: a revision adds a version, a changed answer adds an answer.
#pragma once

#include <optional>
#include <vector>

#include "core/member_check.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class FindingRepository {
 public:
  explicit FindingRepository(Transaction& transaction) : transaction_(transaction) {}

  // Version 1 of a new finding of project. Each fragment's text is copied
  // from its note as it stands. invalid_input naming practiceId when the
  // practice is not the project's, codingIds[i] when a coding is not of the
  // project, its note is not of that practice, or its note is linked to a
  // household not in consented (research consent in force, sorted; read in
  // this transaction: access/consent.hpp).
  [[nodiscard]] Result<Finding> publish(const ResearchProjectId& project,
                                        const FindingFields& fields, const AccountId& author,
                                        const std::vector<HouseholdId>& consented);
  // The next version of finding id, earlier ones kept. not_found unless it
  // is of project; precondition_failed when expected names an older
  // version; invalid_input as publish(), and naming practiceId when fields
  // move it to another practice.
  [[nodiscard]] Result<Finding> revise(const ResearchProjectId& project, const FindingId& id,
                                       std::optional<int> expected, const FindingFields& fields,
                                       const AccountId& author,
                                       const std::vector<HouseholdId>& consented);
  // The reads below take consented (research consent in force, sorted; read
  // in this transaction: access/consent.hpp): a fragment whose note is
  // linked to a household not in it, or whose note was removed, comes back
  // withheld, its text left out. Its copy stays stored, so it returns when
  // consent does.
  //
  // With every version and answer; not_found when there is none.
  [[nodiscard]] Result<Finding> get(const FindingId& id, const std::vector<HouseholdId>& consented);
  // The project's findings, newest first, each with every version and answer.
  [[nodiscard]] Result<std::vector<Finding>> of_project(const ResearchProjectId& project,
                                                        const std::vector<HouseholdId>& consented);
  // The findings published to account: those of the practices it is a
  // stakeholder member of, per project; newest first.
  [[nodiscard]] Result<std::vector<Finding>> published_to(
      const AccountId& account, const std::vector<HouseholdId>& consented);
  // The stakeholder members of project for practice, by account id.
  [[nodiscard]] Result<std::vector<AccountId>> stakeholders(const ResearchProjectId& project,
                                                            const PracticeId& practice);
  // Adds account's answer to finding's current version. conflict when
  // fields.version is not the current version (the finding was revised
  // after the stakeholder read it).
  [[nodiscard]] Result<FindingAnswer> answer(const Finding& finding, const AccountId& account,
                                             const FindingAnswerFields& fields);

 private:
  Result<std::vector<FindingFragment>> fragments_for(const ResearchProjectId& project,
                                                     const FindingFields& fields,
                                                     const std::vector<HouseholdId>& consented);
  bool all_consented(const std::string& note, const std::vector<HouseholdId>& consented);
  Result<void> write_version(const FindingId& id, int version, const FindingFields& fields,
                             const std::vector<FindingFragment>& fragments,
                             const AccountId& author);
  Result<std::vector<Finding>> findings_where(const std::string& where, const std::string& value,
                                              const std::vector<HouseholdId>& consented);
  void load(Finding& finding, const std::vector<HouseholdId>& consented);

  Transaction& transaction_;
};

}  // namespace dichtbij::store
