// The whole API over real HTTP on an ephemeral port, on a fresh migrated
// database of the test's engine: what API contract tests talk to.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/sessions.hpp"
#include "core/account.hpp"
#include "server/http_server.hpp"
#include "store/audit_repository.hpp"
#include "store/database.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace dichtbij::testing {

// One caller of the API: requests go out signed in (session cookie and
// CSRF token) once sign_in() succeeded, unless signed out.
class ApiClient {
 public:
  static constexpr std::string_view kPassword = "correct horse battery";

  explicit ApiClient(std::string base_url = {}) : base_url_(std::move(base_url)) {}

  // Signs in over HTTP; on 201 later requests carry the new session.
  HttpResult sign_in(const std::string& username, std::string_view password = kPassword);
  // Signs in with this body (e.g. with a second-factor "code"); the same.
  HttpResult sign_in_with(const nlohmann::json& credentials);
  // Later requests carry no session (the server still knows it).
  void forget_session() { session_cookie_.clear(), csrf_token_.clear(); }
  const std::string& session_cookie() const { return session_cookie_; }
  const std::string& csrf_token() const { return csrf_token_; }

  std::string url(const std::string& path) const { return base_url_ + path; }

  // JSON requests to paths under the server; extra headers as "Name: value".
  HttpResult get(const std::string& path, std::vector<std::string> headers = {}) const;
  HttpResult post(const std::string& path, const nlohmann::json& body,
                  std::vector<std::string> headers = {}) const;
  HttpResult post_raw(const std::string& path, const std::string& body,
                      std::vector<std::string> headers = {}) const;
  HttpResult put(const std::string& path, const nlohmann::json& body,
                 std::vector<std::string> headers = {}) const;
  HttpResult del(const std::string& path, std::vector<std::string> headers = {}) const;
  // Any request, with the session's cookie and CSRF token added.
  HttpResult send(HttpRequest request) const;

 protected:
  std::string base_url_;  // "http://127.0.0.1:<port>"

 private:
  std::string session_cookie_;  // "dichtbij_session=…", or empty
  std::string csrf_token_;
};

// The default caller signs in as the account the server starts with: a
// coordinator of a practice of its own (practice_id()), linked to a person
// (person_id()), so households of that practice are within its reach. (With
// another role the account has the person but not the practice.)
// Other callers come from as().
class ApiServer : public ApiClient {
 public:
  struct Options {
    access::SessionSettings sessions{};
    // The account every request is signed in as; none when empty.
    std::string username = "tester";
    AccountRole role = AccountRole::coordinator;
    // Whether the account is linked to a person of its own (who then shows
    // in person lists).
    bool with_person = true;
  };

  explicit ApiServer(store::Engine engine) : ApiServer(engine, Options()) {}
  ApiServer(store::Engine engine, const Options& options);
  ~ApiServer();

  // Adds an account (with kPassword) directly, as `dichtbij user add` does.
  Account add_account(const std::string& username, AccountRole role,
                      std::optional<PersonId> person = std::nullopt,
                      std::optional<PracticeId> practice = std::nullopt);
  // A caller signed in as username, added first with role, person and
  // practice when there is no such account yet. Lives as long as the server.
  ApiClient& as(const std::string& username, AccountRole role,
                std::optional<PersonId> person = std::nullopt,
                std::optional<PracticeId> practice = std::nullopt);
  // A caller signed in as an administrator (organisations, practices).
  ApiClient& admin() { return as("admin", AccountRole::admin); }

  // The default account's practice and person (set unless username is empty).
  const PracticeId& practice_id() const { return practice_; }
  const PersonId& person_id() const { return person_; }

  // Records household's research consent granted on granted_on (as the
  // default caller, who must reach the household); returns its id.
  std::string grant_research_consent(const std::string& household,
                                     const std::string& granted_on = "2025-01-10");
  // Withdraws that consent today: from then on the household is in no
  // research answer. Fails the test when the API refuses.
  void withdraw_research_consent(const std::string& household, const std::string& consent,
                                 const std::string& granted_on = "2025-01-10");

  store::Database& database() { return *database_; }
  // The audit log's events with this action, oldest first.
  std::vector<store::AuditRow> audit_events(const std::string& action);
  // Runs sql on the server's database directly: a state no route may make,
  // or a row tampered with. Fails the test when it fails.
  void execute_sql(const std::string& sql);
  // The first column of sql's first row, as text ("NULL" for NULL) or as a
  // number; fails the test when the query fails.
  std::string query_text(const std::string& sql);
  long long query_number(const std::string& sql);
  // The server's database, to open a second connection to it as another
  // process or instance would.
  const TestDatabase& test_database() const { return test_database_; }

 private:
  TestDatabase test_database_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<server::HttpServer> server_;
  std::map<std::string, std::unique_ptr<ApiClient>> callers_;
  PracticeId practice_;
  PersonId person_;
};

// The names in a problem's invalidParams, in order.
[[nodiscard]] std::vector<std::string> invalid_param_names(const HttpResult& result);

}  // namespace dichtbij::testing
