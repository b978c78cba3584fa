#include <csignal>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "api/routes.hpp"
#include "cli/commands.hpp"
#include "cli/startup.hpp"
#include "server/http_server.hpp"

namespace dichtbij::cli {

int run_serve(const CommonOptions& options) {
  std::optional<server::Config> config = load_config_or_report(options);
  if (!config) return 2;
  configure_logging(*config);

  // Block the stop signals in every thread (threads inherit the mask) and
  // take them with sigwait() below: a graceful stop then runs as ordinary
  // code, not inside a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::unique_ptr<store::Database> database = open_and_migrate(*config, config->pool_size());
  if (!database) return 1;

  server::HttpServerOptions server_options;
  server_options.address = config->listen_address;
  server_options.port = config->port;
  server_options.worker_threads = config->worker_threads;
  server_options.max_body_bytes = config->max_body_bytes;
  server_options.static_dir = config->static_dir;
  server_options.shutdown_grace = config->shutdown_grace;
  access::SessionSettings sessions;
  sessions.idle_timeout = config->session_idle;
  sessions.absolute_timeout = config->session_absolute;
  Result<std::unique_ptr<server::HttpServer>> http = server::HttpServer::start(
      server_options, api::make_api_routes({*database, sessions, config->secure_cookies}));
  if (!http.ok()) {
    spdlog::error("{}", http.error().message);
    return 1;
  }
  spdlog::info("listening on http://{}:{}", config->listen_address, (*http)->port());
  // The API works without the web app, but a browser would see only 404s:
  // say where the server looked and how to point it elsewhere.
  if (std::error_code missing;
      !std::filesystem::is_regular_file(config->static_dir / "index.html", missing)) {
    spdlog::warn(
        "no web app at {} (index.html missing): the API is served, pages are not; build it "
        "with `make web` or set DICHTBIJ_STATIC_DIR",
        std::filesystem::absolute(config->static_dir).string());
  }

  int received = 0;
  sigwait(&stop_signals, &received);
  spdlog::info("received {}, finishing requests in flight",
               received == SIGTERM ? "SIGTERM" : "SIGINT");
  (*http)->stop();
  http.value().reset();
  database.reset();
  spdlog::info("stopped");
  return 0;
}

}  // namespace dichtbij::cli
