#include "analysis/network_measures.hpp"

#include <array>

#include "analysis/igraph_graph.hpp"

namespace dichtbij::analysis {

namespace {

std::optional<double> share(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

// Owns an igraph_vector_int_t for the length of one computation.
class IntVector {
 public:
  IntVector() { ok_ = igraph_vector_int_init(&vector_, 0) == IGRAPH_SUCCESS; }
  ~IntVector() {
    if (ok_) igraph_vector_int_destroy(&vector_);
  }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  bool ok() const { return ok_; }
  igraph_vector_int_t* get() { return &vector_; }

 private:
  igraph_vector_int_t vector_{};
  bool ok_ = false;
};

Result<void> out_of_memory(std::string_view what) {
  return make_error(ErrorCode::internal, "igraph could not allocate for " + std::string(what));
}

void composition(const HouseholdNetwork& network, NetworkMeasures& measures) {
  std::array<int, kRoleCategories> counts{};
  for (const Alter& alter : network.alters) {
    if (!alter.formal) ++measures.informal;
    if (alter.formal) ++measures.professional;
    if (alter.kin) ++measures.kin;
    ++counts[alter.role ? static_cast<std::size_t>(*alter.role) : kRoleCategories - 1];
    if (alter.support_tie) {
      ++measures.support_ties;
      int types = 0;
      for (bool carried : alter.support_types) types += carried ? 1 : 0;
      if (types >= 2) ++measures.multiplex;
      if (alter.gives && alter.receives) ++measures.reciprocal;
    }
  }
  const int size = measures.size;
  measures.informal_share = share(measures.informal, size);
  measures.kin_share = share(measures.kin, size);
  measures.professional_share = share(measures.professional, size);
  measures.multiplexity = share(measures.multiplex, measures.support_ties);
  measures.reciprocity = share(measures.reciprocal, measures.support_ties);
  if (size == 0) return;
  double sum_of_squares = 0;
  for (std::size_t k = 0; k != counts.size(); ++k) {
    if (counts[k] == 0) continue;
    const double p = static_cast<double>(counts[k]) / size;
    sum_of_squares += p * p;
    RoleCount count;
    if (k + 1 != counts.size()) count.role = static_cast<PersonRole>(k);
    count.count = counts[k];
    count.share = p;
    measures.roles.push_back(count);
  }
  measures.blau = 1.0 - sum_of_squares;
  measures.iqv = *measures.blau / (1.0 - 1.0 / kRoleCategories);
}

Result<void> among_alters(const IgraphLock& lock, const HouseholdNetwork& network,
                          NetworkMeasures& measures) {
  const int size = measures.size;
  Result<Graph> alters = Graph::create(lock, size, network.alter_ties);
  if (!alters.ok()) return std::move(alters).error();
  measures.alter_ties = static_cast<int>(igraph_ecount(alters->get()));
  if (size >= 2) {
    igraph_real_t density = 0;
    if (Result<void> done = check(igraph_density(alters->get(), &density, false), "igraph_density");
        !done.ok()) {
      return done;
    }
    measures.density = density;
  }
  igraph_integer_t components = 0;
  if (Result<void> done = check(
          igraph_connected_components(alters->get(), nullptr, nullptr, &components, IGRAPH_WEAK),
          "igraph_connected_components");
      !done.ok()) {
    return done;
  }
  measures.components = static_cast<int>(components);
  IntVector degrees;
  if (!degrees.ok()) return out_of_memory("degrees");
  if (Result<void> done = check(igraph_degree(alters->get(), degrees.get(), igraph_vss_all(),
                                              IGRAPH_ALL, IGRAPH_NO_LOOPS),
                                "igraph_degree");
      !done.ok()) {
    return done;
  }
  for (igraph_integer_t i = 0; i != igraph_vector_int_size(degrees.get()); ++i) {
    if (VECTOR(*degrees.get())[i] == 0) ++measures.isolates;
  }

  // Ties among the household's neighbours: the alters' graph induced on them.
  IntVector neighbours;
  if (!neighbours.ok()) return out_of_memory("neighbours");
  for (std::size_t i = 0; i != network.alters.size(); ++i) {
    if (!network.alters[i].adjacent) continue;
    if (igraph_vector_int_push_back(neighbours.get(), static_cast<igraph_integer_t>(i)) !=
        IGRAPH_SUCCESS) {
      return out_of_memory("neighbours");
    }
  }
  measures.ego_degree = static_cast<int>(igraph_vector_int_size(neighbours.get()));
  igraph_t induced;
  if (Result<void> done =
          check(igraph_induced_subgraph(alters->get(), &induced,
                                        igraph_vss_vector(neighbours.get()), IGRAPH_SUBGRAPH_AUTO),
                "igraph_induced_subgraph");
      !done.ok()) {
    return done;
  }
  measures.ego_alter_ties = static_cast<int>(igraph_ecount(&induced));
  igraph_destroy(&induced);
  return {};
}

Result<void> brokerage(const IgraphLock& lock, const HouseholdNetwork& network,
                       NetworkMeasures& measures) {
  if (measures.ego_degree == 0) return {};
  const double degree = measures.ego_degree;
  measures.effective_size = degree - 2.0 * measures.ego_alter_ties / degree;
  measures.efficiency = *measures.effective_size / degree;

  // Vertex 0 is the household; alter i is vertex i + 1.
  std::vector<std::pair<int, int>> edges;
  edges.reserve(network.alter_ties.size() + network.alters.size());
  for (std::size_t i = 0; i != network.alters.size(); ++i) {
    if (network.alters[i].adjacent) edges.emplace_back(0, static_cast<int>(i) + 1);
  }
  for (const auto& [a, b] : network.alter_ties) edges.emplace_back(a + 1, b + 1);
  Result<Graph> whole = Graph::create(lock, measures.size + 1, edges);
  if (!whole.ok()) return std::move(whole).error();
  igraph_vector_t constraint;
  if (igraph_vector_init(&constraint, 0) != IGRAPH_SUCCESS) return out_of_memory("constraint");
  Result<void> done = check(igraph_constraint(whole->get(), &constraint, igraph_vss_1(0), nullptr),
                            "igraph_constraint");
  if (done.ok()) measures.constraint = VECTOR(constraint)[0];
  igraph_vector_destroy(&constraint);
  return done;
}

}  // namespace

Result<NetworkMeasures> measure_network(const HouseholdNetwork& network) {
  NetworkMeasures measures;
  measures.size = static_cast<int>(network.alters.size());
  composition(network, measures);
  const IgraphLock lock;
  if (Result<void> done = among_alters(lock, network, measures); !done.ok()) {
    return std::move(done).error();
  }
  if (Result<void> done = brokerage(lock, network, measures); !done.ok()) {
    return std::move(done).error();
  }
  return measures;
}

}  // namespace dichtbij::analysis
