#include <string>

#include "core/buurt_code.hpp"
#include "core/person.hpp"
#include "core/practice.hpp"

namespace dichtbij {

namespace {

void check_buurt_code(const std::string& code, const std::string& name,
                      std::vector<InvalidParam>& problems) {
  if (!is_buurt_code(code)) {
    problems.push_back({name, "must be a CBS buurt code: BU and eight digits, e.g. BU03630000"});
  }
}

void check_period(const Period& period, const std::string& name,
                  std::vector<InvalidParam>& problems) {
  if (!period.is_ordered()) problems.push_back({name + ".until", "must not be before from"});
}

}  // namespace

std::vector<InvalidParam> check(const PracticeFields& fields) {
  std::vector<InvalidParam> problems;
  for (std::size_t i = 0; i != fields.buurt_codes.size(); ++i) {
    check_buurt_code(fields.buurt_codes[i], "buurtCodes[" + std::to_string(i) + "]", problems);
  }
  return problems;
}

std::vector<InvalidParam> check(const PersonFields& fields, int current_year) {
  std::vector<InvalidParam> problems;
  if (fields.birth_year && *fields.birth_year > current_year) {
    problems.push_back({"birthYear", "must not be in the future"});
  }
  if (fields.buurt_code) check_buurt_code(*fields.buurt_code, "buurtCode", problems);
  for (std::size_t i = 0; i != fields.roles.size(); ++i) {
    check_period(fields.roles[i].period, "roles[" + std::to_string(i) + "]", problems);
  }
  for (std::size_t i = 0; i != fields.memberships.size(); ++i) {
    check_period(fields.memberships[i].period, "memberships[" + std::to_string(i) + "]", problems);
  }
  return problems;
}

}  // namespace dichtbij
