// The organisation × organisation network of chain collaboration: who works
// around the same households, and who acts together, with its measures
// (igraph). Definitions: docs/measures.md, "Organisation network".
#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "store/analysis_query.hpp"

namespace dichtbij::analysis {

struct OrganisationMeasures {
  store::OrganisationRow organisation;
  int partners = 0;                 // degree: organisations it shares households with
  long long shared_households = 0;  // weighted degree (igraph_strength)
};

struct OrganisationNetwork {
  std::vector<OrganisationMeasures> organisations;  // in the rows' order
  std::vector<store::OrganisationLinkRow> links;
  int nodes = 0;
  int edges = 0;                  // pairs sharing at least one household or act
  std::optional<double> density;  // edges / (nodes(nodes-1)/2); undefined below two nodes
  int components = 0;
  int isolates = 0;  // organisations working alone
};

// The network of rows, measured. internal when igraph fails.
[[nodiscard]] Result<OrganisationNetwork> organisation_network(store::OrganisationRows rows);

}  // namespace dichtbij::analysis
