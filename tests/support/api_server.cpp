#include "support/api_server.hpp"

#include <soci/soci.h>
#include <strings.h>

#include <gtest/gtest.h>

#include "access/accounts.hpp"
#include "api/routes.hpp"
#include "api/today.hpp"
#include "store/account_repository.hpp"
#include "store/migrations.hpp"
#include "store/person_repository.hpp"
#include "store/practice_repository.hpp"

namespace dichtbij::testing {

ApiServer::ApiServer(store::Engine engine, const Options& server_options) : test_database_(engine) {
  database_ = test_database_.open(4);
  Result<std::vector<store::Migration>> migrations =
      store::collect_migrations(store::embedded_migration_files());
  if (!migrations.ok()) throw std::runtime_error(migrations.error().message);
  Result<store::MigrationReport> migrated = store::migrate(*database_, *migrations);
  if (!migrated.ok()) throw std::runtime_error(migrated.error().message);
  server::HttpServerOptions options;
  options.port = 0;
  options.worker_threads = 4;
  Result<std::unique_ptr<server::HttpServer>> started = server::HttpServer::start(
      options, api::make_api_routes({*database_, server_options.sessions}));
  if (!started.ok()) throw std::runtime_error(started.error().message);
  server_ = std::move(started).value();
  base_url_ = "http://127.0.0.1:" + std::to_string(server_->port());
  if (server_options.username.empty()) return;
  const bool coordinator = server_options.role == AccountRole::coordinator;
  Result<void> seeded = database_->in_transaction(
      store::TransactionKind::write, [&](store::Transaction& transaction) -> Result<void> {
        if (coordinator) {
          PracticeFields practice;
          practice.name = "Testpraktijk";
          practice.target_groups = {TargetGroup::other};
          Result<Practice> created = store::PracticeRepository(transaction).create(practice);
          if (!created.ok()) return std::move(created).error();
          practice_ = created->id;
        }
        if (server_options.with_person) {
          PersonFields person;
          person.display_name = "Tess Tester";
          Result<Person> added = store::PersonRepository(transaction).create(person);
          if (!added.ok()) return std::move(added).error();
          person_ = added->id;
        }
        return {};
      });
  if (!seeded.ok()) throw std::runtime_error(seeded.error().message);
  (void)add_account(server_options.username, server_options.role,
                    server_options.with_person ? std::optional<PersonId>(person_) : std::nullopt,
                    coordinator ? std::optional<PracticeId>(practice_) : std::nullopt);
  const HttpResult signed_in = sign_in(server_options.username);
  if (signed_in.status != 201) throw std::runtime_error("cannot sign in: " + signed_in.body);
}

Account ApiServer::add_account(const std::string& username, AccountRole role,
                               std::optional<PersonId> person, std::optional<PracticeId> practice) {
  Result<Account> added =
      access::Accounts(*database_)
          .add(AccountFields{username, role, std::move(person), std::move(practice)}, kPassword);
  if (!added.ok()) throw std::runtime_error("cannot add account: " + added.error().message);
  return *added;
}

ApiClient& ApiServer::as(const std::string& username, AccountRole role,
                         std::optional<PersonId> person, std::optional<PracticeId> practice) {
  std::unique_ptr<ApiClient>& caller = callers_[username];
  if (caller) return *caller;
  Result<store::StoredAccount> existing = database_->in_transaction<store::StoredAccount>(
      store::TransactionKind::read, [&](store::Transaction& transaction) {
        return store::AccountRepository(transaction).find_by_username(username);
      });
  if (!existing.ok()) (void)add_account(username, role, person, practice);
  caller = std::make_unique<ApiClient>(base_url_);
  const HttpResult signed_in = caller->sign_in(username);
  if (signed_in.status != 201) throw std::runtime_error("cannot sign in: " + signed_in.body);
  return *caller;
}

HttpResult ApiClient::sign_in(const std::string& username, std::string_view password) {
  return sign_in_with({{"username", username}, {"password", std::string(password)}});
}

HttpResult ApiClient::sign_in_with(const nlohmann::json& credentials) {
  const HttpResult result = http(HttpRequest{
      "POST", url("/api/v1/session"), credentials.dump(), {"Content-Type: application/json"}});
  if (result.status != 201) return result;
  csrf_token_ = result.json()["csrfToken"];
  for (const auto& [name, value] : result.headers) {
    if (strcasecmp(name.c_str(), "set-cookie") == 0 && value.rfind("dichtbij_session=", 0) == 0) {
      session_cookie_ = value.substr(0, value.find(';'));
    }
  }
  return result;
}

HttpResult ApiClient::send(HttpRequest request) const {
  if (!session_cookie_.empty()) request.headers.push_back("Cookie: " + session_cookie_);
  if (!csrf_token_.empty() && request.method != "GET") {
    request.headers.push_back("X-CSRF-Token: " + csrf_token_);
  }
  return http(request);
}

ApiServer::~ApiServer() {
  if (server_) server_->stop();
}

HttpResult ApiClient::get(const std::string& path, std::vector<std::string> headers) const {
  return send(HttpRequest{"GET", url(path), {}, std::move(headers)});
}

HttpResult ApiClient::post(const std::string& path, const nlohmann::json& body,
                           std::vector<std::string> headers) const {
  return post_raw(path, body.dump(), std::move(headers));
}

HttpResult ApiClient::post_raw(const std::string& path, const std::string& body,
                               std::vector<std::string> headers) const {
  headers.push_back("Content-Type: application/json");
  return send(HttpRequest{"POST", url(path), body, std::move(headers)});
}

HttpResult ApiClient::put(const std::string& path, const nlohmann::json& body,
                          std::vector<std::string> headers) const {
  headers.push_back("Content-Type: application/json");
  return send(HttpRequest{"PUT", url(path), body.dump(), std::move(headers)});
}

HttpResult ApiClient::del(const std::string& path, std::vector<std::string> headers) const {
  return send(HttpRequest{"DELETE", url(path), {}, std::move(headers)});
}

std::vector<store::AuditRow> ApiServer::audit_events(const std::string& action) {
  std::vector<store::AuditRow> rows;
  EXPECT_TRUE(
      database_
          ->in_transaction(
              store::TransactionKind::read,
              [&](store::Transaction& transaction) {
                return store::AuditRepository(transaction).scan(1, [&](const store::AuditRow& row) {
                  if (row.action == action) rows.push_back(row);
                  return true;
                });
              })
          .ok());
  return rows;
}

void ApiServer::execute_sql(const std::string& sql) {
  EXPECT_TRUE(database_
                  ->in_transaction(store::TransactionKind::write,
                                   [&](store::Transaction& transaction) {
                                     transaction.session() << sql;
                                     return Result<void>();
                                   })
                  .ok())
      << sql;
}

std::string ApiServer::query_text(const std::string& sql) {
  std::string value;
  soci::indicator indicator = soci::i_null;
  EXPECT_TRUE(database_
                  ->in_transaction(store::TransactionKind::read,
                                   [&](store::Transaction& transaction) {
                                     transaction.session() << sql, soci::into(value, indicator);
                                     return Result<void>();
                                   })
                  .ok())
      << sql;
  return indicator == soci::i_ok ? value : "NULL";
}

std::string ApiServer::grant_research_consent(const std::string& household,
                                              const std::string& granted_on) {
  const HttpResult granted = post("/api/v1/households/" + household + "/consents",
                                  {{"purpose", "research"}, {"grantedOn", granted_on}});
  EXPECT_EQ(granted.status, 201) << granted.body;
  return granted.json().value("id", "");
}

void ApiServer::withdraw_research_consent(const std::string& household, const std::string& consent,
                                          const std::string& granted_on) {
  const HttpResult withdrawn = put("/api/v1/households/" + household + "/consents/" + consent,
                                   {{"purpose", "research"},
                                    {"grantedOn", granted_on},
                                    {"withdrawnOn", format_date(api::today())}},
                                   {"If-Match: \"1\""});
  EXPECT_EQ(withdrawn.status, 200) << withdrawn.body;
}

long long ApiServer::query_number(const std::string& sql) {
  long long value = -1;
  EXPECT_TRUE(database_
                  ->in_transaction(store::TransactionKind::read,
                                   [&](store::Transaction& transaction) {
                                     transaction.session() << sql, soci::into(value);
                                     return Result<void>();
                                   })
                  .ok())
      << sql;
  return value;
}

std::vector<std::string> invalid_param_names(const HttpResult& result) {
  std::vector<std::string> names;
  const nlohmann::json body = result.json();
  if (!body.contains("invalidParams")) return names;
  for (const nlohmann::json& param : body["invalidParams"]) names.push_back(param["name"]);
  return names;
}

}  // namespace dichtbij::testing
