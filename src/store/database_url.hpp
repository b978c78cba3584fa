// DatabaseUrl: which database engine to use and where it is.
//
// Accepted forms:
//   sqlite:PATH                 an SQLite file, relative to the working
//                               directory or absolute (sqlite:data/dichtbij.db)
//   postgresql://user@host:port/dbname?options   a PostgreSQL server, passed
//   postgres://…                to libpq unchanged (any libpq URI works)
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace dichtbij::store {

enum class Engine { sqlite, postgresql };

// "sqlite" or "postgresql".
[[nodiscard]] std::string_view engine_name(Engine engine) noexcept;

struct DatabaseUrl {
  Engine engine = Engine::sqlite;
  // The SQLite file path, or the whole libpq URI for PostgreSQL.
  std::string target;

  // Parses the forms above. Fails with invalid_input naming what is wrong;
  // never echoes a password back in the message.
  [[nodiscard]] static Result<DatabaseUrl> parse(std::string_view url);

  // The URL with any password replaced by "***", safe for logs.
  [[nodiscard]] std::string redacted() const;
};

}  // namespace dichtbij::store
