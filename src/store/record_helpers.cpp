#include "store/record_helpers.hpp"

#include <soci/soci.h>

#include <optional>
#include <string_view>

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

namespace {

// The arrays we write ourselves are plain strings without escapes, such as
// ["emotional","practical"]: read those without a JSON parser, which took a
// tenth of reading every tie for the analyses. nullopt for anything else.
std::optional<std::vector<std::string>> plain_string_array(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']' ||
      text.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  std::vector<std::string> values;
  std::size_t at = 1;
  const std::size_t end = text.size() - 1;
  auto skip_space = [&] {
    while (at < end && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t')) ++at;
  };
  skip_space();
  while (at < end) {
    if (text[at] != '"') return std::nullopt;
    const std::size_t close = text.find('"', at + 1);
    if (close == std::string_view::npos || close >= end) return std::nullopt;
    values.emplace_back(text.substr(at + 1, close - at - 1));
    at = close + 1;
    skip_space();
    if (at < end) {
      if (text[at] != ',') return std::nullopt;
      ++at;
      skip_space();
      if (at == end) return std::nullopt;
    }
  }
  return values;
}

}  // namespace

std::vector<std::string> from_json_array(const std::string& text) {
  if (std::optional<std::vector<std::string>> plain = plain_string_array(text)) return *plain;
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
