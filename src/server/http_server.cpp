// The RESTinio adapter. This file alone includes RESTinio (see the header).
#include "server/http_server.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <restinio/all.hpp>
// RESTinio uses the 8-bit PCRE2 API without naming the width.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <restinio/router/pcre2_regex_engine.hpp>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>

#include "api/openapi.hpp"
#include "api/problem.hpp"
#include "server/static_files.hpp"

namespace dichtbij::server {

namespace {

// The router tries each route's pattern in turn on every request. With
// std::regex that was a third of a cached read's time; RESTinio's PCRE2
// engine, with the patterns JIT-compiled as well, makes it small.
struct JitPcre2Engine : restinio::router::pcre2_regex_engine_t<> {
  static auto compile_regex(restinio::string_view_t pattern, bool is_case_sensitive) {
    auto compiled = pcre2_regex_engine_t<>::compile_regex(pattern, is_case_sensitive);
    // pcre2_match uses the JIT code from now on; where PCRE2 lacks JIT
    // support this fails and matching stays interpreted, which is correct too.
    (void)pcre2_jit_compile(const_cast<pcre2_code*>(compiled.pcre2_regex()), PCRE2_JIT_COMPLETE);
    return compiled;
  }
};
using Router = restinio::router::express_router_t<JitPcre2Engine>;
using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t, Router>;
using RestinioServer = restinio::http_server_t<Traits>;
using Clock = std::chrono::steady_clock;

// RESTinio reads a whole body before a handler sees it, and silently closes
// the connection when Content-Length exceeds its own limit. So its limit sits
// well above ours, and our own check answers 413 for everything in between.
constexpr std::size_t kHardBodyLimitExtra = 16 * 1024 * 1024;
// A handler that has not answered by then gets its connection closed.
constexpr std::size_t kIoThreads = 2;
constexpr auto kHandlerTimeLimit = std::chrono::minutes(5);
constexpr auto kReadTimeLimit = std::chrono::seconds(60);
constexpr auto kWriteTimeLimit = std::chrono::seconds(60);

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

// Matches every method; HttpServer dispatches on the method itself so that a
// known path with another method answers 405 with Allow.
struct AnyMethod final : restinio::router::method_matcher_t {
  bool match(const restinio::http_method_id_t&) const noexcept override { return true; }
};

std::optional<api::Method> to_method(const restinio::http_method_id_t& method) {
  if (method == restinio::http_method_get()) return api::Method::get;
  if (method == restinio::http_method_head()) return api::Method::head;
  if (method == restinio::http_method_post()) return api::Method::post;
  if (method == restinio::http_method_put()) return api::Method::put;
  if (method == restinio::http_method_patch()) return api::Method::patch;
  if (method == restinio::http_method_delete()) return api::Method::delete_;
  return std::nullopt;
}

std::string new_request_id() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

// Everything under /api/ is the API, whatever its version: unknown API paths
// get a problem+json 404, never the web app's index.html.
bool is_api_path(std::string_view path) {
  return path == "/api" || path.rfind("/api/", 0) == 0;
}

std::vector<std::string> parameter_names(const std::string& pattern) {
  static const std::regex kParameter(R"(:([A-Za-z][A-Za-z0-9]*))");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), kParameter);
       it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

// The methods one path pattern answers, each with its route.
struct PathEntry {
  std::string path;
  std::vector<std::string> parameter_names;  // ":id" in the pattern → "id"
  std::map<api::Method, const api::Route*> routes;

  std::string allow() const {
    std::string allow;
    for (const auto& [method, route] : routes) {
      if (!allow.empty()) allow += ", ";
      allow += api::method_name(method);
    }
    return allow;
  }
};

}  // namespace

struct HttpServer::Impl {
  explicit Impl(HttpServerOptions server_options, std::vector<api::Route> api_routes)
      : options(std::move(server_options)),
        routes(std::move(api_routes)),
        static_files(options.static_dir),
        workers(options.worker_threads) {}

  // An answer whose hold has released it, waiting for an I/O thread.
  struct Released {
    std::shared_ptr<restinio::request_handle_t> handle;  // the only one
    std::shared_ptr<api::Response> response;
    std::string request_id;
    Clock::time_point started;
    Result<void> outcome;  // of the hold: a problem goes out instead when it failed
  };

  HttpServerOptions options;
  const std::vector<api::Route> routes;  // PathEntry points into this
  std::vector<PathEntry> entries;
  StaticFiles static_files;

  // Declared before server so that the server is destroyed first.
  asio::io_context io;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> io_work;
  std::unique_ptr<RestinioServer> server;
  std::vector<std::thread> io_threads;
  asio::thread_pool workers;
  std::atomic<std::uint16_t> bound_port{0};

  std::mutex mutex;
  std::condition_variable drained;
  std::size_t in_flight = 0;  // guarded by mutex: accepted, answer not yet written
  bool stopping = false;      // guarded by mutex
  std::once_flag stop_once;
  std::mutex released_mutex;
  std::vector<Released> released_answers;  // guarded by released_mutex; see release()

  void begin_request() {
    std::lock_guard lock(mutex);
    ++in_flight;
  }

  void end_request() {
    std::lock_guard lock(mutex);
    --in_flight;
    if (in_flight == 0) drained.notify_all();
  }

  bool is_stopping() {
    std::lock_guard lock(mutex);
    return stopping;
  }

  // Writes the answer, adds the headers every answer carries, and logs the
  // request once the answer is written. Any thread.
  //
  // The request ends (end_request) only when the write is done AND this
  // call has let go of request and its response builder: both hold the
  // connection, whose strand must not outlive the I/O context that stop()
  // destroys once no request is in flight. So callers hand over their
  // handle (by value) and keep no copy.
  void respond(restinio::request_handle_t request, api::Response response,
               const std::string& request_id, Clock::time_point started) {
    auto arrivals = std::make_shared<std::atomic<int>>(2);
    write_answer(std::move(request), std::move(response), request_id, started, arrivals);
    if (arrivals->fetch_sub(1) == 1) end_request();
  }

  void write_answer(restinio::request_handle_t request, api::Response response,
                    const std::string& request_id, Clock::time_point started,
                    const std::shared_ptr<std::atomic<int>>& arrivals) {
    std::optional<restinio::sendfile_t> file;
    if (response.file_path) {
      try {
        file.emplace(restinio::sendfile(*response.file_path));
      } catch (const std::exception&) {
        // Removed between the look-up and now (a redeploy): not there.
        response = api::problem(404, "No such file.", request_id);
      }
    }

    const std::string path(request->header().path());
    const bool api_path = is_api_path(path);
    auto builder = request->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        std::string(api::status_reason(response.status))});
    for (const auto& [name, value] : response.headers) builder.append_header(name, value);
    builder.append_header("X-Request-Id", request_id);
    builder.append_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
    builder.append_header("X-Content-Type-Options", "nosniff");
    builder.append_header("X-Frame-Options", "DENY");
    builder.append_header("Referrer-Policy", "no-referrer");
    builder.append_header("Cross-Origin-Opener-Policy", "same-origin");
    builder.append_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (api_path) {
      builder.append_header("API-Version", std::string(api::kApiVersion));
      // Answers of the API carry personal data: no cache may keep them.
      if (!response.header("Cache-Control")) builder.append_header("Cache-Control", "no-store");
    }
    if (is_stopping()) builder.connection_close();
    if (file) {
      builder.set_body(std::move(*file));
    } else if (response.shared_body) {
      builder.set_body(std::move(response.shared_body));
    } else {
      builder.set_body(std::move(response.body));
    }

    const int status = response.status;
    const std::string method(request->header().method().c_str());
    builder.done(
        [this, method, path, status, request_id, started, arrivals](const asio::error_code& error) {
          const auto micros =
              std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
          spdlog::info("request method={} path={} status={} duration_ms={:.3f} request_id={}{}",
                       method, path, status, static_cast<double>(micros) / 1000.0, request_id,
                       error ? " write_error=" + error.message() : std::string());
          if (arrivals->fetch_sub(1) == 1) end_request();
        });
  }

  // The route's answer to api_request; a problem when the handler throws.
  static api::Response run_handler(const api::Route& route, const api::Request& api_request) {
    try {
      return route.handler(api_request);
    } catch (const std::exception& exception) {
      spdlog::error("request_id={} unhandled exception in {} {}: {}", api_request.request_id,
                    api::method_name(route.method), route.path, exception.what());
    } catch (...) {
      spdlog::error("request_id={} unhandled non-standard exception in {} {}",
                    api_request.request_id, api::method_name(route.method), route.path);
    }
    return api::problem(500, "Something went wrong on our side; quote the request id.",
                        api_request.request_id);
  }

  // Sends response now, or when its hold releases it.
  void answer(restinio::request_handle_t request, api::Response response,
              const std::string& request_id, Clock::time_point started) {
    if (!response.hold) {
      respond(request, std::move(response), request_id, started);
      return;
    }
    release_when_held(std::move(request), std::move(response), request_id, started);
  }

  // Runs a route's handler and answers: on this (I/O) thread when the route
  // answers_from_memory and the handler manages without blocking, otherwise
  // on a worker thread.
  void dispatch(restinio::request_handle_t request, const api::Route& route,
                api::Request api_request, Clock::time_point started) {
    if (route.answers_from_memory) {
      api_request.may_block = false;
      api::Response response = run_handler(route, api_request);
      api_request.may_block = true;
      if (!response.needs_worker) {
        answer(std::move(request), std::move(response), api_request.request_id, started);
        return;
      }
    }
    asio::post(workers, [this, request = std::move(request), &route,
                         api_request = std::move(api_request), started]() mutable {
      api::Response response = run_handler(route, api_request);
      if (response.needs_worker) {
        spdlog::error("request_id={} {} {} asked for a worker on a worker", api_request.request_id,
                      api::method_name(route.method), route.path);
        response = api::problem(500, "Something went wrong on our side; quote the request id.",
                                api_request.request_id);
      }
      answer(std::move(request), std::move(response), api_request.request_id, started);
    });
  }

  // Holds are released on the database's writer thread, a whole audit batch
  // at a time (its commit). The answers are built and sent on an I/O
  // thread, so that the writer goes on to the next batch at once, and one
  // hand-over carries every answer released meanwhile: building them on
  // the writer took a sixth of its time, and a post per answer a tenth
  // (bench/README.md). Any thread.
  void release(Released released) {
    bool first = false;
    {
      std::lock_guard lock(released_mutex);
      first = released_answers.empty();
      released_answers.push_back(std::move(released));
    }
    if (first) asio::post(io, [this] { send_released(); });
  }

  // Sends every released answer. On an I/O thread.
  void send_released() {
    std::vector<Released> ready;
    {
      std::lock_guard lock(released_mutex);
      ready.swap(released_answers);
    }
    for (Released& released : ready) {
      respond(std::move(*released.handle),
              released.outcome.ok() ? std::move(*released.response)
                                    : api::problem(released.outcome.error(), released.request_id),
              released.request_id, released.started);
    }
  }

  // Sends response once its hold releases it (see api::Response::hold), on
  // an I/O thread; a problem instead if that fails.
  void release_when_held(restinio::request_handle_t request, api::Response response,
                         const std::string& request_id, Clock::time_point started) {
    auto hold = std::move(response.hold);
    response.hold = nullptr;
    auto held = std::make_shared<api::Response>(std::move(response));
    // The only handle on request, moved out when the answer leaves, so that
    // no copy of release keeps the connection alive (see respond).
    auto handle = std::make_shared<restinio::request_handle_t>(std::move(request));
    try {
      hold([this, handle, held, request_id, started](Result<void> outcome) {
        release(Released{handle, held, request_id, started, std::move(outcome)});
      });
    } catch (const std::exception& exception) {
      // hold did not take release: nobody else will answer.
      spdlog::error("request_id={} holding the answer failed: {}", request_id, exception.what());
      respond(
          std::move(*handle),
          api::problem(500, "Something went wrong on our side; quote the request id.", request_id),
          request_id, started);
    }
  }

  restinio::request_handling_status_t handle_route(const restinio::request_handle_t& request,
                                                   restinio::router::route_params_t params,
                                                   const PathEntry& entry) {
    const auto started = Clock::now();
    const std::string request_id = new_request_id();
    begin_request();
    const std::optional<api::Method> method = to_method(request->header().method());
    const auto route = method ? entry.routes.find(*method) : entry.routes.end();
    if (route == entry.routes.end()) {
      api::Response response = api::problem(
          405,
          "This resource does not support " + std::string(request->header().method().c_str()) + ".",
          request_id);
      response.with_header("Allow", entry.allow());
      respond(request, std::move(response), request_id, started);
      return restinio::request_accepted();
    }
    if (request->body().size() > options.max_body_bytes) {
      respond(request,
              api::problem(413,
                           "The request body is larger than " +
                               std::to_string(options.max_body_bytes) + " bytes.",
                           request_id),
              request_id, started);
      return restinio::request_accepted();
    }

    api::Request api_request;
    api_request.method = *method;
    api_request.path = std::string(request->header().path());
    api_request.request_id = request_id;
    api_request.client_address = request->remote_endpoint().address().to_string();
    api_request.body = request->body();
    request->header().for_each_field([&](const restinio::http_header_field_t& field) {
      api_request.headers.emplace_back(field.name(), field.value());
    });
    for (const std::string& name : entry.parameter_names) {
      api_request.path_params.emplace_back(name, std::string(params[name]));
    }
    try {
      const auto query = restinio::parse_query<restinio::parse_query_traits::javascript_compatible>(
          request->header().query());
      for (const auto& [name, value] : query) {
        api_request.query.emplace_back(std::string(name), std::string(value));
      }
    } catch (const std::exception&) {
      Error error = make_error(ErrorCode::invalid_input, "The query string is malformed.");
      error.invalid_params.push_back({"query", "not a valid percent-encoded query string"});
      respond(request, api::problem(error, request_id), request_id, started);
      return restinio::request_accepted();
    }
    dispatch(request, *route->second, std::move(api_request), started);
    return restinio::request_accepted();
  }

  // Anything no route matched: a 404 under /api/, else the web app.
  restinio::request_handling_status_t handle_unmatched(const restinio::request_handle_t& request) {
    const auto started = Clock::now();
    const std::string request_id = new_request_id();
    begin_request();
    const std::string raw_path(request->header().path());
    if (is_api_path(raw_path)) {
      respond(request,
              api::problem(404, "There is no API resource at " + raw_path + ".", request_id),
              request_id, started);
      return restinio::request_accepted();
    }
    if (request->header().method() != restinio::http_method_get()) {
      api::Response response = api::problem(405, "Pages can only be read with GET.", request_id);
      response.with_header("Allow", "GET");
      respond(request, std::move(response), request_id, started);
      return restinio::request_accepted();
    }
    std::string path;
    try {
      path = restinio::utils::unescape_percent_encoding<restinio::utils::relaxed_unescape_traits>(
          raw_path);
    } catch (const std::exception&) {
      respond(request, api::problem(400, "The path is not validly percent-encoded.", request_id),
              request_id, started);
      return restinio::request_accepted();
    }
    asio::post(workers, [this, request, path = std::move(path), request_id, started] {
      respond(request, static_files.serve(path, request_id), request_id, started);
    });
    return restinio::request_accepted();
  }

  std::unique_ptr<Router> make_router() {
    std::map<std::string, std::size_t> index_by_path;
    for (const api::Route& route : routes) {
      auto [it, inserted] = index_by_path.emplace(route.path, entries.size());
      if (inserted) entries.push_back(PathEntry{route.path, parameter_names(route.path), {}});
      entries[it->second].routes[route.method] = &route;
    }
    auto router = std::make_unique<Router>();
    for (const PathEntry& entry : entries) {
      router->add_handler(AnyMethod{}, entry.path, [this, &entry](auto request, auto params) {
        return handle_route(request, std::move(params), entry);
      });
    }
    router->non_matched_request_handler([this](auto request) { return handle_unmatched(request); });
    return router;
  }
};

Result<std::unique_ptr<HttpServer>> HttpServer::start(HttpServerOptions options,
                                                      std::vector<api::Route> routes) {
  if (sodium_init() < 0) return make_error(ErrorCode::internal, "libsodium failed to initialise");
  // Static files go out with sendfile(2), which, unlike asio's own writes,
  // raises SIGPIPE when the client has closed the connection: a browser
  // that navigates away mid-download (every page change can) would end the
  // whole process. With SIGPIPE ignored the write fails with EPIPE and only
  // that connection closes. Process-wide, and harmless to set twice.
  std::signal(SIGPIPE, SIG_IGN);
  auto impl = std::make_unique<Impl>(std::move(options), std::move(routes));
  Impl& self = *impl;

  restinio::server_settings_t<Traits> settings;
  settings.address(self.options.address)
      .port(self.options.port)
      .request_handler(self.make_router())
      .read_next_http_message_timelimit(kReadTimeLimit)
      .write_http_response_timelimit(kWriteTimeLimit)
      .handle_request_timeout(kHandlerTimeLimit)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(
          self.options.max_body_bytes * 4 + kHardBodyLimitExtra))
      .acceptor_post_bind_hook([&self](asio::ip::tcp::acceptor& acceptor) {
        self.bound_port = acceptor.local_endpoint().port();
      });
  self.server =
      std::make_unique<RestinioServer>(restinio::external_io_context(self.io), std::move(settings));

  std::promise<std::string> opened;  // empty on success, else the reason
  self.server->open_async([&opened] { opened.set_value({}); },
                          [&opened](std::exception_ptr failure) {
                            try {
                              std::rethrow_exception(failure);
                            } catch (const std::exception& exception) {
                              opened.set_value(exception.what());
                            }
                          });
  self.io_work.emplace(self.io.get_executor());
  for (std::size_t i = 0; i != kIoThreads; ++i) {
    self.io_threads.emplace_back([&self] { self.io.run(); });
  }
  const std::string failure = opened.get_future().get();
  if (!failure.empty()) {
    self.io_work.reset();
    self.io.stop();
    for (std::thread& thread : self.io_threads) thread.join();
    return make_error(ErrorCode::unavailable, "cannot listen on " + self.options.address + ":" +
                                                  std::to_string(self.options.port) + ": " +
                                                  failure);
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  stop();
}

std::uint16_t HttpServer::port() const noexcept {
  return impl_->bound_port;
}

void HttpServer::stop() {
  Impl& self = *impl_;
  std::call_once(self.stop_once, [&self] {
    {
      std::lock_guard lock(self.mutex);
      self.stopping = true;
    }
    std::promise<void> closed;
    asio::post(self.io, [&self, &closed] {
      self.server->close_sync();
      closed.set_value();
    });
    closed.get_future().wait();

    std::unique_lock lock(self.mutex);
    if (!self.drained.wait_for(lock, self.options.shutdown_grace,
                               [&self] { return self.in_flight == 0; })) {
      spdlog::warn("stopping with {} request(s) still unanswered after {} s", self.in_flight,
                   self.options.shutdown_grace.count());
      // Handlers not yet started are dropped; running ones still finish.
      self.workers.stop();
    }
    lock.unlock();
    self.workers.join();
    self.io_work.reset();
    self.io.stop();
    for (std::thread& thread : self.io_threads) thread.join();
  });
}

}  // namespace dichtbij::server
