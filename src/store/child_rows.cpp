#include "store/child_rows.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cassert>
#include <unordered_map>

namespace dichtbij::store {

void for_each_child_row(soci::session& session, const ChildTable& child,
                        const std::vector<std::string>& parent_ids,
                        const std::function<void(soci::statement&)>& bind_into,
                        const std::function<void(std::size_t parent)>& on_row) {
  for (std::size_t first = 0; first < parent_ids.size(); first += kMaxParentsPerQuery) {
    const std::size_t count = std::min(kMaxParentsPerQuery, parent_ids.size() - first);
    std::unordered_map<std::string_view, std::size_t> position_of;
    std::string sql = "SELECT ";
    sql.append(child.parent_column).append(", ").append(child.columns);
    sql.append(" FROM ").append(child.table);
    sql.append(" WHERE ").append(child.parent_column).append(" IN (");
    for (std::size_t i = 0; i != count; ++i) {
      if (i != 0) sql += ", ";
      sql += ":p" + std::to_string(i);
      [[maybe_unused]] const bool fresh =
          position_of.emplace(parent_ids[first + i], first + i).second;
      assert(fresh && "a parent id appears twice");
    }
    sql.append(") ORDER BY ").append(child.parent_column).append(", ").append(child.order);

    std::string parent;
    soci::statement statement(session);
    for (std::size_t i = 0; i != count; ++i) statement.exchange(soci::use(parent_ids[first + i]));
    statement.exchange(soci::into(parent));
    bind_into(statement);
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) on_row(position_of.at(parent));
  }
}

}  // namespace dichtbij::store
