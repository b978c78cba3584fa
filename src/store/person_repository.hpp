// PersonRepository: persons with their role history and memberships.
#pragma once

#include "core/date.hpp"
#include "core/page.hpp"
#include "core/person.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction; create one per transaction.
class PersonRepository {
 public:
  explicit PersonRepository(Transaction& transaction) : transaction_(transaction) {}

  // invalid_input naming memberships[i].organisationId when it names no
  // organisation.
  // recorded_by: the account that registered the person, who keeps seeing
  // them (access/policy.hpp).
  [[nodiscard]] Result<Person> create(const PersonFields& fields,
                                      const std::optional<AccountId>& recorded_by = std::nullopt);
  [[nodiscard]] Result<Person> get(const PersonId& id);
  // Ordered by display name, then id. A role filter means holding that role
  // on the day given.
  [[nodiscard]] Result<Page<Person>> list(const PersonFilter& filter, const Date& today,
                                          const Paging& paging);
  // Replaces every field, the role history and memberships included.
  [[nodiscard]] Result<Person> update(const PersonId& id, std::optional<int> expected_version,
                                      const PersonFields& fields);
  // conflict while ties, households or acts refer to the person.
  [[nodiscard]] Result<void> remove(const PersonId& id);
  [[nodiscard]] bool exists(const PersonId& id);

 private:
  Result<void> check_references(const PersonFields& fields);
  void write_children(const std::string& id, const PersonFields& fields);
  // Fills in the roles and memberships of persons, one query per child table.
  void load_children(std::vector<Person>& persons);

  Transaction& transaction_;
};

}  // namespace dichtbij::store
