#include "api/query_reader.hpp"

#include <charconv>

#include "api/text.hpp"

namespace dichtbij::api {

namespace {

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  return encoded;
}

}  // namespace

QueryReader::QueryReader(const Request& request) : request_(&request) {}

QueryReader QueryReader::describer() {
  return QueryReader();
}

std::optional<std::string_view> QueryReader::take(std::string_view name) {
  known_.emplace(name);
  std::size_t given = 0;
  for (const auto& [key, value] : request_->query) given += key == name;
  if (given > 1) {
    errors_.push_back({std::string(name), "is given more than once"});
    return std::nullopt;
  }
  const std::optional<std::string_view> value = request_->query_param(name);
  if (value && !is_utf8(*value)) {
    errors_.push_back({std::string(name), "must be UTF-8 text"});
    return std::nullopt;
  }
  return value;
}

void QueryReader::describe(std::string_view name, nlohmann::json schema,
                           std::string_view description) {
  parameters_.push_back({{"name", name},
                         {"in", "query"},
                         {"required", false},
                         {"description", description},
                         {"schema", std::move(schema)}});
}

std::optional<int> QueryReader::read_int(std::string_view name, int fallback, int min, int max,
                                         std::string_view description) {
  if (request_ == nullptr) {
    describe(name,
             {{"type", "integer"},
              {"format", "int32"},
              {"minimum", min},
              {"maximum", max},
              {"default", fallback}},
             description);
    return fallback;
  }
  const std::optional<std::string_view> text = take(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    errors_.push_back({std::string(name), "must be a whole number from " + std::to_string(min) +
                                              " to " + std::to_string(max)});
    return fallback;
  }
  return value;
}

PageRequest QueryReader::paging() {
  PageRequest page;
  page.page = *read_int("page", 1, 1, 1'000'000, "The page to return, from 1.");
  page.page_size =
      *read_int("pageSize", 50, 1, PageRequest::kMaxPageSize, "Items per page, at most 200.");
  return page;
}

std::optional<Date> QueryReader::date(std::string_view name, std::string_view description) {
  if (request_ == nullptr) {
    describe(name, {{"type", "string"}, {"format", "date"}}, description);
    return std::nullopt;
  }
  const std::optional<std::string_view> text = take(name);
  if (!text) return std::nullopt;
  std::optional<Date> date = parse_date(*text);
  if (!date) errors_.push_back({std::string(name), "must be a date written YYYY-MM-DD"});
  return date;
}

std::optional<std::string> QueryReader::text(std::string_view name, std::size_t max_length,
                                             std::string_view description) {
  if (request_ == nullptr) {
    describe(name, {{"type", "string"}, {"maxLength", max_length}}, description);
    return std::nullopt;
  }
  const std::optional<std::string_view> text = take(name);
  if (!text) return std::nullopt;
  if (text->empty() || code_points(*text) > max_length) {
    errors_.push_back(
        {std::string(name), "must be 1 to " + std::to_string(max_length) + " characters"});
    return std::nullopt;
  }
  return std::string(*text);
}

std::optional<std::string> QueryReader::read_id(std::string_view name,
                                                std::string_view description) {
  if (request_ == nullptr) {
    describe(name, {{"type", "string"}, {"format", "uuid"}}, description);
    return std::nullopt;
  }
  const std::optional<std::string_view> text = take(name);
  if (!text) return std::nullopt;
  if (!is_uuid(*text)) {
    errors_.push_back({std::string(name), "must be an id (a lower-case UUID)"});
    return std::nullopt;
  }
  return std::string(*text);
}

std::optional<std::size_t> QueryReader::read_enumeration(std::string_view name,
                                                         const EnumerationInfo& info,
                                                         std::string_view description) {
  if (request_ == nullptr) {
    nlohmann::json codes = nlohmann::json::array();
    for (const EnumValue& value : info.values) codes.push_back(value.code);
    describe(name, {{"type", "string"}, {"enum", codes}}, description);
    return std::nullopt;
  }
  const std::optional<std::string_view> text = take(name);
  if (!text) return std::nullopt;
  for (std::size_t i = 0; i != info.values.size(); ++i) {
    if (info.values[i].code == *text) return i;
  }
  std::string codes;
  for (const EnumValue& value : info.values)
    codes += (codes.empty() ? "" : ", ") + std::string(value.code);
  errors_.push_back({std::string(name), "must be one of " + codes});
  return std::nullopt;
}

Result<void> QueryReader::finish() {
  if (request_ != nullptr) {
    for (const auto& [name, value] : request_->query) {
      if (!known_.contains(name)) errors_.push_back({name, "is not a parameter of this resource"});
    }
  }
  if (errors_.empty()) return {};
  Error error = make_error(ErrorCode::invalid_input, "the query parameters are invalid");
  error.invalid_params = std::move(errors_);
  errors_.clear();
  return error;
}

Response page_response(const Request& request, const PageRequest& page, nlohmann::json items,
                       long long total) {
  const long long last = std::max<long long>(1, (total + page.page_size - 1) / page.page_size);
  std::string other_parameters;
  for (const auto& [name, value] : request.query) {
    if (name == "page" || name == "pageSize") continue;
    other_parameters += "&" + percent_encode(name) + "=" + percent_encode(value);
  }
  auto link = [&](long long number, std::string_view relation) {
    return "<" + request.path + "?page=" + std::to_string(number) +
           "&pageSize=" + std::to_string(page.page_size) + other_parameters + ">; rel=\"" +
           std::string(relation) + "\"";
  };
  std::string links = link(1, "first");
  if (page.page > 1) links += ", " + link(std::min<long long>(page.page - 1, last), "prev");
  if (page.page < last) links += ", " + link(page.page + 1, "next");
  links += ", " + link(last, "last");

  Response response = Response::json(200, {{"items", std::move(items)},
                                           {"page", page.page},
                                           {"pageSize", page.page_size},
                                           {"total", total}});
  response.with_header("Link", std::move(links));
  return response;
}

}  // namespace dichtbij::api
