// What every resource handler shares: reading a validated body, answering
// with an item and its ETag, and the schemas the OpenAPI document lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/field_reader.hpp"
#include "api/http.hpp"
#include "api/json_body.hpp"

namespace dichtbij::api {

// The routes and the component schemas and tags of the API, collected from
// each resource module.
struct ApiRegistry {
  std::vector<Route> routes;
  nlohmann::json schemas = nlohmann::json::object();
  nlohmann::json tags = nlohmann::json::array();
};

// Parses the body and reads it with read_fields; invalid_input listing every
// problem (malformed JSON, wrong fields) otherwise.
template <typename Fields>
[[nodiscard]] Result<Fields> read_input(const Request& request,
                                        void (*read_fields)(FieldReader&, Fields&)) {
  Result<nlohmann::json> body = parse_json_body(request);
  if (!body.ok()) return std::move(body).error();
  Fields fields;
  FieldReader reader(*body);
  read_fields(reader, fields);
  if (Result<void> checked = reader.finish(); !checked.ok()) return std::move(checked).error();
  return fields;
}

// The JSON Schema that read_fields accepts.
template <typename Fields>
[[nodiscard]] nlohmann::json input_schema(void (*read_fields)(FieldReader&, Fields&)) {
  FieldReader describer = FieldReader::describer();
  Fields ignored;
  read_fields(describer, ignored);
  return describer.schema();
}

// The schema of an answer: the input's fields plus read-only id.
[[nodiscard]] nlohmann::json output_schema(nlohmann::json input, std::string_view description);

// An answer holding one item, with its ETag; Location when created.
[[nodiscard]] Response item_response(int status, const nlohmann::json& item, int version,
                                     const std::optional<std::string>& location = std::nullopt);

// 204 No Content.
[[nodiscard]] Response no_content();

}  // namespace dichtbij::api
