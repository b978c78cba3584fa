#include "analysis/organisation_network.hpp"

#include <map>

#include "analysis/igraph_graph.hpp"

namespace dichtbij::analysis {

Result<OrganisationNetwork> organisation_network(store::OrganisationRows rows) {
  OrganisationNetwork network;
  std::map<OrganisationId, int> index;
  for (store::OrganisationRow& row : rows.organisations) {
    index.emplace(row.id, static_cast<int>(network.organisations.size()));
    network.organisations.push_back({std::move(row), 0, 0});
  }
  std::vector<std::pair<int, int>> edges;
  std::vector<double> weights;
  for (const store::OrganisationLinkRow& link : rows.links) {
    const auto a = index.find(link.first), b = index.find(link.second);
    if (a == index.end() || b == index.end()) continue;
    edges.emplace_back(a->second, b->second);
    weights.push_back(static_cast<double>(link.households));
  }
  network.links = std::move(rows.links);
  network.nodes = static_cast<int>(network.organisations.size());

  const IgraphLock lock;
  Result<Graph> graph = Graph::create(lock, network.nodes, edges);
  if (!graph.ok()) return std::move(graph).error();
  network.edges = static_cast<int>(igraph_ecount(graph->get()));
  if (network.nodes >= 2) {
    igraph_real_t density = 0;
    if (Result<void> done = check(igraph_density(graph->get(), &density, false), "igraph_density");
        !done.ok()) {
      return std::move(done).error();
    }
    network.density = density;
  }
  igraph_integer_t components = 0;
  if (Result<void> done = check(
          igraph_connected_components(graph->get(), nullptr, nullptr, &components, IGRAPH_WEAK),
          "igraph_connected_components");
      !done.ok()) {
    return std::move(done).error();
  }
  network.components = static_cast<int>(components);

  igraph_vector_t weight_vector, strength;
  igraph_vector_view(&weight_vector, weights.data(), static_cast<igraph_integer_t>(weights.size()));
  if (igraph_vector_init(&strength, 0) != IGRAPH_SUCCESS) {
    return make_error(ErrorCode::internal, "igraph could not allocate for strengths");
  }
  igraph_vector_int_t degree;
  if (igraph_vector_int_init(&degree, 0) != IGRAPH_SUCCESS) {
    igraph_vector_destroy(&strength);
    return make_error(ErrorCode::internal, "igraph could not allocate for degrees");
  }
  Result<void> done = check(igraph_strength(graph->get(), &strength, igraph_vss_all(), IGRAPH_ALL,
                                            IGRAPH_NO_LOOPS, &weight_vector),
                            "igraph_strength");
  if (done.ok()) {
    done =
        check(igraph_degree(graph->get(), &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS),
              "igraph_degree");
  }
  if (done.ok()) {
    for (int i = 0; i != network.nodes; ++i) {
      OrganisationMeasures& organisation = network.organisations[static_cast<std::size_t>(i)];
      organisation.partners = static_cast<int>(VECTOR(degree)[i]);
      organisation.shared_households = static_cast<long long>(VECTOR(strength)[i]);
      if (organisation.partners == 0) ++network.isolates;
    }
  }
  igraph_vector_int_destroy(&degree);
  igraph_vector_destroy(&strength);
  if (!done.ok()) return std::move(done).error();
  return network;
}

}  // namespace dichtbij::analysis
