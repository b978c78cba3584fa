// Error answers as application/problem+json (RFC 9457).
//
// This is the one place that decides which HTTP status an ErrorCode gets.
// Messages of internal and unavailable errors may carry database details, so
// they go to the log only; the client gets a generic detail and the request
// id to quote.
#pragma once

#include <string_view>
#include <vector>

#include "api/http.hpp"
#include "core/result.hpp"

namespace dichtbij::api {

// The HTTP status for an error code: invalid_input 400, forbidden 403,
// unsupported_media_type 415,
// not_found 404, conflict 409, precondition_failed 412,
// precondition_required 428, internal 500,
// unavailable 503.
[[nodiscard]] int http_status(ErrorCode code) noexcept;

// The RFC 9110 reason phrase for a status ("Not Found"); it is the title of
// a problem: clients key on the status, people read the detail.
[[nodiscard]] std::string_view status_reason(int status) noexcept;

// A problem+json answer titled with the status's reason phrase; detail is
// for people. invalid_params become the "invalidParams" member.
[[nodiscard]] Response problem(int status, std::string_view detail, std::string_view request_id,
                               const std::vector<InvalidParam>& invalid_params = {});

// What a problem's "type" starts with when the error has a problem_code;
// the code follows, and is also the problem's "code" member.
inline constexpr std::string_view kProblemTypePrefix = "urn:dichtbij:problem:";

// The answer for an error a domain call returned; an Error::problem_code
// becomes its "code" and names its "type".
[[nodiscard]] Response problem(const Error& error, std::string_view request_id);

}  // namespace dichtbij::api
