// The HTTP vocabulary the API speaks, independent of the HTTP library.
//
// server/ turns library requests into Request, calls a Route's handler on a
// worker thread, and writes the Response back. Nothing outside server/ knows
// which HTTP library runs underneath.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/account.hpp"
#include "core/result.hpp"

namespace dichtbij::api {

enum class Method { get, head, post, put, patch, delete_ };

// "GET", "POST", …
[[nodiscard]] std::string_view method_name(Method method) noexcept;
// The lower-case name OpenAPI uses for an operation: "get", "post", …
[[nodiscard]] std::string_view openapi_method_name(Method method) noexcept;

using NameValues = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::get;
  std::string path;        // without the query string, percent-decoded by route params only
  NameValues query;        // decoded query parameters, in order
  NameValues headers;      // as received
  NameValues path_params;  // from the route pattern, e.g. {"id", "…"}
  std::string body;
  std::string request_id;      // also in the X-Request-Id response header and the log
  std::string client_address;  // the peer's IP address, for throttling sign-ins
  // The signed-in caller; set by api/session.cpp before a route that needs a
  // session runs, absent on public routes.
  std::optional<Actor> actor;
  // False while the server tries a route that answers_from_memory on its
  // I/O thread: the handler must then not block (no database, no waiting)
  // and answer from what is in memory, or return Response::on_worker() to
  // be run again, from the start, on a worker thread with this true.
  bool may_block = true;

  // The first header with this name, compared case-insensitively.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
  // How many headers have this name, compared case-insensitively.
  [[nodiscard]] std::size_t header_count(std::string_view name) const;
  // The first query parameter with this name.
  [[nodiscard]] std::optional<std::string_view> query_param(std::string_view name) const;
  // The named route parameter. REQUIRES: the route pattern declares it.
  [[nodiscard]] std::string_view path_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  NameValues headers;
  std::string body;
  // When set, the body is this text instead of body, sent without a copy:
  // a cached answer (api/rendered_cache.hpp) shared with other requests.
  std::shared_ptr<const std::string> shared_body;
  // When set, the body is this file, sent by the server with sendfile.
  std::optional<std::string> file_path;
  // When set, the answer may not leave yet: the server calls hold once with
  // a function release, and sends this answer when release(ok) is called,
  // or a problem naming the error instead. release may be called on any
  // thread, exactly once. A read sends its answer this way once its audit
  // event has committed (api/audited_answer.hpp), so that no worker thread
  // waits for the commit.
  using Release = std::function<void(Result<void>)>;
  std::function<void(Release)> hold;
  // Set by on_worker(): no answer yet (see Request::may_block).
  bool needs_worker = false;

  // The handler needs to block: run it again on a worker thread.
  [[nodiscard]] static Response on_worker();

  // A JSON body with Content-Type application/json.
  [[nodiscard]] static Response json(int status, const nlohmann::json& body);
  // Adds a header; headers with the same name may repeat.
  Response& with_header(std::string name, std::string value);
  // The first header with this name, compared case-insensitively.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

// Runs on a worker thread, so it may block on the database; only a route
// that answers_from_memory is tried on the I/O thread first, with
// Request::may_block false. May throw: server/ answers an exception with a
// 500.
using Handler = std::function<Response(const Request&)>;

struct Route {
  Method method = Method::get;
  // Express-style pattern: "/api/v1/households/:id". Parameters match one
  // path segment.
  std::string path;
  Handler handler;
  // The OpenAPI 3.1 operation object for this route (summary, parameters,
  // responses, …). Every route documents itself; api/openapi.cpp assembles
  // the document from these.
  std::string openapi_operation;  // JSON text, parsed when the document is built
  // Whether the caller must be signed in (and send the CSRF token on
  // changes). Only health, the API description, the enumerations and
  // signing in are public.
  bool needs_session = true;
  // The roles that may call it at all; others get 403 before it runs. Every
  // route that needs a session names them. Which households and records a
  // caller may touch is decided inside, by access/policy.hpp.
  RoleSet roles;
  // The handler can often answer from memory (caches) without blocking: the
  // server then tries it on the I/O thread first (Request::may_block false)
  // and hands it to a worker only when it asks to, saving two thread
  // switches on the hot reads.
  bool answers_from_memory = false;
};

}  // namespace dichtbij::api
