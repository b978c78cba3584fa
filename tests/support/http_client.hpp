// A plain HTTP/1.1 client for tests (libcurl): real requests over loopback.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace dichtbij::testing {

struct HttpResult {
  long status = 0;    // 0 when no answer came (connection refused or closed)
  std::string error;  // libcurl's message when status is 0
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header with this name, case-insensitive.
  [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
  // The body parsed as JSON; fails the calling test when it is not JSON.
  [[nodiscard]] nlohmann::json json() const;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::string body;
  std::vector<std::string> headers;  // "Name: value"
};

[[nodiscard]] HttpResult http(const HttpRequest& request);
[[nodiscard]] HttpResult http_get(const std::string& url);

}  // namespace dichtbij::testing
