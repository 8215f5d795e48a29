#!/usr/bin/env python3
"""Score newsgraph's statements against hand-annotated attributions.

usage: python3 tests/score_attribution.py NEWSGRAPH_BINARY [GOLD_JSONL] [--verbose]

GOLD_JSONL (default tests/data/attribution-dev.jsonl) holds one article per
line: its "text" and its "statements", each with "speaker" (a list of
acceptable names, or null when the text names nobody), "direct", and the
quoted words or reported clause as "start"/"end" code-point offsets and
"content". Every article is written to a temporary .txt file and run
through `newsgraph extract`; the byte offsets it prints are mapped back
to code points.

Printed measures:
  direct recall    gold direct quotes of which a system statement covers
                   at least half
  direct speaker   of those, the share whose covering statement names the
                   right speaker (null gold: the system says null too)
  attribution P/R/F1  one-to-one matches where the spans overlap by at
                   least half of the longer one AND the speaker is right,
                   over all statements (direct and reported)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

GENERIC = {"the", "of", "and", "news", "agency", "service", "department", "u", "s", "us",
           "ministry", "office", "government", "national", "international", "party",
           "church", "com", "mr", "ms", "mrs"}


def tokens(s):
    return [w for w in re.split(r"[^a-z0-9]+", s.lower()) if w]


def speaker_ok(gold, sys_id):
    if gold is None:
        return sys_id is None
    if sys_id is None:
        return False
    st = set(tokens(sys_id)) - GENERIC
    for name in gold:
        gt = set(tokens(name)) - GENERIC
        if not gt or not st:
            continue
        if gt <= set(tokens(sys_id)) or st <= set(tokens(name)):
            return True
    return False


def byte_to_char(text):
    """Maps a byte offset of text's UTF-8 encoding to a code-point offset."""
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def main(argv):
    verbose = "--verbose" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__.strip())
        return 1
    binary = args[0]
    gold_path = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "data",
                                                           "attribution-dev.jsonl")
    docs = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    n_direct = found_direct = right_direct = 0
    n_gold = n_sys = matched = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            path = os.path.join(tmp, d["id"] + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(d["text"])
            out = subprocess.run([binary, "extract", path], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"{d['id']}: newsgraph failed: {out.stderr.strip()}")
                return 1
            rec = json.loads(out.stdout.splitlines()[0])
            b2c = byte_to_char(d["text"])
            system = []
            for s in rec.get("statements", []):
                system.append({"speaker": s.get("speaker"), "direct": s.get("direct"),
                               "start": b2c[s["quote_start"]], "end": b2c[s["quote_end"]],
                               "quote": s.get("quote", "")})
            gold = d["statements"]
            n_gold += len(gold)
            n_sys += len(system)
            # direct-quote recall and speaker
            for g in gold:
                if not g["direct"]:
                    continue
                n_direct += 1
                glen = max(1, g["end"] - g["start"])
                best = max(system, default=None,
                           key=lambda s: overlap(g["start"], g["end"], s["start"], s["end"]))
                if best and overlap(g["start"], g["end"], best["start"], best["end"]) * 2 >= glen:
                    found_direct += 1
                    if speaker_ok(g["speaker"], best["speaker"]):
                        right_direct += 1
                    elif verbose:
                        print(f"{d['id']}: wrong speaker {best['speaker']} for {g['speaker']}: {g['content'][:60]}")
                elif verbose:
                    print(f"{d['id']}: missed direct quote ({g['speaker']}): {g['content'][:60]}")
            # one-to-one attribution matches
            used = set()
            for g in gold:
                hit = None
                for k, s in enumerate(system):
                    if k in used:
                        continue
                    ov = overlap(g["start"], g["end"], s["start"], s["end"])
                    longer = max(g["end"] - g["start"], s["end"] - s["start"], 1)
                    if ov * 2 >= longer and speaker_ok(g["speaker"], s["speaker"]):
                        hit = k
                        break
                if hit is not None:
                    used.add(hit)
                    matched += 1
                elif verbose and not g["direct"]:
                    print(f"{d['id']}: missed reported ({g['speaker']}): {g['content'][:60]}")
            if verbose:
                for k, s in enumerate(system):
                    if k not in used:
                        print(f"{d['id']}: unmatched system ({s['speaker']}): {s['quote'][:60]}")
    p = matched / n_sys if n_sys else 0.0
    r = matched / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"attribution: direct_recall={found_direct}/{n_direct}={found_direct / max(1, n_direct):.2f} "
          f"direct_speaker={right_direct}/{found_direct}={right_direct / max(1, found_direct):.2f} "
          f"P={p:.2f} R={r:.2f} F1={f1:.2f} (gold={n_gold} system={n_sys} matched={matched})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
