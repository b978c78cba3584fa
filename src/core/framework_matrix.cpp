#include "core/framework_matrix.hpp"

#include <set>

namespace dichtbij {

namespace {

template <typename Value>
void refuse_twice(const std::vector<Value>& values, std::string_view name,
                  std::vector<InvalidParam>& problems) {
  std::set<Value> seen;
  for (std::size_t i = 0; i != values.size(); ++i) {
    if (!seen.insert(values[i]).second) {
      problems.push_back({std::string(name) + "[" + std::to_string(i) + "]", "is listed twice"});
    }
  }
}

}  // namespace

const std::string& case_id_text(const FrameworkCaseId& id) noexcept {
  return std::visit([](const auto& each) -> const std::string& { return each.str(); }, id);
}

std::vector<InvalidParam> check(const FrameworkMatrixFields& fields) {
  std::vector<InvalidParam> problems;
  if (fields.themes.empty()) problems.push_back({"themeCodeIds", "must name at least one code"});
  refuse_twice(fields.themes, "themeCodeIds", problems);
  return problems;
}

std::vector<InvalidParam> check(const FrameworkCellFields& fields) {
  std::vector<InvalidParam> problems;
  refuse_twice(fields.codings, "codingIds", problems);
  return problems;
}

}  // namespace dichtbij
