#include "api/json_body.hpp"

#include <string>

namespace dichtbij::api {

namespace {

bool is_json_media_type(std::string_view content_type) {
  const std::string_view media_type = content_type.substr(0, content_type.find(';'));
  std::string lowered(media_type);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!lowered.empty() && lowered.back() == ' ') lowered.pop_back();
  return lowered == "application/json" ||
         (lowered.rfind("application/", 0) == 0 && lowered.ends_with("+json"));
}

}  // namespace

Result<nlohmann::json> parse_json_body(const Request& request) {
  const std::optional<std::string_view> content_type = request.header("Content-Type");
  if (!content_type || !is_json_media_type(*content_type)) {
    Error error = make_error(ErrorCode::unsupported_media_type, "the request body must be JSON");
    error.invalid_params.push_back({"Content-Type", "must be application/json"});
    return error;
  }
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& parse_error) {
    Error error = make_error(ErrorCode::invalid_input, "the request body is not valid JSON");
    error.invalid_params.push_back(
        {"body", "malformed JSON at byte " + std::to_string(parse_error.byte)});
    return error;
  }
}

}  // namespace dichtbij::api
