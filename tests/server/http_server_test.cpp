// The server over real HTTP on an ephemeral loopback port, on both engines.
#include "server/http_server.hpp"

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include <soci/soci.h>

#include "api/json_body.hpp"
#include "api/problem.hpp"
#include "api/routes.hpp"
#include "store/migrations.hpp"
#include "support/engine_test.hpp"
#include "support/http_client.hpp"

namespace dichtbij::server {
namespace {

using testing::http;
using testing::http_get;
using testing::HttpRequest;

constexpr std::size_t kBodyLimit = 4096;

// Routes that exist only in tests: to make a handler throw, echo JSON, and
// hold a request open while the server stops.
struct TestRoutes {
  std::promise<void> slow_entered;
  std::promise<void> release_slow;
  std::shared_future<void> slow_release;

  TestRoutes() : slow_release(release_slow.get_future().share()) {}

  std::vector<api::Route> make() {
    std::vector<api::Route> routes;
    routes.push_back(
        {api::Method::get, "/api/v1/test/throw",
         [](const api::Request&) -> api::Response { throw std::runtime_error("kapot"); }, "{}",
         false, RoleSet{}});
    routes.push_back({api::Method::post, "/api/v1/test/echo/:name",
                      [](const api::Request& request) {
                        Result<nlohmann::json> body = api::parse_json_body(request);
                        if (!body.ok()) return api::problem(body.error(), request.request_id);
                        return api::Response::json(200,
                                                   {{"name", request.path_param("name")},
                                                    {"body", *body},
                                                    {"q", request.query_param("q").value_or("")}});
                      },
                      "{}", false, RoleSet{}});
    routes.push_back({api::Method::get, "/api/v1/test/slow",
                      [this](const api::Request&) {
                        slow_entered.set_value();
                        slow_release.wait();
                        return api::Response::json(200, {{"slow", true}});
                      },
                      "{}", false, RoleSet{}});
    return routes;
  }
};

class HttpServerTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    log_ = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(256);
    spdlog::default_logger()->sinks().push_back(log_);
    spdlog::set_level(spdlog::level::info);

    test_database_.emplace(engine());
    database_ = test_database_->open(4);
    auto migrations = store::collect_migrations(store::embedded_migration_files());
    ASSERT_TRUE(store::migrate(*database_, *migrations).ok());

    std::ofstream(static_dir_.path() / "index.html") << "<!doctype html><title>app</title>";
    std::filesystem::create_directories(static_dir_.path() / "assets");
    std::ofstream(static_dir_.path() / "assets" / "app-1234.js") << "console.log(1)";
    std::ofstream(static_dir_.path() / "favicon.svg") << "<svg/>";
    start({});
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (log_) {
      auto& sinks = spdlog::default_logger()->sinks();
      sinks.erase(std::remove(sinks.begin(), sinks.end(), log_), sinks.end());
    }
    spdlog::set_level(spdlog::level::warn);
  }

  void start(std::optional<std::filesystem::path> static_dir) {
    HttpServerOptions options;
    options.port = 0;
    options.worker_threads = 4;
    options.max_body_bytes = kBodyLimit;
    options.static_dir = static_dir.value_or(static_dir_.path());
    options.shutdown_grace = std::chrono::seconds(10);
    std::vector<api::Route> routes = api::make_api_routes({*database_});
    for (api::Route& route : test_routes_.make()) routes.push_back(std::move(route));
    Result<std::unique_ptr<HttpServer>> started = HttpServer::start(options, std::move(routes));
    ASSERT_TRUE(started.ok()) << started.error().message;
    server_ = std::move(started).value();
  }

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
  }

  bool logged(const std::string& part) const {
    for (const std::string& line : log_->last_formatted()) {
      if (line.find(part) != std::string::npos) return true;
    }
    return false;
  }

  static void expect_problem(const testing::HttpResult& result, long status) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.header("Content-Type"), "application/problem+json");
    const nlohmann::json body = result.json();
    EXPECT_EQ(body.value("status", 0), status);
    EXPECT_FALSE(body.value("title", "").empty());
    EXPECT_FALSE(body.value("detail", "").empty());
    EXPECT_EQ(body.value("requestId", ""), result.header("X-Request-Id").value_or("?"));
  }

  testing::TempDir static_dir_;
  std::optional<testing::TestDatabase> test_database_;
  std::unique_ptr<store::Database> database_;
  TestRoutes test_routes_;
  std::unique_ptr<HttpServer> server_;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> log_;
};

TEST_P(HttpServerTest, HealthReportsTheDatabase) {
  const auto result = http_get(url("/api/v1/health"));
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.header("Content-Type"), "application/json");
  const nlohmann::json body = result.json();
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["database"]["engine"], std::string(store::engine_name(engine())));
  EXPECT_GE(body["database"]["schemaVersion"].get<int>(), 1);
}

TEST_P(HttpServerTest, HealthIs503WhenTheDatabaseCannotAnswer) {
  // Drop the schema table behind the server's back: the probe query fails.
  ASSERT_TRUE(database_
                  ->in_transaction(store::TransactionKind::write,
                                   [](store::Transaction& transaction) {
                                     soci::session& session = transaction.session();
                                     session << "DROP TABLE schema_migrations";
                                     return Result<void>();
                                   })
                  .ok());
  expect_problem(http_get(url("/api/v1/health")), 503);
}

TEST_P(HttpServerTest, EveryAnswerCarriesSecurityHeaders) {
  for (const std::string path : {"/api/v1/health", "/api/v1/nothing", "/", "/assets/app-1234.js"}) {
    const auto result = http_get(url(path));
    EXPECT_NE(result.header("Content-Security-Policy").value_or("").find("frame-ancestors 'none'"),
              std::string::npos)
        << path;
    EXPECT_EQ(result.header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(result.header("Referrer-Policy"), "no-referrer") << path;
    EXPECT_EQ(result.header("X-Request-Id").value_or("").size(), 16u) << path;
  }
}

TEST_P(HttpServerTest, ApiAnswersCarryApiVersionAndNoStore) {
  const auto api = http_get(url("/api/v1/health"));
  EXPECT_EQ(api.header("API-Version"), "1.0.0");
  EXPECT_EQ(api.header("Cache-Control"), "no-store");
  const auto missing = http_get(url("/api/v1/nothing"));
  EXPECT_EQ(missing.header("API-Version"), "1.0.0");
  const auto page = http_get(url("/"));
  EXPECT_FALSE(page.header("API-Version").has_value());
}

TEST_P(HttpServerTest, OpenApiDocumentDescribesTheApi) {
  const auto result = http_get(url("/api/v1/openapi.json"));
  ASSERT_EQ(result.status, 200);
  const nlohmann::json document = result.json();
  EXPECT_EQ(document["openapi"], "3.1.0");
  EXPECT_EQ(document["servers"][0]["url"], "/api/v1");
  EXPECT_TRUE(document["paths"].contains("/health"));
  EXPECT_TRUE(document["paths"]["/openapi.json"].contains("get"));
  EXPECT_TRUE(document["components"]["schemas"].contains("Problem"));
}

TEST_P(HttpServerTest, UnknownApiRouteIs404Problem) {
  expect_problem(http_get(url("/api/v1/no-such-resource")), 404);
  expect_problem(http_get(url("/api/v1/households/123/nothing")), 404);
  expect_problem(http_get(url("/api/v2/health")), 404);
}

TEST_P(HttpServerTest, WrongMethodIs405WithAllow) {
  const auto result = http(HttpRequest{"DELETE", url("/api/v1/health"), {}, {}});
  expect_problem(result, 405);
  EXPECT_EQ(result.header("Allow"), "GET");
  const auto echo = http(HttpRequest{"GET", url("/api/v1/test/echo/x"), {}, {}});
  expect_problem(echo, 405);
  EXPECT_EQ(echo.header("Allow"), "POST");
  const auto page = http(HttpRequest{"POST", url("/some/page"), "x", {}});
  expect_problem(page, 405);
  EXPECT_EQ(page.header("Allow"), "GET");
}

TEST_P(HttpServerTest, PassesPathQueryAndJsonBodyToTheHandler) {
  const auto result = http(HttpRequest{"POST",
                                       url("/api/v1/test/echo/buurt?q=de%20pijp"),
                                       R"({"a":1})",
                                       {"Content-Type: application/json"}});
  ASSERT_EQ(result.status, 200) << result.body;
  const nlohmann::json body = result.json();
  EXPECT_EQ(body["name"], "buurt");
  EXPECT_EQ(body["q"], "de pijp");
  EXPECT_EQ(body["body"]["a"], 1);
}

TEST_P(HttpServerTest, MalformedJsonIs400NamingTheBody) {
  const auto result = http(HttpRequest{
      "POST", url("/api/v1/test/echo/x"), R"({"a":)", {"Content-Type: application/json"}});
  expect_problem(result, 400);
  const nlohmann::json body = result.json();
  ASSERT_TRUE(body.contains("invalidParams"));
  EXPECT_EQ(body["invalidParams"][0]["name"], "body");
  EXPECT_NE(body["invalidParams"][0]["reason"].get<std::string>().find("malformed JSON"),
            std::string::npos);
}

TEST_P(HttpServerTest, NonJsonContentTypeIs415NamingTheHeader) {
  const auto result =
      http(HttpRequest{"POST", url("/api/v1/test/echo/x"), "a=1", {"Content-Type: text/plain"}});
  expect_problem(result, 415);
  EXPECT_EQ(result.json()["invalidParams"][0]["name"], "Content-Type");
}

TEST_P(HttpServerTest, MalformedQueryIs400) {
  expect_problem(
      http(HttpRequest{
          "POST", url("/api/v1/test/echo/x?q=%zz"), "{}", {"Content-Type: application/json"}}),
      400);
}

TEST_P(HttpServerTest, BodyOverTheLimitIs413AndReachesNoHandler) {
  const std::string big = "[" + std::string(kBodyLimit, ' ') + "]";
  const auto result = http(
      HttpRequest{"POST", url("/api/v1/test/echo/x"), big, {"Content-Type: application/json"}});
  expect_problem(result, 413);
  const auto at_limit = http(HttpRequest{"POST",
                                         url("/api/v1/test/echo/x"),
                                         "[" + std::string(kBodyLimit - 2, ' ') + "]",
                                         {"Content-Type: application/json"}});
  EXPECT_EQ(at_limit.status, 200) << at_limit.body;
}

TEST_P(HttpServerTest, ExceptionInAHandlerIs500WithALoggedRequestId) {
  const auto result = http_get(url("/api/v1/test/throw"));
  expect_problem(result, 500);
  const std::string request_id = result.json()["requestId"];
  EXPECT_EQ(result.body.find("kapot"), std::string::npos) << "internal detail leaked";
  EXPECT_TRUE(logged("request_id=" + request_id + " unhandled exception")) << request_id;
  // The server goes on serving.
  EXPECT_EQ(http_get(url("/api/v1/health")).status, 200);
}

TEST_P(HttpServerTest, RequestLogHasMethodPathStatusAndIdButNoQuery) {
  const auto result = http_get(url("/api/v1/health?name=Fatima"));
  ASSERT_EQ(result.status, 200);
  const std::string id = *result.header("X-Request-Id");
  // The line is written once the answer is; give the I/O thread a moment.
  for (int i = 0; i != 100 && !logged(id); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(logged("method=GET path=/api/v1/health status=200"));
  EXPECT_TRUE(logged("request_id=" + id));
  EXPECT_FALSE(logged("Fatima"));
}

TEST_P(HttpServerTest, ServesStaticFilesWithTypesAndCaching) {
  const auto asset = http_get(url("/assets/app-1234.js"));
  ASSERT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_EQ(asset.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("Cache-Control"), "public, max-age=31536000, immutable");

  const auto icon = http_get(url("/favicon.svg"));
  EXPECT_EQ(icon.header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(icon.header("Cache-Control"), "no-cache");

  const auto index = http_get(url("/"));
  ASSERT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("<title>app</title>"), std::string::npos);
  EXPECT_EQ(index.header("Cache-Control"), "no-cache");
}

TEST_P(HttpServerTest, ClientRoutesFallBackToTheApp) {
  const auto route = http_get(url("/huishoudens/abc/netwerk"));
  ASSERT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("<title>app</title>"), std::string::npos);
  EXPECT_EQ(route.header("Content-Type"), "text/html; charset=utf-8");
}

TEST_P(HttpServerTest, MissingAssetsAndEscapesAre404) {
  expect_problem(http_get(url("/assets/missing.js")), 404);
  expect_problem(http_get(url("/../../etc/passwd")), 404);
  expect_problem(http_get(url("/%2e%2e/%2e%2e/etc/passwd")), 404);
}

TEST_P(HttpServerTest, PlaceholderPageUntilTheAppIsBuilt) {
  server_->stop();
  testing::TempDir empty;
  start(empty.path());
  const auto page = http_get(url("/"));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("Dichtbij"), std::string::npos);
  EXPECT_NE(page.body.find("/api/v1/health"), std::string::npos);
}

TEST_P(HttpServerTest, StopFinishesTheRequestInFlightAndRefusesNewOnes) {
  auto slow = std::async(std::launch::async, [&] { return http_get(url("/api/v1/test/slow")); });
  test_routes_.slow_entered.get_future().wait();

  auto stopped = std::async(std::launch::async, [&] { server_->stop(); });
  // Stopping waits for the slow request; new connections are refused.
  EXPECT_EQ(stopped.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
  const auto refused = http_get(url("/api/v1/health"));
  EXPECT_EQ(refused.status, 0) << "a new connection was served while stopping";

  test_routes_.release_slow.set_value();
  const auto finished = slow.get();
  EXPECT_EQ(finished.status, 200);
  EXPECT_EQ(finished.json()["slow"], true);
  EXPECT_EQ(stopped.wait_for(std::chrono::seconds(10)), std::future_status::ready);
}

TEST_P(HttpServerTest, PortInUseFailsToStart) {
  HttpServerOptions options;
  options.port = server_->port();
  Result<std::unique_ptr<HttpServer>> second = HttpServer::start(options, {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::unavailable);
  EXPECT_NE(second.error().message.find(std::to_string(server_->port())), std::string::npos);
}

DICHTBIJ_INSTANTIATE_ENGINES(HttpServerTest);

}  // namespace
}  // namespace dichtbij::server
