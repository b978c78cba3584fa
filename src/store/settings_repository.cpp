#include "store/settings_repository.hpp"

#include <soci/soci.h>

#include "store/timestamps.hpp"

namespace dichtbij::store {

std::optional<std::string> SettingsRepository::get(std::string_view name) {
  const std::string key(name);
  std::string value;
  soci::session& session = transaction_.session();
  session << "SELECT value FROM settings WHERE name = :name", soci::use(key), soci::into(value);
  if (!session.got_data()) return std::nullopt;
  return value;
}

Result<std::string> SettingsRepository::keep_first(std::string_view name,
                                                   const std::string& value) {
  if (std::optional<std::string> stored = get(name)) return *stored;
  const std::string key(name);
  const std::string now = utc_now_text();
  // Writes are serialised (one writer, or the write lock), so nobody can
  // slip in between the read above and this insert.
  transaction_.session() << "INSERT INTO settings (name, value, created_at) VALUES (:name, "
                            ":value, :created_at)",
      soci::use(key), soci::use(value), soci::use(now);
  return value;
}

}  // namespace dichtbij::store
