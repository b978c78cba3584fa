// Builders for the OpenAPI operation objects of the usual resource routes,
// so every resource documents its list, create, read, update and delete the
// same way: the same parameters, headers and error answers; and the pieces
// that routes documented by hand share.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace dichtbij::api {

struct OperationNames {
  std::string_view tag;           // "Organisations"
  std::string_view schema;        // component schema of one item: "Organisation"
  std::string_view input_schema;  // component schema of the request body: "OrganisationInput"
  std::string_view singular;      // "organisation", for summaries
};

// GET on the collection. query_parameters: from QueryReader::describer().
[[nodiscard]] std::string list_operation(const OperationNames& names, std::string_view operation_id,
                                         nlohmann::json query_parameters);
// POST on the collection (Idempotency-Key).
[[nodiscard]] std::string create_operation(const OperationNames& names,
                                           std::string_view operation_id);
// GET on an item (ETag).
[[nodiscard]] std::string read_operation(const OperationNames& names,
                                         std::string_view operation_id);
// PUT on an item (If-Match, required or not).
[[nodiscard]] std::string update_operation(const OperationNames& names,
                                           std::string_view operation_id, bool if_match_required);
// DELETE on an item.
[[nodiscard]] std::string delete_operation(const OperationNames& names,
                                           std::string_view operation_id);

// A path parameter named name holding a UUID (an id).
[[nodiscard]] nlohmann::json uuid_path_parameter(std::string_view name,
                                                 std::string_view description);
// The path parameter "id" of item routes.
[[nodiscard]] nlohmann::json id_parameter(std::string_view description);

// Pieces for routes documented by hand.
// A reference to a component of the document: component_ref("responses",
// "BadRequest") is {"$ref": "#/components/responses/BadRequest"}.
[[nodiscard]] nlohmann::json component_ref(std::string_view kind, std::string_view name);
// An answer of JSON in the component schema, with the API-Version header.
[[nodiscard]] nlohmann::json json_answer(std::string_view description, std::string_view schema);
// A schema of a plain type ("string", "integer", "number", "boolean") with
// its description; integers are int64, numbers double.
[[nodiscard]] nlohmann::json typed(std::string_view type, std::string_view description);
// A required request body of JSON in the component schema.
[[nodiscard]] nlohmann::json json_request_body(std::string_view schema);

}  // namespace dichtbij::api
