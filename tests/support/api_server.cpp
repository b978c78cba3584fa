#include "support/api_server.hpp"

#include <gtest/gtest.h>

#include "api/routes.hpp"
#include "store/migrations.hpp"

namespace dichtbij::testing {

ApiServer::ApiServer(store::Engine engine) : test_database_(engine) {
  database_ = test_database_.open(4);
  Result<std::vector<store::Migration>> migrations =
      store::collect_migrations(store::embedded_migration_files());
  if (!migrations.ok()) throw std::runtime_error(migrations.error().message);
  Result<store::MigrationReport> migrated = store::migrate(*database_, *migrations);
  if (!migrated.ok()) throw std::runtime_error(migrated.error().message);
  server::HttpServerOptions options;
  options.port = 0;
  options.worker_threads = 4;
  Result<std::unique_ptr<server::HttpServer>> started =
      server::HttpServer::start(options, api::make_api_routes({*database_}));
  if (!started.ok()) throw std::runtime_error(started.error().message);
  server_ = std::move(started).value();
}

ApiServer::~ApiServer() {
  if (server_) server_->stop();
}

std::string ApiServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

HttpResult ApiServer::get(const std::string& path, std::vector<std::string> headers) const {
  return http(HttpRequest{"GET", url(path), {}, std::move(headers)});
}

HttpResult ApiServer::post(const std::string& path, const nlohmann::json& body,
                           std::vector<std::string> headers) const {
  return post_raw(path, body.dump(), std::move(headers));
}

HttpResult ApiServer::post_raw(const std::string& path, const std::string& body,
                               std::vector<std::string> headers) const {
  headers.push_back("Content-Type: application/json");
  return http(HttpRequest{"POST", url(path), body, std::move(headers)});
}

HttpResult ApiServer::put(const std::string& path, const nlohmann::json& body,
                          std::vector<std::string> headers) const {
  headers.push_back("Content-Type: application/json");
  return http(HttpRequest{"PUT", url(path), body.dump(), std::move(headers)});
}

HttpResult ApiServer::del(const std::string& path, std::vector<std::string> headers) const {
  return http(HttpRequest{"DELETE", url(path), {}, std::move(headers)});
}

std::vector<std::string> invalid_param_names(const HttpResult& result) {
  std::vector<std::string> names;
  const nlohmann::json body = result.json();
  if (!body.contains("invalidParams")) return names;
  for (const nlohmann::json& param : body["invalidParams"]) names.push_back(param["name"]);
  return names;
}

}  // namespace dichtbij::testing
