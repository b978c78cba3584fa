#!/usr/bin/python3
"""The per-household network measures of `dichtbij analyze households` with
networkx (Debian python3-networkx), from the same GraphML export.

    households_networkx.py EXPORT.graphml OUT.csv
"""
import sys

import networkx as nx

from graphml_households import COLUMNS, composition, households, write_row


def main(source, target):
    with open(target, "w", newline="") as out:
        out.write(",".join(COLUMNS) + "\r\n")
        for name, nodes, edges in households(source):
            graph = nx.Graph()
            graph.add_nodes_from(nodes)
            graph.add_edges_from(edges)
            alters, row = composition(nodes)
            among = graph.subgraph(alters)
            row["household"] = name
            row["alter_ties"] = among.number_of_edges()
            row["density"] = nx.density(among) if len(alters) >= 2 else None
            row["components"] = nx.number_connected_components(among)
            row["isolates"] = sum(1 for _ in nx.isolates(among))
            degree = graph.degree("household")
            row["ego_degree"] = degree
            row["ego_alter_ties"] = nx.ego_graph(graph, "household", center=False).number_of_edges()
            if degree:
                effective = nx.effective_size(graph, nodes=["household"])["household"]
                row["effective_size"] = effective
                row["efficiency"] = effective / degree
                row["constraint"] = nx.constraint(graph, nodes=["household"])["household"]
            else:
                row["effective_size"] = row["efficiency"] = row["constraint"] = None
            write_row(out, row)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
