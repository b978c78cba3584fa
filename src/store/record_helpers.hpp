// What every repository does the same way: versions, existence, deletion,
// JSON-array columns, date columns. Table names come from the repositories'
// own constants, never from input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "store/database.hpp"

namespace dichtbij::store {

// The first step of every update: precondition_failed naming the record
// when expected is set and differs from current; otherwise raises row id
// from current to current + 1 and sets updated_at, precondition_failed when
// the row is no longer at current (changed by a concurrent transaction).
[[nodiscard]] Result<void> advance_version(Transaction& transaction, std::string_view table,
                                           std::string_view what, const std::string& id,
                                           int current, std::optional<int> expected);

// Deletes row id; not_found naming what when there is none.
[[nodiscard]] Result<void> delete_row(Transaction& transaction, std::string_view table,
                                      std::string_view what, const std::string& id);

[[nodiscard]] bool row_exists(Transaction& transaction, std::string_view table,
                              const std::string& id);

// A JSON array of strings, and back (an unreadable column reads as empty).
[[nodiscard]] std::string to_json_array(const std::vector<std::string>& values);
[[nodiscard]] std::vector<std::string> from_json_array(const std::string& text);

// Date columns hold YYYY-MM-DD text, which sorts and compares as dates.
[[nodiscard]] Date read_date(const std::string& text);

}  // namespace dichtbij::store
