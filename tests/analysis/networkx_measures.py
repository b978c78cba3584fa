#!/usr/bin/python3
"""Recomputes the household network measures with networkx from GraphML and
compares them with Dichtbij's CSV of the same households, to 1e-9.

    networkx_measures.py MEASURES.csv GRAPH.graphml [GRAPH.graphml ...]

Each GraphML file holds one household (analysis/graphml.hpp); the CSV holds
a row per household (analysis/measure_table.hpp), matched on the graph's id
in the CSV's household column. Exits 0 when every value agrees, 1 listing
every difference, 2 on bad usage. Debian's python3-networkx only: the point is
an outside reference, so nothing here comes from Dichtbij's code.
"""
import csv
import math
import sys
import xml.etree.ElementTree as ElementTree

import networkx as nx

ROLES = ["client", "family", "partner", "friend", "neighbour", "peer", "volunteer", "mentor",
         "experientialExpert", "professional"]
CATEGORIES = len(ROLES) + 1  # and "no role"
SUPPORT_TYPES = ["emotional", "practical", "informational", "companionship"]
TOLERANCE = 1e-9


def snake(code):
    return "".join("_" + c.lower() if c.isupper() else c for c in code)


def share(part, whole):
    return None if whole == 0 else part / whole


def graph_id(path):
    root = ElementTree.parse(path).getroot()
    graph = root.find("{http://graphml.graphdrawing.org/xmlns}graph")
    return graph.get("id")


def measures(graph):
    ego = "household"
    alters = [n for n, d in graph.nodes(data=True) if d.get("kind") == "alter"]
    size = len(alters)
    data = graph.nodes
    informal = sum(1 for a in alters if not data[a]["formal"])
    professional = size - informal
    kin = sum(1 for a in alters if data[a]["kin"])
    counts = {}
    for a in alters:
        role = data[a].get("role", "")
        counts[role] = counts.get(role, 0) + 1
    out = {
        "size": size,
        "informal": informal,
        "informal_share": share(informal, size),
        "kin": kin,
        "kin_share": share(kin, size),
        "professional": professional,
        "professional_share": share(professional, size),
    }
    for role in ROLES:
        out["role_" + snake(role)] = counts.get(role, 0)
    out["role_no_role"] = counts.get("", 0)
    if size:
        blau = 1.0 - sum((c / size) ** 2 for c in counts.values())
        out["blau"] = blau
        out["iqv"] = blau / (1.0 - 1.0 / CATEGORIES)
    else:
        out["blau"] = out["iqv"] = None

    among = graph.subgraph(alters)
    out["alter_ties"] = among.number_of_edges()
    out["density"] = nx.density(among) if size >= 2 else None
    out["components"] = nx.number_connected_components(among)
    out["isolates"] = sum(1 for _ in nx.isolates(among))

    degree = graph.degree(ego)
    out["ego_degree"] = degree
    out["ego_alter_ties"] = nx.ego_graph(graph, ego, center=False).number_of_edges()
    if degree:
        effective = nx.effective_size(graph, nodes=[ego])[ego]
        out["effective_size"] = effective
        out["efficiency"] = effective / degree
        out["constraint"] = nx.constraint(graph, nodes=[ego])[ego]
    else:
        out["effective_size"] = out["efficiency"] = out["constraint"] = None

    tied = [a for a in alters if data[a]["supportTie"]]
    multiplex = sum(1 for a in tied if sum(1 for t in SUPPORT_TYPES if data[a][t]) >= 2)
    reciprocal = sum(1 for a in tied if data[a]["gives"] and data[a]["receives"])
    out["support_ties"] = len(tied)
    out["multiplex"] = multiplex
    out["multiplexity"] = share(multiplex, len(tied))
    out["reciprocal"] = reciprocal
    out["reciprocity"] = share(reciprocal, len(tied))
    return out


def differs(expected, actual_text):
    if expected is None:
        return actual_text != ""
    if actual_text == "":
        return True
    actual = float(actual_text)
    return not math.isclose(actual, float(expected), rel_tol=0.0, abs_tol=TOLERANCE)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], newline="", encoding="utf-8") as f:
        rows = {row["household"]: row for row in csv.DictReader(f)}
    problems = []
    compared = 0
    for path in argv[2:]:
        name = graph_id(path)
        graph = nx.read_graphml(path)
        if name not in rows:
            problems.append(f"{path}: no CSV row for household {name}")
            continue
        for column, expected in measures(graph).items():
            compared += 1
            if column not in rows[name]:
                problems.append(f"{name}: the CSV has no column {column}")
            elif differs(expected, rows[name][column]):
                problems.append(
                    f"{name} {column}: networkx {expected!r}, Dichtbij {rows[name][column]!r}")
    for problem in problems:
        print(problem)
    print(f"networkx_measures: {len(argv) - 2} graphs, {compared} values, "
          f"{len(problems)} differences", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
