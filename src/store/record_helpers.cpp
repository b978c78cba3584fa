#include "store/record_helpers.hpp"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/timestamps.hpp"

namespace dichtbij::store {

Result<void> advance_version(Transaction& transaction, std::string_view table,
                             std::string_view what, const std::string& id, int current,
                             std::optional<int> expected) {
  if (expected && *expected != current) {
    return make_error(ErrorCode::precondition_failed,
                      std::string(what) + " " + id + " was changed by someone else (now version " +
                          std::to_string(current) + ")");
  }
  const std::string now = utc_now_text();
  soci::statement statement =
      (transaction.session().prepare
           << "UPDATE " << table
           << " SET version = version + 1, updated_at = :now WHERE id = :id AND version = :version",
       soci::use(now), soci::use(id), soci::use(current));
  statement.execute(true);
  if (statement.get_affected_rows() != 1) {
    return make_error(ErrorCode::precondition_failed,
                      std::string(what) + " " + id + " was changed by someone else");
  }
  return {};
}

Result<void> delete_row(Transaction& transaction, std::string_view table, std::string_view what,
                        const std::string& id) {
  soci::statement statement =
      (transaction.session().prepare << "DELETE FROM " << table << " WHERE id = :id",
       soci::use(id));
  statement.execute(true);
  if (statement.get_affected_rows() != 1) {
    return make_error(ErrorCode::not_found, "there is no " + std::string(what) + " " + id);
  }
  return {};
}

bool row_exists(Transaction& transaction, std::string_view table, const std::string& id) {
  int count = 0;
  transaction.session() << "SELECT COUNT(*) FROM " << table << " WHERE id = :id", soci::use(id),
      soci::into(count);
  return count != 0;
}

std::string to_json_array(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

std::vector<std::string> from_json_array(const std::string& text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return {};
  std::vector<std::string> values;
  for (const nlohmann::json& value : parsed) {
    if (value.is_string()) values.push_back(value.get<std::string>());
  }
  return values;
}

Date read_date(const std::string& text) {
  return parse_date(text).value_or(
      Date{std::chrono::year(1900), std::chrono::January, std::chrono::day(1)});
}

}  // namespace dichtbij::store
