// Reading the child rows of a page of records (a person's roles, a
// household's members, …) with one query per child table for the whole page,
// instead of one query per record.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
class statement;
}  // namespace soci

namespace dichtbij::store {

// A child table and what is read from it. The names come from the
// repositories' own constants, never from input.
struct ChildTable {
  std::string_view table;          // e.g. "person_roles"
  std::string_view parent_column;  // e.g. "person_id"
  std::string_view columns;        // read after the parent column, e.g. "role, valid_from"
  std::string_view order;          // the order among one parent's rows, e.g. "position"
};

// At most this many parent ids go into one IN list; more are read in several
// queries of this size. It is the API's largest page, so that a page costs one
// query per child table, and far below SQLite's limit of bound parameters.
inline constexpr std::size_t kMaxParentsPerQuery = 200;

// Reads the rows of child.table whose child.parent_column is one of
// parent_ids. bind_into registers the variables that receive child.columns,
// in that order (statement.exchange(soci::into(…))); on_row(i) is called after
// each row has been fetched into them, parent_ids[i] being the row's parent.
// Rows arrive ordered by parent, then child.order, so a parent's children are
// appended in child.order. The ids are bound as parameters, never spliced into
// the SQL. Runs no query when parent_ids is empty, and one query per
// kMaxParentsPerQuery ids otherwise. Throws soci::soci_error like any SOCI call.
// REQUIRES: parent_ids holds no id twice (a page's ids are primary keys).
void for_each_child_row(soci::session& session, const ChildTable& child,
                        const std::vector<std::string>& parent_ids,
                        const std::function<void(soci::statement&)>& bind_into,
                        const std::function<void(std::size_t parent)>& on_row);

// The ids of records, in their order, as for_each_child_row takes them.
template <typename Record>
[[nodiscard]] std::vector<std::string> ids_of(const std::vector<Record>& records) {
  std::vector<std::string> ids;
  ids.reserve(records.size());
  for (const Record& record : records) ids.push_back(record.id.str());
  return ids;
}

}  // namespace dichtbij::store
