#include "server/config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <functional>
#include <limits>
#include <vector>

#include <toml++/toml.h>

#include "store/database_url.hpp"

extern char** environ;

namespace dichtbij::server {

namespace {

constexpr std::string_view kEnvironmentPrefix = "DICHTBIJ_";
// Names the file rather than holding a setting.
constexpr std::string_view kNotSettings[] = {"DICHTBIJ_CONFIG"};

// One setting: its key in the TOML file, its variable, and how a text value
// is applied. The file's typed values are turned into text first, so each
// setting is parsed and checked by one function whatever its source.
struct Setting {
  std::string_view key;
  std::function<std::optional<std::string>(Config&, const std::string&)> apply;  // reason on error
};

template <typename Integer>
std::optional<std::string> parse_integer(const std::string& text, Integer minimum, Integer maximum,
                                         Integer& out) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return "must be a whole number";
  if (value < static_cast<long long>(minimum) || value > static_cast<long long>(maximum)) {
    return "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum);
  }
  out = static_cast<Integer>(value);
  return std::nullopt;
}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> kSettings = {
      {"listen_address",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         if (text.empty()) return "must not be empty";
         config.listen_address = text;
         return std::nullopt;
       }},
      {"port",
       [](Config& config, const std::string& text) {
         return parse_integer<std::uint16_t>(text, 0, 65535, config.port);
       }},
      {"database_url",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         Result<store::DatabaseUrl> url = store::DatabaseUrl::parse(text);
         if (!url.ok()) return url.error().message;
         config.database_url = text;
         return std::nullopt;
       }},
      {"worker_threads",
       [](Config& config, const std::string& text) {
         return parse_integer<std::size_t>(text, 1, 256, config.worker_threads);
       }},
      {"database_pool_size",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         std::size_t size = 0;
         if (auto reason = parse_integer<std::size_t>(text, 1, 256, size)) return reason;
         config.database_pool_size = size;
         return std::nullopt;
       }},
      {"max_body_bytes",
       [](Config& config, const std::string& text) {
         return parse_integer<std::size_t>(text, 1024, 64 * 1024 * 1024, config.max_body_bytes);
       }},
      {"static_dir",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         if (text.empty()) return "must not be empty";
         config.static_dir = text;
         return std::nullopt;
       }},
      {"log_level",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         for (LogLevel level :
              {LogLevel::trace, LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error}) {
           if (text == log_level_name(level)) {
             config.log_level = level;
             return std::nullopt;
           }
         }
         return "must be one of trace, debug, info, warn, error";
       }},
      {"group_commit",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         if (text != "true" && text != "false") return "must be true or false";
         config.group_commit = text == "true";
         return std::nullopt;
       }},
      {"shutdown_grace_seconds",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         int seconds = 0;
         if (auto reason = parse_integer<int>(text, 0, 3600, seconds)) return reason;
         config.shutdown_grace = std::chrono::seconds(seconds);
         return std::nullopt;
       }},
      {"session_idle_seconds",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         int seconds = 0;
         if (auto reason = parse_integer<int>(text, 1, 24 * 3600, seconds)) return reason;
         config.session_idle = std::chrono::seconds(seconds);
         return std::nullopt;
       }},
      {"session_absolute_seconds",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         int seconds = 0;
         if (auto reason = parse_integer<int>(text, 1, 7 * 24 * 3600, seconds)) return reason;
         config.session_absolute = std::chrono::seconds(seconds);
         return std::nullopt;
       }},
      {"secure_cookies",
       [](Config& config, const std::string& text) -> std::optional<std::string> {
         if (text != "true" && text != "false") return "must be true or false";
         config.secure_cookies = text == "true";
         return std::nullopt;
       }},
      {"retention_years",
       [](Config& config,
          const std::string&
              text) { return parse_integer<int>(text, 1, 100, config.retention_years); }},
  };
  return kSettings;
}

std::string environment_name(std::string_view key) {
  std::string name(kEnvironmentPrefix);
  for (char c : key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

const Setting* find_setting(std::string_view key) {
  for (const Setting& setting : settings()) {
    if (setting.key == key) return &setting;
  }
  return nullptr;
}

// A TOML value as the text the setting parsers take; nullopt for tables,
// arrays and other kinds no setting has.
std::optional<std::string> toml_value_text(const toml::node& node) {
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* integer = node.as_integer()) return std::to_string(integer->get());
  if (const auto* flag = node.as_boolean()) return flag->get() ? "true" : "false";
  return std::nullopt;
}

void load_file(const std::filesystem::path& file, Config& config,
               std::vector<InvalidParam>& problems) {
  toml::table table;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    problems.push_back({file.string(), std::string(error.description()) + " (line " +
                                           std::to_string(where.line) + ", column " +
                                           std::to_string(where.column) + ")"});
    return;
  }
  for (const auto& [key, node] : table) {
    const std::string name = std::string(key.str()) + " in " + file.string();
    const Setting* setting = find_setting(key.str());
    if (setting == nullptr) {
      problems.push_back({name, "is not a setting"});
      continue;
    }
    std::optional<std::string> text = toml_value_text(node);
    if (!text) {
      problems.push_back({name, "must be a string, an integer or a boolean"});
      continue;
    }
    if (auto reason = setting->apply(config, *text)) problems.push_back({name, *reason});
  }
}

}  // namespace

std::size_t default_worker_threads() noexcept {
  return 64;
}

std::size_t Config::pool_size() const noexcept {
  return database_pool_size.value_or(std::min<std::size_t>(worker_threads, 16));
}

Environment process_environment() {
  Environment environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    if (text.rfind(kEnvironmentPrefix, 0) != 0) continue;
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    environment.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  return environment;
}

Result<Config> load_config(const Environment& environment,
                           const std::optional<std::filesystem::path>& file) {
  Config config;
  std::vector<InvalidParam> problems;

  std::optional<std::filesystem::path> config_file = file;
  if (!config_file) {
    if (auto named = environment.find("DICHTBIJ_CONFIG"); named != environment.end()) {
      config_file = named->second;
    }
  }
  if (config_file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*config_file, ec)) {
      problems.push_back({config_file->string(), "no such configuration file"});
    } else {
      load_file(*config_file, config, problems);
    }
  }

  for (const auto& [name, value] : environment) {
    if (name.rfind(kEnvironmentPrefix, 0) != 0) continue;
    if (std::find(std::begin(kNotSettings), std::end(kNotSettings), name) !=
        std::end(kNotSettings)) {
      continue;
    }
    const Setting* setting = nullptr;
    for (const Setting& candidate : settings()) {
      if (environment_name(candidate.key) == name) setting = &candidate;
    }
    if (setting == nullptr) {
      problems.push_back({name, "is not a setting"});
      continue;
    }
    if (auto reason = setting->apply(config, value)) problems.push_back({name, *reason});
  }

  if (!problems.empty()) {
    std::string message = "invalid configuration:";
    for (const InvalidParam& problem : problems) {
      message += "\n  " + problem.name + ": " + problem.reason;
    }
    Error error = make_error(ErrorCode::invalid_input, std::move(message));
    error.invalid_params = std::move(problems);
    return error;
  }
  return config;
}

std::string_view log_level_name(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::trace: return "trace";
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warn: return "warn";
    case LogLevel::error: return "error";
  }
  return "info";
}

}  // namespace dichtbij::server
