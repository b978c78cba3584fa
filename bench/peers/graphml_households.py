"""Streams the households of a `dichtbij analyze households --graphml` file:
one (graph id, nodes, edges) per <graph>, nodes as {id: {key: value}} with
booleans as bool, edges as (source, target). Shared by the peer scripts so
that both read the export the same way (xml.etree, the standard library)."""
import xml.etree.ElementTree as ElementTree

NS = "{http://graphml.graphdrawing.org/xmlns}"
BOOLEAN_KEYS = {"formal", "kin", "adjacent", "supportTie", "emotional", "practical",
                "informational", "companionship", "gives", "receives"}


def households(path):
    nodes, edges = {}, []
    for event, element in ElementTree.iterparse(path, events=("end",)):
        tag = element.tag
        if tag == NS + "node":
            data = {}
            for item in element.iter(NS + "data"):
                key = item.get("key")
                data[key] = (item.text == "true") if key in BOOLEAN_KEYS else item.text
            nodes[element.get("id")] = data
            element.clear()
        elif tag == NS + "edge":
            edges.append((element.get("source"), element.get("target")))
            element.clear()
        elif tag == NS + "graph":
            yield element.get("id"), nodes, edges
            nodes, edges = {}, []
            element.clear()


ROLES = ["client", "family", "partner", "friend", "neighbour", "peer", "volunteer", "mentor",
         "experientialExpert", "professional"]
CATEGORIES = len(ROLES) + 1
SUPPORT_TYPES = ["emotional", "practical", "informational", "companionship"]
COLUMNS = ["household", "size", "informal", "kin", "professional", "blau", "iqv", "alter_ties",
           "density", "components", "isolates", "ego_degree", "ego_alter_ties",
           "effective_size", "efficiency", "constraint", "support_ties", "multiplex",
           "multiplexity", "reciprocal", "reciprocity"]


def composition(nodes):
    """The measures that need no graph library: counts, Blau, IQV, multiplexity."""
    alters = [n for n, d in nodes.items() if d.get("kind") == "alter"]
    size = len(alters)
    counts = {}
    informal = kin = tied = multiplex = reciprocal = 0
    for a in alters:
        d = nodes[a]
        informal += not d["formal"]
        kin += d["kin"]
        role = d.get("role", "")
        counts[role] = counts.get(role, 0) + 1
        if d["supportTie"]:
            tied += 1
            multiplex += sum(d[t] for t in SUPPORT_TYPES) >= 2
            reciprocal += d["gives"] and d["receives"]
    blau = 1.0 - sum((c / size) ** 2 for c in counts.values()) if size else None
    return alters, {
        "size": size, "informal": informal, "kin": kin, "professional": size - informal,
        "blau": blau, "iqv": None if blau is None else blau / (1.0 - 1.0 / CATEGORIES),
        "support_ties": tied, "multiplex": multiplex,
        "multiplexity": multiplex / tied if tied else None,
        "reciprocal": reciprocal, "reciprocity": reciprocal / tied if tied else None,
    }


def write_row(out, row):
    out.write(",".join("" if row[c] is None else repr(row[c]) if isinstance(row[c], float)
                       else str(row[c]) for c in COLUMNS) + "\r\n")
