"""check_days.py DIR DATE... [--undated N] [--actors-only | --skip-actors]
checks the output of `newsgraph days`.

What a days run promises, whatever the extractor finds in the articles:
every date has the `build` file set, consecutive dates have a diff, node
ids agree across days (one id per label, the cumulative graph holds every
day's nodes), timeline.json counts the documents of each day and
timeline.gexf is GEXF 1.3 that networkx reads (when it is installed).
The "one actor, one node" check (a name that is an alias of another node
must not be a node of its own) is about resolution rather than the days
files, so it can be run apart (--actors-only) or skipped (--skip-actors).
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

args = sys.argv[1:]
actors_only = "--actors-only" in args
skip_actors = "--skip-actors" in args
args = [a for a in args if a not in ("--actors-only", "--skip-actors")]
undated = None
if "--undated" in args:
    i = args.index("--undated")
    undated = int(args[i + 1])
    del args[i:i + 2]
out, dates = args[0], args[1:]
fail = []


def check(cond, what, actors=False):
    if actors and skip_actors or not actors and actors_only:
        return
    if not cond:
        fail.append(what)


def load(*parts):
    with open(os.path.join(out, *parts), encoding="utf-8") as f:
        return json.load(f)


groups = dates + (["undated"] if undated else [])
BUILD = ["graph.json", "graph.graphml", "graph.dot", "stats.json", "stats.csv"]
graphs = {}
for g in groups + ["all"]:
    for f in BUILD:
        check(os.path.isfile(os.path.join(out, g, f)), "%s/%s missing" % (g, f))
    graphs[g] = load(g, "graph.json")
check(sorted(e for e in os.listdir(out) if os.path.isdir(os.path.join(out, e))) ==
      sorted(groups + ["all", "diffs"] if len(dates) > 1 else groups + ["all"]),
      "directories %r" % sorted(os.listdir(out)))

# Stable ids: a label names one id on every day; the cumulative graph has
# every day's nodes with the same ids.
label_ids = {}
for g in groups:
    for n in graphs[g]["nodes"]:
        label_ids.setdefault(n["label"], set()).add(n["id"])
        check(any(m["id"] == n["id"] for m in graphs["all"]["nodes"]), "%s: %s not in all/" % (g, n["id"]))
for label, ids in label_ids.items():
    check(len(ids) == 1, "label %r has ids %r" % (label, sorted(ids)), actors=True)
# One actor, one node: a name that is another node's alias in the cumulative
# graph ("Zelensky" of "Volodymyr Zelensky") must not be a node of its own,
# or the diffs of two days report the same person as removed and added.
alias_of = {}
for n in graphs["all"]["nodes"]:
    for a in n.get("aliases", []):
        alias_of.setdefault(a, set()).add(n["id"])
for n in graphs["all"]["nodes"]:
    others = alias_of.get(n["label"], set()) - {n["id"]}
    check(not others, "split actor: node %s (%r, %s) is an alias of %s" %
          (n["id"], n["label"], n["type"], ", ".join(sorted(others))), actors=True)
for g in groups:
    ds = {d["id"]: d for d in graphs[g]["documents"]}
    for d in ds.values():
        check((d.get("date") or "undated") == g, "%s: document %s dated %r" % (g, d["id"], d.get("date")))

# Diffs of consecutive dates, non-empty when the day graphs differ.
SPEC = ["old", "new", "nodes_added", "nodes_removed", "edges_added", "edges_removed", "edges_changed",
        "centrality_changes"]
ndiffs = 0
for a, b in zip(dates, dates[1:]):
    d = os.path.join("diffs", "%s_%s" % (a, b))
    check(os.path.isfile(os.path.join(out, d, "diff.dot")), d + "/diff.dot missing")
    diff = load(d, "diff.json")
    ndiffs += 1
    for k in SPEC:
        check(k in diff, "%s: no %s" % (d, k))
    ids_a = {n["id"] for n in graphs[a]["nodes"]}
    ids_b = {n["id"] for n in graphs[b]["nodes"]}
    check(sorted(diff["nodes_added"]) == sorted(ids_b - ids_a), d + ": nodes_added")
    check(sorted(diff["nodes_removed"]) == sorted(ids_a - ids_b), d + ": nodes_removed")
    if ids_a != ids_b:
        check(not diff["summary"]["empty"], d + ": empty although the days differ")

# Timeline
tl = load("timeline.json")
check([d["date"] for d in tl["days"]] == groups, "timeline dates %r" % [d["date"] for d in tl["days"]])
for d in tl["days"]:
    g = graphs[d["date"]]
    check(d["documents"] == len(g["documents"]), "%s: documents" % d["date"])
    check(d["nodes"] == len(g["nodes"]) and d["edges"] == len(g["edges"]), "%s: counts" % d["date"])
    check(not d["failed"], "%s failed" % d["date"])
if undated:
    check(tl["days"][-1]["documents"] == undated, "undated documents")
seen = set()
for d in tl["days"]:
    ids = {n["id"] for n in graphs[d["date"]]["nodes"]}
    check(set(d["new_actors"]) == ids - seen, "%s: new_actors" % d["date"])
    seen |= ids
with open(os.path.join(out, "timeline.csv"), encoding="utf-8") as f:
    check(len(f.read().splitlines()) == len(groups) + 1, "timeline.csv rows")

# GEXF: well-formed, dynamic, the dated days' nodes; networkx when present.
gexf = os.path.join(out, "timeline.gexf")
root = ET.parse(gexf).getroot()
ns = {"g": "http://gexf.net/1.3"}
graph = root.find("g:graph", ns)
check(graph.get("mode") == "dynamic" and graph.get("timeformat") == "date", "gexf graph attributes")
gexf_ids = {n.get("id") for n in graph.find("g:nodes", ns)}
want = set()
for a in dates:
    want |= {n["id"] for n in graphs[a]["nodes"]}
check(gexf_ids == want, "gexf nodes")
try:
    import networkx as nx
    from networkx.readwrite import gexf as nxg
    if "1.3" not in nxg.GEXF.versions:  # networkx < 3 knows GEXF up to 1.2draft
        nxg.GEXF.versions["1.3"] = {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
                                    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
                                    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                                    "VERSION": "1.3"}
    G = nx.read_gexf(gexf, version="1.3")
    check(set(G.nodes) == want, "networkx nodes")
except ImportError:
    pass

if fail:
    print("days output %s:\n  %s" % (out, "\n  ".join(fail)))
    sys.exit(1)
print("days output %s: %d groups, %d diffs, %d actors in all/" % (out, len(groups), ndiffs,
                                                                  len(graphs["all"]["nodes"])))
