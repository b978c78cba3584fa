#include "api/http.hpp"

#include <algorithm>
#include <cassert>

#include <nlohmann/json.hpp>

namespace dichtbij::api {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::optional<std::string_view> find_header(const NameValues& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_case(key, name)) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view method_name(Method method) noexcept {
  switch (method) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::delete_: return "DELETE";
  }
  return "GET";
}

std::string_view openapi_method_name(Method method) noexcept {
  switch (method) {
    case Method::get: return "get";
    case Method::head: return "head";
    case Method::post: return "post";
    case Method::put: return "put";
    case Method::patch: return "patch";
    case Method::delete_: return "delete";
  }
  return "get";
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  return find_header(headers, name);
}

std::size_t Request::header_count(std::string_view name) const {
  std::size_t count = 0;
  for (const auto& [key, value] : headers) count += equals_ignoring_case(key, name);
  return count;
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string_view Request::path_param(std::string_view name) const {
  for (const auto& [key, value] : path_params) {
    if (key == name) return value;
  }
  assert(false && "route pattern does not declare this parameter");
  return {};
}

Response Response::json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump();
  response.headers.emplace_back("Content-Type", "application/json");
  return response;
}

Response Response::on_worker() {
  Response response;
  response.needs_worker = true;
  return response;
}

Response& Response::with_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  return find_header(headers, name);
}

}  // namespace dichtbij::api
