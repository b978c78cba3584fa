#!/usr/bin/python3
"""The per-household network measures of `dichtbij analyze households` with
python-igraph (Debian python3-igraph), from the same GraphML export.
Effective size is Borgatti's d - 2t/d, which igraph does not have.

    households_igraph.py EXPORT.graphml OUT.csv
"""
import sys

import igraph

from graphml_households import COLUMNS, composition, households, write_row


def main(source, target):
    with open(target, "w", newline="") as out:
        out.write(",".join(COLUMNS) + "\r\n")
        for name, nodes, edges in households(source):
            index = {node: i for i, node in enumerate(nodes)}
            graph = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges])
            alters, row = composition(nodes)
            among = graph.induced_subgraph([index[a] for a in alters])
            ego = index["household"]
            row["household"] = name
            row["alter_ties"] = among.ecount()
            row["density"] = among.density() if len(alters) >= 2 else None
            row["components"] = len(among.connected_components()) if len(alters) else 0
            row["isolates"] = sum(1 for d in among.degree() if d == 0)
            neighbours = graph.neighbors(ego)
            degree = len(neighbours)
            ties = graph.induced_subgraph(neighbours).ecount()
            row["ego_degree"] = degree
            row["ego_alter_ties"] = ties
            if degree:
                row["effective_size"] = degree - 2.0 * ties / degree
                row["efficiency"] = row["effective_size"] / degree
                row["constraint"] = graph.constraint([ego])[0]
            else:
                row["effective_size"] = row["efficiency"] = row["constraint"] = None
            write_row(out, row)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
