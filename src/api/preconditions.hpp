// ETag and If-Match: two people editing one record never silently overwrite
// each other. A record's ETag is its version; a change names the version it
// was based on, and a stale one gets 412.
#pragma once

#include <optional>
#include <string>

#include "api/http.hpp"
#include "core/result.hpp"

namespace dichtbij::api {

// The ETag header value for a version: "\"3\"".
[[nodiscard]] std::string etag(int version);

// The version the request's If-Match names, or nullopt when it has none (or
// "*") and required is false. Fails with precondition_required when required
// and absent or "*", invalid_input when it is not one ETag of ours or is
// given twice.
[[nodiscard]] Result<std::optional<int>> if_match_version(const Request& request, bool required);

}  // namespace dichtbij::api
