#include "api/resource_support.hpp"

#include "api/preconditions.hpp"

namespace dichtbij::api {

nlohmann::json output_schema(nlohmann::json input, std::string_view description) {
  nlohmann::json schema = std::move(input);
  schema.erase("additionalProperties");
  schema["description"] = description;
  schema["properties"]["id"] = {
      {"type", "string"}, {"format", "uuid"}, {"readOnly", true}, {"description", "The id."}};
  nlohmann::json required = schema.value("required", nlohmann::json::array());
  required.insert(required.begin(), "id");
  schema["required"] = required;
  return schema;
}

Response item_response(int status, const nlohmann::json& item, int version,
                       const std::optional<std::string>& location) {
  Response response = Response::json(status, item);
  response.with_header("ETag", etag(version));
  if (location) response.with_header("Location", *location);
  return response;
}

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

}  // namespace dichtbij::api
