// Reading a request's JSON body.
#pragma once

#include <nlohmann/json.hpp>

#include "api/http.hpp"
#include "core/result.hpp"

namespace dichtbij::api {

// Parses the body as JSON. Fails with unsupported_media_type when the
// Content-Type is not JSON (application/json or application/…+json), and
// with invalid_input when the body is not well-formed JSON, naming the byte
// where parsing stopped.
[[nodiscard]] Result<nlohmann::json> parse_json_body(const Request& request);

}  // namespace dichtbij::api
