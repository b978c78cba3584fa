#include "access/consent.hpp"

#include "store/consent_repository.hpp"

namespace dichtbij::access {

Result<std::vector<HouseholdId>> research_households(store::Transaction& transaction,
                                                     const Date& today) {
  return store::households_consenting(transaction, ConsentPurpose::research, today);
}

}  // namespace dichtbij::access
