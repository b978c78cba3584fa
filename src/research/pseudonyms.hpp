// Pseudonyms for research exports: a keyed BLAKE2b (libsodium's
// crypto_generichash) of an id, 128 bits as 32 hex digits.
//
// The key is generated on first use and kept in the database (settings
// table), so a household has the same pseudonym in every export — exports
// can be joined over time — while nobody holding only exports can compute a
// pseudonym from an id or test a guess. Whoever holds the database (and so
// the ids and the key) can; exports are pseudonymised, not anonymous.
#pragma once

#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::research {

class Pseudonyms {
 public:
  // Reads the key, or generates and stores one when there is none yet (a
  // short write transaction, once per database). unavailable when the
  // database fails.
  [[nodiscard]] static Result<Pseudonyms> open(store::Database& database);

  // Different kinds never share a pseudonym, even for equal ids.
  [[nodiscard]] std::string of(const HouseholdId& household) const;
  [[nodiscard]] std::string of(const PersonId& person) const;
  // The digest a name in a research project's field notes is known by
  // (store keeps only it, never the name): the same within the project,
  // unrelated across projects.
  [[nodiscard]] std::string name_digest(const std::string& project, std::string_view name) const;
  // The GUID of a record of kind (a code, note, coding, …) with id in a
  // REFI-QDA export of project (research/refi_qda.hpp): a UUID made from
  // the keyed hash, so every export of the project gives the record the
  // same GUID, another project another one, and no one without the key
  // can tell the id from it.
  [[nodiscard]] std::string refi_guid(const std::string& project, std::string_view kind,
                                      const std::string& id) const;

 private:
  explicit Pseudonyms(std::string key) : key_(std::move(key)) {}

  std::string key_;  // raw bytes
};

}  // namespace dichtbij::research
