#!/usr/bin/env python3
"""check_readers.py - open every output of the sample graph with real readers.

Usage: check_readers.py TEST_EXPORT [DOT]

TEST_EXPORT --write-sample DIR writes the outputs of a graph whose quotes hold
<, &, ", non-ASCII, a control character and invalid UTF-8. This script then
checks that networkx and python-igraph read graph.graphml with the promised
types, that graph.json/stats.json/stats.csv have the spec's fields, that the
centralities agree with networkx's own computation, and that the Graphviz CLI
accepts graph.dot. Exit 77 (meson: skipped) when networkx is not installed.
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings
import xml.etree.ElementTree as ET

warnings.filterwarnings("ignore", category=FutureWarning)

try:
    import networkx as nx
except ImportError:
    print("networkx not installed: skipping")
    sys.exit(77)

failures = 0


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


def close(a, b, tol=1e-6):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check_graphml(d):
    g = nx.read_graphml(os.path.join(d, "graph.graphml"))
    check(g.is_directed(), "graphml: networkx reads a directed graph")
    check(g.number_of_nodes() == 5, "graphml: 5 nodes")
    check(g.number_of_edges() == 6, "graphml: 6 edges (parallel relations kept)")
    z = g.nodes["volodymyr-zelensky"]
    check(isinstance(z["pagerank"], float), "graphml: pagerank is a float")
    check(isinstance(z["mentions"], int) and z["mentions"] == 14, "graphml: mentions is an int")
    check(isinstance(z["community"], int), "graphml: community is an int")
    check(z["aliases"] == "Zelensky; Zelenskyy", "graphml: aliases joined with '; '")
    check(z["label"] == "Volodymyr Zelensky" and z["type"] == "person", "graphml: label and type")
    weights = [data["weight"] for _, _, data in g.edges(data=True)]
    check(all(isinstance(w, float) for w in weights), "graphml: weight is a float")
    check(sum(weights) == 7.0, "graphml: weights sum to the 7 statements")
    quotes = " || ".join(data.get("quotes", "") for _, _, data in g.edges(data=True))
    check('He said "<b>yes</b>" & left' in quotes, "graphml: <, &, \" survive escaping")
    check("\u00abfacile\u00bb \u2014 \u6771\u4eac" in quotes, "graphml: non-ASCII kept")
    check("\x01" not in quotes and "controlchar\ttab" in quotes,
          "graphml: control character dropped, tab kept")
    check(g.nodes["odd"]["label"] == '\u00dcn\u00efc\u00f6d\u00e9 "quoted", comma\\',
          "graphml: label with quotes and backslash")

    # The centralities agree with networkx's own on the same graph.
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
    check(all(close(pr[n], g.nodes[n]["pagerank"]) for n in g),
          "graphml: pagerank matches networkx (weighted, 0.85)")
    check(close(sum(g.nodes[n]["pagerank"] for n in g), 1.0), "graphml: pagerank sums to 1")
    simple = nx.DiGraph(g)
    bc = nx.betweenness_centrality(simple, normalized=False)
    check(all(close(bc[n], g.nodes[n]["betweenness"]) for n in g),
          "graphml: betweenness matches networkx (directed, unnormalised)")
    hc = nx.harmonic_centrality(simple.to_undirected())
    check(all(close(hc[n] / 4, g.nodes[n]["closeness"]) for n in g),
          "graphml: closeness is normalised harmonic centrality")
    # Eigenvector: undirected projection, weights summed, self-loops dropped;
    # HITS: directed, parallel relations' weights summed. Both scaled max 1.
    und, dig = nx.Graph(), nx.DiGraph()
    und.add_nodes_from(g)
    dig.add_nodes_from(g)
    for u, v, data in g.edges(data=True):
        if u != v:
            w = und.get_edge_data(u, v, {"weight": 0.0})["weight"]
            und.add_edge(u, v, weight=w + data["weight"])
        w = dig.get_edge_data(u, v, {"weight": 0.0})["weight"]
        dig.add_edge(u, v, weight=w + data["weight"])
    ev = nx.eigenvector_centrality_numpy(und, weight="weight")
    top = max(ev.values())
    check(all(close(ev[n] / top, g.nodes[n]["eigenvector"], 1e-6) for n in g),
          "graphml: eigenvector matches networkx (undirected weighted, max 1)")
    hubs, auths = nx.hits(dig, max_iter=10000, tol=1e-12)
    hm, am = max(hubs.values()), max(auths.values())
    check(all(close(hubs[n] / hm, g.nodes[n]["hub"], 1e-6) for n in g),
          "graphml: hub scores match networkx HITS")
    check(all(close(auths[n] / am, g.nodes[n]["authority"], 1e-6) for n in g),
          "graphml: authority scores match networkx HITS")
    return g


def check_igraph(d):
    try:
        import igraph
    except ImportError:
        print("python-igraph not installed: igraph reader not checked")
        return
    g = igraph.Graph.Read_GraphML(os.path.join(d, "graph.graphml"))
    check(g.is_directed() and g.vcount() == 5 and g.ecount() == 6,
          "graphml: python-igraph reads 5 nodes, 6 directed edges")
    check("pagerank" in g.vs.attributes() and "weight" in g.es.attributes(),
          "graphml: python-igraph sees pagerank and weight")
    check(all(isinstance(x, float) for x in g.vs["pagerank"]), "graphml: igraph pagerank floats")


def check_graph_json(d):
    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        j = json.load(f)
    check(j["format"] == "newsgraph" and j["version"] == 1, "graph.json: format and version")
    check([x["id"] for x in j["documents"]] == ["data/seeds/000.txt", "data/seeds/001.txt"],
          "graph.json: documents sorted")
    node_keys = {"id", "label", "type", "aliases", "mentions", "documents"}
    check(all(node_keys <= set(n) for n in j["nodes"]), "graph.json: node fields of the spec")
    check([n["id"] for n in j["nodes"]] == sorted(n["id"] for n in j["nodes"]),
          "graph.json: nodes sorted by id")
    edge_keys = {"source", "target", "relation", "weight", "evidence"}
    check(all(edge_keys <= set(e) for e in j["edges"]), "graph.json: edge fields of the spec")
    ev_keys = {"document", "cue", "quote", "start", "end"}
    evs = [ev for e in j["edges"] for ev in e["evidence"]]
    check(evs and all(ev_keys <= set(ev) for ev in evs), "graph.json: evidence fields of the spec")
    check(any("\u6771\u4eac" in ev["quote"] for ev in evs), "graph.json: UTF-8 kept as is")
    check(any("\ufffd" in ev["quote"] for ev in evs), "graph.json: invalid UTF-8 as U+FFFD")
    ids = {n["id"] for n in j["nodes"]}
    check(all(e["source"] in ids and e["target"] in ids for e in j["edges"]),
          "graph.json: edges point to nodes")


STATS_KEYS = ["id", "label", "type", "degree", "in_degree", "out_degree", "pagerank",
              "betweenness", "closeness", "eigenvector", "hub", "authority", "community"]


def check_stats(d):
    with open(os.path.join(d, "stats.json"), encoding="utf-8") as f:
        s = json.load(f)
    check(s["graph"]["nodes"] == 5 and s["graph"]["edges"] == 6, "stats.json: graph counts")
    check(all(set(STATS_KEYS) <= set(n) for n in s["nodes"]), "stats.json: node fields of the spec")
    order = [(-n["pagerank"], n["id"]) for n in s["nodes"]]
    check(order == sorted(order), "stats.json: sorted by pagerank, highest first")
    with open(os.path.join(d, "stats.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    check([r["id"] for r in rows] == [n["id"] for n in s["nodes"]], "stats.csv: same rows")
    check(set(STATS_KEYS) <= set(rows[0]), "stats.csv: same columns")
    odd = [r for r in rows if r["id"] == "odd"][0]
    check(odd["label"] == '\u00dcn\u00efc\u00f6d\u00e9 "quoted", comma\\', "stats.csv: quoting")
    check(all(math.isclose(float(r["pagerank"]), n["pagerank"]) for r, n in zip(rows, s["nodes"])),
          "stats.csv: same values")


def check_dot(d, dot):
    if not dot:
        print("dot not found: DOT not checked with the Graphviz CLI")
        return
    p = subprocess.run([dot, "-Tsvg", os.path.join(d, "graph.dot")], capture_output=True)
    check(p.returncode == 0 and b"<svg" in p.stdout, "graph.dot: `dot -Tsvg` accepts it")
    check(b"Error" not in p.stderr and b"syntax" not in p.stderr, "graph.dot: no syntax errors")
    ET.fromstring(p.stdout)
    svg = ET.parse(os.path.join(d, "graph.svg")).getroot()
    check(svg.tag.endswith("svg"), "graph.svg: well-formed SVG from ng_render_dot")


def main():
    exe = sys.argv[1]
    dot = sys.argv[2] if len(sys.argv) > 2 else ""
    with tempfile.TemporaryDirectory(prefix="ng-readers-") as d:
        subprocess.run([exe, "--write-sample", d], check=True)
        check_graphml(d)
        check_igraph(d)
        check_graph_json(d)
        check_stats(d)
        check_dot(d, dot)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
