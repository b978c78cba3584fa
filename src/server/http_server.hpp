// HttpServer: serves api::Routes and the web app over HTTP.
//
// The only door to the HTTP library (RESTinio): http_server.cpp is the one
// file that includes it, because its headers cost ~30 s and ~750 MB to
// compile per translation unit, and so that the library could be swapped.
//
// Requests are read on one I/O thread and handed to a pool of worker threads,
// so a slow database call never stalls other connections. Every response
// carries the security headers, an X-Request-Id, and under /api/ the
// API-Version header; every error is problem+json. Each request is logged
// with method, path (never the query string: it may hold personal data),
// status, duration and request id.
//
// Thread-safe: stop() may be called from any thread, any number of times.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "core/result.hpp"

namespace dichtbij::server {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port, see HttpServer::port()
  std::size_t worker_threads = 2;
  std::size_t max_body_bytes = 1024 * 1024;
  std::filesystem::path static_dir = "web/dist";
  std::chrono::seconds shutdown_grace{30};
};

class HttpServer {
 public:
  // Binds the address and starts serving on background threads. Fails with
  // unavailable when the address cannot be bound (in use, no permission),
  // naming it.
  [[nodiscard]] static Result<std::unique_ptr<HttpServer>> start(HttpServerOptions options,
                                                                 std::vector<api::Route> routes);

  // Stops as stop() does.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The port actually bound (differs from the option when it was 0).
  [[nodiscard]] std::uint16_t port() const noexcept;

  // Graceful stop: stops accepting connections, lets requests already being
  // handled finish and their answers be written (up to shutdown_grace), then
  // closes every connection and joins all threads. Returns when done.
  void stop();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dichtbij::server
