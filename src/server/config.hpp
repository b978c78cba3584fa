// Config: the settings of `dichtbij serve` and the other commands.
//
// Read, in increasing precedence, from the defaults below, an optional TOML
// file (--config FILE, or DICHTBIJ_CONFIG) and environment variables
// DICHTBIJ_*. A value that does not fit fails the start with a message that
// names the setting and where it came from.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace dichtbij::server {

enum class LogLevel { trace, debug, info, warn, error };

// Worker threads when none are configured: 64 (see Config::worker_threads).
[[nodiscard]] std::size_t default_worker_threads() noexcept;

struct Config {
  // Address to listen on. Default loopback only: exposing the service is an
  // operator's decision (normally behind a TLS-terminating proxy).
  std::string listen_address = "127.0.0.1";
  // TCP port; 0 picks a free one (tests). Default 8080.
  std::uint16_t port = 8080;
  // sqlite:PATH or postgresql://… (see store/database_url.hpp).
  // Default the embedded SQLite file data/dichtbij.db.
  std::string database_url = "sqlite:data/dichtbij.db";
  // Threads that run handlers (database and graph work), 1-256. Default
  // 64: a read of personal data holds its worker until the commit of its
  // audit event is on disk (an fsync, 2-3 ms, plus up to 1 ms gathering a
  // batch), so a worker mostly waits. To keep 2 cores busy at ~15,000 reads
  // a second, ~15,000/s x ~4 ms = 60 requests must be waiting at once
  // (Little's law); with the number of cores (the old default) a commit
  // carried 2 events and the server idled (bench/README.md). A thread costs
  // its stack's address space (8 MiB reserved, a few pages used) and no
  // database connection: those are database_pool_size.
  std::size_t worker_threads = default_worker_threads();
  // Database sessions for reads (and for writes with group_commit off),
  // 1-256. Default: worker_threads, at most 16. A request leases one only
  // while its read transaction runs, and waits (up to 10 s) when all are
  // busy; 16 keep 2 cores' worth of reads going. On PostgreSQL each is a
  // server process; an instance opens this many plus 9 (group-commit
  // writers and the change listener), so two instances with the default
  // use 50 of PostgreSQL's default max_connections of 100.
  std::optional<std::size_t> database_pool_size;
  // Largest request body accepted, in bytes; larger gets 413. Default 1 MiB:
  // no API request carries files.
  std::size_t max_body_bytes = 1024 * 1024;
  // Folder with the web app's built files. Default web/dist.
  std::filesystem::path static_dir = "web/dist";
  // Default info. debug and trace log more per request.
  LogLevel log_level = LogLevel::info;
  // Let concurrent writes share one commit (group commit). Default true;
  // false makes every write its own transaction, one fsync each.
  bool group_commit = true;
  // How long a SIGTERM waits for requests in flight. Default 30 s.
  std::chrono::seconds shutdown_grace{30};
  // A session ends after this long without requests. Default 30 minutes.
  std::chrono::seconds session_idle{std::chrono::minutes(30)};
  // A session ends this long after sign-in in any case. Default 12 hours.
  std::chrono::seconds session_absolute{std::chrono::hours(12)};
  // Mark session cookies Secure even when the request did not come over
  // https (X-Forwarded-Proto). Default false; set it behind a TLS proxy
  // that does not forward the protocol.
  bool secure_cookies = false;
  // Households closed longer ago than this many years are anonymised by
  // `dichtbij retention run` (1-100). Default 15; lowering it anonymises
  // more at the next run, and that cannot be undone.
  int retention_years = 15;

  // database_pool_size, or its default for worker_threads.
  [[nodiscard]] std::size_t pool_size() const noexcept;
};

// Environment variables as name → value; injected so tests need not touch
// the process environment.
using Environment = std::map<std::string, std::string>;

// The process's DICHTBIJ_* variables.
[[nodiscard]] Environment process_environment();

// Defaults, then the file (when given, or named by DICHTBIJ_CONFIG), then
// the environment. Fails with invalid_input; each invalid_params entry names
// a setting as the user wrote it ("port in dichtbij.toml", "DICHTBIJ_PORT").
// Unknown keys in the file and unknown DICHTBIJ_* variables are errors too,
// so a typo never silently falls back to a default.
[[nodiscard]] Result<Config> load_config(const Environment& environment,
                                         const std::optional<std::filesystem::path>& file);

// The name used in logs and config: "info", …
[[nodiscard]] std::string_view log_level_name(LogLevel level) noexcept;

}  // namespace dichtbij::server
