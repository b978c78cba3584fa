#include "store/content_digest.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "store/hashing.hpp"

namespace dichtbij::store {

namespace {

constexpr std::array<std::string_view, 17> kTables{"organisations",
                                                   "practices",
                                                   "practice_organisations",
                                                   "persons",
                                                   "person_roles",
                                                   "person_memberships",
                                                   "households",
                                                   "household_practices",
                                                   "household_people",
                                                   "ties",
                                                   "agreements",
                                                   "agreement_versions",
                                                   "support_acts",
                                                   "support_act_others",
                                                   "assessments",
                                                   "assessment_scores",
                                                   "consents"};

constexpr std::array<std::string_view, 7> kWhenAndWho{"created_at",
                                                      "updated_at",
                                                      "created_by",
                                                      "recorded_by",
                                                      "recorded_at",
                                                      "withdrawal_recorded_by",
                                                      "withdrawal_recorded_at"};

bool left_out(const std::string& column) {
  return std::find(kWhenAndWho.begin(), kWhenAndWho.end(), column) != kWhenAndWho.end();
}

// One column's value as text; integers in decimal on either engine.
std::string cell_text(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "\x1e";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string: return row.get<std::string>(i);
    case soci::dt_integer: return std::to_string(row.get<int>(i));
    case soci::dt_long_long: return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long: return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_double: return std::to_string(row.get<double>(i));
    default: return "?";
  }
}

}  // namespace

Result<std::string> content_digest(Transaction& transaction) {
  std::vector<std::string> row_hashes;
  for (std::string_view table : kTables) {
    soci::rowset<soci::row> rows = transaction.session().prepare << "SELECT * FROM "
                                                                 << std::string(table);
    for (const soci::row& row : rows) {
      std::string text(table);
      for (std::size_t i = 0; i != row.size(); ++i) {
        const std::string& column = row.get_properties(i).get_name();
        if (left_out(column)) continue;
        text += '\x1f';
        text += column;
        text += '=';
        text += cell_text(row, i);
      }
      row_hashes.push_back(blake2b_hex(text));
    }
  }
  std::sort(row_hashes.begin(), row_hashes.end());
  std::string all;
  all.reserve(row_hashes.size() * 64);
  for (const std::string& hash : row_hashes) all += hash;
  return blake2b_hex(all);
}

}  // namespace dichtbij::store
