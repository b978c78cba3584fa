#include "api/problem.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

namespace dichtbij::api {

std::string_view status_reason(int status) noexcept {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 500: return "Internal Server Error";
    default: return status < 400 ? "OK" : status < 500 ? "Bad Request" : "Internal Server Error";
  }
}

int http_status(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unsupported_media_type: return 415;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::precondition_failed: return 412;
    case ErrorCode::precondition_required: return 428;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

Response problem(int status, std::string_view detail, std::string_view request_id,
                 const std::vector<InvalidParam>& invalid_params) {
  nlohmann::json body{
      {"type", "about:blank"}, {"title", status_reason(status)}, {"status", status},
      {"detail", detail},      {"requestId", request_id},
  };
  if (!invalid_params.empty()) {
    nlohmann::json params = nlohmann::json::array();
    for (const InvalidParam& param : invalid_params) {
      params.push_back({{"name", param.name}, {"reason", param.reason}});
    }
    body["invalidParams"] = std::move(params);
  }
  Response response;
  response.status = status;
  // Names echoed from a query string may be invalid UTF-8: replace, never throw.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  response.headers.emplace_back("Content-Type", "application/problem+json");
  return response;
}

Response problem(const Error& error, std::string_view request_id) {
  const int status = http_status(error.code);
  if (error.code == ErrorCode::internal || error.code == ErrorCode::unavailable) {
    spdlog::error("request_id={} status={} error: {}", request_id, status, error.message);
    return problem(status,
                   status == 503 ? "The service cannot reach its database right now; try again."
                                 : "Something went wrong on our side; quote the request id.",
                   request_id);
  }
  Response response = problem(status, error.message, request_id, error.invalid_params);
  if (!error.problem_code.empty()) {
    nlohmann::json body = nlohmann::json::parse(response.body);
    body["type"] = std::string(kProblemTypePrefix) + error.problem_code;
    body["code"] = error.problem_code;
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return response;
}

}  // namespace dichtbij::api
