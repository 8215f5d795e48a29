"""check_gexf.py GEXF - reads a newsgraph timeline.gexf back with networkx.

Exits 77 (meson: skipped) when networkx is not installed for this python.
networkx before 3.x knows only the GEXF 1.1/1.2 namespaces; the 1.3
namespace is registered the way later networkx versions do, so the file
is read as the GEXF 1.3 it is, not rewritten to an older version.
"""
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
ET.parse(path)  # well-formed XML first, independent of networkx

try:
    import networkx as nx
    from networkx.readwrite import gexf
except ImportError:
    sys.exit(77)

if "1.3" not in gexf.GEXF.versions:
    gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }

G = nx.read_gexf(path, version="1.3")
fail = []


def check(cond, what):
    if not cond:
        fail.append(what)


check(G.graph.get("mode") == "dynamic", "graph mode dynamic")
check(G.is_directed(), "directed")
check(sorted(G.nodes) == ["amp", "peskov", "putin", "zelensky"], "nodes %r" % sorted(G.nodes))
check(G.nodes["putin"]["spells"] == [("2025-01-11", "2025-01-11"), ("2025-01-12", "2025-01-12"),
                                     ("2025-01-13", "2025-01-13")], "putin spells")
check(G.nodes["peskov"]["spells"] == [("2025-01-12", "2025-01-12")], "peskov spells")
check(G.nodes["putin"]["label"] == "Vladimir Putin", "latest label")
check(G.nodes["amp"]["label"] == "Ben & Jerry's <\"Co\">\ufffd", "escaped label %r" % G.nodes["amp"]["label"])
check(G.nodes["putin"]["type"] == "person", "static type")
check([v for v, s, e in G.nodes["putin"]["pagerank"]] and
      [s for v, s, e in G.nodes["putin"]["pagerank"]] == ["2025-01-11", "2025-01-12", "2025-01-13"],
      "dynamic pagerank per day")
check([(v, s) for v, s, e in G.nodes["putin"]["mentions"]] ==
      [(3, "2025-01-11"), (4, "2025-01-12"), (1, "2025-01-13")], "dynamic mentions")

edges = {(u, v, d["relation"]): d for u, v, d in G.edges(data=True)}
check(set(edges) == {("putin", "zelensky", "said"), ("putin", "zelensky", "warned"),
                     ("peskov", "zelensky", "declined_to_comment"), ("amp", "putin", "said")},
      "edges %r" % sorted(edges))
said = edges[("putin", "zelensky", "said")]
check(said["spells"] == [("2025-01-11", "2025-01-11"), ("2025-01-12", "2025-01-12")], "edge spells")

# The dynamic weight attvalues, read straight from the XML: one per day.
ns = {"g": "http://gexf.net/1.3"}
root = ET.parse(path).getroot()
g = root.find("g:graph", ns)
check(g.get("timeformat") == "date" and g.get("mode") == "dynamic", "graph attributes")
check(root.get("version") == "1.3", "version 1.3")
for e in g.find("g:edges", ns):
    if e.get("source") == "putin" and e.get("target") == "zelensky" and e.get("label") == "said":
        w = [(a.get("value"), a.get("start"), a.get("end")) for a in e.find("g:attvalues", ns)
             if a.get("for") == "weight"]
        check(w == [("2", "2025-01-11", "2025-01-11"), ("5", "2025-01-12", "2025-01-12")], "weights %r" % w)

if fail:
    print("GEXF read back: " + "; ".join(fail))
    sys.exit(1)
print("GEXF read back with networkx %s: %d nodes, %d edges" % (nx.__version__, G.number_of_nodes(),
                                                                G.number_of_edges()))
