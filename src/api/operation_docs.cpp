#include "api/operation_docs.hpp"

namespace dichtbij::api {

namespace {

nlohmann::json version_header() {
  return component_ref("headers", "API-Version");
}

nlohmann::json json_content(nlohmann::json schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

nlohmann::json item_answer(const OperationNames& names, std::string_view description) {
  return {
      {"description", description},
      {"headers", {{"API-Version", version_header()}, {"ETag", component_ref("headers", "ETag")}}},
      {"content", json_content(component_ref("schemas", names.schema))}};
}

}  // namespace

nlohmann::json component_ref(std::string_view kind, std::string_view name) {
  return {{"$ref", "#/components/" + std::string(kind) + "/" + std::string(name)}};
}

nlohmann::json json_answer(std::string_view description, std::string_view schema) {
  return {{"description", description},
          {"headers", {{"API-Version", version_header()}}},
          {"content", json_content(component_ref("schemas", schema))}};
}

nlohmann::json json_request_body(std::string_view schema) {
  return {{"required", true}, {"content", json_content(component_ref("schemas", schema))}};
}

nlohmann::json uuid_path_parameter(std::string_view name, std::string_view description) {
  return {{"name", name},
          {"in", "path"},
          {"required", true},
          {"description", description},
          {"schema", {{"type", "string"}, {"format", "uuid"}}}};
}

nlohmann::json typed(std::string_view type, std::string_view description) {
  nlohmann::json json{{"type", type}, {"description", description}};
  if (type == "integer") json["format"] = "int64";
  if (type == "number") json["format"] = "double";
  return json;
}

nlohmann::json id_parameter(std::string_view description) {
  return uuid_path_parameter("id", description);
}

std::string list_operation(const OperationNames& names, std::string_view operation_id,
                           nlohmann::json query_parameters) {
  const nlohmann::json page_schema{
      {"type", "object"},
      {"required", {"items", "page", "pageSize", "total"}},
      {"properties",
       {{"items", {{"type", "array"}, {"items", component_ref("schemas", names.schema)}}},
        {"page", {{"type", "integer"}, {"format", "int32"}}},
        {"pageSize", {{"type", "integer"}, {"format", "int32"}}},
        {"total", {{"type", "integer"}, {"format", "int64"}}}}}};
  return nlohmann::json{
      {"operationId", operation_id},
      {"summary", "List " + std::string(names.singular) + "s, a page at a time"},
      {"description",
       "Filters combine; unknown query parameters are a 400. Order is stable, so "
       "following the Link header's next never skips or repeats an item."},
      {"tags", {names.tag}},
      {"parameters", std::move(query_parameters)},
      {"responses",
       {{"200",
         {{"description", "One page, in a stable order."},
          {"headers",
           {{"API-Version", version_header()}, {"Link", component_ref("headers", "Link")}}},
          {"content", json_content(page_schema)}}},
        {"400", component_ref("responses", "BadRequest")},
        {"503", component_ref("responses", "ServiceUnavailable")}}}}
      .dump();
}

std::string create_operation(const OperationNames& names, std::string_view operation_id) {
  return nlohmann::json{{"operationId", operation_id},
                        {"summary", "Create a " + std::string(names.singular)},
                        {"description",
                         "Every field is checked; each invalid one is named in invalidParams and "
                         "nothing is written. Send an Idempotency-Key to make retries safe."},
                        {"tags", {names.tag}},
                        {"parameters", {component_ref("parameters", "IdempotencyKey")}},
                        {"requestBody",
                         {{"required", true},
                          {"content", json_content(component_ref("schemas", names.input_schema))}}},
                        {"responses",
                         {{"201",
                           {{"description", "Created."},
                            {"headers",
                             {{"API-Version", version_header()},
                              {"ETag", component_ref("headers", "ETag")},
                              {"Location", component_ref("headers", "Location")}}},
                            {"content", json_content(component_ref("schemas", names.schema))}}},
                          {"400", component_ref("responses", "BadRequest")},
                          {"409", component_ref("responses", "Conflict")},
                          {"503", component_ref("responses", "ServiceUnavailable")}}}}
      .dump();
}

std::string read_operation(const OperationNames& names, std::string_view operation_id) {
  return nlohmann::json{
      {"operationId", operation_id},
      {"summary", "Read one " + std::string(names.singular)},
      {"description", "The ETag header carries the version to send back in If-Match."},
      {"tags", {names.tag}},
      {"parameters", {id_parameter("The " + std::string(names.singular) + "'s id.")}},
      {"responses",
       {{"200", item_answer(names, "Found; ETag is its version.")},
        {"400", component_ref("responses", "BadRequest")},
        {"404", component_ref("responses", "NotFound")},
        {"503", component_ref("responses", "ServiceUnavailable")}}}}
      .dump();
}

std::string update_operation(const OperationNames& names, std::string_view operation_id,
                             bool if_match_required) {
  nlohmann::json if_match =
      component_ref("parameters", if_match_required ? "IfMatchRequired" : "IfMatch");
  nlohmann::json responses{{"200", item_answer(names, "Changed; ETag is the new version.")},
                           {"400", component_ref("responses", "BadRequest")},
                           {"404", component_ref("responses", "NotFound")},
                           {"409", component_ref("responses", "Conflict")},
                           {"412", component_ref("responses", "PreconditionFailed")},
                           {"503", component_ref("responses", "ServiceUnavailable")}};
  if (if_match_required) responses["428"] = component_ref("responses", "PreconditionRequired");
  return nlohmann::json{
      {"operationId", operation_id},
      {"summary", "Replace a " + std::string(names.singular) + "'s fields"},
      {"description",
       "Send every field. With If-Match, a change based on a stale version "
       "gets 412 and changes nothing."},
      {"tags", {names.tag}},
      {"parameters", {id_parameter("The " + std::string(names.singular) + "'s id."), if_match}},
      {"requestBody",
       {{"required", true},
        {"content", json_content(component_ref("schemas", names.input_schema))}}},
      {"responses", responses}}
      .dump();
}

std::string delete_operation(const OperationNames& names, std::string_view operation_id) {
  return nlohmann::json{
      {"operationId", operation_id},
      {"summary", "Delete a " + std::string(names.singular)},
      {"description", "409 while other records still refer to it."},
      {"tags", {names.tag}},
      {"parameters",
       {id_parameter("The " + std::string(names.singular) + "'s id."),
        component_ref("parameters", "IfMatch")}},
      {"responses",
       {{"204", {{"description", "Deleted."}, {"headers", {{"API-Version", version_header()}}}}},
        {"412", component_ref("responses", "PreconditionFailed")},
        {"400", component_ref("responses", "BadRequest")},
        {"404", component_ref("responses", "NotFound")},
        {"409", component_ref("responses", "Conflict")},
        {"503", component_ref("responses", "ServiceUnavailable")}}}}
      .dump();
}

}  // namespace dichtbij::api
