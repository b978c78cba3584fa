#include "store/database_url.hpp"

#include <regex>

namespace dichtbij::store {

namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string_view engine_name(Engine engine) noexcept {
  switch (engine) {
    case Engine::sqlite: return "sqlite";
    case Engine::postgresql: return "postgresql";
  }
  return "unknown";
}

Result<DatabaseUrl> DatabaseUrl::parse(std::string_view url) {
  if (starts_with(url, kSqlitePrefix)) {
    std::string_view path = url.substr(kSqlitePrefix.size());
    if (path.empty()) {
      return make_error(ErrorCode::invalid_input,
                        "an sqlite: URL needs a file path, e.g. sqlite:data/dichtbij.db");
    }
    if (starts_with(path, "//")) {
      return make_error(ErrorCode::invalid_input,
                        "write an SQLite URL as sqlite:PATH (e.g. sqlite:data/dichtbij.db or "
                        "sqlite:/var/lib/dichtbij/dichtbij.db), not sqlite://");
    }
    return DatabaseUrl{Engine::sqlite, std::string(path)};
  }
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return DatabaseUrl{Engine::postgresql, std::string(url)};
  }
  return make_error(ErrorCode::invalid_input,
                    "the database URL must start with sqlite: or postgresql://");
}

std::string DatabaseUrl::redacted() const {
  if (engine == Engine::sqlite) return std::string(kSqlitePrefix) + target;
  // scheme://user:password@host… → scheme://user:***@host…
  static const std::regex kPassword(R"(^([a-z]+://[^:/@]*):[^@/]*@)");
  std::string masked = std::regex_replace(target, kPassword, "$1:***@");
  // …?password=secret&… in the query part.
  static const std::regex kQueryPassword(R"(([?&]password=)[^&]*)");
  return std::regex_replace(masked, kQueryPassword, "$1***");
}

}  // namespace dichtbij::store
