// Ecomap: a household's support network as it stood on one day — the
// picture the web app draws (Hartman's ecomap, with the rings of the
// Social Support Network Map). Built from plain records; no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain_enums.hpp"
#include "core/ids.hpp"
#include "core/period.hpp"
#include "core/tie.hpp"

namespace dichtbij {

// What the ecomap needs to know of a person.
struct PersonSnapshot {
  std::string display_name;
  std::vector<std::pair<PersonRole, Period>> roles;
  std::vector<std::pair<OrganisationId, Period>> memberships;
};

struct OrganisationSnapshot {
  std::string name;
  OrganisationKind kind = OrganisationKind::other;
  bool formal = true;
};

// Everything about one household the ecomap is built from. Members, team
// and ties may include ones that did not hold on the day; build_ecomap
// filters them.
struct EcomapInput {
  std::vector<std::pair<PersonId, Period>> members;
  std::vector<std::pair<PersonId, Period>> team;
  std::vector<Tie> ties;
  std::map<PersonId, PersonSnapshot> persons;
  std::map<OrganisationId, OrganisationSnapshot> organisations;
  // Support acts given for the household per provider in the 90 days up to
  // and including the day.
  std::map<PersonId, int> recent_acts;
};

enum class EcomapNodeKind { member, person, organisation };
enum class EcomapEdgeKind { tie, team, membership };

struct EcomapNode {
  std::string id;  // a PersonId or OrganisationId
  EcomapNodeKind kind = EcomapNodeKind::person;
  std::string label;
  std::optional<PersonRole> role;  // the person's role on the day
  std::optional<OrganisationKind> organisation_kind;
  bool formal = false;
  int ring = 0;  // 0 household; 1 closest … 3 farthest
  int recent_acts = 0;
};

struct EcomapEdge {
  std::string id;  // a TieId, or derived for team and membership edges
  EcomapEdgeKind kind = EcomapEdgeKind::tie;
  std::string source;
  std::string target;
  std::optional<RelationKind> relation_kind;
  std::vector<SupportType> support_types;
  std::optional<HelpDirection> direction;
  std::optional<TieQuality> quality;
  std::optional<int> closeness;
};

struct Ecomap {
  Date on;
  std::vector<EcomapNode> nodes;  // members first, then by ring, then by label
  std::vector<EcomapEdge> edges;
};

// The network on day `on`: members in ring 0; every person tied to the
// household on that day in the ring of their closest tie to a member (3 if
// tied only to other network persons); team professionals (formal, ring 3
// unless a tie puts them closer) with a team edge to each member; and the
// organisations those persons belonged to on that day.
[[nodiscard]] Ecomap build_ecomap(const EcomapInput& input, const Date& on);

}  // namespace dichtbij
