#include "core/ecomap.hpp"

#include <algorithm>
#include <set>

namespace dichtbij {

namespace {

std::optional<PersonRole> role_on(const PersonSnapshot& person, const Date& on) {
  std::optional<PersonRole> role;
  Date latest_start{};
  for (const auto& [candidate, period] : person.roles) {
    if (period.contains(on) && (!role || latest_start <= period.from)) {
      role = candidate;
      latest_start = period.from;
    }
  }
  return role;
}

}  // namespace

Ecomap build_ecomap(const EcomapInput& input, const Date& on) {
  Ecomap map;
  map.on = on;

  std::set<PersonId> members;
  for (const auto& [person, period] : input.members) {
    if (period.contains(on)) members.insert(person);
  }
  std::set<PersonId> team;
  for (const auto& [person, period] : input.team) {
    if (period.contains(on) && !members.contains(person)) team.insert(person);
  }

  // Ring of each non-member: its closest tie to a member, else 3.
  std::map<PersonId, int> ring;
  for (const PersonId& professional : team) ring[professional] = 3;
  for (const Tie& tie : input.ties) {
    if (!tie.fields.period.contains(on)) continue;
    for (const auto& [end, other] : {std::pair{tie.fields.person, tie.fields.other},
                                     std::pair{tie.fields.other, tie.fields.person}}) {
      if (members.contains(end)) continue;
      const int closeness = members.contains(other) ? tie.fields.closeness : TieFields::kFarthest;
      auto [it, inserted] = ring.emplace(end, closeness);
      if (!inserted) it->second = std::min(it->second, closeness);
    }
    map.edges.push_back({tie.id.str(), EcomapEdgeKind::tie, tie.fields.person.str(),
                         tie.fields.other.str(), tie.fields.relation_kind, tie.fields.support_types,
                         tie.fields.direction, tie.fields.quality, tie.fields.closeness});
  }

  auto person_node = [&](const PersonId& id, EcomapNodeKind kind, int node_ring) {
    EcomapNode node;
    node.id = id.str();
    node.kind = kind;
    node.ring = node_ring;
    if (auto found = input.persons.find(id); found != input.persons.end()) {
      node.label = found->second.display_name;
      node.role = role_on(found->second, on);
    }
    node.formal = team.contains(id) || (node.role && is_formal(*node.role));
    if (auto acts = input.recent_acts.find(id); acts != input.recent_acts.end()) {
      node.recent_acts = acts->second;
    }
    return node;
  };

  for (const PersonId& member : members)
    map.nodes.push_back(person_node(member, EcomapNodeKind::member, 0));
  std::set<OrganisationId> organisations;
  for (const auto& [person, person_ring] : ring) {
    map.nodes.push_back(person_node(person, EcomapNodeKind::person, person_ring));
    if (auto found = input.persons.find(person); found != input.persons.end()) {
      std::set<OrganisationId> joined;  // overlapping spells give one edge
      for (const auto& [organisation, period] : found->second.memberships) {
        if (!period.contains(on) || !joined.insert(organisation).second) continue;
        organisations.insert(organisation);
        map.edges.push_back({person.str() + ":" + organisation.str(),
                             EcomapEdgeKind::membership,
                             person.str(),
                             organisation.str(),
                             {},
                             {},
                             {},
                             {},
                             {}});
      }
    }
  }
  for (const PersonId& professional : team) {
    for (const PersonId& member : members) {
      map.edges.push_back({professional.str() + ":" + member.str(),
                           EcomapEdgeKind::team,
                           professional.str(),
                           member.str(),
                           {},
                           {},
                           {},
                           {},
                           {}});
    }
  }
  for (const OrganisationId& id : organisations) {
    EcomapNode node;
    node.id = id.str();
    node.kind = EcomapNodeKind::organisation;
    node.ring = TieFields::kFarthest;
    if (auto found = input.organisations.find(id); found != input.organisations.end()) {
      node.label = found->second.name;
      node.organisation_kind = found->second.kind;
      node.formal = found->second.formal;
    }
    map.nodes.push_back(std::move(node));
  }

  std::stable_sort(map.nodes.begin(), map.nodes.end(),
                   [](const EcomapNode& a, const EcomapNode& b) {
                     if (a.ring != b.ring) return a.ring < b.ring;
                     if (a.kind != b.kind) return a.kind < b.kind;
                     return a.label < b.label;
                   });
  return map;
}

}  // namespace dichtbij
