// The whole API over real HTTP on an ephemeral port, on a fresh migrated
// database of the test's engine: what API contract tests talk to.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/http_server.hpp"
#include "store/database.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace dichtbij::testing {

class ApiServer {
 public:
  explicit ApiServer(store::Engine engine);
  ~ApiServer();

  std::string url(const std::string& path) const;
  store::Database& database() { return *database_; }
  // The server's database, to open a second connection to it as another
  // process or instance would.
  const TestDatabase& test_database() const { return test_database_; }

  // JSON requests to paths under the server; extra headers as "Name: value".
  HttpResult get(const std::string& path, std::vector<std::string> headers = {}) const;
  HttpResult post(const std::string& path, const nlohmann::json& body,
                  std::vector<std::string> headers = {}) const;
  HttpResult post_raw(const std::string& path, const std::string& body,
                      std::vector<std::string> headers = {}) const;
  HttpResult put(const std::string& path, const nlohmann::json& body,
                 std::vector<std::string> headers = {}) const;
  HttpResult del(const std::string& path, std::vector<std::string> headers = {}) const;

 private:
  TestDatabase test_database_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<server::HttpServer> server_;
};

// The names in a problem's invalidParams, in order.
[[nodiscard]] std::vector<std::string> invalid_param_names(const HttpResult& result);

}  // namespace dichtbij::testing
