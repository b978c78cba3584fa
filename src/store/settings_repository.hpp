// SettingsRepository: named values the program generates for itself and
// keeps with the data (the key of research pseudonyms). Not configuration:
// nothing here is set by an operator.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// Borrows the transaction.
class SettingsRepository {
 public:
  explicit SettingsRepository(Transaction& transaction) : transaction_(transaction) {}

  // The value stored under name; nullopt when there is none.
  [[nodiscard]] std::optional<std::string> get(std::string_view name);
  // Stores value under name unless a value is there already, and returns
  // the value that is stored: value, or the one another writer stored first.
  // REQUIRES: a write transaction.
  [[nodiscard]] Result<std::string> keep_first(std::string_view name, const std::string& value);

 private:
  Transaction& transaction_;
};

}  // namespace dichtbij::store
