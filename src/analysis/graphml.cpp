#include "analysis/graphml.hpp"

#include <array>

namespace dichtbij::analysis {

namespace {

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

struct Key {
  std::string_view id, domain, type;
};

constexpr std::array<Key, 13> kKeys{{
    {"kind", "node", "string"},
    {"role", "node", "string"},
    {"formal", "node", "boolean"},
    {"kin", "node", "boolean"},
    {"adjacent", "node", "boolean"},
    {"supportTie", "node", "boolean"},
    {"emotional", "node", "boolean"},
    {"practical", "node", "boolean"},
    {"informational", "node", "boolean"},
    {"companionship", "node", "boolean"},
    {"gives", "node", "boolean"},
    {"receives", "node", "boolean"},
    {"date", "graph", "string"},
}};

void data(std::ostream& out, std::string_view key, std::string_view value) {
  out << "<data key=\"" << key << "\">" << value << "</data>";
}
void flag(std::ostream& out, std::string_view key, bool value) {
  data(out, key, value ? "true" : "false");
}

}  // namespace

void write_graphml_start(std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    out << "<key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.id
        << "\" attr.type=\"" << key.type << "\"/>\n";
  }
}

void write_graphml_graph(std::ostream& out, std::string_view graph_id,
                         const HouseholdNetwork& network, const Date& on) {
  out << "<graph id=\"" << escaped(graph_id) << "\" edgedefault=\"undirected\">";
  data(out, "date", format_date(on));
  out << "\n<node id=\"household\">";
  data(out, "kind", "ego");
  out << "</node>\n";
  for (const Alter& alter : network.alters) {
    out << "<node id=\"" << escaped(alter.id) << "\">";
    data(out, "kind", "alter");
    if (alter.role) data(out, "role", to_code(*alter.role));
    flag(out, "formal", alter.formal);
    flag(out, "kin", alter.kin);
    flag(out, "adjacent", alter.adjacent);
    flag(out, "supportTie", alter.support_tie);
    for (std::size_t t = 0; t != kSupportTypes; ++t) {
      flag(out, EnumTraits<SupportType>::kValues[t].code, alter.support_types[t]);
    }
    flag(out, "gives", alter.gives);
    flag(out, "receives", alter.receives);
    out << "</node>\n";
  }
  for (const Alter& alter : network.alters) {
    if (!alter.adjacent) continue;
    out << "<edge source=\"household\" target=\"" << escaped(alter.id) << "\"/>\n";
  }
  for (const auto& [a, b] : network.alter_ties) {
    out << "<edge source=\"" << escaped(network.alters[static_cast<std::size_t>(a)].id)
        << "\" target=\"" << escaped(network.alters[static_cast<std::size_t>(b)].id) << "\"/>\n";
  }
  out << "</graph>\n";
}

void write_graphml_end(std::ostream& out) {
  out << "</graphml>\n";
}

void write_organisation_graphml(std::ostream& out, std::span<const OrganisationGraphNode> nodes,
                                std::span<const OrganisationGraphEdge> edges) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "<key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "<key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "<key id=\"formal\" for=\"node\" attr.name=\"formal\" attr.type=\"boolean\"/>\n"
         "<key id=\"households\" for=\"edge\" attr.name=\"households\" attr.type=\"long\"/>\n"
         "<key id=\"jointActs\" for=\"edge\" attr.name=\"jointActs\" attr.type=\"long\"/>\n"
         "<graph id=\"organisations\" edgedefault=\"undirected\">\n";
  for (const OrganisationGraphNode& node : nodes) {
    out << "<node id=\"" << escaped(node.id) << "\">";
    data(out, "name", escaped(node.name));
    data(out, "kind", escaped(node.kind));
    flag(out, "formal", node.formal);
    out << "</node>\n";
  }
  for (const OrganisationGraphEdge& edge : edges) {
    out << "<edge source=\"" << escaped(nodes[static_cast<std::size_t>(edge.source)].id)
        << "\" target=\"" << escaped(nodes[static_cast<std::size_t>(edge.target)].id) << "\">";
    data(out, "households", std::to_string(edge.households));
    data(out, "jointActs", std::to_string(edge.joint_acts));
    out << "</edge>\n";
  }
  out << "</graph>\n</graphml>\n";
}

}  // namespace dichtbij::analysis
