// SupportActRepository: support acts and who else was involved.
#pragma once

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/support_act.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class SupportActRepository {
 public:
  explicit SupportActRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming householdId, providerId, receiverId, mobilisedById,
  // othersInvolvedIds[i] or agreementId when it names no record (an
  // agreement must belong to the act's household).
  [[nodiscard]] Result<SupportAct> create(const SupportActFields& fields);
  [[nodiscard]] Result<SupportAct> get(const SupportActId& id);
  // Ordered by date, then id.
  [[nodiscard]] Result<Page<SupportAct>> list(const SupportActFilter& filter, const Paging& paging);
  [[nodiscard]] Result<SupportAct> update(const SupportActId& id,
                                          std::optional<int> expected_version,
                                          const SupportActFields& fields);
  [[nodiscard]] Result<void> remove(const SupportActId& id);

 private:
  Result<void> check_references(const SupportActFields& fields);
  void write(const std::string& id, const SupportActFields& fields, bool insert);
  // Fills in the others involved in acts, in one query.
  void load_others(std::vector<SupportAct>& acts);

  Transaction& transaction_;
};

}  // namespace dichtbij::store
