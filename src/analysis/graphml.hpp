// GraphML (http://graphml.graphdrawing.org) of household networks, which
// Gephi, igraph, networkx and Network Canvas open. One <graph> per household,
// undirected: a node "household" (the members taken together, kind "ego")
// and one node per network person (kind "alter"), with an edge for each tie
// or team place between the household and a person and for each pair of tied
// persons. Node data: kind, role (a personRole code; absent for none), formal,
// kin, adjacent, supportTie, the four support types, gives, receives — what
// docs/measures.md computes the measures from, so another tool can compute
// them again from the file. Graph data: date.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "analysis/household_network.hpp"
#include "core/date.hpp"

namespace dichtbij::analysis {

// The XML declaration, the <graphml> element and its <key> declarations.
void write_graphml_start(std::ostream& out);
// One household's network as a <graph> whose id is graph_id (escaped).
// Alters keep the ids network holds: replace them first to pseudonymise.
void write_graphml_graph(std::ostream& out, std::string_view graph_id,
                         const HouseholdNetwork& network, const Date& on);
// Closes the <graphml> element.
void write_graphml_end(std::ostream& out);

// The organisation network (analysis/organisation_network.hpp) as GraphML: nodes
// with name, kind and formal; undirected weighted edges with households (shared)
// and joint_acts.
struct OrganisationGraphNode {
  std::string id, name, kind;
  bool formal = true;
};
struct OrganisationGraphEdge {
  int source = 0, target = 0;  // indices into the nodes
  long long households = 0, joint_acts = 0;
};
void write_organisation_graphml(std::ostream& out, std::span<const OrganisationGraphNode> nodes,
                                std::span<const OrganisationGraphEdge> edges);

}  // namespace dichtbij::analysis
