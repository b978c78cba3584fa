// A fresh, empty database per test, on either engine, removed afterwards.
//
// SQLite: a file in a temporary folder. PostgreSQL: a new database on the
// server named by TEST_POSTGRES_URL (postgresql://user@host:port, no
// database), which tests/run-with-postgres.sh starts for `make test`.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace dichtbij::testing {

// The PostgreSQL server for tests, or nullopt when TEST_POSTGRES_URL is unset.
[[nodiscard]] std::optional<std::string> postgres_server_url();

// A temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class TestDatabase {
 public:
  // REQUIRES: for PostgreSQL, postgres_server_url() is set.
  explicit TestDatabase(store::Engine engine);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The URL as `dichtbij` takes it: sqlite:… or postgresql://….
  const std::string& url() const { return url_; }
  store::DatabaseUrl parsed_url() const;
  // Opens the database; fails the test when that fails.
  std::unique_ptr<store::Database> open(std::size_t pool_size = 4) const;

 private:
  store::Engine engine_;
  std::optional<TempDir> folder_;
  std::string postgres_name_;
  std::string url_;
};

}  // namespace dichtbij::testing
