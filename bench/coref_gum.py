#!/usr/bin/env python3
"""How many of GUM's named-entity clusters end up on one node.

usage: bench/coref_gum.py BUILD/newsgraph [GUM_JSONL] [--verbose]

GUM_JSONL defaults to ../shared/eval/coref/gum-news.jsonl (24 Wikinews
articles, CC BY 2.5 text, CC BY 4.0 annotations). For every gold cluster of
person/organization/place entities, only its proper-name mentions count
(proper == true); a gold mention is "found" when `newsgraph extract` emits an
entity with exactly its span. Prints, over clusters with at least two found
mentions: how many land on one id (unified), the pairwise recall (pairs of one
cluster on one id) and the wrong pairs (mentions of different gold clusters
on one id, within a document).
"""
import collections
import itertools
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools"))
import nglib  # noqa: E402

TYPES = {"person", "organization", "place"}


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in argv
    if not args:
        print(__doc__.strip())
        return 1
    gold_path = args[1] if len(args) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "coref", "gum-news.jsonl")
    docs = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    recs = nglib.run_extract(args[0], [(d["id"], d["text"]) for d in docs])

    clusters = found = unified = 0
    pairs = pairs_ok = wrong = gold_mentions = found_mentions = 0
    for d in docs:
        rec = recs.get(d["id"], {"entities": []})
        by_span = {(e["start"], e["end"]): e["id"] for e in rec["entities"]}
        gold = collections.defaultdict(list)
        for m in d["mentions"]:
            if m.get("proper") and m.get("etype") in TYPES:
                gold[m["entity"]].append(m)
        owner = {}
        for ent, ms in gold.items():
            gold_mentions += len(ms)
            ids = [by_span.get((m["start"], m["end"])) for m in ms]
            hit = [(m, i) for m, i in zip(ms, ids) if i]
            found_mentions += len(hit)
            for m, i in hit:
                owner.setdefault(i, set()).add(ent)
            if len(ms) < 2:
                continue
            clusters += 1
            if len(hit) < 2:
                continue
            found += 1
            same = len({i for _, i in hit}) == 1
            unified += same
            for (_, a), (_, b) in itertools.combinations(hit, 2):
                pairs += 1
                pairs_ok += a == b
            if verbose and not same:
                print(f"{d['id']}: split {ent}: " + ", ".join(f"{m['text']}->{i}" for m, i in hit))
        for i, ents in owner.items():
            if len(ents) > 1:
                wrong += 1
                if verbose:
                    names = {e: gold[e][0]["text"] for e in ents}
                    print(f"{d['id']}: {i} merges " + " + ".join(sorted(names.values())))
    # descriptors the system resolved: right when the gold mention with the
    # same span belongs to the gold entity whose named mentions carry that id
    d_ok = d_wrong = d_unknown = 0
    for d in docs:
        rec = recs.get(d["id"], {"entities": []})
        gold_at = {(m["start"], m["end"]): m for m in d["mentions"]}
        by_span = {(e["start"], e["end"]): e["id"] for e in rec["entities"]}
        ent_ids = collections.defaultdict(collections.Counter)
        for m in d["mentions"]:
            i = by_span.get((m["start"], m["end"]))
            if m.get("proper") and i:
                ent_ids[m["entity"]][i] += 1
        for e in rec["entities"]:
            if e.get("kind") != "descriptor" or not e.get("id"):
                continue
            g = gold_at.get((e["start"], e["end"]))
            if not g or not ent_ids.get(g["entity"]):
                d_unknown += 1
                continue
            ok = ent_ids[g["entity"]].most_common(1)[0][0] == e["id"]
            d_ok += ok
            d_wrong += not ok
            if verbose and not ok:
                print(f"{d['id']}: descriptor '{e['text']}' -> {e['id']}, gold {g['entity']}")
    print(f"gum-coref: resolved descriptors right {d_ok}, wrong {d_wrong}, not checkable {d_unknown}")
    print(f"gum-coref: named mentions found {found_mentions}/{gold_mentions}; clusters with >=2 named "
          f"mentions {clusters}, with >=2 found {found}, unified {unified}/{found}; "
          f"pair recall {pairs_ok}/{pairs}; ids merging distinct gold entities {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
