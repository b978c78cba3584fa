// ChangeWatch: says whether committed data may have changed since an earlier
// moment, whoever changed it: this process, another process on the same
// SQLite file (the `dichtbij` CLI), or another instance on the same
// PostgreSQL database. Caches of rendered answers (api/network.cpp) keep an
// entry exactly as long as the generation it was built under is current.
//
// SQLite: every write transaction that changes data (not only bookkeeping
// such as audit events) raises a counter row in kSqliteChangeCounter, and a
// thread reads it every 20 ms on a connection of its own. PostgreSQL: every write transaction sends
// NOTIFY on kChangeChannel with the sending instance's id as payload
// (Database does so before COMMIT), and a listener thread with its own
// connection counts the notifications of other instances. While that
// connection is down, every call answers a new generation, so nothing cached
// is ever served unchecked; after a reconnect the generation moves once more.
//
// Changes by this process count at once (note_commit). A change by another
// process reaches this one a little later: on SQLite within 20 ms, on
// PostgreSQL when its notification arrives, a few milliseconds after that
// commit.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/database_url.hpp"

namespace dichtbij::store {

inline constexpr std::string_view kChangeChannel = "dichtbij_changes";
// Created by Database::open, outside the migrations: infrastructure, like the
// migrations' own table.
inline constexpr std::string_view kSqliteChangeCounter = "dichtbij_data_changes";

class ChangeWatch {
 public:
  // Opens the watch's own connection (and for PostgreSQL starts the
  // listener). Fails with unavailable when the database cannot be reached.
  [[nodiscard]] static Result<std::unique_ptr<ChangeWatch>> start(const DatabaseUrl& url);

  virtual ~ChangeWatch() = default;
  ChangeWatch(const ChangeWatch&) = delete;
  ChangeWatch& operator=(const ChangeWatch&) = delete;

  // A number that differs from every earlier answer when data may have
  // changed since that answer. Read it before reading the data an entry is
  // built from, and store the entry under it.
  [[nodiscard]] virtual std::uint64_t generation() = 0;

  // Counts a commit of this process. Database calls it after each write
  // transaction commits.
  void note_commit() noexcept { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // This process's id among the instances: the payload of its notifications,
  // so that it does not count its own commits twice. Random per start.
  [[nodiscard]] const std::string& instance_id() const noexcept { return instance_id_; }

 protected:
  ChangeWatch();
  std::uint64_t bump() noexcept { return generation_.fetch_add(1, std::memory_order_acq_rel) + 1; }
  std::uint64_t current() const noexcept { return generation_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::uint64_t> generation_{1};
  std::string instance_id_;
};

}  // namespace dichtbij::store
