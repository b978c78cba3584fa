// The one door to igraph (the C library) for analysis/: a lock, error
// handling, and a move-only owner of an igraph_t.
//
// Debian's libigraph is built without thread safety (IGRAPH_THREAD_SAFE is 0):
// its error handler, its "finally" stack of cleanups and its random numbers
// are process globals. So every igraph call in the program happens while an
// IgraphLock is held, and only one thread uses igraph at a time. The graphs a
// household has are small (tens of nodes), so holding the lock costs far less
// than the database read before it; see docs/adr/0007-igraph-behind-one-lock.md.
//
// igraph aborts the process on an error unless a handler is installed. The
// first IgraphLock installs one that keeps the reason and frees igraph's
// cleanup stack, so a failing call returns its error code and check() turns it
// into an internal Result error. Only analysis/ includes this header.
#pragma once

#include <igraph.h>

#include <mutex>
#include <span>
#include <string_view>
#include <utility>

#include "core/result.hpp"

namespace dichtbij::analysis {

// Holds the process-wide igraph lock for its lifetime. Not movable: take one
// on the stack around a batch of igraph work. Blocks while another thread
// holds it.
class IgraphLock {
 public:
  IgraphLock();
  IgraphLock(const IgraphLock&) = delete;
  IgraphLock& operator=(const IgraphLock&) = delete;

 private:
  std::unique_lock<std::mutex> lock_;
};

// Ok for IGRAPH_SUCCESS; otherwise internal, naming what failed and igraph's
// reason. REQUIRES: the IgraphLock under which code was returned is held.
[[nodiscard]] Result<void> check(igraph_error_t code, std::string_view what);

// An undirected igraph_t, destroyed with its owner.
class Graph {
 public:
  // A simple undirected graph on vertices 0 … vertices-1 with these edges.
  // internal when igraph fails (out of memory). REQUIRES: every index is
  // below vertices; lock is held.
  [[nodiscard]] static Result<Graph> create(const IgraphLock& lock, int vertices,
                                            std::span<const std::pair<int, int>> edges);

  Graph(Graph&& other) noexcept;
  Graph& operator=(Graph&& other) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  ~Graph();

  // Valid while this Graph lives; use only under an IgraphLock. (Destroying
  // one needs no lock: igraph_destroy only frees memory, with no attribute
  // handler installed.)
  [[nodiscard]] const igraph_t* get() const noexcept { return &graph_; }

 private:
  Graph() = default;
  igraph_t graph_{};
  bool owned_ = false;
};

}  // namespace dichtbij::analysis
