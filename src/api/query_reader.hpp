// QueryReader: reads and checks a request's query parameters, and describes
// the same parameters for the OpenAPI document (the FieldReader idea, for
// the query string). Unknown parameters are errors, so a misspelt filter
// never silently returns everything.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http.hpp"
#include "core/date.hpp"
#include "core/enumeration.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace dichtbij::api {

struct PageRequest {
  int page = 1;        // from 1
  int page_size = 50;  // 1..kMaxPageSize
  static constexpr int kMaxPageSize = 200;
  [[nodiscard]] long long offset() const { return static_cast<long long>(page - 1) * page_size; }
};

class QueryReader {
 public:
  explicit QueryReader(const Request& request);
  [[nodiscard]] static QueryReader describer();

  // page and pageSize.
  [[nodiscard]] PageRequest paging();
  [[nodiscard]] std::optional<Date> date(std::string_view name, std::string_view description);
  [[nodiscard]] std::optional<std::string> text(std::string_view name, std::size_t max_length,
                                                std::string_view description);
  template <typename Tag>
  [[nodiscard]] std::optional<Id<Tag>> id(std::string_view name, std::string_view description) {
    std::optional<std::string> text = read_id(name, description);
    if (!text) return std::nullopt;
    return Id<Tag>(*text);
  }
  template <typename E>
  [[nodiscard]] std::optional<E> enumeration(std::string_view name, std::string_view description) {
    std::optional<std::size_t> index = read_enumeration(name, enumeration_info<E>(), description);
    if (!index) return std::nullopt;
    return static_cast<E>(*index);
  }

  // Ok when every parameter was valid and known.
  [[nodiscard]] Result<void> finish();
  // OpenAPI parameter objects. REQUIRES: a describer().
  [[nodiscard]] nlohmann::json parameters() const { return parameters_; }

 private:
  QueryReader() = default;
  std::optional<std::string_view> take(std::string_view name);
  void describe(std::string_view name, nlohmann::json schema, std::string_view description);
  std::optional<int> read_int(std::string_view name, int fallback, int min, int max,
                              std::string_view description);
  std::optional<std::string> read_id(std::string_view name, std::string_view description);
  std::optional<std::size_t> read_enumeration(std::string_view name, const EnumerationInfo& info,
                                              std::string_view description);

  const Request* request_ = nullptr;  // null when describing
  std::set<std::string, std::less<>> known_;
  std::vector<InvalidParam> errors_;
  nlohmann::json parameters_ = nlohmann::json::array();
};

// The answer for one page of a list: {"items", "page", "pageSize", "total"}
// and a Link header (RFC 8288) with first, prev, next and last, keeping the
// request's other query parameters.
[[nodiscard]] Response page_response(const Request& request, const PageRequest& page,
                                     nlohmann::json items, long long total);

}  // namespace dichtbij::api
