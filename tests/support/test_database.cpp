#include "support/test_database.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>

namespace dichtbij::testing {

namespace {

std::string random_hex(std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

// CREATE and DROP DATABASE cannot run in a transaction, so these go through
// libpq directly rather than store::Database.
void run_admin(const std::string& server, const std::string& statement) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> admin(PQconnectdb((server + "/postgres").c_str()),
                                                     PQfinish);
  if (PQstatus(admin.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot reach the test PostgreSQL server: " +
                             std::string(PQerrorMessage(admin.get())));
  }
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(admin.get(), statement.c_str()),
                                                       PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    throw std::runtime_error(statement + ": " + PQresultErrorMessage(result.get()));
  }
}

}  // namespace

std::optional<std::string> postgres_server_url() {
  const char* url = std::getenv("TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

TempDir::TempDir()
    : path_(std::filesystem::temp_directory_path() / ("dichtbij-test-" + random_hex(8))) {
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TestDatabase::TestDatabase(store::Engine engine) : engine_(engine) {
  if (engine == store::Engine::sqlite) {
    folder_.emplace();
    url_ = "sqlite:" + (folder_->path() / "test.db").string();
    return;
  }
  const std::optional<std::string> server = postgres_server_url();
  if (!server) throw std::runtime_error("TEST_POSTGRES_URL is not set");
  postgres_name_ = "dichtbij_test_" + random_hex(6);
  run_admin(*server, "CREATE DATABASE " + postgres_name_);
  url_ = *server + "/" + postgres_name_;
}

TestDatabase::~TestDatabase() {
  if (postgres_name_.empty()) return;
  try {
    run_admin(*postgres_server_url(),
              "DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
  } catch (const std::exception& error) {
    ADD_FAILURE() << "could not drop test database " << postgres_name_ << ": " << error.what();
  }
}

store::DatabaseUrl TestDatabase::parsed_url() const {
  Result<store::DatabaseUrl> parsed = store::DatabaseUrl::parse(url_);
  if (!parsed.ok()) throw std::runtime_error(parsed.error().message);
  return *parsed;
}

std::unique_ptr<store::Database> TestDatabase::open(std::size_t pool_size) const {
  Result<std::unique_ptr<store::Database>> database =
      store::Database::open(parsed_url(), pool_size);
  if (!database.ok()) throw std::runtime_error(database.error().message);
  return std::move(database).value();
}

}  // namespace dichtbij::testing
