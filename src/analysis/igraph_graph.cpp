#include "analysis/igraph_graph.hpp"

#include <string>

namespace dichtbij::analysis {

namespace {

std::mutex igraph_mutex;
// The last error's reason. Guarded by igraph_mutex (igraph calls the handler
// only from a call made under it).
std::string last_reason;

void keep_reason(const char* reason, const char*, int, igraph_error_t) {
  last_reason = reason != nullptr ? reason : "unknown";
  // What igraph_error_handler_ignore does besides staying quiet: without it
  // the memory igraph registered for cleanup would leak.
  IGRAPH_FINALLY_FREE();
}

void install_handlers() {
  igraph_set_error_handler(keep_reason);
  igraph_set_warning_handler(igraph_warning_handler_ignore);
}

}  // namespace

IgraphLock::IgraphLock() : lock_(igraph_mutex) {
  static std::once_flag installed;
  std::call_once(installed, install_handlers);
}

Result<void> check(igraph_error_t code, std::string_view what) {
  if (code == IGRAPH_SUCCESS) return {};
  return make_error(ErrorCode::internal,
                    "igraph failed in " + std::string(what) + ": " + last_reason);
}

Result<Graph> Graph::create(const IgraphLock&, int vertices,
                            std::span<const std::pair<int, int>> edges) {
  igraph_vector_int_t list;
  if (Result<void> made =
          check(igraph_vector_int_init(&list, static_cast<igraph_integer_t>(2 * edges.size())),
                "igraph_vector_int_init");
      !made.ok()) {
    return std::move(made).error();
  }
  for (std::size_t i = 0; i != edges.size(); ++i) {
    VECTOR(list)[2 * i] = edges[i].first;
    VECTOR(list)[2 * i + 1] = edges[i].second;
  }
  Graph graph;
  Result<void> created =
      check(igraph_create(&graph.graph_, &list, vertices, IGRAPH_UNDIRECTED), "igraph_create");
  igraph_vector_int_destroy(&list);
  if (!created.ok()) return std::move(created).error();
  graph.owned_ = true;
  return graph;
}

Graph::Graph(Graph&& other) noexcept : graph_(other.graph_), owned_(other.owned_) {
  other.owned_ = false;
}

Graph& Graph::operator=(Graph&& other) noexcept {
  if (this != &other) {
    if (owned_) igraph_destroy(&graph_);
    graph_ = other.graph_;
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}

Graph::~Graph() {
  if (owned_) igraph_destroy(&graph_);
}

}  // namespace dichtbij::analysis
