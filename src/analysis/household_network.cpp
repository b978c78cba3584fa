#include "analysis/household_network.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace dichtbij::analysis {

HouseholdNetwork household_network(const Ecomap& map) {
  HouseholdNetwork network;
  std::set<std::string> members;
  std::map<std::string, int> index;
  for (const EcomapNode& node : map.nodes) {
    if (node.kind == EcomapNodeKind::member) {
      members.insert(node.id);
    } else if (node.kind == EcomapNodeKind::person) {
      index.emplace(node.id, static_cast<int>(network.alters.size()));
      Alter alter;
      alter.id = node.id;
      alter.role = node.role;
      alter.formal = node.formal;
      network.alters.push_back(std::move(alter));
    }
  }

  std::set<std::pair<int, int>> alter_ties;
  for (const EcomapEdge& edge : map.edges) {
    if (edge.kind == EcomapEdgeKind::membership) continue;
    const bool source_member = members.contains(edge.source);
    const bool target_member = members.contains(edge.target);
    if (source_member && target_member) continue;
    if (!source_member && !target_member) {
      const auto a = index.find(edge.source), b = index.find(edge.target);
      if (a == index.end() || b == index.end()) continue;
      alter_ties.insert(std::minmax(a->second, b->second));
      continue;
    }
    const auto found = index.find(source_member ? edge.target : edge.source);
    if (found == index.end()) continue;
    Alter& alter = network.alters[static_cast<std::size_t>(found->second)];
    alter.adjacent = true;
    if (edge.kind != EcomapEdgeKind::tie) continue;
    alter.support_tie = true;
    if (edge.relation_kind && is_kin(*edge.relation_kind)) alter.kin = true;
    for (SupportType type : edge.support_types) {
      alter.support_types[static_cast<std::size_t>(type)] = true;
    }
    const HelpDirection direction = edge.direction.value_or(HelpDirection::both);
    // The tie's person is its source; seen from there.
    const bool alter_is_person = !source_member;
    if (direction == HelpDirection::both) {
      alter.gives = alter.receives = true;
    } else if ((direction == HelpDirection::gives) == alter_is_person) {
      alter.gives = true;
    } else {
      alter.receives = true;
    }
  }
  network.alter_ties.assign(alter_ties.begin(), alter_ties.end());
  return network;
}

}  // namespace dichtbij::analysis
